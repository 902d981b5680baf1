// Bundles the extension client, the language server and the CLI into dist/ (one file each),
// so the .vsix and `npx comanage` ship without node_modules.
// Usage: node esbuild.mjs [--watch]
import * as esbuild from 'esbuild';
import { chmodSync, existsSync, statSync } from 'node:fs';

const watch = process.argv.includes('--watch');

/** @type {{ name: string, in: string, out: string, options?: import('esbuild').BuildOptions }[]} */
const entries = [
  { name: 'extension', in: 'client/src/extension.ts', out: 'dist/extension.js', options: { external: ['vscode'] } },
  { name: 'server', in: 'server/src/node/serverMain.ts', out: 'dist/server.js' },
  {
    name: 'cli', in: 'server/src/cli.ts', out: 'dist/cli.js',
    options: { banner: { js: '#!/usr/bin/env node' }, plugins: [executable('dist/cli.js')] },
  },
];

/** Marks an output executable after every build (also in watch mode), so `./dist/cli.js` runs. */
function executable(file) {
  return {
    name: 'executable',
    setup(build) {
      build.onEnd((result) => { if (!result.errors.length && existsSync(file)) chmodSync(file, 0o755); });
    },
  };
}

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node18',
  minify: true,
  sourcemap: false,
  // Prefer ESM builds of dependencies where they exist: smaller bundles after tree shaking.
  mainFields: ['module', 'main'],
  logLevel: 'warning',
};

let failed = false;
for (const entry of entries) {
  if (!existsSync(entry.in)) {
    console.warn(`esbuild: skipping ${entry.name}: ${entry.in} does not exist yet`);
    continue;
  }
  const options = { ...common, ...entry.options, entryPoints: [entry.in], outfile: entry.out };
  try {
    if (watch) {
      const context = await esbuild.context(options);
      await context.watch();
      console.log(`esbuild: watching ${entry.in}`);
      continue;
    }
    await esbuild.build(options);
    console.log(`esbuild: ${entry.out.padEnd(18)} ${(statSync(entry.out).size / 1024).toFixed(1).padStart(7)} KiB`);
  } catch {
    // esbuild has already printed the errors.
    failed = true;
  }
}
if (failed) process.exit(1);
