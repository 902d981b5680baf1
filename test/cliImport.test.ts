// `comanage import` through the built CLI (dist/cli.js): a child process in a temporary copy of the
// Graph fixtures, as a user or CI would run it. Run `node esbuild.mjs` first.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { importIntoPlan } from '../server/src/core/graph/importPlan';

const CLI = path.resolve(__dirname, '../dist/cli.js');
const FIXTURES = path.join(__dirname, 'fixtures/graph');
const TOKEN_PIECE = 'eyJ0eXAiOiJKV1Qi';

interface Run { status: number | null; stdout: string; stderr: string }

function run(cwd: string, args: string[]): Run {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 30000, env: { ...process.env, NO_COLOR: '1' } });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('comanage import (dist/cli.js)', function () {
  this.timeout(60000);
  let root: string;
  let dirs = 0;

  /** A fresh copy of the fixtures, plus any extra files. */
  function project(extra: Record<string, string> = {}): string {
    const dir = path.join(root, `p${++dirs}`);
    fs.cpSync(FIXTURES, dir, { recursive: true });
    for (const [rel, content] of Object.entries(extra)) fs.writeFileSync(path.join(dir, rel), content);
    return dir;
  }

  before(() => {
    if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run \`node esbuild.mjs\` before the tests`);
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'comanage-import-'));
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('prints the plan the exports imply, and what it left out, on stderr', () => {
    const dir = project();
    const result = run(dir, ['import', 'enrollment-page1.json', 'enrollment-page2.json', 'autopilot-profiles.json', 'folder-export']);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /^# A co-management plan implied by Intune Graph exports/);
    assert.match(result.stdout, /# imported from folder-export\/DeviceEnrollmentConfigurations\/Shared devices co-management\.json: "Shared devices co-management" \(77aa88bb-99cc-4ddd-8eee-ffff00001111_Comanagement\)/);
    assert.match(result.stdout, /targetGroup: All devices\n {6}targetGroupType: device/);
    assert.match(result.stderr, /^comanage: skipped: enrollment-page1\.json: "All users and all devices" .*WindowsHelloForBusiness/m);
    assert.match(result.stderr, /^comanage: left out: .*overrideToIntune was not set/m);
    assert.match(result.stderr, /^comanage: 10 objects read from 6 files: \d+ values imported$/m);
    // Only *.json files are read from a folder, and no dot-file (a .comanage.json is settings).
    assert.doesNotMatch(result.stderr, /readme\.txt/);
    fs.writeFileSync(path.join(dir, 'folder-export', '.comanage.json'), '{"rules": {}}');
    assert.doesNotMatch(run(dir, ['import', 'folder-export']).stderr, /comanage\.json/);
  });

  it('the printed plan passes comanage check without structure errors', () => {
    const dir = project();
    const result = run(dir, ['import', '.']);
    fs.writeFileSync(path.join(dir, 'imported.comanage.yaml'), result.stdout);
    const check = run(dir, ['check', 'imported.comanage.yaml', '--format', 'json']);
    const files = JSON.parse(check.stdout) as { diagnostics: { code: string }[] }[];
    assert.deepEqual(files[0].diagnostics.filter((d) => d.code.startsWith('manifest-')), []);
    const readiness = run(dir, ['check', '--readiness', 'imported.comanage.yaml']);
    assert.match(readiness.stdout, /pass +default-restriction-blocks-windows/);
  });

  it('malformed JSON is an error with its position (exit 1); the other files are still imported', () => {
    const dir = project();
    const result = run(dir, ['import', 'odd/malformed.json', 'odd/bom.json', 'odd/utf16.json']);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /^comanage: error: odd\/malformed\.json:5:1: not valid JSON at line 5, column 1/m);
    assert.match(result.stdout, /name: Saved with a byte-order mark/);
    assert.match(result.stdout, /name: Saved by PowerShell 5\.1 \(UTF-16\)/);
  });

  it('a bulk registration token never reaches any output', () => {
    const dir = project();
    const printed = run(dir, ['import', 'odd/token.json']);
    assert.equal(printed.status, 0, printed.stderr);
    assert.ok(!printed.stdout.includes(TOKEN_PIECE) && !printed.stderr.includes(TOKEN_PIECE));
    assert.match(printed.stderr, /token \(\/regtoken\) was cut out of commandLine/);
    assert.doesNotMatch(printed.stdout, /regtoken/i);
    const written = run(dir, ['import', 'odd/token.json', '--into', 'new.comanage.yaml', '--write']);
    assert.equal(written.status, 0, written.stderr);
    assert.ok(!fs.readFileSync(path.join(dir, 'new.comanage.yaml'), 'utf8').includes(TOKEN_PIECE));
    // A token in a display name (or anywhere else in the export) is masked too.
    const named = project({ 'named.json': JSON.stringify({ '@odata.type': 'deviceComanagementAuthorityConfiguration', id: 'n1', displayName: `regtoken ${fs.readFileSync(path.join(dir, 'odd/token.json'), 'utf8').match(/eyJ[^"]+/)![0]}` }) });
    const masked = run(named, ['import', 'named.json']);
    assert.ok(!masked.stdout.includes(TOKEN_PIECE) && !masked.stderr.includes(TOKEN_PIECE), masked.stdout + masked.stderr);
    const maskedWrite = run(named, ['import', 'named.json', '--into', 'named.comanage.yaml', '--write']);
    assert.equal(maskedWrite.status, 0, maskedWrite.stderr);
    assert.match(maskedWrite.stderr, /token in an export .* was masked in named\.comanage\.yaml/);
    assert.ok(!fs.readFileSync(path.join(named, 'named.comanage.yaml'), 'utf8').includes(TOKEN_PIECE));
  });

  it('merges into a plan (--into), writes it (--write) keeping comments, and reports conflicts', () => {
    const plan = '# hand-written\nversion: 1\nautopilot:\n  esp:\n    timeoutMinutes: 60 # agreed with the service desk\n';
    const dir = project({ 'plan.comanage.yaml': plan });
    const preview = run(dir, ['import', 'enrollment-page1.json', '--into', 'plan.comanage.yaml']);
    assert.equal(preview.status, 1, 'a conflict fails');
    assert.match(preview.stderr, /^comanage: conflict: autopilot\.esp\.timeoutMinutes: the plan says 60, the export says 90 \(imported from enrollment-page1\.json: "Autopilot ESP" \([^)]+\)\); the plan's value was kept/m);
    assert.match(preview.stdout, /^# hand-written\nversion: 1\n/);

    const refused = run(dir, ['import', 'enrollment-page1.json', '--into', 'plan.comanage.yaml', '--write']);
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /not written: plan\.comanage\.yaml keeps its values until the conflict is settled/);
    assert.equal(fs.readFileSync(path.join(dir, 'plan.comanage.yaml'), 'utf8'), plan);

    const taken = run(dir, ['import', 'enrollment-page1.json', '--into', 'plan.comanage.yaml', '--write', '--prefer-import']);
    assert.equal(taken.status, 0, taken.stderr);
    assert.equal(taken.stdout, '');
    assert.match(taken.stderr, /updated plan\.comanage\.yaml: \d+ values imported, 0 already the same/);
    const after = fs.readFileSync(path.join(dir, 'plan.comanage.yaml'), 'utf8');
    assert.match(after, /^# hand-written\nversion: 1\n/);
    assert.match(after, /\(was 60\)\n {4}timeoutMinutes: 90/);

    // Importing the same export again changes nothing.
    const again = run(dir, ['import', 'enrollment-page1.json', '--into', 'plan.comanage.yaml']);
    assert.equal(again.status, 0, again.stderr);
    assert.equal(again.stdout, after);
    assert.match(again.stderr, /0 values imported, \d+ already the same in plan\.comanage\.yaml/);
  });

  it('merges as the editor does: the same plan and the same conflicts (one core import)', () => {
    const plan = '# hand-written\nversion: 1\nautopilot:\n  esp:\n    timeoutMinutes: 60\n';
    const dir = project({ 'plan.comanage.yaml': plan });
    const names = ['enrollment-page1.json', 'autopilot-profiles.json'];
    const editor = importIntoPlan(plan, names.map((name) => ({ name, text: fs.readFileSync(path.join(dir, name), 'utf8') })));
    const cli = run(dir, ['import', ...names, '--into', 'plan.comanage.yaml']);
    assert.equal(cli.stdout, editor.text);
    assert.equal(editor.conflicts.length, 1);
    for (const conflict of editor.conflicts) assert.ok(cli.stderr.includes(`conflict: ${conflict.path}: the plan says ${conflict.plan}, the export says ${conflict.export} (${conflict.source})`), cli.stderr);
    for (const left of editor.leftOut) assert.ok(cli.stderr.includes(`left out: ${left}`), left);
    for (const skip of editor.skipped) assert.ok(cli.stderr.includes(`skipped: ${skip}`), skip);
  });

  it('usage errors exit 2 with one line', () => {
    const dir = project();
    for (const [args, pattern] of [
      [['import'], /needs at least one export file or folder/],
      [['import', 'enrollment-page1.json', '--write'], /--write needs --into/],
      [['import', 'missing.json'], /cannot read 'missing\.json'/],
      [['import', 'enrollment-page1.json', '--prefer-import'], /--prefer-import needs --into/],
      [['check', '.', '--write'], /belong to 'comanage import'/],
    ] as [string[], RegExp][]) {
      const result = run(dir, args);
      assert.equal(result.status, 2, `${args.join(' ')}: ${result.stderr}`);
      assert.equal(result.stdout, '');
      assert.match(result.stderr, pattern);
    }
  });

  it('exits 1 when nothing it imports is found, and the help names the command', () => {
    const dir = project();
    const result = run(dir, ['import', 'odd/unknown.json']);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /no object comanage imports was found/);
    assert.equal(result.stdout, '', 'no plan is printed when nothing was imported');
    assert.match(run(dir, ['--help']).stdout, /comanage import <export files or folders\.\.\.> \[--into <plan\.comanage\.yaml>\] \[--write\] \[--prefer-import\]/);
  });
});
