// Runs the ccmsetup parser, rules and services on the command lines a host found in a script.
// Each line is parsed from its decoded text with the host's offset map (ParseOptions.map, as a
// YAML scalar is), so findings, hovers and fixes land on the script's own characters. Then:
// findings on a variable's constant value move to the assignment's literal, `script-variable` is
// dropped where the host expands the variable, fixes are escaped for the host (or dropped where
// they can't be), and every finding stays inside its invocation.
import type { Catalog } from '../catalog';
import type { CcmsetupDocument, CommandLine, Span } from '../ccmsetup/ast';
import type { LineCache } from '../ccmsetup/lineCache';
import { Steps, due, work } from '../steps';
import { parseCommandLine } from '../ccmsetup/parser';
import { CompletionItem, CompletionList, Fix, InsertTextFormat, LanguageSettings, Problem } from '../languageTypes';
import { withLineFeeds } from '../lineBreaks';
import type { EmbeddedLine, HostMemory } from './host';
import { mentionsHostTarget } from './host';
import { hostFor } from './index';
import { UNKNOWN_DIRECTIVE, directiveProblems } from '../directives';
import { suppressibleCodes } from '../diagnosticCodes';
import { LINE_CONTEXTS } from '../ccmsetup/ast';

export interface ScriptParse {
  embedded: EmbeddedLine[];
  /** Comments that look like comanage directives (only in a script with an invocation). */
  directives: { text: string; start: number }[];
  /** The invocations as ccmsetup command lines, in document offsets (text: the script). */
  document: CcmsetupDocument;
  /** The host's findings on the document itself (Host.documentProblems), before severity settings. */
  problems: Problem[];
}

const SCRIPT_VARIABLE = 'script-variable';

/** Work units (steps.ts) of one invocation's key (its text, offsets and source characters), per character. */
const KEY_UNITS_PER_CHAR = 2;

/**
 * The key under which an invocation's parse and ccmsetup findings are kept (ccmsetup/lineCache.ts):
 * everything they are computed from. The decoded text (constants' values included), each
 * character's source character and offset relative to the first, the context and the codes switched
 * off. Equal keys at another place give the same results moved there.
 */
function lineKey(e: EmbeddedLine, text: string, base: number): string {
  const { offsets } = e.source;
  let where = '';
  let chars = '';
  for (let i = 0; i < offsets.length; i++) {
    where += `${offsets[i] - base},`;
    chars += text[offsets[i]] ?? '';
  }
  return `${e.context}\u0001${e.disabled ? [...e.disabled].sort().join(',') : ''}\u0001${e.source.text}\u0001${chars}\u0001${where}\u0001${e.span.start - base}`;
}

/**
 * A script's invocations, parsed, in steps. With `memory` (one per document, kept by the facade between versions), the
 * host may reuse its work on the previous version, and `lines` gives back the parse (and, to the
 * analysis, the findings) of every invocation whose key is unchanged.
 */
export function* parseScriptSteps(source: string, kind: string, catalog: Catalog, memory: HostMemory = {}, lines?: LineCache): Steps<ScriptParse> {
  const text = withLineFeeds(source);
  const host = hostFor(kind);
  // The prefilter: a script that never names ccmsetup (a JSON file that names no Graph type we read) costs one scan.
  work(text.length / 8);
  if (!host || !mentionsHostTarget(host, text)) {
    // What the host kept no longer matches: a later version starts afresh.
    memory.state = undefined;
    return { embedded: [], directives: [], document: { text, lines: [], comments: [] }, problems: [] };
  }
  if (due()) yield;
  const embedded = host.findLinesSteps ? yield* host.findLinesSteps(text, memory) : host.findLines(text);
  const pairs: { e: EmbeddedLine; line: CommandLine }[] = [];
  for (const e of embedded) {
    if (due()) yield;
    const { offsets } = e.source;
    const last = Math.max(0, offsets.length - 1);
    const parse = () => {
      const line = parseCommandLine(e.source.text, { catalog, context: e.context, map: (i) => offsets[Math.min(i, last)] ?? e.span.start });
      line.contextSource = 'host';
      if (e.disabled) line.disabled = e.disabled;
      return line;
    };
    let line: CommandLine;
    if (lines) {
      let base = e.span.start;
      for (const at of offsets) if (at < base) base = at;
      work(offsets.length * KEY_UNITS_PER_CHAR);
      line = lines.line(lineKey(e, text, base), base, parse);
    } else line = parse();
    pairs.push({ e, line });
  }
  // Lines in document order, as locate's binary search expects (arguments built above come first).
  pairs.sort((a, b) => a.line.span.start - b.line.span.start);
  work(pairs.length * 8);
  if (due()) yield;
  const directives = embedded.length && host.comments ? host.comments(text).filter((c) => /^#\s*co/i.test(c.text)) : [];
  if (directives.length || embedded.length) work(text.length / 8);
  const problems = host.documentProblems ? host.documentProblems(text) : [];
  return { embedded: pairs.map((p) => p.e), directives, document: { text, lines: pairs.map((p) => p.line), comments: [] }, problems };
}

/** The range of document text a line was read from (first to last source character). */
export function sourceRange(e: EmbeddedLine): Span {
  let start = e.span.start;
  let end = e.span.end;
  for (const at of e.source.offsets) { if (at < start) start = at; if (at + 1 > end) end = at + 1; }
  return { start, end };
}

const inside = (span: Span, outer: Span) => span.start >= outer.start && span.end <= outer.end;
const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/** The invocation whose arguments hold an offset: the only place hover and completion answer. */
export function inArguments(embedded: readonly EmbeddedLine[], offset: number): EmbeddedLine | undefined {
  return embedded.find((e) => e.argumentSpans.some((s) => offset >= s.start && offset <= s.end));
}

function encodeFix(fix: Fix, e: EmbeddedLine): Fix | undefined {
  const edits: Fix['edits'] = [];
  for (const edit of fix.edits) {
    const span = e.widen ? e.widen(edit.span) : edit.span;
    if (!e.argumentSpans.some((s) => inside(span, s))) return undefined;
    const newText = e.encode(edit.newText, span.start, span.end);
    if (newText === undefined) return undefined;
    edits.push({ span, newText });
  }
  return { ...fix, edits };
}

/** Snippet placeholders: `$1`, `${1}`, `${1|a,b|}` (choices), `${1:text}` (a default). */
const PLACEHOLDER = /\$(\d+)|\$\{(\d+)(?:\|((?:[^|\\]|\\.)*)\||:((?:[^}\\]|\\.)*))?\}/g;

/**
 * A snippet with its literal text escaped for the host and its placeholders kept: literal text
 * and each choice are unescaped from snippet syntax, escaped for the host, then escaped back.
 */
function encodeSnippet(snippet: string, encode: (text: string) => string | undefined): string | undefined {
  let failed = false;
  const literal = (text: string, special: RegExp) => {
    if (text === '') return '';
    const encoded = encode(text.replace(special === CHOICE_SPECIAL ? /\\([,|\\])/g : /\\([$}\\])/g, '$1'));
    if (encoded === undefined) failed = true;
    return (encoded ?? '').replace(special, '\\$&');
  };
  let out = '';
  let last = 0;
  for (const m of snippet.matchAll(PLACEHOLDER)) {
    out += literal(snippet.slice(last, m.index), LITERAL_SPECIAL);
    if (m[3] !== undefined) out += `\${${m[2]}|${m[3].split(/(?<!\\),/).map((c) => literal(c, CHOICE_SPECIAL)).join(',')}|}`;
    else if (m[4] !== undefined) out += `\${${m[2]}:${literal(m[4], LITERAL_SPECIAL)}}`;
    else out += m[0];
    last = (m.index ?? 0) + m[0].length;
  }
  out += literal(snippet.slice(last), LITERAL_SPECIAL);
  return failed ? undefined : out;
}
const LITERAL_SPECIAL = /[$}\\]/g;
const CHOICE_SPECIAL = /[,|\\]/g;

/**
 * Completions inside an invocation, their text escaped for where it is inserted (a `"` in a
 * PowerShell double-quoted string, a `%` in batch), as a fix's is. An item that can't be written
 * there is left out.
 */
export function encodeCompletions(list: CompletionList, e: EmbeddedLine, offsetAt: (position: { line: number; character: number }) => number): CompletionList {
  const items: CompletionItem[] = [];
  for (const item of list.items) {
    const edit = item.textEdit && 'range' in item.textEdit ? item.textEdit : undefined;
    if (!edit) { items.push(item); continue; }
    const at = offsetAt(edit.range.start);
    const end = offsetAt(edit.range.end);
    const encode = (text: string) => e.encode(text, at, end);
    const newText = item.insertTextFormat === InsertTextFormat.Snippet ? encodeSnippet(edit.newText, encode) : encode(edit.newText);
    if (newText === undefined) continue;
    items.push(newText === edit.newText ? item : { ...item, textEdit: { ...edit, newText } });
  }
  return { ...list, items };
}

/**
 * The ccmsetup findings of one invocation (`found`, from its line alone), placed and escaped for
 * the script, plus the host's own findings on it.
 */
export function scriptProblems(found: Problem[], e: EmbeddedLine, settings: LanguageSettings, lineOf: (offset: number) => number): Problem[] {
  const out: Problem[] = [];
  const overrides = settings.rules ?? {};
  const range = sourceRange(e);
  for (const problem of found) {
    if (problem.code === SCRIPT_VARIABLE && (e.symbols.some((s) => overlaps(s.span, problem.span)) || e.problems.some((h) => overlaps(h.span, problem.span)))) continue;
    const symbol = e.symbols.find((s) => s.constant && (inside(problem.span, s.span) || s.constant.sources?.some((l) => inside(problem.span, l))));
    if (symbol?.constant) {
      out.push({
        ...problem, span: symbol.constant.sources ? problem.span : symbol.constant.span, fixes: undefined,
        message: `${problem.message} (This is the value of ${symbol.name}, used on line ${lineOf(symbol.span.start) + 1}.)`,
        related: [{ span: symbol.span, message: `${symbol.name} is passed to ccmsetup here.` }],
      });
      continue;
    }
    // A span the map can't carry over (its ends in two places of the script) shrinks to its start.
    const whole = e.widen ? e.widen(problem.span) : problem.span;
    const start = Math.max(range.start, Math.min(whole.start, range.end));
    const span = whole.end >= start && whole.end <= range.end ? { start, end: whole.end } : { start, end: start };
    const fixes = problem.fixes?.map((f) => encodeFix(f, e)).filter((f): f is Fix => f !== undefined);
    out.push({ ...problem, span, fixes: fixes?.length ? fixes : undefined });
  }
  for (const problem of e.problems) {
    const setting = overrides[problem.code];
    if (setting === 'off' || e.disabled?.has('*') || e.disabled?.has(problem.code)) continue;
    out.push(setting ? { ...problem, severity: setting } : problem);
  }
  return out;
}

/** A line for the hover: where a variable's value came from. */
export function symbolNote(e: EmbeddedLine, offset: number, lineOf: (offset: number) => number): string | undefined {
  const symbol = e.symbols.find((s) => offset >= s.span.start && offset <= s.span.end);
  if (!symbol) return undefined;
  // A token kept in a variable is masked with the rest of the hover, at the facade's output boundary.
  const value = symbol.constant?.value ?? '';
  return symbol.constant
    ? `\`${symbol.name}\` is \`${value.length > 200 ? `${value.slice(0, 200)}…` : value}\`, set on line ${lineOf(symbol.constant.span.start) + 1}; that value is checked.`
    : `\`${symbol.name}\` is set when the script runs; its name and place are checked, its value is not.`;
}

/** The host's findings on the document itself, with the severity settings applied. */
export function scriptDocumentProblems(script: ScriptParse, settings: LanguageSettings): Problem[] {
  const overrides = settings.rules ?? {};
  const out: Problem[] = [];
  for (const problem of script.problems) {
    const setting = overrides[problem.code];
    if (setting === 'off') continue;
    out.push(setting ? { ...problem, severity: setting } : problem);
  }
  return out;
}

/** Warnings for misspelt directives in a script; only disable-next-line works there. */
export function scriptDirectiveProblems(script: ScriptParse, settings: LanguageSettings): Problem[] {
  const options = { codes: suppressibleCodes('ccmsetup'), verbs: ['disable-next-line'] as const, contexts: LINE_CONTEXTS, severity: settings.rules?.[UNKNOWN_DIRECTIVE.id] };
  return script.directives.flatMap((c) => directiveProblems(c.text, c.start, options));
}
