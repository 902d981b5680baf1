// The generated JSON Schema (what the YAML extension and other tools check with) and the server's
// structure check must agree: every example manifest, every manifest fixture, and every key of the
// format with values YAML reads as text, numbers, true/false or nothing, run through both.
import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { parseDocument } from 'yaml';
import { MANIFEST_SCHEMA } from '../server/src/core/manifest/manifestSchema';
import { MANIFEST_RULES } from '../server/src/core/manifest/rules';
import { STRUCTURE_CODES, StructureFinding, checkStructureSteps } from '../server/src/core/manifest/structure';
import { Field } from '../server/src/core/manifest/schemaTypes';
import { parseAndPlan } from '../server/src/core/manifest/analyze';
import { defaultCatalog } from '../server/src/core/catalog';
import { drain } from '../server/src/core/steps';

const ROOT = join(__dirname, '..');
const schema = JSON.parse(readFileSync(join(ROOT, 'schemas/comanage-manifest.schema.json'), 'utf8'));
// The schema carries VS Code's markdownDescription keywords, which ajv doesn't know.
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

interface Verdicts { schema: { path: string; message: string }[]; server: StructureFinding[]; judged: boolean }

/** The server's structure check, as the analysis runs it; YAML syntax, duplicate keys and limits are the parser's, which the schema can't see. */
function verdicts(text: string): Verdicts {
  const { document } = parseAndPlan(text, defaultCatalog);
  const yaml = parseDocument(text, { uniqueKeys: false });
  const judged = yaml.errors.length === 0 && document.problems.length === 0;
  const valid = validate(yaml.toJS());
  return {
    schema: valid ? [] : (validate.errors ?? []).map((e) => ({ path: e.instancePath, message: `${e.instancePath} ${e.message}` })),
    server: judged ? drain(checkStructureSteps(document.root, document.text)) : [],
    judged,
  };
}

const documents: [string, string][] = [
  ...readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.comanage.yaml')).map((f): [string, string] => [`examples/${f}`, readFileSync(join(ROOT, 'examples', f), 'utf8')]),
  ...[...STRUCTURE_CODES, ...MANIFEST_RULES].flatMap(({ id, examples }) => [
    ...examples.fail.map((text, i): [string, string] => [`${id} failing fixture ${i + 1}`, text]),
    ...examples.pass.map((text, i): [string, string] => [`${id} passing fixture ${i + 1}`, text]),
  ]),
];

/** Every key of the format with its path as YAML lines and as a JSON pointer (lists: their first item). */
function leaves(field: Field, yamlPath: string[] = [], pointer = ''): { yamlPath: string[]; pointer: string; field: Field }[] {
  const type = field.type;
  if (type.kind === 'object') {
    return Object.entries(type.fields).flatMap(([key, child]) => [
      ...(child.type.kind === 'object' || child.type.kind === 'array' ? [{ yamlPath: [...yamlPath, key], pointer: `${pointer}/${key}`, field: child }] : []),
      ...leaves(child, [...yamlPath, key], `${pointer}/${key}`),
    ]);
  }
  if (type.kind === 'array') return leaves(type.items, [...yamlPath, '-'], `${pointer}/0`).concat(type.items.type.kind === 'object' ? [] : [{ yamlPath: [...yamlPath, '-'], pointer: `${pointer}/0`, field: type.items }]);
  return yamlPath.length ? [{ yamlPath, pointer, field }] : [];
}

/** A manifest with `value` at the path, and where the value starts. */
function manifestWith(yamlPath: string[], value: string): { text: string; at: number } {
  let text = yamlPath[0] === 'version' ? '' : 'version: 1\n';
  let indent = '';
  yamlPath.forEach((step, i) => {
    const last = i === yamlPath.length - 1;
    if (step === '-') {
      text += `${indent}-${last ? ` ${value}` : ''}\n`;
      indent += '  ';
    } else {
      if (yamlPath[i - 1] === '-') text = text.replace(/\n$/, ` ${step}:${last ? ` ${value}` : ''}\n`);
      else text += `${indent}${step}:${last ? ` ${value}` : ''}\n`;
      indent += '  ';
    }
  });
  return { text, at: text.lastIndexOf(value) };
}

const VALUES = ['text', '"012"', '012', '10', '1.5', 'true', 'no', '~', '', 'user-driven', '2403', '[a]', '{a: 1}', 'none'];

/** The failing fixtures of findings about the YAML itself: the only documents not compared. */
const UNPARSED = /^(manifest-yaml-syntax|manifest-multiple-documents|manifest-duplicate-key|manifest-too-complex) failing fixture /;

describe('JSON Schema and structure check agree', () => {
  for (const [name, text] of documents) {
    it(`on ${name}`, () => {
      const { schema: errors, server, judged } = verdicts(text);
      // A document that doesn't parse as one YAML document can't be compared: only the fixtures of
      // the parse findings may be such (and must be); any other must not pass unseen.
      assert.equal(judged, !UNPARSED.test(name), `${name} ${judged ? 'parses' : 'does not parse, so the schema and the server were not compared on it'}`);
      if (!judged) return;
      assert.equal(server.length === 0, errors.length === 0, `schema: ${errors.map((e) => e.message).join('; ') || 'valid'}; server: ${server.map((p) => `${p.code} ${p.message}`).join('; ') || 'valid'}`);
    });
  }

  it('judges a document at all (the examples are read)', () => {
    assert.ok(documents.filter(([name]) => name.startsWith('examples/')).length >= 4);
  });

  it('on every key of the format, with text, numbers, true/false, nothing, lists and mappings', () => {
    const disagreements: string[] = [];
    let compared = 0;
    for (const { yamlPath, pointer } of leaves(MANIFEST_SCHEMA)) {
      for (const value of VALUES) {
        const { text, at } = manifestWith(yamlPath, value);
        const { schema: errors, server, judged } = verdicts(text);
        if (!judged) continue;
        compared++;
        // Per key: a schema error on this key's value, and a server finding on it.
        const schemaSays = errors.some((e) => e.path === pointer || e.path.startsWith(`${pointer}/`));
        const serverSays = server.some((p) => p.span.start >= at && p.span.start <= at + value.length);
        if (schemaSays !== serverSays) disagreements.push(`${yamlPath.join('.')}: ${value || '(empty)'} → schema ${schemaSays ? 'rejects' : 'accepts'}, server ${serverSays ? 'rejects' : 'accepts'}`);
      }
    }
    assert.ok(compared > 300, `only ${compared} cases compared`);
    assert.deepEqual(disagreements, []);
  });

  it('on the cases the issue named', () => {
    for (const text of ['version: 1\nsite:\n  code: 1234\n', 'version: 1\nwindows:\n  minimumVersion: 10\n', 'version: 1\nsite:\n  code: 012\n']) {
      const { schema: errors, server } = verdicts(text);
      assert.ok(errors.length > 0 && server.length > 0, text);
    }
  });
});
