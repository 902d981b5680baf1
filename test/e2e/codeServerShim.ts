// Stands in for the VS Code executable that @vscode/test-electron launches, where VS Code can't be
// downloaded. It takes the same arguments (--extensionDevelopmentPath=, --extensionTestsPath=,
// --user-data-dir=, --extensions-dir=, a folder), runs code-server, opens the workbench in headless
// chromium with those settings in the URL's payload, and exits with the code the test run reports
// through window.codeAutomationExit (0 passed, 1 failed).
// Bundled to out/e2e/codeServerShim.js; out/e2e/code-server-shim is the executable wrapper.
import { createWriteStream } from 'node:fs';
import * as path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { RunFolder, RunningCodeServer, launchChromium, makeRunFolder, startCodeServer, workbenchUrl } from './codeServer';

const RUN_TIMEOUT_MS = Number(process.env.COMANAGE_E2E_TIMEOUT_MS) || 180_000;
const CLOSE_TIMEOUT_MS = 5_000;

interface ShimArgs {
  extensionDevelopmentPath?: string;
  extensionTestsPath?: string;
  userDataDir?: string;
  extensionsDir?: string;
  folder?: string;
}

/** Reads the desktop CLI's arguments; desktop-only flags (--no-sandbox, --disable-updates, …) are ignored. */
export function parseArgs(argv: string[]): ShimArgs {
  const args: ShimArgs = {};
  const valued: Record<string, keyof ShimArgs> = {
    '--extensionDevelopmentPath': 'extensionDevelopmentPath',
    '--extensionTestsPath': 'extensionTestsPath',
    '--user-data-dir': 'userDataDir',
    '--extensions-dir': 'extensionsDir',
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg : arg.slice(0, eq);
    const key = valued[name];
    if (key) args[key] = eq === -1 ? argv[++i] : arg.slice(eq + 1);
    else if (!arg.startsWith('-')) args.folder = arg;
  }
  return args;
}

const say = (message: string) => process.stdout.write(`${message}\n`);

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (!args.extensionDevelopmentPath || !args.extensionTestsPath) {
    process.stderr.write('code-server-shim: needs --extensionDevelopmentPath= and --extensionTestsPath=\n');
    return 2;
  }
  const run: RunFolder = makeRunFolder();
  const workbenchLog = createWriteStream(path.join(run.dir, 'workbench.log'));
  let server: RunningCodeServer | undefined;
  let browser: BrowserContext | undefined;
  let cleaning: Promise<void> | undefined;
  const cleanup = () => (cleaning ??= (async () => {
    await withTimeout(browser?.close() ?? Promise.resolve(), CLOSE_TIMEOUT_MS).catch(() => undefined);
    await server?.stop();
    workbenchLog.end();
    run.remove();
  })());
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void cleanup().finally(() => process.exit(130)));
  }

  try {
    server = await startCodeServer({ runDir: run.dir, userDataDir: args.userDataDir, extensionsDir: args.extensionsDir });
    browser = await launchChromium(path.join(run.dir, 'chromium'));
    const page = browser.pages()[0] ?? await browser.newPage();

    let finish!: (code: number) => void;
    const exitCode = new Promise<number>((resolve) => { finish = resolve; });
    // The workbench calls these when it runs extension tests. The suite writes its own report
    // (suite/index.ts), so the workbench's log is kept for failures, or shown with COMANAGE_E2E_VERBOSE=1.
    const verbose = process.env.COMANAGE_E2E_VERBOSE === '1';
    const logLines: string[] = [];
    await page.exposeFunction('codeAutomationLog', (level: string, message: string) => {
      const line = `[${level}] ${message}`;
      workbenchLog.write(`${line}\n`);
      logLines.push(line);
      if (logLines.length > 40) logLines.shift();
      if (verbose) say(line);
    });
    await page.exposeFunction('codeAutomationExit', (code: number) => finish(code));
    page.on('pageerror', (error) => process.stderr.write(`[workbench] ${error.message}\n`));
    // No exit call will come from a crashed or closed page: fail now rather than at the timeout.
    page.on('crash', () => { say('code-server-shim: the workbench page crashed'); finish(1); });
    page.on('close', () => finish(1));

    await page.goto(workbenchUrl(server, {
      folder: args.folder,
      extensionDevelopmentPath: args.extensionDevelopmentPath,
      extensionTestsPath: args.extensionTestsPath,
    }));
    const code = await withTimeout(exitCode, RUN_TIMEOUT_MS, `the test run did not finish within ${RUN_TIMEOUT_MS / 1000} s`);
    if (code !== 0 && !verbose) say(`code-server-shim: tests exited with ${code}; the workbench's last log lines:\n${logLines.join('\n')}`);
    return code;
  } catch (error) {
    process.stderr.write(`code-server-shim: ${(error as Error).message}\n`);
    if (server) process.stderr.write(`--- code-server output ---\n${server.tail()}\n`);
    return 1;
  } finally {
    await cleanup();
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, message = 'timed out'): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(message)), ms); });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

if (require.main === module) {
  void main().then((code) => process.exit(code));
}
