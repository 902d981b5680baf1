// RELIABILITY.md section "Encodings and file faults": runs the built CLI (dist/cli.js) on temporary
// files in each encoding Windows tools write, and on paths it can't read, and compares what it
// printed with the UTF-8 twin of the same text. Every figure comes from the run.
import { spawn, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { decodeText } from '../../server/src/core/text/decode';

const CLI = path.join(__dirname, '..', '..', 'dist', 'cli.js');
const DECODE_CODES = new Set(['not-text', 'damaged-text', 'read-as-windows-1252', 'utf16-without-bom']);

const CCMSETUP = [
  '# Installs the client – see “pilot” 😀',
  'ccmsetup.exe /UsePKICrt SMSSITECODE=ABC',
  'ccmsetup.exe /mp:mp01.contoso.com SMSSITECODE=ABCD FOO=😀 /UsePKICrt',
  '',
].join('\r\n');
const MANIFEST = '# plan — “Autopilot”\nversion: 1\npath: autopilot\nsite:\n  version: 2107\n';
const BAD = 'ccmsetup.exe /UsePKICrt SMSSITECODE=ABC\n';

interface Diag { range: { start: { line: number; character: number } }; code: string; message: string; severity: number }
interface Outcome { status: number | null; findings: Diag[]; stderr: string }

const bom8 = Buffer.from([0xef, 0xbb, 0xbf]);
const le = (t: string, mark = true) => Buffer.concat([Buffer.from(mark ? [0xff, 0xfe] : []), Buffer.from(t, 'utf16le')]);
const be = (t: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(t, 'utf16le').swap16()]);
const cp1252 = (t: string) => Buffer.from(t.replace(/–/g, '\x96').replace(/“/g, '\x93').replace(/”/g, '\x94').replace(/—/g, '\x97').replace(/😀/g, ':)'), 'latin1');

function runJson(cwd: string, args: string[], options: SpawnSyncOptions = {}): Outcome {
  const result = spawnSync(process.execPath, [CLI, ...args, '--format', 'json'], { cwd, encoding: 'utf8', timeout: 60000, ...options });
  let findings: Diag[] = [];
  try {
    findings = (JSON.parse(String(result.stdout)) as { diagnostics: Diag[] }[]).flatMap((f) => f.diagnostics);
  } catch {
    // No JSON: the row shows the exit code and stderr.
  }
  return { status: result.status, findings, stderr: String(result.stderr) };
}

const key = (d: Diag) => `${d.range.start.line}:${d.range.start.character} ${d.code} ${d.message}`;
const codes = (ds: Diag[]) => [...new Set(ds.map((d) => d.code))].join(', ') || '—';

export async function encodingsSection(): Promise<string[]> {
  if (!fs.existsSync(CLI)) throw new Error('dist/cli.js is missing: build first (node esbuild.mjs)');
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'comanage-rel-enc-'));
  fs.chmodSync(root, 0o755);
  let n = 0;
  const put = (name: string, bytes: Buffer | string): string => {
    const dir = path.join(root, `d${++n}`);
    fs.mkdirSync(dir, { mode: 0o755 });
    fs.writeFileSync(path.join(dir, name), bytes, { mode: 0o644 });
    return dir;
  };
  const lines: string[] = [
    '## Encodings and file faults',
    '',
    'The CLI run on the same command lines and manifest saved the ways Windows tools save them, compared with the UTF-8 twin',
    '(findings: same position, code and message). A decoding finding is listed apart; "held" means the file was read as',
    'documented in README "Encodings and unreadable files" and never passed silently.',
    '',
    '| Input | Exit | Findings | Decoding finding | Other findings vs the UTF-8 twin | Result |',
    '| --- | ---: | ---: | --- | --- | --- |',
  ];
  try {
    const check = (name: string, bytes: Buffer) => runJson(put(name, bytes), ['check', '.']);
    const twin = check('twin.ccmsetup', Buffer.from(CCMSETUP));
    const manifestTwin = check('twin.comanage.yaml', Buffer.from(MANIFEST));
    const row = (label: string, outcome: Outcome, reference: Outcome | undefined, expectedCode: string | undefined, expectedExit: number) => {
      const decoding = outcome.findings.filter((d) => DECODE_CODES.has(d.code));
      const others = outcome.findings.filter((d) => !DECODE_CODES.has(d.code)).map(key);
      const same = reference ? JSON.stringify(others) === JSON.stringify(reference.findings.map(key)) : undefined;
      const held = outcome.status === expectedExit && (expectedCode ? decoding.length === 1 && decoding[0].code === expectedCode : decoding.length === 0) && same !== false;
      const compared = same === undefined ? 'not checked (nothing to compare)' : same ? `same ${others.length}` : `**differ** (${others.length} vs ${reference!.findings.length})`;
      lines.push(`| ${label} | ${outcome.status} | ${outcome.findings.length} | ${decoding.map((d) => `\`${d.code}\` (${['', 'error', 'warning'][d.severity] ?? 'info'})`).join(', ') || '—'} | ${compared} | ${held ? 'held' : '**FAILED**'} |`);
    };
    row('ccmsetup, UTF-8 (the twin)', twin, undefined, undefined, 1);
    row('ccmsetup, UTF-8 with a byte-order mark', check('a.ccmsetup', Buffer.concat([bom8, Buffer.from(CCMSETUP)])), twin, undefined, 1);
    row('ccmsetup, UTF-16 LE with a mark (PowerShell 5.1 `>`, `Out-File`)', check('a.ccmsetup', le(CCMSETUP)), twin, undefined, 1);
    row('ccmsetup, UTF-16 BE with a mark', check('a.ccmsetup', be(CCMSETUP)), twin, undefined, 1);
    row('ccmsetup, UTF-16 LE without a mark', check('a.ccmsetup', le(CCMSETUP, false)), twin, 'utf16-without-bom', 1);
    const ansiTwin = check('twin.ccmsetup', Buffer.from(cp1252(CCMSETUP).toString('latin1').replace(/\x96/g, '–').replace(/\x93/g, '“').replace(/\x94/g, '”')));
    row('ccmsetup, Windows-1252 (PowerShell 5.1 `Set-Content`)', check('a.ccmsetup', cp1252(CCMSETUP)), ansiTwin, 'read-as-windows-1252', 1);
    row('ccmsetup, UTF-16 LE with a mark, one byte cut off', check('a.ccmsetup', le(CCMSETUP).subarray(0, -1)), undefined, 'damaged-text', 1);
    row('ccmsetup, UTF-8 with a mark and a stray 0xFF', check('a.ccmsetup', Buffer.concat([bom8, Buffer.from('# x\n'), Buffer.from([0xff])])), undefined, 'damaged-text', 1);
    row('ccmsetup, binary (an .exe header)', check('a.ccmsetup', Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xff, 0xff])), undefined, 'not-text', 1);
    row('ccmsetup, UTF-32 LE', check('a.ccmsetup', Buffer.from([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0])), undefined, 'not-text', 1);
    row('manifest, UTF-8 (the twin)', manifestTwin, undefined, undefined, 1);
    row('manifest, UTF-16 LE with a mark', check('a.comanage.yaml', le(MANIFEST)), manifestTwin, undefined, 1);
    row('manifest, UTF-16 BE with a mark', check('a.comanage.yaml', be(MANIFEST)), manifestTwin, undefined, 1);
    const configDir = put('bad.ccmsetup', BAD);
    fs.writeFileSync(path.join(configDir, '.comanage.json'), le(JSON.stringify({ rules: { 'unknown-parameter': 'off' } })));
    const config = runJson(configDir, ['check', '.']);
    const configHeld = config.status === 0 && !config.findings.some((d) => d.code === 'unknown-parameter');
    lines.push(`| \`.comanage.json\` in UTF-16 LE turning the only error off | ${config.status} | ${config.findings.length} | — | not checked (settings honoured: ${configHeld ? 'yes' : 'no'}) | ${configHeld ? 'held' : '**FAILED**'} |`);

    lines.push('', 'One folder holding a file with an error next to each kind of path the CLI can\'t read (`comanage check .`):', '');
    lines.push('| Path | Finding on that path | Result |', '| --- | --- | --- |');
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'comanage-rel-out-'));
    fs.chmodSync(outside, 0o755);
    fs.writeFileSync(path.join(outside, 'x.ccmsetup'), BAD);
    const dir = put('good.ccmsetup', BAD);
    fs.symlinkSync('gone.ccmsetup', path.join(dir, 'dangling.ccmsetup'));
    fs.symlinkSync('loop-b.ccmsetup', path.join(dir, 'loop-a.ccmsetup'));
    fs.symlinkSync('loop-a.ccmsetup', path.join(dir, 'loop-b.ccmsetup'));
    fs.symlinkSync(path.join(outside, 'x.ccmsetup'), path.join(dir, 'outside.ccmsetup'));
    fs.writeFileSync(Buffer.concat([Buffer.from(`${dir}/odd-`), Buffer.from([0xff]), Buffer.from('.ccmsetup')]), BAD);
    fs.writeFileSync(path.join(dir, 'locked.ccmsetup'), BAD, { mode: 0o000 });
    fs.mkdirSync(path.join(dir, 'closed'), { mode: 0o755 });
    fs.writeFileSync(path.join(dir, 'closed', 'inner.ccmsetup'), BAD);
    fs.chmodSync(path.join(dir, 'closed'), 0o000);
    // Root reads anything: run as nobody so the permission cases are real.
    const asUser: SpawnSyncOptions = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const result = spawnSync(process.execPath, [CLI, 'check', '.', '--format', 'json'], { cwd: dir, encoding: 'utf8', ...asUser });
    const files = JSON.parse(String(result.stdout)) as { file: string; diagnostics: Diag[] }[];
    const expected: [string, string, string][] = [
      ['good.ccmsetup', 'unknown-parameter', 'a file with an error (still checked)'],
      ['dangling.ccmsetup', 'broken-link', 'a link to nothing'],
      ['loop-a.ccmsetup', 'broken-link', 'a loop of links'],
      ['outside.ccmsetup', 'link-outside-folder', 'a link out of the folder (not followed)'],
      ['odd-\\xFF.ccmsetup', 'file-name-not-utf8', 'a name that is not UTF-8 (still checked)'],
      ['locked.ccmsetup', 'file-unreadable', 'a file without read permission'],
      ['closed', 'folder-unreadable', 'a folder without read permission'],
    ];
    for (const [file, code, what] of expected) {
      const found = files.find((f) => f.file === file)?.diagnostics.map((d) => d.code) ?? [];
      lines.push(`| ${what} | ${found.length ? codes(found.map((c) => ({ code: c }) as Diag)) : '(none)'} | ${found.includes(code) ? 'held' : '**FAILED**'} |`);
    }
    lines.push('', `Exit code of that run: ${result.status} (1: errors found; every other file checked); stderr: ${String(result.stderr).trim() ? `"${String(result.stderr).trim()}"` : 'empty'}.`);
    fs.chmodSync(path.join(dir, 'closed'), 0o755);
    fs.rmSync(outside, { recursive: true, force: true });

    lines.push('', 'Writing the report where it can\'t go, on a clean file (`comanage check ok.ccmsetup`):', '');
    lines.push('| Output | Exit | stderr | Result |', '| --- | ---: | --- | --- |');
    const clean = put('ok.ccmsetup', '# nothing to report\n');
    const viaFd = (device: string, flags: string) => {
      const fd = fs.openSync(device, flags);
      try {
        const r = spawnSync(process.execPath, [CLI, 'check', 'ok.ccmsetup'], { cwd: clean, encoding: 'utf8', stdio: ['ignore', fd, 'pipe'] });
        return { status: r.status, stderr: String(r.stderr) };
      } finally {
        fs.closeSync(fd);
      }
    };
    const epipe = await new Promise<{ status: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [CLI, 'check', 'ok.ccmsetup'], { cwd: clean, stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout.destroy();
      let stderr = '';
      child.stderr.on('data', (c) => { stderr += c; });
      child.on('close', (status) => resolve({ status, stderr }));
    });
    for (const [label, outcome] of [['a full disk (`> /dev/full`, ENOSPC)', viaFd('/dev/full', 'w')], ['stdout open read-only (EBADF)', viaFd('/dev/null', 'r')], ['a reader that closed the pipe (EPIPE)', epipe]] as const) {
      const stderrLines = outcome.stderr.trimEnd().split('\n');
      const held = outcome.status === 2 && stderrLines.length === 1 && /^comanage: cannot write the output: /.test(stderrLines[0]);
      lines.push(`| ${label} | ${outcome.status} | ${stderrLines.length} line: \`${stderrLines[0]}\` | ${held ? 'held' : '**FAILED**'} |`);
    }

    lines.push('', 'Decoding 2 MB (best of 5, this machine), next to Node decoding the same bytes as UTF-8 (`Buffer.toString`):', '');
    lines.push('| Input | Bytes | decodeText | Node UTF-8 decode |', '| --- | ---: | ---: | ---: |');
    const line = 'ccmsetup.exe /mp:mp01.contoso.com SMSSITECODE=ABC # “x”\r\n';
    const best = (work: () => void) => Math.min(...[1, 2, 3, 4, 5].map(() => { const start = performance.now(); work(); return performance.now() - start; }));
    for (const [label, bytes] of [
      ['UTF-8', Buffer.from(line.repeat(35000))], ['UTF-16 LE with a mark', le(line.repeat(20000))],
      ['UTF-16 LE without a mark', le(line.repeat(20000), false)], ['Windows-1252', cp1252(line.repeat(35000))],
    ] as const) {
      lines.push(`| ${label} | ${bytes.length.toLocaleString('en-US')} | ${best(() => decodeText(bytes)).toFixed(1)} ms | ${best(() => bytes.toString('utf8')).toFixed(1)} ms |`);
    }
  } finally {
    for (const entry of fs.readdirSync(root, { recursive: true }) as string[]) {
      try { fs.chmodSync(path.join(root, entry), 0o755); } catch { /* a link */ }
    }
    fs.rmSync(root, { recursive: true, force: true });
  }
  return lines;
}

if (require.main === module) {
  encodingsSection().then((lines) => console.log(lines.join('\n')), (error) => { console.error(error); process.exitCode = 1; });
}
