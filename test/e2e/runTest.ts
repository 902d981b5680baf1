// Runs the end-to-end suite (test/e2e/suite) in a real VS Code through @vscode/test-electron.
// With internet, test-electron downloads VS Code as usual. Where that fails (this project's machines
// reach only the npm registry and Debian), or when COMANAGE_VSCODE=code-server, VS Code 1.100 comes
// from the npm package code-server and runs in headless chromium behind a shim executable.
// COMANAGE_VSCODE=download forbids the fallback. Usage: npx tsx test/e2e/runTest.ts
// COMANAGE_E2E_GREP=<text> runs only the tests whose full title contains it (mocha's grep).
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { buildE2e } from './build';
import { makeRunFolder } from './codeServer';
import { INSTALL_SCRIPT, ROOT, SHIM_SCRIPT, SUITE_INDEX } from './paths';

const DOWNLOAD_IDLE_TIMEOUT_MS = 15_000;

/**
 * The suite edits the fixtures in memory and must never write them: VS Code for the web saves after
 * a delay by default, so a failed test could otherwise leave its edit in client/testFixture/.
 */
const USER_SETTINGS = {
  'files.autoSave': 'off',
  'files.hotExit': 'off',
  'workbench.startupEditor': 'none',
  'git.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
};

/** What suite/index.ts writes to COMANAGE_E2E_OUTPUT when mocha ends. */
interface Results {
  passes: number;
  failures: number;
  pending: number;
  durationMs: number;
}

const say = (message: string) => console.log(`e2e: ${message}`);

async function pickVSCode(): Promise<string> {
  const wanted = process.env.COMANAGE_VSCODE ?? 'auto';
  if (wanted !== 'code-server') {
    try {
      const executable = await downloadAndUnzipVSCode({ timeout: DOWNLOAD_IDLE_TIMEOUT_MS });
      say(`using VS Code from ${executable}`);
      return executable;
    } catch (error) {
      if (wanted === 'download') throw error;
      say(`VS Code download failed (${(error as Error).message}); using code-server instead`);
    }
  }
  // Idempotent and quick once installed; prints what it installs and where.
  const install = spawnSync(process.execPath, [INSTALL_SCRIPT], { stdio: 'inherit' });
  if (install.status !== 0) throw new Error('installing code-server and chromium failed (see above)');
  return SHIM_SCRIPT;
}

function readFile(file: string): string | undefined {
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

function readResults(file: string): Results | undefined {
  try {
    return JSON.parse(readFile(file) ?? 'null') ?? undefined;
  } catch {
    return undefined;
  }
}

async function main(): Promise<number> {
  const started = Date.now();
  await buildE2e();
  const vscodeExecutablePath = await pickVSCode();
  const run = makeRunFolder('comanage-e2e-run-');
  const userDataDir = path.join(run.dir, 'user-data');
  mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  const workspace = path.join(run.dir, 'workspace');
  mkdirSync(workspace);
  writeFileSync(path.join(workspace, 'README.md'), 'The end-to-end tests write comanage files here.\n');
  let exitCode = 1;
  try {
    await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: SUITE_INDEX,
      // A folder with no comanage file in it: the suite opens fixture files itself, so it can see the
      // extension start on the first one; workspace.e2e.ts writes files into it that are never opened.
      launchArgs: [
        workspace,
        `--user-data-dir=${userDataDir}`,
        `--extensions-dir=${path.join(run.dir, 'extensions')}`,
        '--disable-extensions',
      ],
      extensionTestsEnv: {
        COMANAGE_E2E_OUTPUT: run.dir,
        ...(process.env.COMANAGE_E2E_GREP ? { COMANAGE_E2E_GREP: process.env.COMANAGE_E2E_GREP } : {}),
        ...(process.env.COMANAGE_E2E_FILES ? { COMANAGE_E2E_FILES: process.env.COMANAGE_E2E_FILES } : {}),
      },
    });
    exitCode = 0;
  } catch (error) {
    say((error as Error).message);
  }
  // mocha's own report from inside VS Code, with its closing "N passing" / "M failing" lines, so
  // whatever reads `npm test` counts these tests with the unit tests.
  const report = readFile(path.join(run.dir, 'report.txt'));
  const results = readResults(path.join(run.dir, 'results.json'));
  run.remove();
  if (report) process.stdout.write(report);
  if (!results) {
    // The suite never finished: VS Code, the extension host or the suite's loading failed.
    console.log('\n  0 passing\n  1 failing\n\n  1) the end-to-end suite did not finish (see the output above)');
    exitCode = 1;
  } else if (results.failures) {
    exitCode = 1;
  }
  say(`${exitCode ? 'FAILED' : 'passed'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return exitCode;
}

main().then((code) => process.exit(code), (error: unknown) => {
  console.error(`e2e: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
  console.log('\n  0 passing\n  1 failing');
  process.exit(1);
});
