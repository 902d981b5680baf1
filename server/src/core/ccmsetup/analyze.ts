// Runs every ccmsetup rule over every command line of a parsed document and applies the user's
// severity settings and `# comanage-disable-next-line` suppressions. One failing rule never
// stops the others: its exception becomes a single internal-error finding. Messages pass through
// a masker of the line's tokens (secrets.ts), so a token pasted anywhere, whole or in part, never
// reaches an editor, a log or a report. Lines over
// MAX_LINE_LENGTH are not checked, and checking stops when the document's time budget runs out.
import { Catalog } from '../catalog';
import { LanguageSettings, Problem } from '../languageTypes';
import { secretMasker } from '../secrets';
import { CcmsetupDocument, CommandLine } from './ast';
import { SERVICE_CODES } from '../diagnosticCodes';
import { Budget, MAX_LINE_LENGTH, lineTooLong } from '../limits';
import { CCMSETUP_RULES } from './rules';
import { CcmsetupRule, RuleContext } from './rules/types';
import { secretValues } from './query';
import type { LineCache } from './lineCache';
import { Steps, drain, due, work } from '../steps';

export interface AnalyzeOptions {
  catalog: Catalog;
  settings: LanguageSettings;
  rules?: readonly CcmsetupRule[];
  /** Shared with the rest of the document's analysis; absent means no time limit. */
  budget?: Budget;
  /** "Now" for rules about dates (token expiry); the real clock when absent. */
  now?: Date;
  /**
   * Problems of lines checked before, kept with the same settings and clock minute; a line found
   * there is not checked again.
   */
  lines?: LineCache;
}

export function analyzeCcmsetup(document: CcmsetupDocument, options: AnalyzeOptions): Problem[] {
  return drain(analyzeCcmsetupSteps(document, options));
}


/** Work units (steps.ts) a rule spends on one entry of a line, beyond reading its characters. */
const UNITS_PER_ENTRY = 64;

export function* analyzeCcmsetupSteps(document: CcmsetupDocument, options: AnalyzeOptions): Steps<Problem[]> {
  const problems: Problem[] = [];
  const overrides = options.settings.rules ?? {};
  const active = (options.rules ?? CCMSETUP_RULES).filter((rule) => overrides[rule.id] !== 'off');
  const failed = new Set<string>();
  const now = options.now ?? new Date();

  for (const line of document.lines) {
    if (due()) yield;
    const known = options.lines?.problems(line);
    if (known) {
      work(16 + known.length);
      problems.push(...known);
      continue;
    }
    if (options.budget?.expired()) {
      options.budget.stop(line.span, 'the checks of this command line and the ones after it');
      break;
    }
    const before = problems.length;
    yield* checkLine(line);
    options.lines?.remember(line, problems.slice(before));
  }
  problems.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  return problems;

  function* checkLine(line: CommandLine): Steps<void> {
    if (line.text.length > MAX_LINE_LENGTH) {
      problems.push(lineTooLong(line.span, line.text.length));
      return;
    }
    // Messages may quote the line; whatever may be its token is masked, whole or in part.
    const mask = secretMasker(secretValues(line));
    for (const rule of active) {
      if (isSuppressed(line, rule.id)) continue;
      // Each rule reads the line about once and judges each entry (a value check, a did-you-mean):
      // on a long line the analysis pauses between rules.
      if (due()) yield;
      work(line.text.length + line.args.length * UNITS_PER_ENTRY + 16);
      const context: RuleContext = {
        catalog: options.catalog,
        text: document.text,
        now,
        report(span, message, extra) {
          const severity = overrides[rule.id];
          problems.push({
            code: rule.id,
            span,
            message: mask(message),
            severity: severity && severity !== 'off' ? severity : rule.severity,
            docUrl: extra?.docUrl ?? rule.docUrl,
            fixes: extra?.fixes?.map((fix) => ({ ...fix, title: mask(fix.title) })),
            unnecessary: extra?.unnecessary,
          });
        },
      };
      try {
        rule.check(line, context);
      } catch (error) {
        if (failed.has(rule.id)) continue;
        failed.add(rule.id);
        problems.push({
          code: SERVICE_CODES.internalError.id,
          span: line.span,
          message: `The check "${rule.id}" failed on this line (${error instanceof Error ? error.name : 'error'}); other checks still ran. Please report it.`,
          severity: SERVICE_CODES.internalError.severity,
          docUrl: SERVICE_CODES.internalError.docUrl,
        });
      }
    }
  }
}

function isSuppressed(line: CommandLine, id: string): boolean {
  return line.disabled !== undefined && (line.disabled.has('*') || line.disabled.has(id));
}
