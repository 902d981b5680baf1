// Writes the files derived from the catalog (see render.ts). `--check` writes nothing and exits 1
// when a file is missing or differs, so CI can catch a catalog change committed without them.
// Exit codes: 0 up to date / written, 1 stale (--check), 2 usage or render error.
import * as fs from 'fs';
import * as path from 'path';
import { readRepoFile, renderAll, RenderedFile, REPO_ROOT } from './render';

function main(argv: string[]): number {
  const unknown = argv.filter((a) => a !== '--check');
  if (unknown.length) {
    console.error(`usage: tsx scripts/generate.ts [--check]   (unknown: ${unknown.join(' ')})`);
    return 2;
  }
  const check = argv.includes('--check');

  let files: RenderedFile[];
  try {
    files = renderAll();
  } catch (error) {
    console.error(`generate: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }

  const stale = files.filter((file) => readRepoFile(file.path) !== file.content);
  if (check) {
    if (stale.length === 0) return 0;
    console.error('Generated files are out of date; run `npm run generate`:');
    for (const file of stale) console.error(`  ${file.path}`);
    return 1;
  }
  for (const file of stale) {
    const absolute = path.join(REPO_ROOT, file.path);
    fs.mkdirSync(path.dirname(absolute), { recursive: true });
    fs.writeFileSync(absolute, file.content, 'utf8');
    console.log(`wrote ${file.path}`);
  }
  if (stale.length === 0) console.log('generated files are up to date');
  return 0;
}

process.exitCode = main(process.argv.slice(2));
