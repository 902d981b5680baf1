// Limits that keep every keystroke cheap on pathological input. Above them the user gets one
// clear finding instead of analysis (or of a flood of findings).
import { SERVICE_CODES } from './diagnosticCodes';
import { Problem } from './languageTypes';

/** Real ccmsetup files are a few KB; anything this big is pasted junk or a wrong file. */
export const MAX_DOCUMENT_LENGTH = 2 * 1024 * 1024;
/** More findings than this in one document help nobody; the rest are summarised in one line. */
export const MAX_PROBLEMS = 1000;


export function tooLarge(length: number): Problem {
  return {
    code: SERVICE_CODES.documentTooLarge.id,
    span: { start: 0, end: 0 },
    message: `This file has ${length.toLocaleString('en-US')} characters; comanage checks files up to ${MAX_DOCUMENT_LENGTH.toLocaleString('en-US')} characters, so it was not checked.`,
    severity: 'information',
    docUrl: SERVICE_CODES.documentTooLarge.docUrl,
  };
}

/** Keeps the first MAX_PROBLEMS findings and adds one that says how many were left out. */
export function capProblems(problems: Problem[]): Problem[] {
  if (problems.length <= MAX_PROBLEMS) return problems;
  const kept = problems.slice(0, MAX_PROBLEMS);
  const last = kept[kept.length - 1];
  kept.push({
    code: SERVICE_CODES.tooManyProblems.id,
    span: { start: last.span.end, end: last.span.end },
    message: `${(problems.length - MAX_PROBLEMS).toLocaleString('en-US')} more findings are not shown; fix the ones above first.`,
    severity: 'information',
    docUrl: SERVICE_CODES.documentTooLarge.docUrl,
  });
  return kept;
}
