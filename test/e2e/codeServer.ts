// Runs a real VS Code (code-server's server, workbench and Node extension host) isolated from the
// machine's own: its own port, user data, extensions, HOME, XDG folders and TMPDIR, all in one run
// folder, and a headless Debian chromium driven by playwright-core to show the workbench.
// Used by the test shim (codeServerShim.ts) and by the screenshot script.
import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { CHROMIUM, CODE_SERVER_ENTRY } from './paths';

const HEALTH_TIMEOUT_MS = 30_000;
const STOP_GRACE_MS = 3_000;

export interface RunFolder {
  dir: string;
  /** Deletes the folder, unless COMANAGE_E2E_KEEP=1 asks to keep it for a post-mortem. */
  remove(): void;
}

/** A fresh folder under the system temp dir (short paths: VS Code puts IPC sockets in TMPDIR). */
export function makeRunFolder(prefix = 'comanage-e2e-'): RunFolder {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  return {
    dir,
    remove() {
      if (process.env.COMANAGE_E2E_KEEP === '1') return;
      rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
    },
  };
}

/** A port the OS just gave out on loopback; code-server binds it a moment later. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

/** The process environment with HOME, XDG_* and TMPDIR moved into the run folder. */
export function isolatedEnv(runDir: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const sub = (name: string) => {
    const dir = path.join(runDir, name);
    mkdirSync(dir, { recursive: true });
    return dir;
  };
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOME: sub('home'),
    XDG_CONFIG_HOME: sub('xdg/config'),
    XDG_DATA_HOME: sub('xdg/data'),
    XDG_CACHE_HOME: sub('xdg/cache'),
    XDG_STATE_HOME: sub('xdg/state'),
    XDG_RUNTIME_DIR: sub('xdg/runtime'),
    TMPDIR: sub('tmp'),
    // No marketplace: nothing may be fetched or suggested.
    EXTENSIONS_GALLERY: '{}',
    ...extra,
  };
  // Variables from an enclosing VS Code would make code-server act as its CLI instead of a server.
  for (const name of Object.keys(env)) {
    if (name.startsWith('VSCODE_') || name === 'ELECTRON_RUN_AS_NODE') delete env[name];
  }
  return env;
}

export interface CodeServerOptions {
  runDir: string;
  userDataDir?: string;
  extensionsDir?: string;
  /** Extra environment for the server and so for the extension host. */
  env?: NodeJS.ProcessEnv;
}

export interface RunningCodeServer {
  origin: string;
  authority: string;
  logFile: string;
  /** The last lines of the server's output, for failure reports. */
  tail(lines?: number): string;
  stop(): Promise<void>;
}

export async function startCodeServer(options: CodeServerOptions): Promise<RunningCodeServer> {
  if (!existsSync(CODE_SERVER_ENTRY)) {
    throw new Error(`code-server is not installed at ${CODE_SERVER_ENTRY}: run node scripts/e2e/install-vscode.mjs`);
  }
  const { runDir } = options;
  const port = await freePort();
  const authority = `127.0.0.1:${port}`;
  const userDataDir = options.userDataDir ?? path.join(runDir, 'user-data');
  const extensionsDir = options.extensionsDir ?? path.join(runDir, 'extensions');
  mkdirSync(userDataDir, { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  const config = path.join(runDir, 'config.yaml');
  writeFileSync(config, `bind-addr: ${authority}\nauth: none\ncert: false\n`);
  const logFile = path.join(runDir, 'code-server.log');
  const log = createWriteStream(logFile);

  const child = spawn(process.execPath, [
    CODE_SERVER_ENTRY,
    '--auth', 'none',
    '--bind-addr', authority,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    '--config', config,
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
  ], {
    cwd: runDir,
    env: isolatedEnv(runDir, options.env),
    stdio: ['ignore', 'pipe', 'pipe'],
    // Own process group: stop() ends the server and every extension host it forked.
    detached: true,
  });
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });

  const server: RunningCodeServer = {
    origin: `http://${authority}`,
    authority,
    logFile,
    tail: (lines = 40) => tailOf(logFile, lines),
    stop: () => stopGroup(child).finally(() => log.end()),
  };
  try {
    await waitForHealth(server.origin, child);
  } catch (error) {
    await server.stop();
    throw new Error(`${(error as Error).message}\n--- code-server output ---\n${server.tail()}`);
  }
  return server;
}

function tailOf(file: string, lines: number): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no output)';
  }
}

function waitForHealth(origin: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      if (child.exitCode !== null || child.signalCode) {
        reject(new Error(`code-server exited early (${child.exitCode ?? child.signalCode})`));
        return;
      }
      const request = http.get(`${origin}/healthz`, { timeout: 2_000 }, (response) => {
        response.resume();
        if (response.statusCode === 200) resolve();
        else retry();
      });
      request.on('error', retry);
      request.on('timeout', () => request.destroy());
    };
    const retry = () => {
      if (Date.now() > deadline) reject(new Error(`code-server did not answer ${origin}/healthz within ${HEALTH_TIMEOUT_MS / 1000} s`));
      else setTimeout(attempt, 100);
    };
    attempt();
  });
}

/** SIGTERM to the whole group, SIGKILL after a grace period; resolves once the leader has exited. */
function stopGroup(child: ChildProcess): Promise<void> {
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      if (child.pid) process.kill(-child.pid, signal);
    } catch {
      // Already gone.
    }
  };
  if (child.exitCode !== null || child.signalCode) {
    signalGroup('SIGKILL'); // stray extension hosts of an exited server
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const killer = setTimeout(() => signalGroup('SIGKILL'), STOP_GRACE_MS);
    child.once('exit', () => {
      clearTimeout(killer);
      signalGroup('SIGKILL');
      resolve();
    });
    signalGroup('SIGTERM');
  });
}

export interface WorkbenchUrlOptions {
  /** Absolute folder to open; none opens an empty window. */
  folder?: string;
  extensionDevelopmentPath?: string;
  extensionTestsPath?: string;
}

/**
 * code-server refuses --extensionDevelopmentPath on its command line; the workbench URL's `payload`
 * parameter carries the same settings to VS Code, as vscode-remote URIs on this server.
 */
export function workbenchUrl(server: RunningCodeServer, options: WorkbenchUrlOptions): string {
  const remote = (file: string) => `vscode-remote://${server.authority}${path.resolve(file)}`;
  const payload: [string, string][] = [['skipWelcome', 'true'], ['skipReleaseNotes', 'true']];
  if (options.extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(options.extensionDevelopmentPath)]);
  if (options.extensionTestsPath) payload.push(['extensionTestsPath', remote(options.extensionTestsPath)]);
  const query = new URLSearchParams();
  if (options.folder) query.set('folder', path.resolve(options.folder));
  else query.set('ew', 'true');
  query.set('payload', JSON.stringify(payload));
  return `${server.origin}/?${query.toString()}`;
}

/** Chromium flags for this machine: no sandbox (root), no GPU, and no background calls to the internet. */
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-breakpad',
];

export async function launchChromium(profileDir: string, viewport = { width: 1280, height: 800 }): Promise<BrowserContext> {
  if (!existsSync(CHROMIUM)) throw new Error(`chromium not found at ${CHROMIUM}: run node scripts/e2e/install-vscode.mjs`);
  // Loaded here so the suite's build doesn't need it, and a clear error comes from a missing install.
  const { chromium } = await import('playwright-core');
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
    timeout: 30_000,
  });
}
