// The readiness model: a pure function from a plan to the list of documented checks with a status
// each. `unknown` where the plan leaves out a fact a check needs; rules that don't apply are left out.
import { Span } from '../ccmsetup/ast';
import { Fix, LanguageSettings } from '../languageTypes';
import { Budget } from '../limits';
import { Plan } from './plan';
import { Steps } from '../steps';
import { MANIFEST_RULES } from './rules';
import { Area, ReadinessRule } from './rules/types';
import { Flaw, MissingFact, describeMissing } from './evidence';
export type { MissingFact } from './evidence';

/** `info`: an information-level rule spoke (a documented fact or advice), which is neither a problem nor a pass. */
export type ReadinessStatus = 'pass' | 'info' | 'warn' | 'fail' | 'unknown';

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
  /** For 'unknown': the facts the check needs that the plan doesn't state validly. */
  missing?: MissingFact[];
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
      // Flawed values (invalid, placeholders) are no evidence: when the plan has any, the engine
      // notes every path a rule reads and reports unknown when one of them is flawed.
      const listening = plan.flaws().size > 0;
      if (listening) plan.listen();
      const applies = !rule.appliesWhen || rule.appliesWhen(plan);
      const unclear = listening ? plan.heard() : [];
      if (unclear.length) {
        results.push(unknownResult(base, plan, rule, unclear.map((flaw) => ({ path: flaw.path, flaw }))));
        continue;
      }
      if (!applies) continue;
      const missing: Wanted[] = [];
      for (const path of [...rule.needs ?? [], ...rule.needsEach?.(plan) ?? []]) {
        const flaw = plan.flawOf(path);
        if (flaw || !plan.has(path)) missing.push({ path, flaw });
      }
      if (rule.needsAny?.length && !rule.needsAny.some((path) => plan.has(path) && !plan.flawOf(path))) {
        missing.push(...rule.needsAny.map((path) => ({ path, flaw: plan.flawOf(path), anyOf: true })));
      }
      if (missing.length) {
        results.push(unknownResult(base, plan, rule, missing));
        continue;
      }
      if (listening) plan.listen();
      const outcome = rule.check(plan);
      const read = listening ? plan.heard() : [];
      const findings = outcome === undefined ? [] : Array.isArray(outcome) ? outcome : [outcome];
      if (read.length) {
        // Whatever the check concluded, it read a value that is no evidence.
        results.push(unknownResult(base, plan, rule, read.map((flaw) => ({ path: flaw.path, flaw }))));
        continue;
      }
      if (findings.length === 0) {
        const unstated = (rule.needsToPass?.(plan) ?? []).filter((path) => !plan.has(path) || plan.flawOf(path));
        results.push(unstated.length
          ? unknownResult(base, plan, rule, unstated.map((path) => ({ path, flaw: plan.flawOf(path) })))
          : { ...base, status: 'pass', message: rule.title });
        continue;
      }
      for (const finding of findings) {
        results.push({
          ...base,
          status: severity === 'error' ? 'fail' : severity === 'warning' ? 'warn' : 'info',
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

/** A fact wanted; `anyOf`: one of the rule's needsAny, any one of which would do. */
interface Wanted { path: string; flaw?: Flaw; anyOf?: boolean }

const MAX_MISSING_FACTS = 10;

/**
 * An unknown check: the facts it needs, each with its allowed values, an example and where it
 * goes; the range is where the first one belongs (its key, its parent's key, or the place the
 * section would be inserted), never the top of the file by default.
 */
function unknownResult(base: Omit<ReadinessResult, 'status' | 'message'>, plan: Plan, rule: ReadinessRule, wanted: Wanted[]): ReadinessResult {
  const seen = new Set<string>();
  const missing: MissingFact[] = [];
  let span: Span | undefined;
  for (const { path, flaw } of wanted) {
    const at = flaw?.path ?? path;
    // A rule over thousands of policies may read as many flawed values: the first few say enough.
    if (seen.has(at) || missing.length >= MAX_MISSING_FACTS) continue;
    seen.add(at);
    const { fact, anchor } = describeMissing(plan.document, at, flaw?.reason ?? 'absent', rule.examples.pass, flaw);
    missing.push(fact);
    span ??= flaw ? plan.keySpanOf(flaw.path) : anchor ?? plan.keySpanOf(path);
  }
  const anyOf = new Set(wanted.filter((w) => w.anyOf && !w.flaw).map((w) => w.path));
  return { ...base, status: 'unknown', span, missing, message: unknownMessage(missing, anyOf) };
}

/**
 * "Unknown: licensing.entraId has an invalid value 'free' (allowed: none, P1, P2); correct it to check this."
 * Absent keys of which any one would do (`anyOf`) are joined with "or".
 */
export function unknownMessage(missing: readonly MissingFact[], anyOf: ReadonlySet<string> = new Set()): string {
  const allowedOf = (fact: MissingFact) => (fact.allowed ? ` (allowed: ${fact.allowed.map((a) => a.value).join(', ')})` : '');
  const alternatives = missing.filter((fact) => fact.reason === 'absent' && anyOf.has(fact.path));
  const parts = missing.filter((fact) => !alternatives.includes(fact)).map((fact) => {
    switch (fact.reason) {
      case 'invalid': return `${fact.path} has an invalid value '${fact.value ?? ''}'${allowedOf(fact)}`;
      case 'placeholder': return fact.value === undefined ? `${fact.path} holds only template placeholders` : `${fact.path} still holds the template placeholder '${fact.value}'`;
      default: return `the plan doesn't state ${fact.path}${allowedOf(fact)}`;
    }
  });
  if (alternatives.length) parts.push(`the plan states none of ${alternatives.map((fact) => `${fact.path}${allowedOf(fact)}`).join(' or ')}`);
  const reasons = new Set(missing.map((m) => m.reason));
  const it = missing.length > 1 && alternatives.length !== missing.length ? 'them' : 'it';
  const hint = reasons.size > 1 ? `state ${it} validly` : reasons.has('invalid') ? `correct ${it}` : reasons.has('placeholder') ? `replace ${it} with the tenant's value`
    : alternatives.length > 1 && alternatives.length === missing.length ? 'add one of them' : `add ${it}`;
  return `Unknown: ${parts.join('; ')}; ${hint} to check this.`;
}
