// Where the end-to-end tests find things. The code-server location must match
// scripts/e2e/install-vscode.mjs, which installs it there.
import * as path from 'node:path';

// Two levels below the repo both as source (test/e2e/) and bundled (out/e2e/).
export const ROOT = path.resolve(__dirname, '..', '..');
export const CODE_SERVER_VERSION = '4.100.3';
export const CODE_SERVER_INSTALL_DIR = process.env.COMANAGE_CODE_SERVER_DIR
  ? path.resolve(process.env.COMANAGE_CODE_SERVER_DIR)
  : path.join(ROOT, '.cache', 'code-server', CODE_SERVER_VERSION);
export const CODE_SERVER_ENTRY = path.join(CODE_SERVER_INSTALL_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const CHROMIUM = process.env.COMANAGE_CHROMIUM ?? '/usr/bin/chromium';
export const INSTALL_SCRIPT = path.join(ROOT, 'scripts', 'e2e', 'install-vscode.mjs');

/** Compiled tests and the shim (esbuild output, git-ignored). */
export const OUT_DIR = path.join(ROOT, 'out', 'e2e');
export const SUITE_INDEX = path.join(OUT_DIR, 'suite', 'index.js');
export const SHIM_SCRIPT = path.join(OUT_DIR, 'code-server-shim');
export const FIXTURE_DIR = path.join(ROOT, 'client', 'testFixture');
