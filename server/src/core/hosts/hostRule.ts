// The shape every host's own rule shares (script mistakes that change what ccmsetup receives),
// and the one way such a rule's finding is built.
import type { Fix, Problem, Severity } from '../languageTypes';

export interface HostRule {
  id: string;
  severity: Severity;
  title: string;
  docUrl: string;
  /** The host whose files it applies to. */
  host: string;
  examples: { fail: string[]; pass: string[] };
}

export function hostProblem(rule: HostRule, span: { start: number; end: number }, message: string, fixes?: Fix[]): Problem {
  return { code: rule.id, severity: rule.severity, docUrl: rule.docUrl, span, message, ...(fixes ? { fixes } : {}) };
}
