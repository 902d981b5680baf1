// Every manifest check's own fixtures: readiness rules and structure codes.
import * as assert from 'node:assert/strict';
import { MANIFEST_RULES } from '../server/src/core/manifest/rules';
import { AREA_TITLES } from '../server/src/core/manifest/rules/types';
import { STRUCTURE_CODES } from '../server/src/core/manifest/structure';
import { codes } from './helpers/core';

const manifestCodes = (text: string) => codes(text, {}, 'plan.comanage.yaml');

describe('manifest rules: fixtures', () => {
  it('have unique ids, an area, a doc link, a source and fixtures', () => {
    const ids = [...MANIFEST_RULES.map((r) => r.id), ...STRUCTURE_CODES.map((c) => c.id)];
    assert.equal(new Set(ids).size, ids.length);
    for (const rule of MANIFEST_RULES) {
      assert.match(rule.id, /^[a-z0-9]+(-[a-z0-9]+)*$/, rule.id);
      assert.ok(rule.area in AREA_TITLES, rule.id);
      assert.match(rule.docUrl, /^https:\/\/learn\.microsoft\.com\//, rule.id);
      assert.ok(rule.source.length > 0, rule.id);
      assert.ok(rule.examples.fail.length > 0 && rule.examples.pass.length > 0, `${rule.id} needs fixtures`);
    }
  });

  it('fail nothing on a plan that states nothing (absent facts are unknown, not false)', () => {
    assert.deepEqual(manifestCodes('version: 1\n'), []);
  });

  for (const rule of [...MANIFEST_RULES, ...STRUCTURE_CODES]) {
    describe(rule.id, () => {
      rule.examples.fail.forEach((example, i) => it(`raises on failing fixture ${i + 1}`, () => {
        assert.ok(manifestCodes(example).includes(rule.id), `expected ${rule.id} in ${JSON.stringify(manifestCodes(example))}`);
      }));
      rule.examples.pass.forEach((example, i) => it(`stays quiet on passing fixture ${i + 1}`, () => {
        assert.ok(!manifestCodes(example).includes(rule.id), `did not expect ${rule.id}`);
      }));
    });
  }
});
