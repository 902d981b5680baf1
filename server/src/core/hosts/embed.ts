// Runs the ccmsetup parser, rules and services on the command lines a host found in a script.
// Each line is parsed from its decoded text with the host's offset map (ParseOptions.map, as a
// YAML scalar is), so findings, hovers and fixes land on the script's own characters. Then:
// findings on a variable's constant value move to the assignment's literal, `script-variable` is
// dropped where the host expands the variable, fixes are escaped for the host (or dropped where
// they can't be), and every finding stays inside its invocation.
import type { Catalog } from '../catalog';
import type { CcmsetupDocument, CommandLine, Span } from '../ccmsetup/ast';
import { parseCommandLine } from '../ccmsetup/parser';
import { Fix, LanguageSettings, Problem } from '../languageTypes';
import { withLineFeeds } from '../lineBreaks';
import type { EmbeddedLine } from './host';
import { mentionsCcmsetup } from './host';
import { hostFor } from './index';
import { maskSecrets, secretMasker } from '../secrets';
import { secretValues } from '../ccmsetup/query';

export interface ScriptParse {
  embedded: EmbeddedLine[];
  /** The invocations as ccmsetup command lines, in document offsets (text: the script). */
  document: CcmsetupDocument;
}

const SCRIPT_VARIABLE = 'script-variable';

export function parseScript(source: string, kind: string, catalog: Catalog): ScriptParse {
  const text = withLineFeeds(source);
  const host = hostFor(kind);
  // The prefilter: a script that never names ccmsetup costs one scan.
  const embedded = host && mentionsCcmsetup(text) ? host.findLines(text) : [];
  const lines: CommandLine[] = embedded.map((e) => {
    const { offsets } = e.source;
    const last = Math.max(0, offsets.length - 1);
    const line = parseCommandLine(e.source.text, { catalog, context: e.context, map: (i) => offsets[Math.min(i, last)] ?? e.span.start });
    if (e.disabled) line.disabled = e.disabled;
    return line;
  });
  return { embedded, document: { text, lines, comments: [] } };
}

const inside = (span: Span, outer: Span) => span.start >= outer.start && span.end <= outer.end;
const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/** The invocation holding an offset (lines are in document order). */
export function embeddedAt(embedded: readonly EmbeddedLine[], offset: number): EmbeddedLine | undefined {
  let low = 0;
  let high = embedded.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const e = embedded[mid];
    if (offset < e.span.start) high = mid - 1;
    else if (offset > e.span.end) low = mid + 1;
    else return e;
  }
  return undefined;
}

/** Whether an offset is in an invocation's arguments: the only place hover and completion answer. */
export function inArguments(embedded: readonly EmbeddedLine[], offset: number): EmbeddedLine | undefined {
  const e = embeddedAt(embedded, offset);
  return e?.argumentSpans.some((s) => offset >= s.start && offset <= s.end) ? e : undefined;
}

function encodeFix(fix: Fix, e: EmbeddedLine): Fix | undefined {
  const edits: Fix['edits'] = [];
  for (const edit of fix.edits) {
    if (!e.argumentSpans.some((s) => inside(edit.span, s))) return undefined;
    const newText = edit.newText === '' ? '' : e.encode(edit.newText, edit.span.start);
    if (newText === undefined) return undefined;
    edits.push({ span: edit.span, newText });
  }
  return { ...fix, edits };
}

/** The ccmsetup findings of a script's invocations, placed and escaped for the script, plus the host's own. */
export function scriptProblems(found: Problem[], embedded: readonly EmbeddedLine[], settings: LanguageSettings, lineOf: (offset: number) => number): Problem[] {
  const out: Problem[] = [];
  const overrides = settings.rules ?? {};
  for (const problem of found) {
    const e = embeddedAt(embedded, problem.span.start);
    if (!e) { out.push(problem); continue; }
    if (problem.code === SCRIPT_VARIABLE && (e.symbols.some((s) => overlaps(s.span, problem.span)) || e.problems.some((h) => overlaps(h.span, problem.span)))) continue;
    const symbol = e.symbols.find((s) => s.constant && inside(problem.span, s.span));
    if (symbol?.constant) {
      out.push({
        ...problem, span: symbol.constant.span, fixes: undefined,
        message: `${problem.message} (This is the value of ${symbol.name}, used on line ${lineOf(symbol.span.start) + 1}.)`,
        related: [{ span: symbol.span, message: `${symbol.name} is passed to ccmsetup here.` }],
      });
      continue;
    }
    const span = inside(problem.span, e.span) ? problem.span : { start: Math.max(e.span.start, Math.min(problem.span.start, e.span.end)), end: Math.max(e.span.start, Math.min(problem.span.end, e.span.end)) };
    const fixes = problem.fixes?.map((f) => encodeFix(f, e)).filter((f): f is Fix => f !== undefined);
    out.push({ ...problem, span: span.end < span.start ? { start: span.start, end: span.start } : span, fixes: fixes?.length ? fixes : undefined });
  }
  for (const e of embedded) {
    for (const problem of e.problems) {
      const setting = overrides[problem.code];
      if (setting === 'off' || e.disabled?.has('*') || e.disabled?.has(problem.code)) continue;
      out.push(setting ? { ...problem, severity: setting } : problem);
    }
  }
  return out.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
}

/** A line for the hover: where a variable's value came from. */
export function symbolNote(e: EmbeddedLine, line: CommandLine | undefined, offset: number, lineOf: (offset: number) => number): string | undefined {
  const symbol = e.symbols.find((s) => offset >= s.span.start && offset <= s.span.end);
  if (!symbol) return undefined;
  // A token kept in a variable is still a token: masked like everywhere else.
  const mask = secretMasker(line ? secretValues(line) : []);
  const value = maskSecrets(mask(symbol.constant?.value ?? ''));
  return symbol.constant
    ? `\`${symbol.name}\` is \`${value.length > 200 ? `${value.slice(0, 200)}…` : value}\`, set on line ${lineOf(symbol.constant.span.start) + 1}; that value is checked.`
    : `\`${symbol.name}\` is set when the script runs; its name and place are checked, its value is not.`;
}
