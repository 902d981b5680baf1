// Runs every ccmsetup rule over every command line of a parsed document and applies the user's
// severity settings and `# comanage-disable-next-line` suppressions. One failing rule never
// stops the others: its exception becomes a single internal-error finding. (Tokens quoted in
// messages are masked where the facade hands them out: maskOutputs.ts.) Lines over
// MAX_LINE_LENGTH are not checked, and checking stops when the document's time budget runs out.
import { Catalog } from '../catalog';
import { LanguageSettings, Problem } from '../languageTypes';
import { CcmsetupDocument, CommandLine } from './ast';
import { SERVICE_CODES, suppressibleCodes } from '../diagnosticCodes';
import { DIRECTIVE_VERBS, UNKNOWN_DIRECTIVE, directiveProblems } from '../directives';
import { LINE_CONTEXTS } from './ast';
import { Budget, MAX_LINE_LENGTH, MAX_PROBLEMS, lineTooLong } from '../limits';
import { CCMSETUP_RULES } from './rules';
import { CcmsetupRule, RuleContext } from './rules/types';
import { TYPOGRAPHIC_CODE, explainByCharacters, placedCharacters } from './characters';
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
  const typographic = active.find((rule) => rule.id === TYPOGRAPHIC_CODE);
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
    if (line.typographic && typographic && line.text.length <= MAX_LINE_LENGTH && !isSuppressed(line, typographic.id)) {
      // Findings the line's pasted characters cause are explained by them (see characters.ts).
      const placed = placedCharacters(line, document.text);
      problems.push(...explainByCharacters(line, placed, problems.splice(before), codesOf, options.catalog));
    }
    // Each line's findings in order as it ends, so the document's are in order without one sort
    // of them all at the end (tens of milliseconds in one step for a 2 MB file full of findings).
    const mine = problems.splice(before).sort(byPosition);
    work(mine.length * 8);
    for (const problem of mine) problems.push(problem);
    options.lines?.remember(line, mine);
  }
  // A misspelt directive, code or context would otherwise be ignored without a word.
  if (document.comments.length) {
    const directives = { codes: suppressibleCodes('ccmsetup'), verbs: DIRECTIVE_VERBS, contexts: LINE_CONTEXTS, severity: overrides[UNKNOWN_DIRECTIVE.id] };
    const warnings: Problem[] = [];
    // Past the per-file cap of findings they would be dropped anyway.
    for (let i = 0; i < document.comments.length && warnings.length < MAX_PROBLEMS; i++) {
      if (due()) yield;
      work(document.comments[i].text.length + 16);
      const comment = document.comments[i];
      warnings.push(...directiveProblems(comment.text, comment.span.start, directives));
    }
    // They quote the comment; a token pasted there is masked at the facade's output boundary.
    return yield* mergeInOrder(problems, warnings.sort(byPosition));
  }
  return yield* mergeInOrder(problems, []);

  /** How many findings of each code the other rules raise on a line (its messages aren't kept). */
  function codesOf(line: CommandLine, text: string, codes: ReadonlySet<string>): Map<string, number> {
    const counts = new Map<string, number>();
    for (const rule of active) {
      if (!codes.has(rule.id) || isSuppressed(line, rule.id)) continue;
      const context: RuleContext = { catalog: options.catalog, text, now, report() { counts.set(rule.id, (counts.get(rule.id) ?? 0) + 1); } };
      try { rule.check(line, context); } catch { /* reported on the line itself */ }
    }
    return counts;
  }

  function* checkLine(line: CommandLine): Steps<void> {
    if (line.text.length > MAX_LINE_LENGTH) {
      problems.push(lineTooLong(line.span, line.text.length));
      return;
    }
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
            message,
            severity: severity && severity !== 'off' ? severity : rule.severity,
            docUrl: extra?.docUrl ?? rule.docUrl,
            fixes: extra?.fixes,
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

const byPosition = (a: Problem, b: Problem): number => a.span.start - b.span.start || a.span.end - b.span.end;

/**
 * What a stable sort of `first` then `second` by position gives, when each is in order already:
 * a merge, with pauses. Should `first` not be in order (a finding placed outside its line), one
 * sort of everything, as before.
 */
function* mergeInOrder(first: Problem[], second: Problem[]): Steps<Problem[]> {
  for (let i = 1; i < first.length; i++) {
    if (byPosition(first[i - 1], first[i]) > 0) return [...first, ...second].sort(byPosition);
    if ((i & 1023) === 0) {
      work(1024);
      if (due()) yield;
    }
  }
  if (second.length === 0) return first;
  const merged: Problem[] = [];
  let a = 0;
  let b = 0;
  while (a < first.length || b < second.length) {
    // On a tie the finding of a command line comes first, as the stable sort kept it.
    if (b >= second.length || (a < first.length && byPosition(first[a], second[b]) <= 0)) merged.push(first[a++]);
    else merged.push(second[b++]);
    if ((merged.length & 1023) === 0) {
      work(1024);
      if (due()) yield;
    }
  }
  return merged;
}

function isSuppressed(line: CommandLine, id: string): boolean {
  return line.disabled !== undefined && (line.disabled.has('*') || line.disabled.has(id));
}
