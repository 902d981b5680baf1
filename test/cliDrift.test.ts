// `comanage check --readiness` with the tenant's exports (the plan's sources:, or --against),
// through the built CLI (dist/cli.js) in a temporary copy of the Graph fixtures. Run `node esbuild.mjs` first.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const CLI = path.resolve(__dirname, '../dist/cli.js');
const FIXTURES = path.join(__dirname, 'fixtures/graph');
const TOKEN = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJzZWNyZXQiOiJ0b3Atc2VjcmV0LXZhbHVlIn0.c2lnbmF0dXJlLXBhcnQtb25seQ';

interface Run { status: number | null; stdout: string; stderr: string }
interface Report { file: string; checks: { id: string; area: string; status: string; message: string }[] }

function run(cwd: string, args: string[]): Run {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 30000, env: { ...process.env, NO_COLOR: '1' } });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('comanage check --readiness against the tenant\'s exports (dist/cli.js)', function () {
  this.timeout(60000);
  let root: string;
  let dirs = 0;
  function project(): string {
    const dir = path.join(root, `p${++dirs}`);
    fs.cpSync(FIXTURES, dir, { recursive: true });
    return dir;
  }
  const planOf = (dir: string) => path.join(dir, 'drift/plan.comanage.yaml');
  const edit = (dir: string, change: (text: string) => string) => fs.writeFileSync(planOf(dir), change(fs.readFileSync(planOf(dir), 'utf8')));

  before(() => {
    if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run \`node esbuild.mjs\` before the tests`);
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'comanage-drift-'));
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('reads the plan\'s sources: (relative to the plan) and fails on drift, with both values (exit 1)', () => {
    const dir = project();
    const result = run(dir, ['check', '--readiness', 'drift/plan.comanage.yaml']);
    assert.equal(result.status, 1, result.stderr);
    assert.match(result.stdout, /^ {2}Tenant export$/m);
    assert.match(result.stdout, /✖ fail {4}tenant-esp-timeout \(line 20\): autopilot\.esp\.timeoutMinutes is 60 in the plan, but the tenant's export says 90 \(\.\.\/enrollment-page1\.json: "Autopilot ESP"/);
    assert.match(result.stdout, /✖ fail {4}tenant-priority \(line 15\): comanagement\.policies\[1\]\.priority is 3 in the plan, but the tenant's export says 2/);
    assert.match(result.stdout, /✔ pass {4}tenant-autopilot-join/);
    assert.match(result.stdout, /\? unknown tenant-authority/);
    // The same from another folder: sources are relative to the plan, not to the current folder.
    const elsewhere = run(path.join(dir, 'odd'), ['check', '--readiness', '--format', 'json', '../drift/plan.comanage.yaml']);
    assert.equal(elsewhere.status, 1, elsewhere.stderr);
    const [report] = JSON.parse(elsewhere.stdout) as Report[];
    const tenant = report.checks.filter((c) => c.area === 'tenant-export');
    assert.ok(tenant.some((c) => c.id === 'tenant-export-readable' && c.status === 'pass'), JSON.stringify(tenant));
    assert.deepEqual([...new Set(tenant.filter((c) => c.status === 'fail').map((c) => c.id))].sort(), ['tenant-command-line', 'tenant-esp-timeout', 'tenant-priority']);
  });

  it('a plan that agrees with its exports has no failing Tenant export check (exit 0 when nothing else fails)', () => {
    const dir = project();
    edit(dir, (text) => text.replace('SMSSITECODE=XYZ', 'SMSSITECODE=ABC').replace('priority: 3', 'priority: 2').replace('timeoutMinutes: 60', 'timeoutMinutes: 90'));
    const result = run(dir, ['check', '--readiness', '--format', 'json', 'drift/plan.comanage.yaml']);
    const [report] = JSON.parse(result.stdout) as Report[];
    const tenant = report.checks.filter((c) => c.area === 'tenant-export');
    assert.ok(tenant.length > 5 && !tenant.some((c) => c.status === 'fail'), JSON.stringify(tenant));
    assert.equal(result.status, report.checks.some((c) => c.status === 'fail') ? 1 : 0);
  });

  it('--against replaces the plan\'s sources; an export that can\'t be read fails and says so', () => {
    const dir = project();
    const result = run(dir, ['check', '--readiness', 'drift/plan.comanage.yaml', '--against', 'folder-export', '--against', 'nowhere.json']);
    assert.equal(result.status, 1, result.stderr);
    assert.match(result.stdout, /✖ fail {4}tenant-export-readable[^\n]*: The tenant export nowhere\.json could not be read \(no such file or folder\)/);
    // The plan's own sources weren't read: its policies aren't in the folder export.
    assert.doesNotMatch(result.stdout, /enrollment-page1\.json/);
    assert.match(result.stdout, /tenant-policy-match[^\n]*"Shared devices co-management" \(folder-export\/DeviceEnrollmentConfigurations\/Shared devices co-management\.json/);
    // A source listed in the plan that is missing: the same failure.
    edit(dir, (text) => text.replace('../autopilot-profiles.json', '../autopilot-gone.json'));
    const missing = run(dir, ['check', '--readiness', 'drift/plan.comanage.yaml']);
    assert.equal(missing.status, 1);
    assert.match(missing.stdout, /tenant-export-readable \(line 5\): The tenant export \.\.\/autopilot-gone\.json could not be read/);
  });

  it('a token in a command line never reaches the output', () => {
    const dir = project();
    fs.writeFileSync(path.join(dir, 'token.comanage.yaml'), [
      'version: 1', 'comanagement:', '  policies:', '    - name: Token policy', '      priority: 7',
      `      commandLine: 'CCMSETUPCMD="CCMHOSTNAME=contoso.eastus.cloudapp.azure.com/CCM_Proxy_MutualAuth/72186325152220500 SMSSITECODE=XYZ" /regtoken:${TOKEN}'`, '',
    ].join('\n'));
    for (const format of ['text', 'json']) {
      const result = run(dir, ['check', '--readiness', '--format', format, 'token.comanage.yaml', '--against', 'odd/token.json']);
      assert.equal(result.status, 1);
      assert.match(result.stdout, /tenant-command-line/);
      assert.ok(!result.stdout.includes('eyJ0eXAiOiJKV1Qi') && !result.stderr.includes('eyJ0eXAiOiJKV1Qi'), result.stdout);
    }
  });

  it('--against belongs to check --readiness', () => {
    const dir = project();
    const result = run(dir, ['check', 'drift/plan.comanage.yaml', '--against', 'folder-export']);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /--against belongs to 'comanage check --readiness'/);
    assert.match(run(dir, ['--help']).stdout, /--against <path>/);
  });
});
