// The invariants ARCHITECTURE.md states, checked.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..');

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

function importsOf(file: string): string[] {
  const source = fs.readFileSync(file, 'utf8');
  return [...source.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|require\(['"]([^'"]+)['"]\)|import\(['"]([^'"]+)['"]\)/g)]
    .map((m) => m[1] ?? m[2] ?? m[3]);
}

describe('architecture', () => {
  const ALLOWED = new Set(['vscode-languageserver-types', 'vscode-languageserver-textdocument', 'yaml', 'fastest-levenshtein', 'jsonc-parser']);

  it('the core imports nothing but its four libraries and itself', () => {
    const coreFiles = filesUnder(path.join(ROOT, 'server/src/core'));
    assert.ok(coreFiles.length > 10);
    for (const file of coreFiles) {
      for (const specifier of importsOf(file)) {
        if (specifier.startsWith('.')) {
          const target = path.resolve(path.dirname(file), specifier);
          assert.ok(target.startsWith(path.join(ROOT, 'server/src/core')), `${path.relative(ROOT, file)} reaches outside the core: ${specifier}`);
        } else {
          assert.ok(ALLOWED.has(specifier), `${path.relative(ROOT, file)} imports ${specifier}`);
        }
      }
    }
  });

  it('the server glue stays thin and free of rules', () => {
    const server = fs.readFileSync(path.join(ROOT, 'server/src/server.ts'), 'utf8');
    assert.ok(server.split('\n').length < 200, 'server.ts should stay under 200 lines');
    assert.ok(!/ccmsetup\/rules/.test(server), 'server.ts must not import rules');
  });

  it('every file read in the server and CLI goes through readTextFile (so it is decoded)', () => {
    const reads = filesUnder(path.join(ROOT, 'server/src'))
      .filter((file) => /\breadFile(Sync)?\s*\(|createReadStream\s*\(/.test(fs.readFileSync(file, 'utf8')))
      .map((file) => path.relative(ROOT, file).split(path.sep).join('/'));
    assert.deepEqual(reads, ['server/src/node/readText.ts']);
  });

  it('the client never imports the server or its core', () => {
    for (const file of filesUnder(path.join(ROOT, 'client/src'))) {
      for (const specifier of importsOf(file)) assert.ok(!specifier.includes('server/'), `${file} imports ${specifier}`);
    }
  });
});
