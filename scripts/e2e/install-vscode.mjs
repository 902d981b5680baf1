#!/usr/bin/env node
// Installs what the end-to-end tests need to run a real VS Code without downloading one:
// Debian's chromium, ripgrep and libkrb5-dev, and the npm package code-server (VS Code's server,
// workbench and Node extension host) into .cache/code-server/<version>/ inside the repo (git-ignored).
// Idempotent: a finished install leaves a marker and later runs return at once.
// code-server's own postinstall downloads ripgrep from GitHub, which this machine can't reach, so the
// install runs with --ignore-scripts and then does by hand what that postinstall does.
// Usage: node scripts/e2e/install-vscode.mjs [--force]
import { spawnSync } from 'node:child_process';
import {
  copyFileSync, chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.100.3';
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const INSTALL_DIR = process.env.COMANAGE_CODE_SERVER_DIR
  ? resolve(process.env.COMANAGE_CODE_SERVER_DIR)
  : join(ROOT, '.cache', 'code-server', CODE_SERVER_VERSION);
export const CODE_SERVER_DIR = join(INSTALL_DIR, 'node_modules', 'code-server');
export const CODE_SERVER_ENTRY = join(CODE_SERVER_DIR, 'out', 'node', 'entry.js');
export const CHROMIUM = process.env.COMANAGE_CHROMIUM ?? '/usr/bin/chromium';
const MARKER = join(INSTALL_DIR, '.installed');
const DEBIAN_PACKAGES = ['chromium', 'ripgrep', 'libkrb5-dev'];

const log = (message) => console.log(`install-vscode: ${message}`);
const shown = (path) => relative(process.cwd(), path) || '.';

/** Runs a command with inherited output; throws with the command line when it fails. */
function run(command, args, options = {}) {
  log(`$ ${command} ${args.join(' ')}${options.cwd ? `   (in ${shown(options.cwd)})` : ''}`);
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (${result.error?.message ?? `exit ${result.status ?? result.signal}`})`);
  }
}

function isDebianPackageInstalled(name) {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.includes('install ok installed');
}

/** apt-get has no package lists on a fresh machine; `update` is needed only then or after a failed install. */
function haveAptLists() {
  try {
    return readdirSync('/var/lib/apt/lists').some((name) => name.endsWith('_Packages') || name.includes('_Packages.'));
  } catch {
    return false;
  }
}

function ensureDebianPackages() {
  const missing = DEBIAN_PACKAGES.filter((name) => !isDebianPackageInstalled(name));
  if (!missing.length) return;
  if (spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status !== 0) {
    throw new Error(`missing ${missing.join(', ')} and no apt-get: install them with your package manager`);
  }
  const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
  const apt = (args) => run(sudo[0] ?? 'apt-get', [...(sudo.length ? ['apt-get'] : []), ...args], {
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  log(`installing Debian packages ${missing.join(', ')} (system-wide, with apt-get)`);
  if (!haveAptLists()) apt(['update']);
  const install = ['install', '-y', '--no-install-recommends', ...missing];
  try {
    apt(install);
  } catch {
    // Stale package lists are the usual cause; refresh once and retry.
    apt(['update']);
    apt(install);
  }
}

function ensureNodeDevDependencies() {
  const require = createRequire(join(ROOT, 'package.json'));
  for (const name of ['playwright-core', '@vscode/test-electron']) {
    try {
      require.resolve(`${name}/package.json`);
    } catch {
      throw new Error(`${name} is missing from node_modules: run \`npm ci\` (it is a devDependency)`);
    }
  }
}

function symlink(target, path) {
  rmSync(path, { recursive: true, force: true });
  symlinkSync(target, path);
}

function installCodeServer() {
  // Start clean: a half-finished earlier attempt has no marker and may have a broken tree.
  rmSync(INSTALL_DIR, { recursive: true, force: true });
  mkdirSync(INSTALL_DIR, { recursive: true });
  log(`installing code-server@${CODE_SERVER_VERSION} into ${INSTALL_DIR}`);
  // Its own package.json keeps npm from treating the repo's package.json as the project.
  writeFileSync(join(INSTALL_DIR, 'package.json'), `${JSON.stringify({ name: 'comanage-e2e-vscode', private: true }, null, 2)}\n`);
  const env = {
    ...process.env,
    npm_config_yes: 'true', // node-pty's rebuild runs `npx node-gyp`, which must not prompt
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };
  const npm = (args, cwd) => run('npm', args, { cwd, env });

  npm(['install', '--ignore-scripts', '--no-save', `code-server@${CODE_SERVER_VERSION}`], INSTALL_DIR);
  npm(['rebuild', 'argon2'], INSTALL_DIR);

  const vscodeDir = join(CODE_SERVER_DIR, 'lib', 'vscode');
  npm(['install', '--omit=dev', '--ignore-scripts'], vscodeDir);
  // @vscode/ripgrep's postinstall downloads rg from GitHub; it skips that when bin/ exists.
  const rgBin = join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin');
  mkdirSync(rgBin, { recursive: true });
  copyFileSync('/usr/bin/rg', join(rgBin, 'rg'));
  chmodSync(join(rgBin, 'rg'), 0o755);
  npm(['rebuild'], vscodeDir);

  // What code-server's postinstall.sh does after installing lib/vscode's dependencies.
  symlink('node_modules', join(vscodeDir, 'node_modules.asar'));
  symlink('code-linux.sh', join(vscodeDir, 'bin', 'remote-cli', 'code-server'));
  symlink('browser-linux.sh', join(vscodeDir, 'bin', 'helpers', 'browser.sh'));
  npm(['install', '--omit=dev'], join(vscodeDir, 'extensions'));

  const version = JSON.parse(readFileSync(join(CODE_SERVER_DIR, 'package.json'), 'utf8')).version;
  writeFileSync(MARKER, `${version}\n`);
}

export function install({ force = false } = {}) {
  const started = Date.now();
  ensureNodeDevDependencies();
  ensureDebianPackages();
  if (force || !existsSync(MARKER) || !existsSync(CODE_SERVER_ENTRY)) {
    installCodeServer();
    log(`done in ${((Date.now() - started) / 1000).toFixed(0)} s: code-server ${CODE_SERVER_VERSION} in ${INSTALL_DIR}, chromium at ${CHROMIUM}`);
  } else {
    log(`already installed: code-server ${CODE_SERVER_VERSION} in ${shown(INSTALL_DIR)}, chromium at ${CHROMIUM}`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    install({ force: process.argv.includes('--force') });
  } catch (error) {
    console.error(`install-vscode: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
