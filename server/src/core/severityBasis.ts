// The words of the documentation a rule's severity rests on, and the rule that turns those words
// into a severity (ARCHITECTURE.md, "Severity from the words of the docs"). Shared by readiness
// rules and ccmsetup rules; test/severityBasis.test.ts holds every rule to it.
import type { Severity } from './languageTypes';

export interface SeverityBasis {
  /** At most about six words quoted from the page: the ones the severity rests on. */
  words: string;
  /** The page (newest copy) and section, e.g. "intune/configmgr/comanage/overview.md#licensing". */
  page: string;
  /** The keyword reading of `words` is wrong for this rule: why the rule's severity is right. */
  override?: string;
  /** Another page says otherwise; the newer page wins and the rule's message says what this one says. */
  contradiction?: { page: string; says: string };
}

// Beyond the list, "needs", "make sure", "ensure", "only", "or later" (a stated minimum),
// "is blocked" and "won't" read as requirements and failures, as the docs map reads them.
const ERROR_WORDS = /\b(not supported|unsupported|or later|is blocked|ensure|(isn't|aren't|no longer) supported|(doesn't|don't) support|doesn't work|fails?|must|required?|requires|needs?|make sure|can't|cannot|won't|only)\b/i;
// "isn't required" states a fact, not a requirement.
const NOT_REQUIRED = /\b(isn't|aren't|not|doesn't|don't) (required|require|need)\b/i;
const WARNING_WORDS = /\b(recommend(s|ed)?|should|risks?|might|avoid)\b/i;

/**
 * The severity the words call for: unsupported, fails or required → error; a documented risk or
 * an explicit recommendation → warning; anything else (a fact worth surfacing) → information.
 */
export function severityFromWords(words: string): Exclude<Severity, 'hint'> {
  const text = words.replace(/[\u2018\u2019]/g, "'");
  if (NOT_REQUIRED.test(text)) return 'information';
  if (ERROR_WORDS.test(text)) return 'error';
  if (WARNING_WORDS.test(text)) return 'warning';
  return 'information';
}

/** Agreement between a rule's severity and its basis: undefined when they agree (or an override says why not). */
export function severityDisagreement(severity: Severity, basis: SeverityBasis): string | undefined {
  if (basis.override) return undefined;
  const expected = severityFromWords(basis.words);
  return expected === severity ? undefined : `the words "${basis.words}" read as ${expected}, the rule says ${severity}`;
}
