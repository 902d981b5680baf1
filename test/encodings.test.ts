// Encodings: the core decoder on its own, and the CLI on the files Windows tools write (UTF-16 from
// PowerShell's `>` and Notepad's "Unicode", Windows-1252 from Set-Content, no mark, damaged bytes).
// A UTF-16 file must give exactly the findings and positions of its UTF-8 twin; anything that is
// not UTF-8 or UTF-16 with a mark must never pass silently.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DIAGNOSTIC_CODES } from '../server/src/core/diagnosticCodes';
import { decodeName, decodeText, decodeWindows1252, firstInvalidUtf8 } from '../server/src/core/text/decode';
import { assertBuilt, findings, runCli, runCliJson } from './helpers/cli';
import { readTextFile } from '../server/src/node/readText';

const utf8 = (text: string) => Buffer.from(text, 'utf8');
const utf16le = (text: string, bom = true) => Buffer.concat([Buffer.from(bom ? [0xff, 0xfe] : []), Buffer.from(text, 'utf16le')]);
const utf16be = (text: string, bom = true) => {
  const body = Buffer.from(text, 'utf16le').swap16();
  return Buffer.concat([Buffer.from(bom ? [0xfe, 0xff] : []), body]);
};
const DECODE_CODES = ['not-text', 'damaged-text', 'read-as-windows-1252', 'utf16-without-bom'];

// Non-ASCII in a comment, a non-BMP character (two UTF-16 units) before a finding on the same
// line, CRLF line ends: what a UTF-16 twin must not shift.
const CCMSETUP = [
  '# Déploiement du client – “pilot” 😀',
  'ccmsetup.exe /UsePKICrt SMSSITECODE=ABC',
  'ccmsetup.exe /mp:mp01.contoso.com SMSSITECODE=ABC FOO=😀 /UsePKICrt',
  'ccmsetup.exe /mp:mp01.contoso.com SMSSITECODE=ABCD',
  '',
].join('\r\n');
const MANIFEST = '# plan — “Autopilot” 😀\nversion: 1\npath: autopilot\nsite:\n  version: 2107\n';

describe('decoder (core/text/decode.ts)', () => {
  const SAMPLE = 'ccmsetup.exe SMSSITECODE=ABC # “é” 😀\r\nline two\n';

  it('reads UTF-8 with and without a byte-order mark as the same text, without a finding', () => {
    const plain = decodeText(utf8(SAMPLE));
    assert.deepEqual(plain, { text: SAMPLE, encoding: 'utf-8', bom: false });
    const marked = decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(SAMPLE)]));
    assert.deepEqual(marked, { text: SAMPLE, encoding: 'utf-8', bom: true });
  });

  it('reads UTF-16 LE and BE with a byte-order mark as the same text as UTF-8, mark dropped', () => {
    assert.deepEqual(decodeText(utf16le(SAMPLE)), { text: SAMPLE, encoding: 'utf-16le', bom: true });
    assert.deepEqual(decodeText(utf16be(SAMPLE)), { text: SAMPLE, encoding: 'utf-16be', bom: true });
    // Only the first mark is the mark: a second U+FEFF is text.
    assert.equal(decodeText(utf16le('\uFEFFx')).text, '\uFEFFx');
    assert.equal(decodeText(utf16le('')).text, '');
  });

  it('reports damaged UTF-16 (odd length, lone surrogate) as an error where the damage is', () => {
    const odd = decodeText(Buffer.concat([utf16le('ab\ncd'), Buffer.from([0x41])]));
    assert.equal(odd.problem?.code, 'damaged-text');
    assert.equal(odd.problem?.severity, 'error');
    assert.equal(odd.text, 'ab\ncd\uFFFD');
    assert.deepEqual(odd.problem?.span, { start: 5, end: 6 });
    // A high surrogate followed by a letter.
    const lone = decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from([0x41, 0, 0x3d, 0xd8, 0x42, 0])]));
    assert.equal(lone.problem?.code, 'damaged-text');
    assert.deepEqual(lone.problem?.span, { start: 1, end: 2 });
    assert.equal(lone.text.length, 3);
    const loneBe = decodeText(Buffer.from([0xfe, 0xff, 0xdc, 0x00]));
    assert.equal(loneBe.problem?.code, 'damaged-text');
  });

  it('reads UTF-16 without a mark (every other byte zero) as UTF-16, with a warning', () => {
    for (const [bytes, encoding] of [[utf16le(SAMPLE, false), 'utf-16le'], [utf16be(SAMPLE, false), 'utf-16be']] as const) {
      const decoded = decodeText(bytes);
      assert.equal(decoded.text, SAMPLE);
      assert.equal(decoded.encoding, encoding);
      assert.equal(decoded.problem?.code, 'utf16-without-bom');
      assert.equal(decoded.problem?.severity, 'warning');
      assert.match(decoded.problem?.message ?? '', encoding === 'utf-16le' ? /UTF-16 LE/ : /UTF-16 BE/);
    }
  });

  it('reads bytes that are not UTF-8 as Windows-1252, with a warning on the first such byte that names what it became', () => {
    // What Set-Content writes for a line with Word's curly quotes and an en dash.
    const bytes = Buffer.from('SMSSITECODE=ABC # \x93pilot\x94 \x96 caf\xe9\r\n', 'latin1');
    const decoded = decodeText(bytes);
    assert.equal(decoded.encoding, 'windows-1252');
    assert.equal(decoded.text, 'SMSSITECODE=ABC # “pilot” – café\r\n');
    assert.equal(decoded.problem?.code, 'read-as-windows-1252');
    assert.equal(decoded.problem?.severity, 'warning');
    assert.deepEqual(decoded.problem?.span, { start: 18, end: 19 });
    assert.match(decoded.problem?.message ?? '', /0x93 .*“ \(U\+201C\)/);
    assert.match(decoded.problem?.message ?? '', /Set-Content/);
  });

  it('maps the Windows-1252 range 0x80–0x9F to its characters, one UTF-16 unit per byte', () => {
    const all = decodeWindows1252(Uint8Array.from({ length: 256 }, (_, i) => i));
    assert.equal(all.length, 256);
    assert.equal(all.slice(0, 0x80), Array.from({ length: 0x80 }, (_, i) => String.fromCharCode(i)).join(''));
    assert.equal(all.slice(0xa0), Array.from({ length: 0x60 }, (_, i) => String.fromCharCode(0xa0 + i)).join(''));
    const at = (b: number) => all.charCodeAt(b);
    assert.deepEqual([at(0x80), at(0x91), at(0x92), at(0x93), at(0x94), at(0x96), at(0x97), at(0x9f)],
      [0x20ac, 0x2018, 0x2019, 0x201c, 0x201d, 0x2013, 0x2014, 0x0178]);
    // The five unassigned bytes stay C1 controls, as the WHATWG decoder leaves them.
    assert.deepEqual([0x81, 0x8d, 0x8f, 0x90, 0x9d].map(at), [0x81, 0x8d, 0x8f, 0x90, 0x9d]);
  });

  it('refuses binary data, control-heavy data and UTF-32 as not text, with an error and nothing to check', () => {
    const cases = [
      Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00, 0xff, 0x9c]), // a ZIP header
      Buffer.from('ccmsetup.exe\x01\x02\x03\x04\x05\x06 /mp:x\x1b[2J', 'latin1'),
      Buffer.from([0xff, 0xfe, 0x00, 0x00, 0x41, 0x00, 0x00, 0x00]),
      Buffer.from([0x00, 0x00, 0xfe, 0xff, 0x00, 0x00, 0x00, 0x41]),
      Buffer.from([0x41, 0x00, 0x42]), // NULs but an odd length: not UTF-16 either
    ];
    for (const bytes of cases) {
      const decoded = decodeText(bytes);
      assert.equal(decoded.encoding, 'none', bytes.toString('hex'));
      assert.equal(decoded.text, '');
      assert.equal(decoded.problem?.code, 'not-text');
      assert.equal(decoded.problem?.severity, 'error');
      assert.match(decoded.problem?.message ?? '', /not UTF-8 or UTF-16 text/);
    }
  });

  it('reports damaged bytes in a file marked UTF-8 as an error, not as Windows-1252', () => {
    const decoded = decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8('é😀'), Buffer.from([0xff]), utf8('x')]));
    assert.equal(decoded.encoding, 'utf-8');
    assert.equal(decoded.problem?.code, 'damaged-text');
    assert.equal(decoded.text, 'é😀\uFFFDx');
    assert.deepEqual(decoded.problem?.span, { start: 3, end: 4 });
  });

  it('finds the first byte that is not UTF-8 exactly where a strict decoder fails', () => {
    let seed = 7;
    const random = () => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed >> 8; };
    const pieces = [[0x41], [0xc3, 0xa9], [0xe2, 0x80, 0x9c], [0xf0, 0x9f, 0x98, 0x80], [0xff], [0xc3], [0xe0, 0x80, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0x80]];
    for (let n = 0; n < 2000; n++) {
      const bytes = Uint8Array.from(Array.from({ length: 1 + (random() % 6) }, () => pieces[random() % pieces.length]).flat());
      const bad = firstInvalidUtf8(bytes);
      let strictOk = true;
      try { new TextDecoder('utf-8', { fatal: true }).decode(bytes); } catch { strictOk = false; }
      assert.equal(bad === -1, strictOk, Buffer.from(bytes).toString('hex'));
      if (bad >= 0) assert.doesNotThrow(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, bad)));
    }
  });

  it('registers every decoding code as a service code with the severity it reports', () => {
    const samples = [Buffer.from([0, 1, 2, 0xff]), Buffer.from([0xef, 0xbb, 0xbf, 0xff]), Buffer.from([0x93]), utf16le('a', false)];
    for (const bytes of samples) {
      const problem = decodeText(bytes).problem;
      const info = DIAGNOSTIC_CODES.find((c) => c.id === problem?.code);
      assert.ok(info, `${problem?.code} is not registered`);
      assert.equal(info.origin, 'service');
      assert.equal(info.severity, problem?.severity);
      assert.equal(info.docUrl, problem?.docUrl);
    }
    assert.deepEqual(DECODE_CODES.filter((id) => !DIAGNOSTIC_CODES.some((c) => c.id === id)), []);
  });

  it('shows a file name that is not UTF-8 with the odd bytes as \\xNN', () => {
    assert.deepEqual(decodeName(Buffer.from('plan-é.ccmsetup')), { text: 'plan-é.ccmsetup', valid: true });
    assert.deepEqual(decodeName(Buffer.from([0x61, 0xff, 0xc3, 0xa9, 0xc3, 0x2e])), { text: 'a\\xFFé\\xC3.', valid: false });
  });

  it('decodes 2 MB in time linear in its size, near what Node takes to decode UTF-8', () => {
    const line = 'ccmsetup.exe /mp:mp01.contoso.com SMSSITECODE=ABC # “x”\r\n';
    const inputs = [utf16le(line.repeat(20000)), utf16le(line.repeat(20000), false), utf8(line.repeat(35000)), Buffer.from(line.replace('“', '\x93').replace('”', '\x94').repeat(35000), 'latin1')];
    const best = (work: () => void) => Math.min(...[1, 2, 3].map(() => { const start = performance.now(); work(); return performance.now() - start; }));
    for (const bytes of inputs) {
      const node = best(() => bytes.toString('utf8'));
      const ours = best(() => decodeText(bytes));
      // Generous: the machine is shared; a quadratic path would be hundreds of times slower.
      assert.ok(ours < node * 5 + 20, `${bytes.length} bytes: ${ours.toFixed(1)} ms, Node's UTF-8 decode ${node.toFixed(1)} ms`);
    }
  });
});

describe('CLI on encoded files (dist/cli.js)', function () {
  this.timeout(60000);
  let root: string;
  let dirs = 0;
  function project(files: Record<string, Buffer | string>): string {
    const dir = path.join(root, `e${++dirs}`);
    fs.mkdirSync(dir, { recursive: true });
    for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), content);
    return dir;
  }
  before(() => {
    assertBuilt();
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'comanage-enc-'));
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('gives a UTF-16 LE or BE ccmsetup file (with a mark) the same findings and positions as its UTF-8 twin', () => {
    const dir = project({
      'a-utf8.ccmsetup': utf8(CCMSETUP),
      'b-utf8bom.ccmsetup': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(CCMSETUP)]),
      'c-utf16le.ccmsetup': utf16le(CCMSETUP),
      'd-utf16be.ccmsetup': utf16be(CCMSETUP),
    });
    const { status, files } = runCliJson(dir, ['check', '.']);
    assert.equal(status, 1);
    const twin = findings(files[0]);
    assert.ok(twin.some((d) => d.code === 'unknown-parameter' && d.range.start.line === 2), JSON.stringify(twin));
    // A finding after the emoji: its column counts the emoji as two UTF-16 units in every encoding.
    assert.ok(twin.some((d) => d.range.start.line === 2 && d.range.start.character > CCMSETUP.split('\r\n')[2].indexOf('😀')));
    for (const file of files.slice(1)) assert.deepEqual(findings(file), twin, file.file);
    // Text output too: the same lines but for the file name.
    const text = runCli(dir, ['check', '.']).stdout.split('\n');
    const lines = (prefix: string) => text.filter((l) => l.startsWith(prefix)).map((l) => l.slice(l.indexOf(':')));
    assert.deepEqual(lines('c-utf16le'), lines('a-utf8'));
    assert.deepEqual(lines('d-utf16be'), lines('a-utf8'));
  });

  it('reads a UTF-16 manifest as a manifest: the same findings and the same readiness report as UTF-8', () => {
    const dir = project({ 'a.comanage.yaml': utf8(MANIFEST), 'b.comanage.yaml': utf16le(MANIFEST), 'c.comanage.yml': utf16be(MANIFEST) });
    const { files } = runCliJson(dir, ['check', '.']);
    assert.ok(files[0].diagnostics.some((d) => d.code === 'autopilot-site-version' && d.range.start.line === 4));
    for (const file of files.slice(1)) {
      assert.ok(!file.diagnostics.some((d) => d.code === 'manifest-wrong-type'), `${file.file}: read as a manifest`);
      assert.deepEqual(findings(file), findings(files[0]), file.file);
    }
    const readiness = runCli(dir, ['check', '--readiness', '.', '--format', 'json']);
    assert.equal(readiness.status, 1, readiness.stderr);
    const reports = JSON.parse(readiness.stdout) as { file: string; problems: unknown[]; checks: unknown[] }[];
    assert.equal(reports.length, 3);
    for (const report of reports) {
      assert.deepEqual(report.problems, []);
      assert.deepEqual(report.checks, reports[0].checks);
    }
  });

  it('exits 1 on a damaged UTF-16 file, with the damage reported where it is', () => {
    const clean = '# nothing wrong here\r\nccmsetup.exe /mp:mp01.contoso.com SMSSITECODE=ABC\r\n';
    const dir = project({ 'broken.ccmsetup': Buffer.concat([utf16le(clean), Buffer.from([0x0a])]) });
    const { status, files } = runCliJson(dir, ['check', '.']);
    assert.equal(status, 1);
    const damaged = files[0].diagnostics.find((d) => d.code === 'damaged-text');
    assert.ok(damaged, JSON.stringify(files));
    assert.equal(damaged.severity, 1);
    assert.deepEqual(damaged.range.start, { line: 2, character: 0 });
    assert.match(runCli(dir, ['check', '.']).stdout, /^broken\.ccmsetup:3:1: error damaged-text: .*UTF-16 LE/m);
  });

  it('never passes a file that is not UTF-8 or UTF-16 with a mark silently', () => {
    const clean = '# nothing wrong here – “quoted”\r\nccmsetup.exe /mp:mp01.contoso.com SMSSITECODE=ABC\r\n';
    const dir = project({
      'ansi.ccmsetup': Buffer.from(clean.replace('–', '\x96').replace('“', '\x93').replace('”', '\x94'), 'latin1'),
      'nobom.ccmsetup': utf16le(clean, false),
      'binary.ccmsetup': Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0xff, 0xff]),
      'utf32.ccmsetup': Buffer.from([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0]),
      'damaged.ccmsetup': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('ccmsetup.exe \xff', 'latin1')]),
      'plan.comanage.yaml': Buffer.from('version: 1\n# \x93plan\x94\n', 'latin1'),
    });
    const { status, files } = runCliJson(dir, ['check', '.']);
    assert.equal(status, 1);
    assert.equal(files.length, 6);
    for (const file of files) {
      const decodeFindings = file.diagnostics.filter((d) => DECODE_CODES.includes(d.code));
      assert.equal(decodeFindings.length, 1, `${file.file}: ${JSON.stringify(file.diagnostics)}`);
    }
    const codeOf = (name: string) => files.find((f) => f.file === name)?.diagnostics.find((d) => DECODE_CODES.includes(d.code));
    assert.equal(codeOf('ansi.ccmsetup')?.code, 'read-as-windows-1252');
    assert.deepEqual(codeOf('ansi.ccmsetup')?.range.start, { line: 0, character: 21 });
    assert.equal(codeOf('nobom.ccmsetup')?.code, 'utf16-without-bom');
    assert.equal(codeOf('binary.ccmsetup')?.code, 'not-text');
    assert.equal(codeOf('utf32.ccmsetup')?.code, 'not-text');
    assert.equal(codeOf('damaged.ccmsetup')?.code, 'damaged-text');
    assert.equal(codeOf('plan.comanage.yaml')?.code, 'read-as-windows-1252');
    // Read as Windows-1252, the file's other findings are those of its UTF-8 twin.
    const twin = project({ 'ansi.ccmsetup': utf8(clean) });
    const others = (file: { diagnostics: { code: string }[] } | undefined) => (file?.diagnostics ?? []).filter((d) => !DECODE_CODES.includes(d.code));
    assert.deepEqual(others(files.find((f) => f.file === 'ansi.ccmsetup')), others(runCliJson(twin, ['check', '.']).files[0]));
    // A binary file alone fails the run; the 1252 file alone warns and passes, but says so.
    assert.equal(runCli(dir, ['check', 'binary.ccmsetup']).status, 1);
    const ansi = runCli(dir, ['check', 'ansi.ccmsetup']);
    assert.match(ansi.stdout, /^ansi\.ccmsetup:1:22: warning read-as-windows-1252: /m);
  });

  it('reads a UTF-16 .comanage.json and refuses one that is not text', () => {
    const rules = JSON.stringify({ rules: { 'unknown-parameter': 'off' } });
    const dir = project({ 'bad.ccmsetup': 'ccmsetup.exe /UsePKICrt SMSSITECODE=ABC\n', '.comanage.json': utf16le(rules) });
    const { status, files, stderr } = runCliJson(dir, ['check', '.']);
    assert.equal(status, 0, stderr);
    assert.ok(!files[0].diagnostics.some((d) => d.code === 'unknown-parameter'));
    fs.writeFileSync(path.join(dir, '.comanage.json'), utf16be(rules));
    assert.equal(runCli(dir, ['check', '.']).status, 0);
    fs.writeFileSync(path.join(dir, '.comanage.json'), Buffer.from([0x7b, 0x00, 0x01, 0x02, 0x7d]));
    const refused = runCli(dir, ['check', '.']);
    assert.equal(refused.status, 2);
    assert.match(refused.stderr, /^comanage: config '\.comanage\.json': .*not UTF-8 or UTF-16 text/);
  });
});

describe('readTextFile (node/readText.ts)', () => {
  it('refuses a FIFO named like a plan instead of blocking on it', function () {
    if (process.platform === 'win32') this.skip();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { execFileSync } = require('node:child_process') as typeof import('node:child_process');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'comanage-fifo-'));
    const fifo = path.join(dir, 'plan.comanage.yaml');
    execFileSync('mkfifo', [fifo]);
    try {
      assert.throws(() => readTextFile(fifo), /not a regular file/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
