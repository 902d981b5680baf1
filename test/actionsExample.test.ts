// The README's GitHub Actions workflow, run as written: `npm pack` makes the tarball a plans
// repository commits, then each step of the README's YAML runs here in order, with GitHub's
// step conditions and shell, the `run:` scripts in bash as the runner does, and the three `uses:`
// actions stood in for (checkout: the workspace; setup-node: this Node; upload-sarif: the file
// must be a SARIF log). Plans with errors must upload and then fail; clean plans must pass.
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type * as Sarif from 'sarif';
import YAML from 'yaml';
import pkg from '../package.json';

const ROOT = path.join(__dirname, '..');
const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const TARBALL = `comanage-${pkg.version}.tgz`;

interface Step { name?: string; id?: string; if?: string; uses?: string; run?: string; with?: Record<string, unknown> }
interface Workflow { permissions?: Record<string, string>; jobs: Record<string, { 'runs-on': string; steps: Step[] }> }

/** The fenced block that follows `lead` in the README. */
function blockAfter(lead: string, language: string): string {
  const at = README.indexOf(lead);
  assert.ok(at >= 0, `README has no "${lead}"`);
  const match = new RegExp('```' + language + '\\n([\\s\\S]*?)```').exec(README.slice(at));
  assert.ok(match, `no ${language} block after "${lead}"`);
  return match[1];
}

let WORKFLOW: Workflow;

/** GitHub's expression subset the workflow uses: status functions, step outputs, quoted strings, ==, !=, &&, ||, (). */
function evaluate(expression: string, outputs: Record<string, Record<string, string>>, failed: boolean): string | boolean {
  const js = expression
    .replace(/\bsteps\.([\w-]+)\.outputs\.([\w-]+)/g, (_, step: string, name: string) => JSON.stringify(outputs[step]?.[name] ?? ''))
    .replace(/\balways\(\)/g, 'true').replace(/\bsuccess\(\)/g, String(!failed)).replace(/\bfailure\(\)/g, String(failed))
    .replace(/'([^']*)'/g, (_, text: string) => JSON.stringify(text))
    .replace(/==/g, '===').replace(/!=(?!=)/g, '!==');
  // Only literals and operators may remain: anything else is an expression this stand-in doesn't know.
  assert.match(js.replace(/"(?:[^"\\]|\\.)*"/g, ''), /^(?:\s|true|false|===|!==|&&|\|\||[()!])*$/, `unsupported expression: ${expression}`);
  return Function(`"use strict"; return (${js});`)() as string | boolean;
}

interface JobRun { failed: boolean; log: string[]; uploaded?: Sarif.Log; outputs: Record<string, Record<string, string>> }

function runJob(workspace: string, runnerTemp: string): JobRun {
  const job = Object.values(WORKFLOW.jobs)[0];
  const outputs: Record<string, Record<string, string>> = {};
  const log: string[] = [];
  let failed = false;
  let uploaded: Sarif.Log | undefined;
  job.steps.forEach((step, index) => {
    const name = step.name ?? step.uses ?? `step ${index}`;
    if (!evaluate(step.if ?? 'success()', outputs, failed)) { log.push(`skipped: ${name}`); return; }
    if (step.uses) {
      if (step.uses.startsWith('actions/checkout@')) assert.ok(fs.existsSync(path.join(workspace, '.git')));
      else if (step.uses.startsWith('actions/setup-node@')) assert.ok(Number(step.with?.['node-version']) >= Number(pkg.engines.node.replace(/^>=/, '')));
      else if (step.uses.startsWith('github/codeql-action/upload-sarif@')) {
        uploaded = JSON.parse(fs.readFileSync(path.join(workspace, String(step.with?.sarif_file)), 'utf8')) as Sarif.Log;
        assert.equal(uploaded.version, '2.1.0');
      } else assert.fail(`no stand-in for ${step.uses}`);
      log.push(`ran: ${name}`);
      return;
    }
    const script = (step.run ?? '').replace(/\$\{\{(.*?)\}\}/g, (_, expression: string) => String(evaluate(expression.trim(), outputs, failed)));
    const outputFile = path.join(runnerTemp, `output-${index}`);
    fs.writeFileSync(outputFile, '');
    const scriptFile = path.join(runnerTemp, `step-${index}.sh`);
    fs.writeFileSync(scriptFile, script);
    // The runner's default shell for `run:` on Linux.
    const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', scriptFile], {
      cwd: workspace, encoding: 'utf8', timeout: 120_000,
      env: {
        ...process.env, GITHUB_WORKSPACE: workspace, RUNNER_TEMP: runnerTemp, GITHUB_OUTPUT: outputFile, CI: 'true',
        // Nothing may come from a registry: the tarball holds all comanage needs.
        npm_config_offline: 'true', npm_config_cache: path.join(runnerTemp, 'npm-cache'), npm_config_update_notifier: 'false',
      },
    });
    if (step.id) {
      outputs[step.id] = Object.fromEntries(fs.readFileSync(outputFile, 'utf8').split('\n').filter(Boolean).map((line) => {
        const eq = line.indexOf('=');
        return [line.slice(0, eq), line.slice(eq + 1)];
      }));
    }
    if (result.status !== 0) failed = true;
    log.push(`${result.status === 0 ? 'ran' : `failed (${result.status})`}: ${name}${result.status === 0 ? '' : `\n${result.stderr}`}`);
  });
  return { failed, log, uploaded, outputs };
}

describe('README GitHub Actions example', function () {
  this.timeout(180_000);
  let packDir: string;
  const cleanup: string[] = [];

  before(() => {
    WORKFLOW = YAML.parse(blockAfter('`.github/workflows/comanage.yml`', 'yaml')) as Workflow;
    // The README's `npm pack` (the build before it is `npm test`'s own).
    packDir = fs.mkdtempSync(path.join(os.tmpdir(), 'comanage-pack-'));
    cleanup.push(packDir);
    const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', packDir], { cwd: ROOT, encoding: 'utf8' })) as { filename: string; files: { path: string }[] }[];
    assert.equal(packed[0].filename, TARBALL);
  });
  after(() => { for (const dir of cleanup) fs.rmSync(dir, { recursive: true, force: true }); });

  /** A checked-out plans repository with the tarball committed under tools/. */
  function workspace(plans: Record<string, string>): { workspace: string; runnerTemp: string } {
    const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'comanage-actions-')));
    cleanup.push(dir);
    const ws = path.join(dir, 'work');
    fs.mkdirSync(path.join(ws, '.git'), { recursive: true });
    fs.mkdirSync(path.join(ws, 'tools'));
    fs.copyFileSync(path.join(packDir, TARBALL), path.join(ws, 'tools', TARBALL));
    for (const [name, text] of Object.entries(plans)) {
      fs.mkdirSync(path.dirname(path.join(ws, name)), { recursive: true });
      fs.writeFileSync(path.join(ws, name), text);
    }
    fs.mkdirSync(path.join(dir, 'runner-temp'));
    return { workspace: ws, runnerTemp: path.join(dir, 'runner-temp') };
  }

  it('packs only the bundled CLI, README, LICENSE and package.json, and the README names that tarball', () => {
    const files = execFileSync('tar', ['-tzf', path.join(packDir, TARBALL)], { encoding: 'utf8' }).trim().split('\n').sort();
    assert.deepEqual(files, ['package/LICENSE', 'package/README.md', 'package/dist/cli.js', 'package/package.json']);
    assert.ok(blockAfter('make a tarball of the CLI', 'sh').includes(`npm pack     # writes ${TARBALL}`));
    assert.ok(JSON.stringify(WORKFLOW).includes(`tools/${TARBALL}`), `the workflow installs ${TARBALL}`);
  });

  it('asks only for the permissions upload-sarif needs', () => {
    assert.deepEqual(WORKFLOW.permissions, { contents: 'read', 'security-events': 'write' });
  });

  it('with errors in the plans: uploads the findings, then fails the job with the check\'s exit code', () => {
    const { workspace: ws, runnerTemp } = workspace({ 'plans/pilot.ccmsetup': 'ccmsetup.exe /UsePKICrt SMSSITECODE=ABC\n', 'plans/ok.ccmsetup': '# nothing\n' });
    const job = runJob(ws, runnerTemp);
    assert.deepEqual(job.log.map((l) => l.split('\n')[0]), [
      'ran: actions/checkout@v4', 'ran: actions/setup-node@v4', 'ran: Install comanage from the tarball in this repository',
      'ran: Check the plans', 'ran: Upload to code scanning', 'failed (1): Fail when comanage found errors',
    ]);
    assert.equal(job.failed, true);
    assert.equal(job.outputs.check.status, '1');
    const results = job.uploaded?.runs[0].results ?? [];
    assert.ok(results.some((r) => r.ruleId === 'unknown-parameter' && r.level === 'error'));
    assert.deepEqual(results[0].locations?.[0].physicalLocation?.artifactLocation, { uri: 'plans/pilot.ccmsetup', uriBaseId: '%SRCROOT%' });
    // Installed from the tarball alone, outside the workspace.
    assert.ok(fs.existsSync(path.join(runnerTemp, 'comanage', 'node_modules', 'comanage', 'dist', 'cli.js')));
    assert.ok(!fs.existsSync(path.join(ws, 'node_modules')));
  });

  it('with clean plans: uploads an empty report and passes', () => {
    const { workspace: ws, runnerTemp } = workspace({ 'plans/pilot.ccmsetup': '# nothing to report\n' });
    const job = runJob(ws, runnerTemp);
    assert.equal(job.failed, false, job.log.join('\n'));
    assert.deepEqual(job.log.at(-1), 'skipped: Fail when comanage found errors');
    assert.deepEqual(job.uploaded?.runs[0].results, []);
  });

  it('with a usage error (no plans folder): uploads nothing and fails', () => {
    const { workspace: ws, runnerTemp } = workspace({});
    const job = runJob(ws, runnerTemp);
    assert.equal(job.failed, true);
    assert.equal(job.outputs.check.status, '2');
    assert.ok(job.log.includes('skipped: Upload to code scanning'), job.log.join('\n'));
    assert.equal(job.uploaded, undefined);
  });
});
