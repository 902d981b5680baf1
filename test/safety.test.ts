// What the shipped code may do, checked on the sources and on what esbuild actually bundles: no
// eval, no network, no child process but the language server the extension starts, no file
// writes except where the user picks the file. Each Node built-in a bundle uses is allowed for
// named modules only, so a new dependency (or a new import of ours) that reaches for one fails here.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { builtinModules } from 'node:module';
import * as path from 'node:path';
import * as esbuild from 'esbuild';

const ROOT = path.join(__dirname, '..');
const BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
const bare = (name: string) => name.replace(/^node:/, '');

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : /\.(ts|js|mjs)$/.test(entry.name) ? [full] : [];
  });
}

const JSONRPC = 'node_modules/vscode-jsonrpc/lib/node/';
const SERVER_LIB = 'node_modules/vscode-languageserver/lib/node/';
const CLIENT_LIB = 'node_modules/vscode-languageclient/lib/node/';
const YAML = 'node_modules/yaml/dist/';

/**
 * Per bundle: each Node built-in it may contain, and the module paths (prefixes) allowed to import it.
 * vscode-jsonrpc carries its socket and named-pipe transports (net, os, crypto) and
 * vscode-languageserver its module-resolution helpers (fs, url, child_process) into every bundle
 * that imports them; comanage never calls either (it speaks stdio or Node IPC only).
 */
const ALLOWED: Record<string, { entry: string; external?: string[]; builtins: Record<string, string[]> }> = {
  server: {
    entry: 'server/src/node/serverMain.ts',
    builtins: {
      util: [JSONRPC, SERVER_LIB, 'server/src/node/'], path: [JSONRPC, SERVER_LIB, 'server/src/node/workspaceWalk.ts', 'server/src/node/readExports.ts', 'server/src/exportSources.ts'], os: [JSONRPC], crypto: [JSONRPC], net: [JSONRPC],
      // The server reads closed workspace files (listing folders, then readTextFile) and the Graph exports a plan's
      // `sources:` names (readExports.ts), and nothing else.
      url: [SERVER_LIB, 'server/src/workspaceDiagnostics.ts', 'server/src/exportSources.ts'], fs: [SERVER_LIB, 'server/src/node/readText.ts', 'server/src/node/workspaceWalk.ts', 'server/src/node/readExports.ts'], child_process: [`${SERVER_LIB}files.js`], stream: ['server/src/node/frameResync.ts'],
      process: [YAML], buffer: [YAML],
    },
  },
  cli: {
    entry: 'server/src/cli.ts',
    builtins: {
      fs: ['server/src/cli/files.ts', 'server/src/cli/config.ts', 'server/src/node/readText.ts', 'server/src/cli/repoRoot.ts', 'server/src/cli/newManifest.ts', 'server/src/cli/import.ts', 'server/src/node/readExports.ts'], path: ['server/src/cli/', 'server/src/node/readExports.ts'], url: ['server/src/cli/'],
      crypto: ['server/src/cli/format/sarif.ts'],
      util: ['server/src/cli.ts'], process: [YAML], buffer: [YAML],
    },
  },
  extension: {
    entry: 'client/src/extension.ts',
    external: ['vscode'],
    builtins: {
      // vscode-languageclient starts dist/server.js: the one child process comanage runs.
      child_process: [`${CLIENT_LIB}main.js`, `${CLIENT_LIB}processes.js`],
      fs: [`${CLIENT_LIB}main.js`], path: [JSONRPC, CLIENT_LIB, 'client/src/'], util: [JSONRPC, 'client/src/'],
      os: [JSONRPC], crypto: [JSONRPC], net: [JSONRPC],
    },
  },
};

/** Built-in module → the bundled files that import it, from esbuild's metafile (same options as esbuild.mjs). */
async function builtinsOf(entry: string, external: string[] = []): Promise<Map<string, Set<string>>> {
  const result = await esbuild.build({
    entryPoints: [path.join(ROOT, entry)], bundle: true, platform: 'node', format: 'cjs', target: 'node18', mainFields: ['module', 'main'],
    external, write: false, metafile: true, logLevel: 'silent', outfile: 'out.js', absWorkingDir: ROOT,
  });
  const found = new Map<string, Set<string>>();
  for (const [file, input] of Object.entries(result.metafile!.inputs)) {
    for (const imported of input.imports) {
      if (imported.external && BUILTINS.has(imported.path)) {
        const name = bare(imported.path);
        if (!found.has(name)) found.set(name, new Set());
        found.get(name)!.add(file);
      }
    }
  }
  return found;
}

const SHIPPED_SOURCES = [...filesUnder(path.join(ROOT, 'server/src')), ...filesUnder(path.join(ROOT, 'client/src'))];
/** An import, export-from, require() or import() of one of the modules `names` (a regex alternation). */
const imports = (names: string) => new RegExp(`(?:from\\s*|require\\(\\s*|import\\(\\s*)['"](?:node:)?(?:${names})['"]`);
const rel = (file: string) => path.relative(ROOT, file).split(path.sep).join('/');

describe('safety', function () {
  this.timeout(30_000);

  for (const [bundle, { entry, external, builtins }] of Object.entries(ALLOWED)) {
    it(`the ${bundle} bundle uses each Node built-in only from allowed modules`, async () => {
      const found = await builtinsOf(entry, external);
      assert.ok(found.size > 0, 'esbuild reported no built-ins: the check would be empty');
      const unexpected: string[] = [];
      for (const [name, importers] of found) {
        for (const importer of importers) {
          if (!(builtins[name] ?? []).some((prefix) => importer.startsWith(prefix))) unexpected.push(`${importer} imports ${name}`);
        }
      }
      assert.deepEqual(unexpected, []);
    });
  }

  it('the bundles hold no network client or server module but vscode-jsonrpc\'s unused transports', async () => {
    const NETWORK = ['http', 'https', 'http2', 'net', 'tls', 'dgram', 'dns'];
    for (const { entry, external } of Object.values(ALLOWED)) {
      const found = await builtinsOf(entry, external);
      for (const name of NETWORK) {
        for (const importer of found.get(name) ?? []) assert.ok(importer.startsWith(JSONRPC), `${importer} imports ${name}`);
      }
    }
  });

  it('the built files contain no eval and no Function constructor', () => {
    const built = fs.readdirSync(path.join(ROOT, 'dist')).filter((name) => name.endsWith('.js'));
    assert.ok(built.includes('server.js') && built.includes('cli.js'), 'build first: node esbuild.mjs');
    for (const name of built) {
      const code = fs.readFileSync(path.join(ROOT, 'dist', name), 'utf8');
      assert.doesNotMatch(code, /\beval\s*\(/, `eval in dist/${name}`);
      assert.doesNotMatch(code, /\bnew\s+Function\s*\(|\bFunction\s*\(\s*["'`]/, `the Function constructor in dist/${name}`);
    }
  });

  it('the sources use no eval, Function constructor, child process or network module', () => {
    assert.ok(SHIPPED_SOURCES.length > 50);
    const FORBIDDEN: [RegExp, string][] = [
      [/\beval\s*\(/, 'eval'], [/\bnew\s+Function\s*\(/, 'new Function'],
      [imports('child_process'), 'child_process'], [imports('https?|http2|net|tls|dgram|dns'), 'a network module'],
      [/\bfetch\s*\(|XMLHttpRequest|WebSocket/, 'a network API'],
    ];
    for (const file of SHIPPED_SOURCES) {
      const source = fs.readFileSync(file, 'utf8');
      for (const [pattern, what] of FORBIDDEN) assert.doesNotMatch(source, pattern, `${rel(file)} uses ${what}`);
    }
  });

  it('writes files only where the user picked the file (client commands, `comanage new --out`, `comanage import --into --write`), never from the server or elsewhere in the CLI', () => {
    const WRITE = /\b(writeFile|writeFileSync|appendFile|appendFileSync|createWriteStream|mkdir|mkdirSync|rmSync|unlink|unlinkSync|rename|renameSync|copyFile|copyFileSync|rmdir|truncate)\s*\(|\bfs\.(write|rm|cp)\w*\s*\(/;
    // Client commands that write a file the user chose in a save dialog or a new-file prompt.
    const USER_PICKED = new Set(['client/src/newManifestCommand.ts', 'client/src/exportPolicyCommand.ts', 'client/src/generateCommand.ts']);
    for (const file of SHIPPED_SOURCES) {
      const source = fs.readFileSync(file, 'utf8');
      if (!WRITE.test(source)) continue;
      // `comanage new --out <file>`: the file the user named, created only if it doesn't exist ('wx').
      if (rel(file) === 'server/src/cli/newManifest.ts') {
        assert.deepEqual(source.match(new RegExp(WRITE.source, 'g')), ['writeFileSync(']);
        assert.match(source, /writeFileSync\(target, template\.text, \{ flag: 'wx' \}\)/);
        continue;
      }
      // `comanage import --into <plan> --write`: only the plan the user named, a new one only if it doesn't exist.
      if (rel(file) === 'server/src/cli/import.ts') {
        assert.deepEqual(source.match(new RegExp(WRITE.source, 'g')), ['fs.writeFileSync(']);
        assert.match(source, /fs\.writeFileSync\(target, [^\n]*planExists \? \{\} : \{ flag: 'wx' \}\)/);
        continue;
      }
      assert.ok(USER_PICKED.has(rel(file)), `${rel(file)} writes files`);
      assert.match(source, /workspace\.fs\.(writeFile|createDirectory)/, `${rel(file)} writes other than through the editor's file system`);
    }
  });

  it('declares Workspace Trust support, which holds because no setting runs or loads anything', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.equal(pkg.capabilities?.untrustedWorkspaces?.supported, true);
    // A setting that names a program, a script or a module to load would need `restrictedConfigurations`.
    const settings = Object.keys(pkg.contributes?.configuration?.properties ?? {});
    assert.ok(settings.length > 0);
    for (const name of settings) {
      // An on/off switch (comanage.scripts.enabled: check scripts or not) can't name anything to run.
      if (pkg.contributes.configuration.properties[name].type === 'boolean') continue;
      assert.doesNotMatch(name, /path|command|executable|program|script|module|plugin/i, `${name} would need a trust review`);
    }
  });
});
