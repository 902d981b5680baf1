// Faults are per path: a file or folder the CLI can't read, a broken link, a link out of the
// folder, a name that isn't UTF-8 each get a finding on that path and every other file is still
// checked. Exit 2 is kept for usage errors, for "nothing could be read" and for output that
// couldn't be written. Bidi controls from names and messages never reach the terminal raw.
import * as assert from 'node:assert/strict';
import { spawn, type SpawnSyncOptions } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkFiles } from '../server/src/cli/check';
import { collectFiles } from '../server/src/cli/files';
import type { LanguageService } from '../server/src/core/languageService';
import { getLanguageService } from '../server/src/core/languageService';
import { CLI, Run, assertBuilt, runCli, runCliJson } from './helpers/cli';

const BAD = 'ccmsetup.exe /UsePKICrt SMSSITECODE=ABC\n';
const CLEAN = '# only a comment: nothing to report\n';
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

// Tests run as root here, and root reads a file whatever its mode: run the CLI as `nobody` then,
// so chmod 000 really makes a file or folder unreadable.
const AS_UNPRIVILEGED: SpawnSyncOptions = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

/** One line on stderr, prefixed with the program name, and no stack trace. */
function assertOneLine(result: Run, pattern: RegExp): void {
  const lines = result.stderr.trimEnd().split('\n');
  assert.equal(lines.length, 1, `expected one line on stderr, got: ${result.stderr}`);
  assert.match(lines[0], /^comanage: /);
  assert.match(lines[0], pattern);
  assert.doesNotMatch(result.stderr, /\n\s+at |Error:/, 'no stack trace');
}

describe('CLI faults are per path (dist/cli.js)', function () {
  this.timeout(60000);
  let root: string;
  let outside: string;
  let dirs = 0;

  function project(files: Record<string, string | Buffer>): string {
    const dir = path.join(root, `f${++dirs}`);
    fs.mkdirSync(dir, { recursive: true, mode: 0o755 });
    for (const [rel, content] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true, mode: 0o755 });
      fs.writeFileSync(path.join(dir, rel), content, { mode: 0o644 });
    }
    return dir;
  }

  before(() => {
    assertBuilt();
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'comanage-faults-'));
    outside = fs.mkdtempSync(path.join(os.tmpdir(), 'comanage-outside-'));
    for (const dir of [root, outside]) fs.chmodSync(dir, 0o755);
    fs.writeFileSync(path.join(outside, 'elsewhere.ccmsetup'), BAD, { mode: 0o644 });
  });
  after(() => {
    for (const dir of [root, outside]) {
      // Give back permission first, so the clean-up can go in.
      for (const entry of fs.readdirSync(dir, { recursive: true }) as string[]) {
        try { fs.chmodSync(path.join(dir, entry), 0o755); } catch { /* a link or gone */ }
      }
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports broken links, link loops and links out of the folder on their own path, and checks the rest', () => {
    const dir = project({ 'ok.ccmsetup': BAD, 'sub/nested.ccmsetup': BAD, 'sub/clean.ccmsetup': CLEAN });
    fs.symlinkSync('gone.ccmsetup', path.join(dir, 'dangling.ccmsetup'));
    fs.symlinkSync('loop-b.ccmsetup', path.join(dir, 'loop-a.ccmsetup'));
    fs.symlinkSync('loop-a.ccmsetup', path.join(dir, 'loop-b.ccmsetup'));
    fs.symlinkSync(path.join(outside, 'elsewhere.ccmsetup'), path.join(dir, 'out.ccmsetup'));
    fs.symlinkSync(outside, path.join(dir, 'out-folder'));
    // A link inside the tree is followed as before.
    fs.symlinkSync('sub/nested.ccmsetup', path.join(dir, 'inside.ccmsetup'));
    // A dangling link we would not check anyway stays quiet.
    fs.symlinkSync('nothing.txt', path.join(dir, 'notes.txt'));

    const { status, files, stderr } = runCliJson(dir, ['check', '.']);
    assert.equal(status, 1, stderr);
    const byFile = new Map(files.map((f) => [f.file, f.diagnostics.map((d) => d.code)]));
    assert.deepEqual([...byFile.keys()], [
      'dangling.ccmsetup', 'inside.ccmsetup', 'loop-a.ccmsetup', 'loop-b.ccmsetup', 'ok.ccmsetup', 'out-folder', 'out.ccmsetup',
      'sub/clean.ccmsetup', 'sub/nested.ccmsetup',
    ]);
    assert.deepEqual(byFile.get('dangling.ccmsetup'), ['broken-link']);
    assert.deepEqual(byFile.get('loop-a.ccmsetup'), ['broken-link']);
    // Not followed: the outside file's own error is not reported, only the link.
    assert.deepEqual(byFile.get('out.ccmsetup'), ['link-outside-folder']);
    assert.deepEqual(byFile.get('out-folder'), ['link-outside-folder']);
    for (const checked of ['ok.ccmsetup', 'inside.ccmsetup', 'sub/nested.ccmsetup']) assert.ok(byFile.get(checked)?.includes('unknown-parameter'), checked);
    assert.deepEqual(byFile.get('sub/clean.ccmsetup'), []);
    const text = runCli(dir, ['check', '.']).stdout;
    assert.match(text, /^dangling\.ccmsetup:1:1: error broken-link: .*'gone\.ccmsetup'/m);
    assert.match(text, /^loop-a\.ccmsetup:1:1: error broken-link: .*too many symbolic links/m);
    assert.match(text, /^out\.ccmsetup:1:1: warning link-outside-folder: .*not followed/m);
  });

  it('follows a link named on the command line, wherever it leads', () => {
    const dir = project({});
    fs.symlinkSync(path.join(outside, 'elsewhere.ccmsetup'), path.join(dir, 'out.ccmsetup'));
    const { status, files } = runCliJson(dir, ['check', 'out.ccmsetup']);
    assert.equal(status, 1);
    assert.ok(files[0].diagnostics.some((d) => d.code === 'unknown-parameter'));
  });

  it('reads a file whose name is not UTF-8 through its bytes, and shows the name escaped', function () {
    const dir = project({ 'ok.ccmsetup': CLEAN });
    const odd = Buffer.concat([Buffer.from(dir), Buffer.from('/plan-'), Buffer.from([0xff, 0xfe]), Buffer.from('.ccmsetup')]);
    try {
      fs.writeFileSync(odd, BAD);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EILSEQ') this.skip(); // a file system that refuses such names
      throw error;
    }
    const { status, files } = runCliJson(dir, ['check', '.']);
    assert.equal(status, 1);
    assert.deepEqual(files.map((f) => f.file), ['ok.ccmsetup', 'plan-\\xFF\\xFE.ccmsetup']);
    const codes = files[1].diagnostics.map((d) => d.code);
    assert.equal(codes[0], 'file-name-not-utf8');
    assert.ok(codes.includes('unknown-parameter'), 'the file was still checked');
    assert.match(runCli(dir, ['check', '.']).stdout, /^plan-\\xFF\\xFE\.ccmsetup:1:14: error unknown-parameter/m);
  });

  it('reports a file and a folder it has no permission to read, and checks the rest', () => {
    const dir = project({ 'ok.ccmsetup': BAD, 'locked.ccmsetup': BAD, 'closed/inner.ccmsetup': BAD, 'open/fine.ccmsetup': CLEAN });
    fs.chmodSync(path.join(dir, 'locked.ccmsetup'), 0o000);
    fs.chmodSync(path.join(dir, 'closed'), 0o000);
    const { status, files, stderr } = runCliJson(dir, ['check', '.'], AS_UNPRIVILEGED);
    assert.equal(status, 1, stderr);
    const byFile = new Map(files.map((f) => [f.file, f.diagnostics.map((d) => d.code)]));
    assert.deepEqual([...byFile.keys()], ['closed', 'locked.ccmsetup', 'ok.ccmsetup', 'open/fine.ccmsetup']);
    assert.deepEqual(byFile.get('closed'), ['folder-unreadable']);
    assert.deepEqual(byFile.get('locked.ccmsetup'), ['file-unreadable']);
    assert.ok(byFile.get('ok.ccmsetup')?.includes('unknown-parameter'));
    const text = runCli(dir, ['check', '.'], AS_UNPRIVILEGED).stdout;
    assert.match(text, /^locked\.ccmsetup:1:1: error file-unreadable: .*permission denied/m);
    assert.match(text, /^closed:1:1: error folder-unreadable: .*permission denied/m);
  });

  it('exits 2 only when nothing at all could be read, still printing why for each path', () => {
    const dir = project({ 'locked.ccmsetup': BAD, 'ok.ccmsetup': CLEAN });
    fs.symlinkSync('gone.ccmsetup', path.join(dir, 'dangling.ccmsetup'));
    const dangling = runCli(dir, ['check', 'dangling.ccmsetup']);
    assert.equal(dangling.status, 2);
    assert.match(dangling.stdout, /^dangling\.ccmsetup:1:1: error broken-link: /m);
    assertOneLine(dangling, /no file could be read/);
    fs.chmodSync(path.join(dir, 'locked.ccmsetup'), 0o000);
    const locked = runCli(dir, ['check', 'locked.ccmsetup', 'dangling.ccmsetup', '--format', 'json'], AS_UNPRIVILEGED);
    assert.equal(locked.status, 2);
    assert.deepEqual((JSON.parse(locked.stdout) as { file: string }[]).map((f) => f.file), ['dangling.ccmsetup', 'locked.ccmsetup']);
    // One readable file is enough for a normal result.
    assert.equal(runCli(dir, ['check', 'locked.ccmsetup', 'ok.ccmsetup'], AS_UNPRIVILEGED).status, 1);
    // A path that doesn't exist is a mistake in the command: a usage error, nothing checked.
    const missing = runCli(dir, ['check', 'ok.ccmsetup', 'typo.ccmsetup']);
    assert.equal(missing.status, 2);
    assert.equal(missing.stdout, '');
    assertOneLine(missing, /cannot read 'typo\.ccmsetup': no such file/);
    // --readiness follows the same rules.
    fs.symlinkSync('gone.comanage.yaml', path.join(dir, 'plan.comanage.yaml'));
    const readiness = runCli(dir, ['check', '--readiness', 'plan.comanage.yaml']);
    assert.equal(readiness.status, 2);
    assert.match(readiness.stdout, /^ {2}error broken-link \(line 1\): /m);
  });

  it('turns a failure inside the core on one file into a finding on that file, and checks the others', () => {
    const dir = project({ 'a.ccmsetup': BAD, 'boom.ccmsetup': CLEAN, 'c.ccmsetup': BAD });
    const real = getLanguageService();
    const service = { ...real, doValidation: (document) => {
      if (document.uri.endsWith('boom.ccmsetup')) throw new Error('core bug');
      return real.doValidation(document);
    } } as LanguageService;
    const { results, unreadable, read } = checkFiles(collectFiles(['.'], dir), dir, service);
    assert.deepEqual([unreadable, read], [0, 3]);
    assert.deepEqual(results.map((r) => [r.file, r.diagnostics.some((d) => d.code === 'unknown-parameter'), r.diagnostics.some((d) => d.code === 'internal-error')]), [
      ['a.ccmsetup', true, false], ['boom.ccmsetup', false, true], ['c.ccmsetup', true, false],
    ]);
    assert.doesNotMatch(JSON.stringify(results), /core bug/);
  });

  describe('a report that cannot be written ends with one line on stderr and exit 2', () => {
    /** Runs the CLI with its stdout on an fd opened from `device` with `flags`. */
    function runWithStdout(dir: string, args: string[], device: string, flags: string): Run {
      const fd = fs.openSync(device, flags);
      try {
        return runCli(dir, args, { stdio: ['ignore', fd, 'pipe'] });
      } finally {
        fs.closeSync(fd);
      }
    }

    it('on a full disk (ENOSPC), even for clean input and in every format', () => {
      const dir = project({ 'ok.ccmsetup': CLEAN, 'bad.ccmsetup': BAD });
      for (const args of [['check', 'ok.ccmsetup'], ['check', '.', '--format', 'json'], ['check', '.', '--format', 'sarif'], ['--help']]) {
        const result = runWithStdout(dir, args, '/dev/full', 'w');
        assert.equal(result.status, 2, `${args.join(' ')}: ${result.stderr}`);
        assertOneLine(result, /^comanage: cannot write the output: .*\(ENOSPC\)$/);
      }
    });

    it('on a stdout not open for writing (EBADF)', () => {
      const dir = project({ 'ok.ccmsetup': CLEAN });
      const result = runWithStdout(dir, ['check', '.'], '/dev/null', 'r');
      assert.equal(result.status, 2, result.stderr);
      assertOneLine(result, /^comanage: cannot write the output: .*\(EBADF\)$/);
    });

    it('on a reader that closes the pipe early (EPIPE), for a small and a large report', async () => {
      const many = Array.from({ length: 900 }, () => 'ccmsetup.exe /UsePKICrt SMSSITECODE=ABC').join('\n');
      const dir = project({ 'ok.ccmsetup': CLEAN, 'many.ccmsetup': many, 'more.ccmsetup': many });
      for (const args of [['check', 'ok.ccmsetup'], ['check', '.', '--format', 'json']]) {
        const result = await new Promise<Run>((resolve, reject) => {
          const child = spawn(process.execPath, [CLI, ...args], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
          // Closed before the child has even started: its first write fails.
          child.stdout.destroy();
          let stderr = '';
          child.stderr.on('data', (chunk) => { stderr += chunk; });
          child.on('error', reject);
          child.on('close', (status) => resolve({ status, stdout: '', stderr }));
        });
        assert.equal(result.status, 2, `${args.join(' ')}: ${result.stderr}`);
        assertOneLine(result, /^comanage: cannot write the output: .*\(EPIPE\)$/);
      }
    });
  });

  describe('bidi controls in names and messages', () => {
    it('are shown as <U+XXXX> in text and \\u-escaped in JSON and SARIF, in names and in messages', () => {
      const name = 'plan\u202Etxt.ccmsetup';
      const dir = project({ [name]: 'ccmsetup.exe /Use\u202EPKICrt\u2066 SMSSITECODE=ABC\n', 'm\u200F.comanage.yaml': 'version: 1\n' });
      const text = runCli(dir, ['check', '.']);
      assert.equal(text.status, 1);
      assert.doesNotMatch(text.stdout, BIDI);
      assert.match(text.stdout, /^plan<U\+202E>txt\.ccmsetup:1:14: error unknown-parameter: \/Use<U\+202E>PKICrt/m);
      for (const format of ['json', 'sarif']) {
        const out = runCli(dir, ['check', '.', '--format', format]).stdout;
        assert.doesNotMatch(out, BIDI, format);
        assert.match(out, /\\u202e/, format);
        assert.ok(JSON.stringify(JSON.parse(out)).includes('/Use\u202EPKICrt'), `${format}: the message reads back unchanged`);
      }
      const json = runCliJson(dir, ['check', '.']).files;
      assert.ok(json.some((f) => f.file === name), 'the JSON file name reads back unchanged');
      for (const format of ['text', 'json']) {
        const readiness = runCli(dir, ['check', '--readiness', '.', '--format', format]).stdout;
        assert.doesNotMatch(readiness, BIDI, `readiness ${format}`);
        assert.match(readiness, format === 'text' ? /^m<U\+200F>\.comanage\.yaml: /m : /m\\u200f\.comanage\.yaml/);
      }
    });

    it('are escaped on stderr too', () => {
      const dir = project({ 'x\u202Etxt.ccmsetup': CLEAN, 'evil\u202Elmay.txt': CLEAN });
      const result = runCli(dir, ['check', 'evil\u202Elmay.txt']);
      assert.equal(result.status, 2);
      assertOneLine(result, /'evil<U\+202E>lmay\.txt' is not a file comanage checks/);
      assert.doesNotMatch(result.stderr, BIDI);
    });
  });
});
