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
import { evaluateReadinessSteps } from '../server/src/core/manifest/readiness';
import { setValues } from '../server/src/core/manifest/setValues';
import { drain } from '../server/src/core/steps';

type Outcome = 'fail' | 'pass' | 'unknown' | 'not applicable';

/** The rule's verdict on a text, as the engine decides it (flaws aside: fixtures have none). */
function outcome(rule: ReadinessRule, text: string): Outcome {
  const { plan } = parseAndPlan(text, defaultCatalog);
  if (rule.appliesWhen && !rule.appliesWhen(plan)) return 'not applicable';
  const declared = [...rule.needs ?? [], ...rule.needsEach?.(plan) ?? []];
  if (declared.some((path) => !plan.has(path))) return 'unknown';
  if (rule.needsAny?.length && !rule.needsAny.some((path) => plan.has(path))) return 'unknown';
  const found = rule.check(plan);
  if (Array.isArray(found) ? found.length > 0 : found !== undefined) return 'fail';
  return (rule.needsToPass?.(plan) ?? []).some((path) => !plan.has(path)) ? 'unknown' : 'pass';
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

/**
 * "rule fixture: key" for each verdict a value of an absent, undeclared key would turn around: a
 * failure that rests on the absence (a false alarm), or a pass that does (a pass not earned).
 */
export function absenceReadAsFact(rules: readonly ReadinessRule[], kind: 'fail' | 'pass' = 'fail'): string[] {
  const found: string[] = [];
  const opposite: Outcome = kind === 'fail' ? 'pass' : 'fail';
  for (const rule of rules) {
    rule.examples[kind].forEach((text, i) => {
      if (outcome(rule, text) !== kind) return;
      const { plan } = parseAndPlan(text, defaultCatalog);
      // A pass waits for needsToPass; a failure may not lean on it.
      const declared = new Set([...rule.needs ?? [], ...rule.needsEach?.(plan) ?? [], ...rule.needsAny ?? [], ...kind === 'pass' ? rule.needsToPass?.(plan) ?? [] : []]);
      for (const path of readsOf(rule, plan)) {
        if (declared.has(path) || plan.has(path) || /\[\d+\]/.test(path)) continue;
        const turning = valuesOf(path).filter((value) => {
          const changed = withValue(text, path, value);
          return changed !== undefined && outcome(rule, changed) === opposite;
        });
        if (turning.length) found.push(`${rule.id} ${kind === 'fail' ? 'failing' : 'passing'} fixture ${i + 1}: ${kind === 'fail' ? 'fails' : 'passes'} while ${path} is absent, ${opposite === 'pass' ? 'passes' : 'fails'} with ${turning.join(' or ')}`);
      }
    });
  }
  return found;
}

describe('an absent fact never fails a check, nor passes one', () => {
  it('no rule fails on a key the plan leaves out', () => {
    assert.deepEqual(absenceReadAsFact(MANIFEST_RULES), []);
  });

  it('no rule passes on a key the plan leaves out', () => {
    assert.deepEqual(absenceReadAsFact(MANIFEST_RULES, 'pass'), []);
  });

  it('catches a rule that reads an absent key as false, or as true', () => {
    const careless: ReadinessRule = {
      id: 'careless', area: 'site', severity: 'error', title: 't', docUrl: 'https://learn.microsoft.com/x', source: 's',
      check: (plan) => plan.bool('site.azureServices') === true ? undefined : { message: 'not onboarded' },
      examples: { fail: ['version: 1\nsite:\n  code: ABC\n'], pass: [] },
    };
    assert.equal(absenceReadAsFact([careless]).length, 1);
    assert.deepEqual(absenceReadAsFact([{ ...careless, needs: ['site.azureServices'] }]), []);
    const lenient: ReadinessRule = { ...careless, check: (plan) => plan.bool('site.azureServices') === false ? { message: 'not onboarded' } : undefined, examples: { fail: [], pass: ['version: 1\nsite:\n  code: ABC\n'] } };
    assert.equal(absenceReadAsFact([lenient], 'pass').length, 1);
    assert.deepEqual(absenceReadAsFact([{ ...lenient, needsToPass: () => ['site.azureServices'] }], 'pass'), []);
  });

  it('the engine reports a failure without needsToPass, and unknown instead of a pass until it is stated', () => {
    const rule: ReadinessRule = {
      id: 'no-pilot', area: 'workloads', severity: 'error', title: 'No workload on Pilot Intune', docUrl: 'https://learn.microsoft.com/x', source: 's',
      needsToPass: () => ['workloads.compliancePolicies.authority', 'workloads.clientApps.authority'],
      check: (plan) => ['compliancePolicies', 'clientApps'].some((w) => plan.choice(`workloads.${w}.authority`) === 'pilot-intune') ? { message: 'pilot' } : undefined,
      examples: { fail: [], pass: [] },
    };
    const status = (text: string) => {
      const [result] = drain(evaluateReadinessSteps(parseAndPlan(text, defaultCatalog).plan, {}, [rule]));
      return [result.status, ...(result.missing ?? []).map((m) => m.path)];
    };
    assert.deepEqual(status('version: 1\nworkloads:\n  clientApps:\n    authority: pilot-intune\n'), ['fail']);
    assert.deepEqual(status('version: 1\nworkloads:\n  clientApps:\n    authority: intune\n'), ['unknown', 'workloads.compliancePolicies.authority']);
    assert.deepEqual(status('version: 1\nworkloads:\n  clientApps:\n    authority: intune\n  compliancePolicies:\n    authority: configmgr\n'), ['pass']);
  });
});
