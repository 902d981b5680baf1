// End-to-end tests of the built CLI (dist/cli.js): each case runs it as a child process in a
// temporary folder and checks exit codes, stdout and stderr as a user or CI would see them.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type * as Sarif from 'sarif';
import pkg from '../package.json';
import { defaultCatalog } from '../server/src/core/catalog';
import { describeEntry } from '../server/src/core/catalog/describe';
import { CCMSETUP_RULES } from '../server/src/core/ccmsetup/rules';
import { DIAGNOSTIC_CODES } from '../server/src/core/diagnosticCodes';
import { explain, explainableRules } from '../server/src/cli/explain';

const CLI = path.resolve(__dirname, '../dist/cli.js');

interface Run { status: number | null; stdout: string; stderr: string }

function run(cwd: string, args: string[], env: Record<string, string | undefined> = {}): Run {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete childEnv[key];
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, env: childEnv, encoding: 'utf8', timeout: 30000 });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface JsonDiagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity: number;
  code: string;
  message: string;
}
interface JsonFile { file: string; diagnostics: JsonDiagnostic[] }

function runJson(cwd: string, args: string[]): { status: number | null; files: JsonFile[]; stderr: string } {
  const result = run(cwd, [...args, '--format', 'json']);
  return { status: result.status, files: JSON.parse(result.stdout) as JsonFile[], stderr: result.stderr };
}

/** One line on stderr, prefixed with the program name: the promised shape of a usage error. */
function assertUsageError(result: Run, pattern: RegExp): void {
  assert.equal(result.status, 2, `expected exit 2, got ${result.status}; stderr: ${result.stderr}`);
  assert.equal(result.stdout, '');
  const lines = result.stderr.trimEnd().split('\n');
  assert.equal(lines.length, 1, `expected one line on stderr, got: ${result.stderr}`);
  assert.match(lines[0], /^comanage: /);
  assert.match(lines[0], pattern);
  assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
}

// A misspelt parameter: the core reports /UsePKICrt as an unknown parameter, an error by default.
const BAD_LINE = 'ccmsetup.exe /UsePKICrt SMSSITECODE=ABC';
const BAD = `# a comment line first, so the problem sits on the second line\n${BAD_LINE}\n`;
const CLEAN = '# only a comment: nothing to report\n';
// Shaped like a bulk registration token (a JWT); it must never appear in any output.
const TOKEN = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJzZWNyZXQiOiJ0b3Atc2VjcmV0LXZhbHVlIn0.c2lnbmF0dXJlLXBhcnQtb25seQ';

describe('comanage CLI (dist/cli.js)', function () {
  this.timeout(60000);
  let root: string;
  let dirs = 0;

  /** A fresh temporary project folder holding the given files. */
  function project(files: Record<string, string | Buffer>): string {
    const dir = path.join(root, `p${++dirs}`);
    for (const [rel, content] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), content);
    }
    fs.mkdirSync(dir, { recursive: true });
    return dir;
  }

  before(() => {
    if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` (or \`node esbuild.mjs\`) before the tests`);
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'comanage-cli-'));
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  describe('usage', () => {
    it('--version prints the package version', () => {
      const result = run(root, ['--version']);
      assert.equal(result.status, 0);
      assert.equal(result.stdout.trim(), pkg.version);
    });

    it('--help prints usage to stdout', () => {
      for (const flag of ['--help', '-h']) {
        const result = run(root, [flag]);
        assert.equal(result.status, 0);
        assert.match(result.stdout, /comanage check <files or folders\.\.\.>/);
        assert.match(result.stdout, /--format text\|json\|sarif|text \(default\), json .* sarif/);
        assert.match(result.stdout, /explain/);
      }
    });

    it('exits 2 with help on stderr when no command is given', () => {
      const result = run(root, []);
      assert.equal(result.status, 2);
      assert.equal(result.stdout, '');
      assert.match(result.stderr, /Usage:/);
    });

    it('exits 2 on an unknown command, an unknown option, a bad format or no operands', () => {
      const dir = project({ 'ok.ccmsetup': CLEAN });
      assertUsageError(run(dir, ['lint', '.']), /unknown command 'lint'/);
      assertUsageError(run(dir, ['check', '.', '--colour']), /--colour/);
      assertUsageError(run(dir, ['check', '.', '--format', 'xml']), /unknown format 'xml'.*text, json, sarif/);
      assertUsageError(run(dir, ['check', '.', '--format']), /--format/);
      assertUsageError(run(dir, ['check']), /at least one file or folder/);
      assertUsageError(run(dir, ['explain']), /explain takes one name/);
    });
  });

  describe('check: exit codes and text output', () => {
    it('exits 0 on clean files and prints a summary', () => {
      const dir = project({ 'ok.ccmsetup': CLEAN, 'plan.comanage.yaml': 'version: 1\nworkloads: {}\n' });
      const result = run(dir, ['check', '.']);
      assert.equal(result.status, 0, result.stderr);
      assert.equal(result.stdout, '0 errors, 0 warnings in 2 files\n');
      assert.equal(result.stderr, '');
    });

    it('exits 1 on an error and prints path:line:col: severity code: message', () => {
      const dir = project({ 'sub/bad.ccmsetup': BAD, 'ok.ccmsetup': CLEAN });
      const result = run(dir, ['check', '.'], { NO_COLOR: undefined });
      assert.equal(result.status, 1, result.stderr);
      const lines = result.stdout.trimEnd().split('\n');
      const column = BAD_LINE.indexOf('/UsePKICrt') + 1;
      assert.ok(lines.some((l) => l.startsWith(`sub/bad.ccmsetup:2:${column}: error unknown-parameter: `)), result.stdout);
      for (const line of lines.slice(0, -1)) assert.match(line, /^sub\/bad\.ccmsetup:\d+:\d+: (error|warning|information|hint) [a-z0-9-]+: \S/);
      assert.match(lines[lines.length - 1], /^[1-9]\d* errors?, \d+ warnings? in 2 files$/);
      // stdout is a pipe here, not a terminal: no colour even without NO_COLOR.
      assert.doesNotMatch(result.stdout, /\u001b/);
    });

    it('gives paths relative to the current folder with forward slashes, sorted', () => {
      const dir = project({ 'z/last.ccmsetup': BAD, 'a/b/first.ccmsetup': BAD, 'm.ccmsetup': BAD });
      const { files } = runJson(path.join(dir, 'a'), ['check', '..']);
      assert.deepEqual(files.map((f) => f.file), ['../m.ccmsetup', '../z/last.ccmsetup', 'b/first.ccmsetup']);
    });

    it('walks folders for *.ccmsetup, *.comanage.yaml and *.comanage.yml only, skipping node_modules and dot-folders', () => {
      const dir = project({
        'top.ccmsetup': CLEAN,
        'deep/er/x.ccmsetup': CLEAN,
        'deep/plan.comanage.yml': 'version: 1\nworkloads: {}\n',
        'deep/plan.comanage.yaml': 'version: 1\nworkloads: {}\n',
        'deep/readme.txt': BAD_LINE,
        'deep/other.yaml': BAD_LINE,
        'node_modules/pkg/hidden.ccmsetup': BAD,
        '.git/hidden.ccmsetup': BAD,
        'deep/.cache/hidden.ccmsetup': BAD,
      });
      const { status, files } = runJson(dir, ['check', '.']);
      assert.equal(status, 0);
      assert.deepEqual(files.map((f) => f.file), ['deep/er/x.ccmsetup', 'deep/plan.comanage.yaml', 'deep/plan.comanage.yml', 'top.ccmsetup']);
    });

    it('checks an explicit file, once even if also reached through its folder', () => {
      const dir = project({ 'one.ccmsetup': BAD, 'two.ccmsetup': CLEAN });
      const { status, files } = runJson(dir, ['check', 'one.ccmsetup', '.', './one.ccmsetup']);
      assert.equal(status, 1);
      assert.deepEqual(files.map((f) => f.file), ['one.ccmsetup', 'two.ccmsetup']);
    });

    it('exits 2 for an explicit file with another extension, naming the supported ones', () => {
      const dir = project({ 'cmd.txt': BAD_LINE });
      assertUsageError(run(dir, ['check', 'cmd.txt']), /cmd\.txt.*\*\.ccmsetup.*\*\.comanage\.yaml.*\*\.comanage\.yml/);
    });

    it('exits 2 for a path that does not exist', () => {
      const dir = project({ 'ok.ccmsetup': CLEAN, 'file.ccmsetup': CLEAN });
      assertUsageError(run(dir, ['check', 'ok.ccmsetup', 'missing.ccmsetup']), /cannot read 'missing\.ccmsetup': no such file/);
      assertUsageError(run(dir, ['check', 'no-such-folder']), /no-such-folder/);
      assertUsageError(run(dir, ['check', 'file.ccmsetup/inner.ccmsetup']), /cannot read 'file\.ccmsetup\/inner\.ccmsetup'/);
      // Paths that exist but can't be read (broken links, no permission) are findings: test/cliFaults.test.ts.
    });

    it('checks a file full of binary junk without crashing', () => {
      const junk = Buffer.alloc(4096);
      let seed = 12345;
      for (let i = 0; i < junk.length; i++) {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        junk[i] = seed >> 16;
      }
      // Make sure there are NULs, invalid UTF-8 sequences, line breaks and escape bytes in there.
      junk.set([0x00, 0xff, 0xfe, 0xc3, 0x28, 0x0a, 0x1b, 0x5b, 0x32, 0x4a, 0x0d, 0x2f, 0x3a, 0x3d, 0x22], 100);
      const dir = project({ 'junk.ccmsetup': junk, 'junk.comanage.yaml': junk });
      for (const format of ['text', 'json', 'sarif']) {
        const result = run(dir, ['check', '.', '--format', format]);
        assert.ok(result.status === 0 || result.status === 1, `exit ${result.status}: ${result.stderr}`);
        assert.equal(result.stderr, '');
        if (format !== 'text') JSON.parse(result.stdout);
        // Control characters from the file must not reach the terminal, raw or as JSON text.
        assert.doesNotMatch(result.stdout, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/);
      }
    });

    it('never prints a bulk registration token', () => {
      const dir = project({
        'token.ccmsetup': [
          `ccmsetup.exe /regtoken:${TOKEN}`,
          `ccmsetup.exe /regtoken:"${TOKEN}" /regtoken:${TOKEN} /UsePKICrt`,
          `ccmsetup.exe /regtokn:${TOKEN} SMSSITECODE=ABC`,
          `CCMSETUPCMD="/regtoken:${TOKEN}"`,
        ].join('\n'),
      });
      for (const format of ['text', 'json', 'sarif']) {
        const result = run(dir, ['check', '.', '--format', format]);
        assert.notEqual(result.status, 2, result.stderr);
        for (const secretPart of TOKEN.split('.')) {
          assert.ok(!result.stdout.includes(secretPart), `${format} output contains part of the token`);
          assert.ok(!result.stderr.includes(secretPart), `${format} stderr contains part of the token`);
        }
      }
    });
  });

  describe('check --format json', () => {
    it('prints one { file, diagnostics } per file with LSP ranges and severities', () => {
      const dir = project({ 'bad.ccmsetup': BAD, 'ok.ccmsetup': CLEAN });
      const { status, files } = runJson(dir, ['check', '.']);
      assert.equal(status, 1);
      assert.deepEqual(files.map((f) => Object.keys(f).sort()), [['diagnostics', 'file'], ['diagnostics', 'file']]);
      assert.deepEqual(files.map((f) => f.file), ['bad.ccmsetup', 'ok.ccmsetup']);
      assert.deepEqual(files[1].diagnostics, []);
      for (const d of files[0].diagnostics) {
        assert.deepEqual(Object.keys(d).sort(), ['code', 'message', 'range', 'severity']);
        assert.ok([1, 2, 3, 4].includes(d.severity));
        assert.equal(typeof d.message, 'string');
      }
      const unknown = files[0].diagnostics.find((d) => d.code === 'unknown-parameter');
      assert.ok(unknown, JSON.stringify(files[0].diagnostics));
      assert.equal(unknown.severity, 1);
      // 0-based: the second line is line 1, and the range covers exactly the misspelt name.
      assert.equal(unknown.range.start.line, 1);
      assert.equal(unknown.range.end.line, 1);
      assert.equal(BAD_LINE.slice(unknown.range.start.character, unknown.range.end.character), '/UsePKICrt');
    });

    it('prints an empty array when a folder has nothing to check, with a warning on stderr', () => {
      const dir = project({ 'readme.txt': 'hello' });
      const result = run(dir, ['check', '.', '--format', 'json']);
      assert.equal(result.status, 0);
      assert.deepEqual(JSON.parse(result.stdout), []);
      assert.match(result.stderr, /no .*\.ccmsetup.* files found/);
    });
  });

  describe('check --format sarif', () => {
    it('prints a SARIF 2.1.0 log that code scanning accepts', () => {
      const dir = project({ 'sub dir/bad.ccmsetup': BAD, 'ok.ccmsetup': CLEAN });
      const result = run(dir, ['check', '.', '--format', 'sarif']);
      assert.equal(result.status, 1, result.stderr);
      const log = JSON.parse(result.stdout) as Sarif.Log;
      assert.match(log.$schema ?? '', /^https:\/\/.*sarif.*2\.1\.0.*\.json$/);
      assert.equal(log.version, '2.1.0');
      assert.equal(log.runs.length, 1);

      const driver = log.runs[0].tool.driver;
      assert.equal(driver.name, 'comanage');
      assert.equal(driver.version, pkg.version);
      assert.match(driver.informationUri ?? '', /^https:\/\//);
      const rules = driver.rules ?? [];
      assert.deepEqual(rules.map((r) => r.id), DIAGNOSTIC_CODES.map((r) => r.id));
      const levels: Record<string, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };
      rules.forEach((rule, i) => {
        const source = DIAGNOSTIC_CODES[i];
        assert.equal(rule.shortDescription?.text, source.title);
        assert.equal(rule.helpUri, source.docUrl);
        assert.match(rule.helpUri ?? '', /^https:\/\//);
        assert.equal(rule.defaultConfiguration?.level, levels[source.severity]);
      });

      const { files } = runJson(dir, ['check', '.']);
      const expected = files.flatMap((f) => f.diagnostics.map((d) => ({ file: f.file, d })));
      const results = log.runs[0].results ?? [];
      assert.equal(results.length, expected.length);
      assert.ok(results.length > 0);
      results.forEach((res, i) => {
        const { file, d } = expected[i];
        assert.equal(res.ruleId, d.code);
        assert.equal(rules[res.ruleIndex ?? -1]?.id, res.ruleId);
        assert.equal(res.level, ({ 1: 'error', 2: 'warning', 3: 'note', 4: 'note' } as Record<number, string>)[d.severity]);
        assert.equal(res.message.text, d.message);
        const location = res.locations?.[0].physicalLocation;
        assert.equal(file, 'sub dir/bad.ccmsetup');
        assert.equal(location?.artifactLocation?.uri, 'sub%20dir/bad.ccmsetup');
        assert.deepEqual(location?.region, {
          startLine: d.range.start.line + 1, startColumn: d.range.start.character + 1,
          endLine: d.range.end.line + 1, endColumn: d.range.end.character + 1,
        });
      });
      assert.ok(results.some((r) => r.ruleId === 'unknown-parameter' && r.level === 'error'
        && r.locations?.[0].physicalLocation?.region?.startLine === 2));
    });
  });

  describe('config file', () => {
    /** The codes the core reports as errors for BAD with default settings. */
    function errorCodes(dir: string): string[] {
      const { files } = runJson(dir, ['check', '.']);
      return [...new Set(files.flatMap((f) => f.diagnostics.filter((d) => d.severity === 1).map((d) => d.code)))];
    }
    const rulesJson = (codes: string[], severity: string) => JSON.stringify({ rules: Object.fromEntries(codes.map((c) => [c, severity])) });

    it('.comanage.json in the current folder turns errors off, and the exit code follows', () => {
      const dir = project({ 'bad.ccmsetup': BAD });
      const codes = errorCodes(dir);
      assert.ok(codes.includes('unknown-parameter'));
      fs.writeFileSync(path.join(dir, '.comanage.json'), rulesJson(codes, 'off'));
      const { status, files } = runJson(dir, ['check', '.']);
      assert.equal(status, 0);
      assert.ok(files[0].diagnostics.every((d) => !codes.includes(d.code)));
    });

    it('--config lowers errors to warnings', () => {
      const dir = project({ 'bad.ccmsetup': BAD });
      const codes = errorCodes(dir);
      fs.writeFileSync(path.join(dir, 'strict.json'), rulesJson(codes, 'warning'));
      const { status, files } = runJson(dir, ['check', '.', '--config', 'strict.json']);
      assert.equal(status, 0);
      const unknown = files[0].diagnostics.find((d) => d.code === 'unknown-parameter');
      assert.equal(unknown?.severity, 2);
      const text = run(dir, ['check', '.', '--config', 'strict.json']);
      assert.match(text.stdout, /^0 errors, [1-9]\d* warnings? in 1 file$/m);
    });

    it('can raise a warning to an error', () => {
      const dir = project({ 'warn.ccmsetup': 'ccmsetup.exe SMSSITECODE=ABC FOOBARBAZ=1\n' });
      const { files } = runJson(dir, ['check', '.']);
      const warnings = [...new Set(files[0].diagnostics.filter((d) => d.severity === 2).map((d) => d.code))];
      assert.ok(warnings.length > 0, JSON.stringify(files));
      assert.ok(files[0].diagnostics.every((d) => d.severity !== 1), 'the fixture must have warnings only');
      assert.equal(run(dir, ['check', '.']).status, 0);
      fs.writeFileSync(path.join(dir, '.comanage.json'), rulesJson(warnings, 'error'));
      assert.equal(run(dir, ['check', '.']).status, 1);
    });

    it('--config wins over .comanage.json', () => {
      const dir = project({ 'bad.ccmsetup': BAD });
      const codes = errorCodes(dir);
      fs.writeFileSync(path.join(dir, '.comanage.json'), rulesJson(codes, 'off'));
      fs.writeFileSync(path.join(dir, 'keep.json'), '{ "rules": {} }');
      assert.equal(run(dir, ['check', '.']).status, 0);
      assert.equal(run(dir, ['check', '.', '--config', 'keep.json']).status, 1);
    });

    it('exits 2 on bad JSON, an unknown severity or a missing --config file', () => {
      const dir = project({ 'bad.ccmsetup': BAD, 'broken.json': '{ "rules": { "unknown-parameter": off } }', 'odd.json': '{ "rules": { "unknown-parameter": "fatal" } }' });
      assertUsageError(run(dir, ['check', '.', '--config', 'broken.json']), /broken\.json.*not valid JSON/);
      assertUsageError(run(dir, ['check', '.', '--config', 'odd.json']), /odd\.json.*unknown-parameter.*"fatal"/);
      assertUsageError(run(dir, ['check', '.', '--config', 'nope.json']), /cannot read config 'nope\.json'/);
      fs.writeFileSync(path.join(dir, '.comanage.json'), 'not json');
      assertUsageError(run(dir, ['check', '.']), /\.comanage\.json.*not valid JSON/);
    });

    it('warns about unknown rule ids on stderr without failing', () => {
      const dir = project({ 'ok.ccmsetup': CLEAN, '.comanage.json': '{ "rules": { "no-such-rule": "off" } }' });
      const result = run(dir, ['check', '.']);
      assert.equal(result.status, 0);
      assert.match(result.stderr, /^comanage: warning: .*unknown rule 'no-such-rule'/m);
      assert.equal(result.stdout, '0 errors, 0 warnings in 1 file\n');
    });
  });

  describe('explain', () => {
    it('prints a rule’s title, default severity and doc link', () => {
      for (const rule of CCMSETUP_RULES.slice(0, 3)) {
        const result = run(root, ['explain', rule.id]);
        assert.equal(result.status, 0, result.stderr);
        assert.ok(result.stdout.includes(rule.title), result.stdout);
        assert.ok(result.stdout.includes(rule.severity));
        assert.ok(result.stdout.includes(rule.docUrl));
      }
    });

    it('explains the Tenant export checks and the JSON host rules like other ids', () => {
      const drift = run(root, ['explain', 'tenant-command-line']);
      assert.equal(drift.status, 0, drift.stderr);
      assert.match(drift.stdout, /^tenant-command-line: The policy's command line is the one in the tenant\n\nDefault severity: error\nDocumentation: https:\/\/\S+#drift-the-plan-against-the-tenants-exports\n/);
      assert.match(drift.stdout, /"Tenant export" area/);
      assert.match(drift.stdout, /"tenant-command-line": "warning"/);
      const readable = run(root, ['explain', 'TENANT-EXPORT-READABLE']);
      assert.equal(readable.status, 0, readable.stderr);
      assert.match(readable.stdout, /^tenant-export-readable: /);
      for (const id of ['graph-export-json-syntax', 'graph-export-agent-without-command-line']) {
        const result = run(root, ['explain', id]);
        assert.equal(result.status, 0, result.stderr);
        assert.match(result.stdout, new RegExp(`^${id}: .*\n\nDefault severity: error\n`));
        // A whole-file example is indented line by line, so it reads as a file.
        assert.match(result.stdout, /Reported on:\n {2}\{\n {4}"@odata\.type": "#microsoft\.graph\.deviceComanagementAuthorityConfiguration",\n/);
      }
      assertUsageError(run(root, ['explain', 'tenant-comand-line']), /did you mean 'tenant-command-line'/);
    });

    it('explains every diagnostic code comanage reports (readiness rules, structure and service codes included)', () => {
      const rules = explainableRules();
      // An id two languages share (unreplaced-placeholder) is explained once, by its first entry.
      for (const code of DIAGNOSTIC_CODES.filter((c, i, all) => all.findIndex((other) => other.id === c.id) === i)) {
        const text = explain(code.id, rules, defaultCatalog);
        assert.ok(text.startsWith(`${code.id}: ${code.title}\n\nDefault severity: ${code.severity}\nDocumentation: ${code.docUrl}\n`), text);
        // Only a rule's severity can be changed in settings.
        assert.equal(text.includes('.comanage.json'), code.origin === 'rule', code.id);
      }
      assert.match(explain('policy-command-line-required', rules, defaultCatalog), /"Co-management settings policy" area[^]*Reported on:\n {2}version: 1\n {2}comanagement:\n/);
    });

    it('prints a parameter’s or property’s catalog entry through the shared renderer', () => {
      const mp = defaultCatalog.find('parameter', 'mp');
      const siteCode = defaultCatalog.find('property', 'SMSSITECODE');
      assert.ok(mp && siteCode);
      for (const [query, entry] of [['/mp', mp.entry], ['mp', mp.entry], ['/MP:https://x', mp.entry], ['SMSSITECODE', siteCode.entry], ['smssitecode=ABC', siteCode.entry]] as const) {
        const result = run(root, ['explain', query]);
        assert.equal(result.status, 0, result.stderr);
        assert.equal(result.stdout, `${describeEntry(entry, 'plaintext')}\n`);
      }
    });

    it('explains a documented error code in hex or decimal, and says an unknown one is undocumented', () => {
      const hexForm = run(root, ['explain', '0x800705b4']);
      assert.equal(hexForm.status, 0, hexForm.stderr);
      assert.match(hexForm.stdout, /^0x800705B4 \(2147943860\): an Enrollment Status Page error/);
      assert.equal(run(root, ['explain', '2147943860']).stdout, hexForm.stdout);
      assertUsageError(run(root, ['explain', '0x12345678']), /0x12345678 \(305419896\) is not a code the co-management documentation explains/);
    });

    it('exits 2 for an unknown name, with a suggestion and without echoing a value', () => {
      assertUsageError(run(root, ['explain', 'no-such-thing']), /no rule, parameter or property named 'no-such-thing'/);
      assertUsageError(run(root, ['explain', '/UsePKICrt']), /did you mean '\/UsePKICert'/);
      const typo = run(root, ['explain', `/regtokn:${TOKEN}`]);
      assertUsageError(typo, /'\/regtokn'/);
      assert.ok(!typo.stderr.includes(TOKEN.split('.')[1]));
    });
  });

  describe('manifests and --readiness', () => {
    const MANIFEST = 'version: 1\npath: autopilot\nsite:\n  version: 2107\n';

    it('checks *.comanage.yaml files found in folders', () => {
      const dir = fs.mkdtempSync(path.join(root, 'manifest-'));
      fs.writeFileSync(path.join(dir, 'plan.comanage.yaml'), MANIFEST);
      const { status, files } = runJson(dir, ['check', '.']);
      assert.equal(status, 1);
      assert.deepEqual(files.map((f) => f.file), ['plan.comanage.yaml']);
      assert.ok(files[0].diagnostics.some((d) => d.code === 'autopilot-site-version' && d.range.start.line === 3));
    });

    it('prints the readiness report as text and JSON, exit 1 when a check fails', () => {
      const dir = fs.mkdtempSync(path.join(root, 'readiness-'));
      fs.writeFileSync(path.join(dir, 'plan.comanage.yaml'), MANIFEST);
      const text = run(dir, ['check', '--readiness', 'plan.comanage.yaml']);
      assert.equal(text.status, 1, text.stderr);
      assert.match(text.stdout, /^plan\.comanage\.yaml: \d+ pass, \d+ info, \d+ warn, [1-9]\d* fail, \d+ unknown$/m);
      assert.match(text.stdout, /✖ fail +autopilot-site-version \(line 4\)/);
      const json = run(dir, ['check', '--readiness', '.', '--format', 'json']);
      const reports = JSON.parse(json.stdout) as { file: string; checks: { id: string; status: string }[] }[];
      assert.equal(reports[0].checks.find((c) => c.id === 'autopilot-site-version')?.status, 'fail');
      // A plan that states nothing fails nothing: every check is unknown or not applicable.
      fs.writeFileSync(path.join(dir, 'plan.comanage.yaml'), 'version: 1\n');
      assert.equal(run(dir, ['check', '--readiness', 'plan.comanage.yaml']).status, 0);
    });

    it('exits 2 when --readiness gets no manifest or sarif', () => {
      const dir = fs.mkdtempSync(path.join(root, 'readiness-usage-'));
      fs.writeFileSync(path.join(dir, 'a.ccmsetup'), CLEAN);
      assertUsageError(run(dir, ['check', '--readiness', 'a.ccmsetup']), /needs at least one workload manifest/);
      fs.writeFileSync(path.join(dir, 'p.comanage.yml'), MANIFEST);
      assertUsageError(run(dir, ['check', '--readiness', 'p.comanage.yml', '--format', 'sarif']), /text or json/);
    });
  });
});
