// Limits that keep every keystroke cheap on pathological input. Above each one the user gets one
// clear finding saying what was not checked, never a frozen editor or a flood of findings.
// RELIABILITY.md lists them with measured figures (scripts/reliability.ts).
import type { Span } from './ccmsetup/ast';
import { SERVICE_CODES } from './diagnosticCodes';
import { DocumentKind, Problem } from './languageTypes';

/** Real ccmsetup files are a few KB; anything this big is pasted junk or a wrong file. */
export const MAX_DOCUMENT_LENGTH = 2 * 1024 * 1024;
/** Manifests are a few KB too; a large one is parsed in pieces, with pauses between them (manifest/pieces.ts). */
export const MAX_MANIFEST_LENGTH = 2 * 1024 * 1024;
/**
 * A manifest that can't be cut into pieces (anchors, aliases, tags, too many values) goes to the
 * YAML parser whole, which can't be interrupted: above this length it is not checked.
 */
export const MAX_WHOLE_MANIFEST_LENGTH = 256 * 1024;
/**
 * The longest command line Windows can start a program with: CreateProcess takes at most 32,767
 * characters including the terminating null (the line-too-long code's doc link). A longer line can't run at all,
 * so it is reported as such instead of checked — which also bounds a line's parse and each rule's
 * pass over it to what a validation step can do in a few milliseconds (test/steps.test.ts).
 */
export const MAX_LINE_LENGTH = 32_766;
/** More findings than this in one document help nobody; the rest are summarised in one line. */
export const MAX_PROBLEMS = 1000;
/** Rules stop after this long on one document version; one finding says the check was cut short. */
export const ANALYSIS_BUDGET_MS = 1000;
/**
 * Outline entries per document (command lines or manifest keys and their children): about 250
 * bytes of JSON each, so an outline stays well under 1 MB. Past it, one entry says how many more.
 */
export const MAX_SYMBOLS = 2000;
/** Messages quote names from the file; a quoted megabyte would only hurt the editor. */
export const MAX_MESSAGE_LENGTH = 1000;

export function maxLengthFor(kind: DocumentKind): number {
  return kind === 'manifest' ? MAX_MANIFEST_LENGTH : MAX_DOCUMENT_LENGTH;
}

const count = (n: number) => n.toLocaleString('en-US');

export function tooLarge(length: number, limit = MAX_DOCUMENT_LENGTH): Problem {
  return {
    code: SERVICE_CODES.documentTooLarge.id,
    span: { start: 0, end: 0 },
    message: `This file has ${count(length)} characters; comanage checks files of this kind up to ${count(limit)} characters, so it was not checked.`,
    severity: 'information',
    docUrl: SERVICE_CODES.documentTooLarge.docUrl,
  };
}

export function lineTooLong(span: Span, length: number): Problem {
  return {
    code: SERVICE_CODES.lineTooLong.id,
    span: { start: span.start, end: span.start },
    message: `This command line has ${count(length)} characters. Windows starts a program with at most ${count(MAX_LINE_LENGTH)} characters of command line, so this one can't run as written; comanage didn't check its entries. Shorten it (a /config file can hold the properties).`,
    severity: SERVICE_CODES.lineTooLong.severity,
    docUrl: SERVICE_CODES.lineTooLong.docUrl,
  };
}

/** Where the analysis of one document stops when its time is up. */
export class Budget {
  /** The first place that was not checked, once time ran out. */
  stopped?: { span: Span; what: string };
  private readonly deadline: number;

  constructor(readonly ms: number = ANALYSIS_BUDGET_MS, private readonly clock: () => number = () => performance.now()) {
    this.deadline = clock() + ms;
  }

  /** True once time is up (and from then on). */
  expired(): boolean {
    return this.stopped !== undefined || this.clock() > this.deadline;
  }

  /** Records where checking stopped; only the first call counts. */
  stop(span: Span, what: string): void {
    this.stopped ??= { span, what };
  }
}

export function cutShort(budget: Budget): Problem | undefined {
  if (!budget.stopped) return undefined;
  const { span, what } = budget.stopped;
  return {
    code: SERVICE_CODES.analysisCutShort.id,
    span: { start: span.start, end: span.start },
    message: `Checking this file took longer than ${count(budget.ms)} ms, so comanage stopped: ${what} did not run. The findings shown are incomplete; a smaller file is checked in full.`,
    severity: 'information',
    docUrl: SERVICE_CODES.analysisCutShort.docUrl,
  };
}

/** Keeps the first MAX_PROBLEMS findings, adds one that says how many were left out, and shortens long messages. */
export function capProblems(problems: Problem[]): Problem[] {
  const kept = problems.length <= MAX_PROBLEMS ? problems : problems.slice(0, MAX_PROBLEMS);
  if (problems.length > MAX_PROBLEMS) {
    const last = kept[kept.length - 1];
    kept.push({
      code: SERVICE_CODES.tooManyProblems.id,
      span: { start: last.span.end, end: last.span.end },
      message: `${count(problems.length - MAX_PROBLEMS)} more findings are not shown; fix the ones above first.`,
      severity: 'information',
      docUrl: SERVICE_CODES.tooManyProblems.docUrl,
    });
  }
  // The facade masks tokens after this cut (maskOutputs.ts): any 8 characters of a token left in a message are masked.
  return kept.map((p) => (p.message.length > MAX_MESSAGE_LENGTH ? { ...p, message: `${p.message.slice(0, MAX_MESSAGE_LENGTH - 1)}…` } : p));
}

/**
 * The server's background check of the workspace's closed files (server/src/workspaceDiagnostics.ts):
 * it stops listing folders after this many entries, and checks at most this many files and bytes.
 * A closed file above maxFileBytes isn't read (reading and decoding it would hold the server for
 * more than a frame; real files are a few KB): it is checked when opened. The server logs both.
 */
export const WORKSPACE_LIMITS = { maxEntries: 50_000, maxFiles: 2_000, maxBytes: 64 * 1024 * 1024, maxFileBytes: 256 * 1024 } as const;
