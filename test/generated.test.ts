// The generated files must match what the generator would write now, and the data they are made
// from (catalog, scenarios) must be consistent: every scenario uses only documented names.
import * as assert from 'node:assert';
import { defaultCatalog, EntryKind } from '../server/src/core/catalog';
import { SCENARIOS } from '../server/src/core/catalog/scenarios';
import { parseCommandLine } from '../server/src/core/ccmsetup/parser';
import { escapeCell, GENERATED_MARKER, plain, readRepoFile, renderAll, renderReadme } from '../scripts/render';

/** Replaces snippet tab stops by their defaults: `${1:x}` → x, `${1|a,b|}` → a, `${1}`/`$1` → the default of 1. */
function stripPlaceholders(body: string): string {
  const defaults = new Map<string, string>();
  const remember = (n: string, value: string) => {
    if (!defaults.has(n)) defaults.set(n, value);
    return value;
  };
  let text = body;
  // Innermost first, so nested placeholders resolve before the ones around them.
  const innermost = /\$\{(\d+)(?::([^${}]*)|\|([^|]*)\|)\}/;
  for (let m = innermost.exec(text); m; m = innermost.exec(text)) {
    const value = m[2] !== undefined ? m[2] : m[3].split(',')[0];
    text = text.slice(0, m.index) + remember(m[1], value) + text.slice(m.index + m[0].length);
  }
  return text.replace(/\$\{(\d+)\}|\$(\d+)/g, (_, a?: string, b?: string) => defaults.get(a ?? b ?? '') ?? '');
}

/** Every `NAME=` and `/name` at the start of a token that the catalog does not know. */
function unknownNames(line: string): { kind: EntryKind; name: string }[] {
  const found: { kind: EntryKind; name: string }[] = [];
  for (const m of line.matchAll(/(?:^|[\s"])([A-Za-z_][A-Za-z0-9_.]*)=/g)) found.push({ kind: 'property', name: m[1] });
  for (const m of line.matchAll(/(?:^|[\s"])\/([A-Za-z?][A-Za-z0-9_]*)/g)) found.push({ kind: 'parameter', name: m[1] });
  if (found.length === 0) throw new Error(`no parameter or property found in: ${line}`);
  return found.filter((n) => !defaultCatalog.find(n.kind, n.name));
}

describe('generated files', () => {
  for (const file of renderAll()) {
    it(`${file.path} is up to date (run \`npm run generate\` if not)`, () => {
      const committed = readRepoFile(file.path);
      assert.ok(committed !== undefined, `${file.path} is missing`);
      assert.strictEqual(committed, file.content, `${file.path} is stale`);
    });
  }

  it('renders deterministically, with \\n line endings and a trailing newline', () => {
    const first = renderAll();
    assert.deepStrictEqual(renderAll(), first);
    for (const file of first) {
      assert.ok(!file.content.includes('\r'), `${file.path} has \\r`);
      assert.ok(file.content.endsWith('\n'), `${file.path} lacks a trailing newline`);
      assert.ok(file.content.includes(GENERATED_MARKER), `${file.path} lacks the generated marker`);
    }
  });

  it('fills only the README regions between markers', () => {
    const before = 'Intro text.\n<!-- generated:properties:start -->\nold table\n<!-- generated:properties:end -->\nmiddle\n';
    const after = '<!-- generated:rules:start --><!-- generated:rules:end -->\n'
      + '<!-- generated:manifest-keys:start --><!-- generated:manifest-keys:end -->\n'
      + '<!-- generated:manifest-rules:start --><!-- generated:manifest-rules:end -->\nOutro.\n';
    const out = renderReadme(before + after);
    assert.ok(out.startsWith('Intro text.\n<!-- generated:properties:start -->\n'));
    assert.ok(out.includes('\n<!-- generated:properties:end -->\nmiddle\n<!-- generated:rules:start -->\n'));
    assert.ok(out.endsWith('<!-- generated:manifest-rules:end -->\nOutro.\n'));
    assert.ok(!out.includes('old table'));
    assert.ok(out.includes('| `/mp` |'), 'the properties table lists /mp');
    assert.throws(() => renderReadme('# no markers\n'), /missing <!-- generated:properties:start -->/);
  });

  it('escapes | in table cells and Markdown in plain text', () => {
    assert.strictEqual(escapeCell('a|b\nc'), 'a\\|b c');
    assert.strictEqual(plain('<site code> *x* [y]'), '\\<site code\\> \\*x\\* \\[y\\]');
  });

  it('the snippets file has one snippet per scenario, keyed by prefix = id', () => {
    const snippets = renderAll().find((f) => f.path.endsWith('.code-snippets'))!;
    const json = JSON.parse(snippets.content.replace(/^\/\/.*\n/, '')) as Record<string, { prefix: string; body: string }>;
    const values = Object.values(json);
    assert.deepStrictEqual(values.map((s) => s.prefix), SCENARIOS.map((s) => s.id));
    assert.deepStrictEqual(values.map((s) => s.body), SCENARIOS.map((s) => s.body));
  });
});

describe('scenarios', () => {
  it('placeholder stripping and the name check can fail', () => {
    assert.strictEqual(stripPlaceholders('/mp:${1:a.b} X=${2|P,Q|} Y=${1} Z=$2 W=${3:x${4:y}}'), '/mp:a.b X=P Y=a.b Z=P W=xy');
    assert.deepStrictEqual(unknownNames('ccmsetup.exe /mpp:x SMSSITECODE=ABC FOO=1'), [
      { kind: 'property', name: 'FOO' },
      { kind: 'parameter', name: 'mpp' },
    ]);
  });

  for (const scenario of SCENARIOS) {
    it(`${scenario.id} uses only documented names`, () => {
      const line = stripPlaceholders(scenario.body);
      assert.ok(!line.includes('$'), `placeholder left in: ${line}`);
      assert.deepStrictEqual(unknownNames(line), []);

      const parsed = parseCommandLine(line);
      assert.deepStrictEqual(parsed.problems, [], 'parse problems');
      for (const item of [...parsed.items, ...parsed.args]) {
        assert.ok(item.type === 'parameter' || item.type === 'property', `unexpected ${item.type} token in: ${line}`);
        assert.ok(item.resolved, `unknown name ${item.name} in: ${line}`);
      }
    });
  }

  it('ids are unique', () => {
    assert.strictEqual(new Set(SCENARIOS.map((s) => s.id)).size, SCENARIOS.length);
  });
});

describe('catalog entries', () => {
  for (const entry of defaultCatalog.entries) {
    it(`${entry.kind} ${entry.name} has a doc link and a short description of our own`, () => {
      assert.ok(entry.docUrl.startsWith('https://learn.microsoft.com/'), `docUrl: ${entry.docUrl}`);
      assert.ok(entry.description.trim().length > 0, 'empty description');
      assert.ok(entry.description.length <= 400, `description is ${entry.description.length} characters`);
    });
  }
});
