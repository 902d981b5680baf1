// An absent fact never fails a check (issue #14): a rule's failure may not rest on a key the plan
// leaves out. For every failing fixture, each key the check read that the plan doesn't state (and
// the rule doesn't list in `needs`) is set to every value its type allows; if one of them turns the
// failure into a pass, the rule was reading the absence as a fact.
import * as assert from 'node:assert/strict';
import { defaultCatalog } from '../server/src/core/catalog';
import { parseAndPlan } from '../server/src/core/manifest/analyze';
import { fieldAt } from '../server/src/core/manifest/describeField';
import { Plan } from '../server/src/core/manifest/plan';
import { MANIFEST_RULES, ReadinessRule } from '../server/src/core/manifest/rules';
import { setValues } from '../server/src/core/manifest/setValues';

type Outcome = 'fail' | 'pass' | 'unknown' | 'not applicable';

/** The rule's verdict on a text, as the engine decides it (flaws aside: fixtures have none). */
function outcome(rule: ReadinessRule, text: string): Outcome {
  const { plan } = parseAndPlan(text, defaultCatalog);
  if (rule.appliesWhen && !rule.appliesWhen(plan)) return 'not applicable';
  const declared = [...rule.needs ?? [], ...rule.needsEach?.(plan) ?? []];
  if (declared.some((path) => !plan.has(path))) return 'unknown';
  if (rule.needsAny?.length && !rule.needsAny.some((path) => plan.has(path))) return 'unknown';
  const found = rule.check(plan);
  return (Array.isArray(found) ? found.length > 0 : found !== undefined) ? 'fail' : 'pass';
}

/** The key paths the check reads (the plan notes them while listening). */
function readsOf(rule: ReadinessRule, plan: Plan): string[] {
  plan.listen();
  rule.check(plan);
  const reads = plan.heardPaths();
  return [...new Set(reads)];
}

function withValue(text: string, path: string, value: string | boolean): string | undefined {
  const { edits, refused } = setValues(text, [{ path, value }]);
  if (refused || edits.length === 0) return undefined;
  return [...edits].sort((a, b) => b.start - a.start).reduce((out, e) => out.slice(0, e.start) + e.newText + out.slice(e.end), text);
}

/** Every value a key of enum or boolean type may hold (others can't be enumerated). */
function valuesOf(path: string): (string | boolean)[] {
  const type = fieldAt(path.split('.'))?.type;
  if (type?.kind === 'boolean') return [true, false];
  if (type?.kind === 'enum') return type.values.map((v) => String(v.value));
  return [];
}

/** "rule fixture: key" for each failure that a value of an absent, undeclared key would undo. */
export function absenceReadAsFact(rules: readonly ReadinessRule[]): string[] {
  const found: string[] = [];
  for (const rule of rules) {
    rule.examples.fail.forEach((text, i) => {
      if (outcome(rule, text) !== 'fail') return;
      const { plan } = parseAndPlan(text, defaultCatalog);
      const declared = new Set([...rule.needs ?? [], ...rule.needsEach?.(plan) ?? [], ...rule.needsAny ?? []]);
      for (const path of readsOf(rule, plan)) {
        if (declared.has(path) || plan.has(path) || /\[\d+\]/.test(path)) continue;
        const undoing = valuesOf(path).filter((value) => {
          const changed = withValue(text, path, value);
          return changed !== undefined && outcome(rule, changed) === 'pass';
        });
        if (undoing.length) found.push(`${rule.id} failing fixture ${i + 1}: fails while ${path} is absent, passes with ${undoing.join(' or ')}`);
      }
    });
  }
  return found;
}

describe('an absent fact never fails a check', () => {
  it('no rule fails on a key the plan leaves out', () => {
    assert.deepEqual(absenceReadAsFact(MANIFEST_RULES), []);
  });

  it('catches a rule that reads an absent key as false', () => {
    const careless: ReadinessRule = {
      id: 'careless', area: 'site', severity: 'error', title: 't', docUrl: 'https://learn.microsoft.com/x', source: 's',
      check: (plan) => plan.bool('site.azureServices') === true ? undefined : { message: 'not onboarded' },
      examples: { fail: ['version: 1\nsite:\n  code: ABC\n'], pass: [] },
    };
    assert.equal(absenceReadAsFact([careless]).length, 1);
    assert.deepEqual(absenceReadAsFact([{ ...careless, needs: ['site.azureServices'] }]), []);
  });
});
