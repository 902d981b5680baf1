// Templates (`comanage new <path>`, "New workload manifest…"): the path's structure and decisions,
// with a placeholder for every tenant fact. Untouched, a template passes no check about the tenant.
import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { analyzeManifest, parseAndPlan } from '../server/src/core/manifest/analyze';
import { defaultCatalog } from '../server/src/core/catalog';
import { MANIFEST_TEMPLATES, TEMPLATE_PATHS, manifestTemplate } from '../server/src/core/manifest/templates';
import { isPlaceholder } from '../server/src/core/manifest/placeholders';
import { Area } from '../server/src/core/manifest/rules/types';
import { codes } from './helpers/core';

const TENANT_AREAS: Area[] = ['licensing', 'site', 'cmg', 'identity', 'enrollment', 'windows', 'permissions'];

function analyze(text: string) {
  const { document, plan } = parseAndPlan(text, defaultCatalog);
  return analyzeManifest(document, plan, { catalog: defaultCatalog, settings: {} });
}

/** Every scalar of a YAML text that is a placeholder, with its key path. */
function placeholdersIn(text: string): string[] {
  const found: string[] = [];
  const walk = (node: unknown, path: string) => {
    if (typeof node === 'string') { if (isPlaceholder(node)) found.push(path); return; }
    if (Array.isArray(node)) node.forEach((item, i) => walk(item, `${path}[${i}]`));
    else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) walk(v, path ? `${path}.${k}` : k);
  };
  walk(parseDocument(text).toJS(), '');
  return found;
}

describe('manifest templates', () => {
  it('exist for exactly the format\'s path values', () => {
    assert.deepEqual(MANIFEST_TEMPLATES.map((t) => t.path), [...TEMPLATE_PATHS]);
    assert.equal(TEMPLATE_PATHS.length, 4);
    assert.equal(manifestTemplate('nowhere'), undefined);
  });

  for (const template of MANIFEST_TEMPLATES) {
    describe(template.path, () => {
      const analysis = analyze(template.text);

      it('is a valid plan of its path: no error, only placeholders flagged', () => {
        assert.deepEqual(analysis.problems.filter((p) => p.severity === 'error').map((p) => `${p.code}: ${p.message}`), []);
        assert.equal(parseDocument(template.text).get('path'), template.path);
      });

      it('flags every placeholder, once, as unreplaced', () => {
        const flagged = analysis.problems.filter((p) => p.code === 'unreplaced-placeholder');
        const placeholders = placeholdersIn(template.text);
        assert.ok(placeholders.length > 20, `${placeholders.length} placeholders`);
        assert.equal(flagged.length, placeholders.length);
        for (const path of placeholders) assert.ok(flagged.some((p) => p.message.includes(`"${path}"`)), path);
        assert.ok(flagged.every((p) => p.severity === 'warning'));
      });

      it('passes no check in the tenant areas (licensing, site, CMG, identity, enrollment, Windows, permissions)', () => {
        const passed = analysis.readiness.filter((r) => TENANT_AREAS.includes(r.area) && r.status === 'pass').map((r) => r.id);
        assert.deepEqual(passed, []);
        assert.ok(analysis.readiness.filter((r) => TENANT_AREAS.includes(r.area)).length > 10);
      });

      it('makes every check that reads a placeholder unknown, saying so', () => {
        const placeholderUnknowns = analysis.readiness.filter((r) => r.missing?.some((m) => m.reason === 'placeholder'));
        assert.ok(placeholderUnknowns.length > 5);
        for (const result of placeholderUnknowns) {
          assert.equal(result.status, 'unknown', result.id);
          assert.match(result.message, /still holds the template placeholder '<|holds only template placeholders/, result.id);
        }
      });
    });
  }

  it('a filled-in fact counts again: the template with a real licence passes the licence check', () => {
    const template = manifestTemplate('autopilot')!.text;
    const filled = template.replace('entraId: "<none, P1 or P2>"', 'entraId: P1');
    assert.notEqual(filled, template);
    assert.equal(analyze(filled).readiness.find((r) => r.id === 'licensing-entra-premium-required')?.status, 'pass');
  });
});

describe('shipped examples are examples, not templates', () => {
  const EXAMPLES = join(__dirname, '..', 'examples');
  for (const file of readdirSync(EXAMPLES).filter((f) => f.endsWith('.comanage.yaml'))) {
    it(`${file} is complete (no placeholder) and says it is an example`, () => {
      const text = readFileSync(join(EXAMPLES, file), 'utf8');
      assert.deepEqual(placeholdersIn(text), []);
      assert.ok(!codes(text, {}, file).includes('unreplaced-placeholder'));
      assert.match(text.split('\n').filter((l) => l.startsWith('#')).join('\n'), /example, not a template.*comanage new/s);
    });
  }
});
