// What a ccmsetup rule is: an id (also the settings key and the diagnostic code), a default
// severity, a title for tables, a doc link, its check, and fixtures that must fail and pass.
import type { Catalog } from '../../catalog';
import type { Fix, Severity } from '../../languageTypes';
import type { SeverityBasis } from '../../severityBasis';
import type { CommandLine, LineIntent, Span } from '../ast';

export interface ReportExtra {
  fixes?: Fix[];
  /** Overrides the rule's doc link (e.g. the section of the entry concerned). */
  docUrl?: string;
  unnecessary?: boolean;
}

export interface RuleContext {
  catalog: Catalog;
  /** The whole document's text, for fixes that copy or delete source. */
  text: string;
  /** The moment the analysis runs, for rules about dates; injectable so tests are deterministic. */
  now: Date;
  report(span: Span, message: string, extra?: ReportExtra): void;
}

export interface CcmsetupRule {
  id: string;
  severity: Severity;
  /** A short statement of what the rule checks, for the README table and SARIF. */
  title: string;
  docUrl: string;
  /** The words of the docs the severity rests on (ARCHITECTURE.md, "Severity from the words of the docs"). */
  basis?: SeverityBasis;
  check(line: CommandLine, context: RuleContext): void;
  /**
   * Whole-file fixtures: each `fail` text must raise this rule, each `pass` text must not. With
   * `intent`, each fixture is one line checked as a generator checks it (checkCommandLine with that intent);
   * with `file`, each fixture is a whole file of that name (a script, say, whose lines a host finds).
   */
  examples: { fail: string[]; pass: string[]; intent?: LineIntent; file?: string };
}

export function defineRule(rule: CcmsetupRule): CcmsetupRule {
  return rule;
}
