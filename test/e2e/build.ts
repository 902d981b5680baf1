// Bundles the end-to-end suite for the extension host (CommonJS; `vscode` and `mocha` come from the
// host and node_modules) and the code-server shim, into out/e2e/.
import * as esbuild from 'esbuild';
import { chmodSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { OUT_DIR, ROOT, SHIM_SCRIPT } from './paths';

const SUITE_SRC = path.join(ROOT, 'test', 'e2e', 'suite');

export async function buildE2e(): Promise<void> {
  const suiteOut = path.join(OUT_DIR, 'suite');
  // Stale bundles of deleted tests would still run.
  rmSync(suiteOut, { recursive: true, force: true });
  mkdirSync(suiteOut, { recursive: true });
  const common: esbuild.BuildOptions = {
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node18',
    sourcemap: 'inline',
    // As esbuild.mjs: ESM builds of dependencies first (jsonc-parser's UMD build requires its parts at run time, which a bundle can't follow).
    mainFields: ['module', 'main'],
    logLevel: 'warning',
  };
  const suiteEntries = readdirSync(SUITE_SRC)
    .filter((name) => name === 'index.ts' || name.endsWith('.e2e.ts'))
    .map((name) => path.join(SUITE_SRC, name));
  await esbuild.build({ ...common, entryPoints: suiteEntries, outdir: suiteOut, external: ['vscode', 'mocha'] });
  await esbuild.build({
    ...common,
    entryPoints: [path.join(ROOT, 'test', 'e2e', 'codeServerShim.ts')],
    outfile: path.join(OUT_DIR, 'codeServerShim.js'),
    external: ['playwright-core'],
  });
  // @vscode/test-electron spawns an executable file, not `node file.js`.
  writeFileSync(SHIM_SCRIPT, `#!/bin/sh\nexec "${process.execPath}" "$(dirname "$0")/codeServerShim.js" "$@"\n`);
  chmodSync(SHIM_SCRIPT, 0o755);
}
