// The readiness model: a pure function from a plan to the list of documented checks with a status
// each. `unknown` where the plan leaves out a fact a check needs; rules that don't apply are left out.
import { Span } from '../ccmsetup/ast';
import { Fix, LanguageSettings } from '../languageTypes';
import { Budget } from '../limits';
import { Plan } from './plan';
import { Steps } from '../steps';
import { MANIFEST_RULES } from './rules';
import { Area, ReadinessRule } from './rules/types';

export type ReadinessStatus = 'pass' | 'warn' | 'fail' | 'unknown';

export interface ReadinessResult {
  id: string;
  area: Area;
  title: string;
  status: ReadinessStatus;
  message: string;
  docUrl: string;
  span?: Span;
  fixes?: Fix[];
  /** The rule's severity after settings, for diagnostics. */
  severity: ReadinessRule['severity'];
  /** The rule threw: the status is 'unknown' and the analysis reports one internal error for it. */
  failed?: true;
}

export function* evaluateReadinessSteps(
  plan: Plan, settings: LanguageSettings = {}, rules: readonly ReadinessRule[] = MANIFEST_RULES, budget?: Budget,
): Steps<ReadinessResult[]> {
  const results: ReadinessResult[] = [];
  const overrides = settings.rules ?? {};
  for (const rule of rules) {
    // A rule over thousands of policies takes milliseconds: a long analysis may pause after each.
    yield;
    if (budget?.expired()) {
      budget.stop({ start: 0, end: 0 }, `the readiness checks starting with "${rule.id}"`);
      break;
    }
    const override = overrides[rule.id];
    if (override === 'off') continue;
    const severity = override ?? rule.severity;
    const base = { id: rule.id, area: rule.area, title: rule.title, docUrl: rule.docUrl, severity };
    try {
      if (rule.appliesWhen && !rule.appliesWhen(plan)) continue;
      const missing = (rule.needs ?? []).filter((path) => !plan.has(path));
      if (rule.needsAny?.length && !rule.needsAny.some((path) => plan.has(path))) missing.push(...rule.needsAny);
      if (missing.length) {
        results.push({ ...base, status: 'unknown', span: plan.keySpanOf(missing[0]),
          message: `Unknown: the plan doesn't say ${missing.map((m) => `"${m}"`).join(' or ')}; add ${missing.length > 1 ? 'them' : 'it'} to check this.` });
        continue;
      }
      const outcome = rule.check(plan);
      const findings = outcome === undefined ? [] : Array.isArray(outcome) ? outcome : [outcome];
      if (findings.length === 0) {
        results.push({ ...base, status: 'pass', message: rule.title });
        continue;
      }
      for (const finding of findings) {
        results.push({
          ...base,
          status: severity === 'error' ? 'fail' : 'warn',
          message: finding.message,
          span: finding.span ?? (finding.path ? plan.spanOf(finding.path) : undefined),
          fixes: finding.fixes,
        });
      }
    } catch (error) {
      results.push({ ...base, status: 'unknown', failed: true, message: `The check "${rule.id}" failed inside comanage (${error instanceof Error ? error.name : 'error'}); please report it.` });
    }
  }
  return results;
}
