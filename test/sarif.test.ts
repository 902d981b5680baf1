// SARIF for GitHub code scanning: the log validates against the OASIS SARIF 2.1.0 schemas (ajv),
// passes the SARIF Multitool's GitHub ingestion rules, describes every rule fully, carries
// fingerprints that survive unrelated edits, and names files relative to the repository root.
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv from 'ajv';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type * as Sarif from 'sarif';
import type { Diagnostic } from 'vscode-languageserver-types';
import { FINGERPRINT_KEY, SRCROOT, buildSarif } from '../server/src/cli/format/sarif';
import type { FileResult } from '../server/src/cli/format/types';
import { findRepoRoot } from '../server/src/cli/repoRoot';
import { DIAGNOSTIC_CODES } from '../server/src/core/diagnosticCodes';
import { jwt } from './fuzz/arbitraries';

const CLI = path.resolve(__dirname, '../dist/cli.js');
const FIXTURES = path.join(__dirname, 'fixtures', 'sarif');
const TOOL = { name: 'comanage', version: '1.2.3', informationUri: 'https://example.test/', rules: DIAGNOSTIC_CODES };

function run(cwd: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 30_000 });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function tempDir(files: Record<string, string>, gitDir = true): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'comanage-sarif-')));
  if (gitDir) fs.mkdirSync(path.join(dir, '.git'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

// Findings of every kind: ccmsetup errors and warnings, a manifest error, the same finding twice.
const BAD_CCMSETUP = '# plan for the pilot\nccmsetup.exe /UsePKICrt SMSSITECODE=ABC /mp:mp01 SMSSITECODE=ABC\nccmsetup.exe /UsePKICrt\n';
const BAD_MANIFEST = 'version: 1\nsite:\n  cod: ABC\n';

/** A log from the built CLI for a repository with findings, run from a subfolder. */
function sampleLog(): { dir: string; text: string; log: Sarif.Log } {
  const dir = tempDir({ 'plans/sub dir/bad.ccmsetup': BAD_CCMSETUP, 'plans/x.comanage.yaml': BAD_MANIFEST, 'plans/ok.ccmsetup': '# nothing\n' });
  const result = run(path.join(dir, 'plans'), ['check', '.', '--format', 'sarif']);
  assert.equal(result.status, 1, result.stderr);
  return { dir, text: result.stdout, log: JSON.parse(result.stdout) as Sarif.Log };
}

function diag(line: number, start: number, end: number, code: string): Diagnostic {
  return { range: { start: { line, character: start }, end: { line, character: end } }, severity: 1, code, message: `${code} here`, source: 'comanage' };
}

function fingerprints(text: string, diagnostics: Diagnostic[]): string[] {
  const file: FileResult = { file: 'a.ccmsetup', path: '/repo/a.ccmsetup', text, diagnostics };
  return (buildSarif([file], TOOL, { base: '/repo' }).runs[0].results ?? []).map((r) => r.partialFingerprints?.[FINGERPRINT_KEY] ?? '');
}

describe('sarif for code scanning', () => {
  const cleanup: string[] = [];
  after(() => { for (const dir of cleanup) fs.rmSync(dir, { recursive: true, force: true }); });

  describe('validity', () => {
    let sample: ReturnType<typeof sampleLog>;
    before(() => { sample = sampleLog(); cleanup.push(sample.dir); });

    it('has findings of every severity and both file kinds to validate', () => {
      const results = sample.log.runs[0].results ?? [];
      assert.deepEqual(new Set(results.map((r) => r.level)), new Set(['error', 'warning']));
      assert.deepEqual(new Set(results.map((r) => r.locations?.[0].physicalLocation?.artifactLocation?.uri)),
        new Set(['plans/sub%20dir/bad.ccmsetup', 'plans/x.comanage.yaml']));
    });

    for (const [file, makeAjv] of [
      ['sarif-schema-2.1.0.json', () => new AjvDraft04({ allErrors: true, strict: false })],
      // Its language-code pattern has a stray `]`, which a Unicode-mode RegExp rejects.
      ['sarif-schema-2.1.0-draft07.json', () => new Ajv({ allErrors: true, strict: false, unicodeRegExp: false })],
    ] as const) {
      it(`validates against the OASIS schema ${file}`, () => {
        const ajv = makeAjv();
        addFormats(ajv);
        const validate = ajv.compile(JSON.parse(fs.readFileSync(path.join(FIXTURES, file), 'utf8')));
        for (const log of [sample.log, buildSarif([], TOOL), buildSarif([], TOOL, { base: sample.dir })]) {
          assert.ok(validate(log), ajv.errorsText(validate.errors, { separator: '\n' }));
        }
        // The schema does reject what is wrong: a result without a message, a bad level, an extra property.
        const broken = structuredClone(sample.log) as unknown as { runs: { results: Record<string, unknown>[] }[] };
        broken.runs[0].results[0].level = 'fatal';
        delete broken.runs[0].results[1].message;
        broken.runs[0].results[2].severity = 'error';
        assert.equal(validate(broken), false);
        assert.equal(validate.errors?.some((e) => e.instancePath.endsWith('/results/0/level')), true);
        assert.equal(validate.errors?.some((e) => e.instancePath.endsWith('/results/1') && (e.params as { missingProperty?: string }).missingProperty === 'message'), true);
        assert.equal(validate.errors?.some((e) => (e.params as { additionalProperty?: string }).additionalProperty === 'severity'), true);
      });
    }

    it('passes the SARIF Multitool\'s GitHub ingestion rules (validate --rule-kind Gh) with nothing to report', function () {
      this.timeout(120_000);
      assert.deepEqual(multitoolFindings(sample.dir, sample.text), []);
      // It does check: the same log without full descriptions breaks GitHub's rule GH2012.
      const stripped = structuredClone(sample.log);
      for (const rule of stripped.runs[0].tool.driver.rules ?? []) delete rule.fullDescription;
      const broken = multitoolFindings(sample.dir, JSON.stringify(stripped));
      assert.equal(broken.filter((f) => f.ruleId === 'GH2012' && f.level === 'error').length, DIAGNOSTIC_CODES.length);
    });
  });

  describe('rules', () => {
    it('describes every rule with a short and full description, help text and markdown, and an https help link', () => {
      const rules = buildSarif([], TOOL).runs[0].tool.driver.rules ?? [];
      assert.deepEqual(rules.map((r) => r.id), DIAGNOSTIC_CODES.map((c) => c.id));
      rules.forEach((rule, i) => {
        const code = DIAGNOSTIC_CODES[i];
        assert.equal(rule.shortDescription?.text, code.title);
        assert.ok((rule.fullDescription?.text.length ?? 0) > code.title.length, rule.id);
        assert.ok(rule.fullDescription!.text.length <= 1024, `${rule.id}: code scanning cuts descriptions at 1024 characters`);
        assert.ok(rule.fullDescription!.text.startsWith(code.title), rule.id);
        assert.equal(rule.helpUri, code.docUrl);
        assert.match(rule.helpUri ?? '', /^https:\/\//);
        assert.ok(rule.help?.text.includes(code.docUrl), rule.id);
        assert.ok(rule.help?.markdown?.includes(`](${code.docUrl})`), rule.id);
        assert.match(rule.name ?? '', /^[A-Z][A-Za-z0-9]*$/);
        // How to change it: configurable rules name their settings key; service codes say they can't be.
        if (code.origin === 'rule') assert.ok(rule.help?.markdown?.includes(`"${code.id}": "off"`), rule.id);
        else assert.match(rule.help?.text ?? '', /cannot be turned off/);
      });
    });
  });

  describe('fingerprints', () => {
    const LINE = 'ccmsetup.exe /UsePKICrt SMSSITECODE=ABC';
    const finding = (line: number) => diag(line, 13, 23, 'unknown-parameter');

    it('survive lines added above, other lines edited and whitespace changes', () => {
      const [before] = fingerprints(`# a\n${LINE}\n`, [finding(1)]);
      assert.match(before, /^[0-9a-f]{32}$/);
      assert.deepEqual(fingerprints(`# a\n# new comment\n\n${LINE}\n`, [finding(3)]), [before]);
      assert.deepEqual(fingerprints(`# a changed comment\n${LINE}\nccmsetup.exe /mp:x\n`, [finding(1)]), [before]);
      assert.deepEqual(fingerprints(`# a\r\n  ${LINE.replace(/ /g, '\t ')}  \r\n`, [finding(1)]), [before]);
    });

    it('change when the finding\'s line or rule changes', () => {
      const [before] = fingerprints(`${LINE}\n`, [finding(0)]);
      assert.notEqual(fingerprints(`${LINE.replace('ABC', 'XYZ')}\n`, [finding(0)])[0], before);
      assert.notEqual(fingerprints(`${LINE}\n`, [diag(0, 13, 23, 'other-rule')])[0], before);
    });

    it('tell identical findings apart by their order, and keep that order when lines move', () => {
      const twice = fingerprints(`${LINE}\n${LINE}\n`, [finding(0), finding(1)]);
      assert.equal(new Set(twice).size, 2);
      assert.deepEqual(fingerprints(`# moved\n${LINE}\n\n${LINE}\n`, [finding(1), finding(3)]), twice);
    });

    it('hash the line with its token masked: a renewed token keeps the fingerprint, and no token reaches the log', () => {
      for (const [oldToken, newToken] of [[jwt(1700000000), jwt(1800000000)], ['Zq4PlainTokenNotAJwt0123456789abc', 'Zq4PlainTokenRenewed9876543210xyz']]) {
        const text = (token: string) => `${LINE} /regtoken:${token}\n`;
        const [first] = fingerprints(text(oldToken), [finding(0)]);
        assert.match(first, /^[0-9a-f]{32}$/);
        assert.deepEqual(fingerprints(text(newToken), [finding(0)]), [first]);
        const file: FileResult = { file: 'a.ccmsetup', path: '/repo/a.ccmsetup', text: text(oldToken), diagnostics: [finding(0)] };
        assert.ok(!JSON.stringify(buildSarif([file], TOOL, { base: '/repo' })).includes(oldToken.slice(4, 16)));
      }
    });

    it('come from the CLI for every result, unique within a run', () => {
      const dir = tempDir({ 'a.ccmsetup': BAD_CCMSETUP });
      cleanup.push(dir);
      const results = (JSON.parse(run(dir, ['check', '.', '--format', 'sarif']).stdout) as Sarif.Log).runs[0].results ?? [];
      assert.ok(results.length >= 4);
      const prints = results.map((r) => r.partialFingerprints?.[FINGERPRINT_KEY]);
      assert.ok(prints.every((p) => typeof p === 'string' && /^[0-9a-f]{32}$/.test(p)));
      assert.equal(new Set(prints).size, prints.length);
    });
  });

  describe('artifact locations', () => {
    const locationsOf = (log: Sarif.Log) => (log.runs[0].results ?? []).map((r) => r.locations?.[0].physicalLocation?.artifactLocation);

    it('are relative to the repository root, wherever comanage runs in it, with %SRCROOT% declared', () => {
      const dir = tempDir({ 'plans/2025/bad.ccmsetup': BAD_CCMSETUP });
      cleanup.push(dir);
      for (const [cwd, operand] of [[dir, 'plans'], [path.join(dir, 'plans'), '.'], [path.join(dir, 'plans', '2025'), 'bad.ccmsetup']]) {
        const log = JSON.parse(run(cwd, ['check', operand, '--format', 'sarif']).stdout) as Sarif.Log;
        for (const location of locationsOf(log)) assert.deepEqual(location, { uri: 'plans/2025/bad.ccmsetup', uriBaseId: SRCROOT });
        const root = log.runs[0].originalUriBaseIds?.[SRCROOT];
        assert.equal(root?.uri, `${pathToFileURL(dir).href}/`);
        assert.match(root?.uri ?? '', /^file:\/\/\/.*\/$/);
      }
    });

    it('find the root of a worktree or submodule, where .git is a file', () => {
      const dir = tempDir({ 'outer/inner/plans/bad.ccmsetup': BAD_CCMSETUP }, false);
      cleanup.push(dir);
      fs.writeFileSync(path.join(dir, 'outer', 'inner', '.git'), 'gitdir: ../.git/worktrees/inner\n');
      assert.equal(findRepoRoot(path.join(dir, 'outer', 'inner', 'plans')), path.join(dir, 'outer', 'inner'));
      const log = JSON.parse(run(path.join(dir, 'outer', 'inner', 'plans'), ['check', '.', '--format', 'sarif']).stdout) as Sarif.Log;
      assert.equal(locationsOf(log)[0]?.uri, 'plans/bad.ccmsetup');
    });

    it('look for the repository around the checked files when the current folder is outside any', () => {
      const repo = tempDir({ 'plans/bad.ccmsetup': BAD_CCMSETUP });
      const elsewhere = tempDir({}, false);
      cleanup.push(repo, elsewhere);
      const log = JSON.parse(run(elsewhere, ['check', path.join(repo, 'plans'), '--format', 'sarif']).stdout) as Sarif.Log;
      assert.deepEqual(locationsOf(log)[0], { uri: 'plans/bad.ccmsetup', uriBaseId: SRCROOT });
      assert.equal(log.runs[0].originalUriBaseIds?.[SRCROOT]?.uri, `${pathToFileURL(repo).href}/`);
    });

    it('follow --base, and give a file outside it an absolute file: URI', () => {
      const dir = tempDir({ 'a/plans/bad.ccmsetup': BAD_CCMSETUP, 'b/other.ccmsetup': BAD_CCMSETUP });
      cleanup.push(dir);
      const log = JSON.parse(run(dir, ['check', '.', '--format', 'sarif', '--base', 'a']).stdout) as Sarif.Log;
      const uris = new Set(locationsOf(log).map((l) => JSON.stringify(l)));
      assert.deepEqual(uris, new Set([
        JSON.stringify({ uri: 'plans/bad.ccmsetup', uriBaseId: SRCROOT }),
        JSON.stringify({ uri: pathToFileURL(path.join(dir, 'b', 'other.ccmsetup')).href }),
      ]));
      assert.equal(log.runs[0].originalUriBaseIds?.[SRCROOT]?.uri, `${pathToFileURL(path.join(dir, 'a')).href}/`);
    });

    it('resolve symbolic links, as code scanning matches real paths', () => {
      const dir = tempDir({ 'real/bad.ccmsetup': BAD_CCMSETUP });
      cleanup.push(dir);
      fs.symlinkSync(path.join(dir, 'real'), path.join(dir, 'linked'));
      const log = JSON.parse(run(path.join(dir, 'linked'), ['check', '.', '--format', 'sarif']).stdout) as Sarif.Log;
      assert.equal(locationsOf(log)[0]?.uri, 'real/bad.ccmsetup');
    });

    it('refuse a --base that is not a folder, as a usage error', () => {
      const dir = tempDir({ 'a.ccmsetup': BAD_CCMSETUP });
      cleanup.push(dir);
      for (const [base, reason] of [['missing', /no such file or directory/], ['a.ccmsetup', /not a folder/]] as const) {
        const result = run(dir, ['check', '.', '--format', 'sarif', '--base', base]);
        assert.equal(result.status, 2);
        assert.equal(result.stdout, '');
        assert.match(result.stderr, new RegExp(`^comanage: cannot use '${base}' as --base: ${reason.source}\\n$`));
      }
    });
  });
});

interface MultitoolFinding { ruleId?: string; level?: string; message?: string }

/**
 * Runs `sarif-multitool validate <log> --rule-kind Gh` (the npm package's self-contained binary,
 * called directly: its bin.js goes through a shell) and returns what its own SARIF log reports.
 * The input comes first: a list option such as --rule-kind takes every value up to the next option.
 * (The `Sarif` rule kind fetches every URL in the log, which needs a network; docs/code-scanning.md
 * has a manual run of it.)
 */
function multitoolFindings(dir: string, sarifText: string): MultitoolFinding[] {
  const binary = require('@microsoft/sarif-multitool') as string;
  const input = path.join(dir, 'input.sarif');
  const output = path.join(dir, 'validation.sarif');
  fs.writeFileSync(input, sarifText);
  fs.rmSync(output, { force: true });
  execFileSync(binary, ['validate', input, '--rule-kind', 'Gh', '--level', 'Error', 'Warning', 'Note', '--output', output, '--log', 'ForceOverwrite'], {
    encoding: 'utf8', timeout: 50_000, env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1', DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1' },
  });
  const log = JSON.parse(fs.readFileSync(output, 'utf8')) as Sarif.Log;
  const run = log.runs[0];
  // A tool failure (unreadable input, a crash) shows as a notification, not a result: count it too.
  const failures = (run.invocations ?? []).flatMap((i) => [...(i.toolExecutionNotifications ?? []), ...(i.toolConfigurationNotifications ?? [])])
    .filter((n) => n.level === 'error').map((n) => ({ ruleId: n.descriptor?.id, level: 'error', message: n.message.text }));
  assert.ok((run.invocations ?? []).length > 0, 'the multitool wrote no invocation');
  return [...failures, ...(run.results ?? []).map((r) => ({ ruleId: r.ruleId, level: r.level, message: r.message.text }))];
}
