// Comment directives (`# comanage-disable-next-line <code> …`, `# comanage-context: intune`,
// `# comanage-site-version: 2403`): how a comment is read as one, and the warnings for one that is
// misspelt or names a code or context that doesn't exist, which would otherwise be ignored
// silently. Pure: the caller passes the codes and contexts its file type knows.
import type { CodeInfo } from './diagnosticCodes';
import type { Fix, Problem, Severity } from './languageTypes';
import { suggest } from './suggest';

export type DirectiveVerb = 'disable-next-line' | 'context' | 'site-version';
export const DIRECTIVE_VERBS: readonly DirectiveVerb[] = ['disable-next-line', 'context', 'site-version'];

export const UNKNOWN_DIRECTIVE = {
  id: 'unknown-directive', severity: 'warning', title: 'A comanage comment directive that is misspelt, or names a rule code or context that does not exist',
  docUrl: 'https://github.com/comanage/comanage#the-file-format', origin: 'rule', language: 'any',
} as const satisfies CodeInfo;

const DIRECTIVE = /^#\s*comanage-(disable-next-line|context|site-version)\b:?\s*(.*)$/i;
/** The first word of a comment, which names the directive. */
const FIRST_WORD = /^#\s*([A-Za-z][\w-]*)/;

export interface Directive {
  verb: DirectiveVerb;
  argument: string;
  /** Where the argument starts in the comment's text. */
  argumentAt: number;
}

/** A comment's text (from its `#`) read as a directive, or undefined. */
export function readDirective(comment: string): Directive | undefined {
  const match = DIRECTIVE.exec(comment);
  if (!match) return undefined;
  const argument = match[2].trim();
  return { verb: match[1].toLowerCase() as DirectiveVerb, argument, argumentAt: comment.length - match[2].length + match[2].indexOf(argument) };
}

/** The codes a disable-next-line names (lower case); '*' for all when it names none. */
export function disabledCodes(directive: Directive): Set<string> {
  return new Set(directive.argument ? directive.argument.split(/[\s,]+/).filter(Boolean).map((c) => c.toLowerCase()) : ['*']);
}

export interface DirectiveOptions {
  /** Codes a disable-next-line may name in this file. */
  codes: readonly string[];
  /** Directives this file type reads (a manifest reads only disable-next-line). */
  verbs: readonly DirectiveVerb[];
  contexts: readonly string[];
  severity?: Severity | 'off';
}

/** Warnings about the comment at `start` (its text from the `#`); none for a comment that isn't meant as a directive. */
export function directiveProblems(comment: string, start: number, options: DirectiveOptions): Problem[] {
  const severity = options.severity;
  if (severity === 'off' || !/^#\s*co/i.test(comment)) return [];
  const problems: Problem[] = [];
  const report = (from: number, to: number, message: string, replacement?: string) => problems.push({
    code: UNKNOWN_DIRECTIVE.id, span: { start: start + from, end: start + to }, message,
    severity: severity ?? UNKNOWN_DIRECTIVE.severity, docUrl: UNKNOWN_DIRECTIVE.docUrl,
    fixes: replacement ? [{ title: `Change to ${replacement}`, edits: [{ span: { start: start + from, end: start + to }, newText: replacement }], preferred: true } satisfies Fix] : undefined,
  });
  const directive = readDirective(comment);
  if (!directive) {
    const word = FIRST_WORD.exec(comment);
    if (!word) return problems;
    const at = word.index + word[0].length - word[1].length;
    const names = DIRECTIVE_VERBS.map((verb) => `comanage-${verb}`);
    const meant = suggest(word[1], names);
    // A word close to a directive's name, or any comanage-… word, was meant as one.
    if (meant) report(at, at + word[1].length, `"${word[1]}" is not a comanage directive, so this comment does nothing. Did you mean "${meant}"?`, meant);
    else if (/^comanage-/i.test(word[1])) report(at, at + word[1].length, `"${word[1]}" is not a comanage directive, so this comment does nothing. The directives are ${names.join(', ')}.`);
    return problems;
  }
  const nameAt = comment.toLowerCase().indexOf('comanage-');
  if (!options.verbs.includes(directive.verb)) {
    report(nameAt, nameAt + 'comanage-'.length + directive.verb.length, `comanage-${directive.verb} works in .ccmsetup files only; here it does nothing.`);
    return problems;
  }
  const { argument, argumentAt } = directive;
  if (directive.verb === 'disable-next-line') {
    const known = new Set(options.codes.map((c) => c.toLowerCase()));
    for (const code of argument.matchAll(/[^\s,]+/g)) {
      if (known.has(code[0].toLowerCase())) continue;
      const from = argumentAt + (code.index ?? 0);
      const meant = suggest(code[0], options.codes);
      report(from, from + code[0].length, `"${code[0]}" is not a comanage rule code, so findings of the code you meant are not silenced.${meant ? ` Did you mean "${meant}"?` : ''}`, meant);
    }
  } else if (directive.verb === 'context') {
    if (argument && !options.contexts.includes(argument.toLowerCase())) {
      const meant = suggest(argument, options.contexts);
      report(argumentAt, argumentAt + argument.length, `"${argument}" is not a context, so this comment does nothing; the lines after it keep the context they had.${meant ? ` Did you mean "${meant}"?` : ` The contexts are ${options.contexts.join(', ')}.`}`, meant);
    }
  } else if (argument && !/^\d+$/.test(argument)) {
    report(argumentAt, argumentAt + argument.length, `"${argument}" is not a Configuration Manager version; write the version number, such as 2403.`);
  }
  return problems;
}
