// Every rule's severity rests on the words of a documentation page, and agrees with them by the rule
// in ARCHITECTURE.md ("Severity from the words of the docs"), unless an override says why not.
import * as assert from 'node:assert';
import { CCMSETUP_RULES } from '../server/src/core/ccmsetup/rules';
import { MANIFEST_RULES } from '../server/src/core/manifest/rules';
import { severityDisagreement, severityFromWords, SeverityBasis } from '../server/src/core/severityBasis';

const RULES: { id: string; severity: string; basis?: SeverityBasis }[] = [...MANIFEST_RULES, ...CCMSETUP_RULES];

describe('severity from the words of the docs', () => {
  it('reads unsupported, fails and required as error; risk and recommendation as warning; the rest as information', () => {
    for (const words of ['isn\'t supported with co-management', 'Clients must trust the CMG', 'the upgrade fails', 'Token authentication alone doesn\'t work', 'requires a supported version', 'version 2006 or later']) {
      assert.strictEqual(severityFromWords(words), 'error', words);
    }
    for (const words of ['We recommend you create', 'should contain all of the clients', 'risk timeout', 'might cause conflicts']) {
      assert.strictEqual(severityFromWords(words), 'warning', words);
    }
    for (const words of ['A CMG isn\u2019t required', 'can be deployed during', 'controlled by the Device Configuration workload']) {
      assert.strictEqual(severityFromWords(words), 'information', words);
    }
  });

  it('every readiness and ccmsetup rule names the words and page its severity rests on', () => {
    const missing = RULES.filter((rule) => !rule.basis).map((rule) => rule.id).sort();
    assert.deepStrictEqual(missing, []);
  });

  it('each basis quotes a few words of a learn.microsoft.com page', () => {
    for (const { id, basis } of RULES) {
      if (!basis) continue;
      assert.ok(basis.words.trim().split(/\s+/).length <= 8, `${id}: quote at most about six words, not "${basis.words}"`);
      assert.match(basis.page, /^https:\/\/learn\.microsoft\.com\/\S+$/, `${id}: page`);
      if (basis.contradiction) assert.ok(basis.contradiction.says.length > 0 && basis.contradiction.page.length > 0, `${id}: contradiction`);
    }
  });

  it('every severity agrees with its words, or an override says why', () => {
    const disagreements = RULES.filter((rule) => rule.basis)
      .map((rule) => [rule.id, severityDisagreement(rule.severity as never, rule.basis!)])
      .filter(([, why]) => why !== undefined);
    assert.deepStrictEqual(disagreements, []);
  });

  it('an override is there only where the keyword reading disagrees', () => {
    const needless = RULES.filter((rule) => rule.basis?.override && severityFromWords(rule.basis.words) === rule.severity).map((rule) => rule.id);
    assert.deepStrictEqual(needless, []);
  });
});
