// The typographic and invisible characters of a command line, placed: what each one is where it
// sits (a switch, a name, a value), what replaces it, and a fix that is safe in its host (a
// .ccmsetup line, or a YAML scalar that needs its own escaping). Also how the other findings of
// such a line are told apart: those the characters cause are explained by them, not repeated.
import type { Catalog } from '../catalog';
import type { Fix, Problem } from '../languageTypes';
import {
  CharacterPlace, characterEffect, characterLabel, replacementAdvice, replacementAt,
} from '../text/typographic';
import type { CommandLine, ItemNode, Span, TypographicNode } from './ast';
import { parseCommandLine } from './parser';
import { isNamed } from './query';

export const TYPOGRAPHIC_CODE = 'typographic-character';

/** Title of the action that applies every such fix of a file ({n}: how many, {s}: plural s). */
export const FIX_ALL_TITLE = 'Replace all {n} typographic character{s} in this file';

export interface PlacedCharacter {
  node: TypographicNode;
  place: CharacterPlace;
  replacement: string;
  label: string;
  message: string;
  /** The argument (token) it sits in, if any. */
  token?: Span;
  /** Absent where an edit can't be made safely (a YAML escape, or a quote that would start a YAML scalar). */
  fix?: Fix;
}

/** Value types whose text may legitimately hold a dash (a path, free text, a token). */
const FREE_TEXT = new Set(['path', 'text', 'token']);

/**
 * Asked several times for each line (the rule, the explanation of the other findings, a manifest's
 * readiness results): kept per line while the line lives. A text compared is the same string
 * object for one version, so the comparison costs nothing.
 */
const placedByLine = new WeakMap<CommandLine, { text: string; placed: PlacedCharacter[] }>();

/** The characters of a line worth a finding, with place, replacement, message and fix. */
export function placedCharacters(line: CommandLine, documentText: string): PlacedCharacter[] {
  const known = placedByLine.get(line);
  if (known && known.text === documentText) return known.placed;
  const placed: PlacedCharacter[] = [];
  placedByLine.set(line, { text: documentText, placed });
  const itemAt = itemFinder(line);
  for (const node of line.typographic ?? []) {
    const at = node.span.start;
    const item = itemAt(at);
    const switchPosition = item !== undefined && startOf(documentText, item.span) === at;
    if (node.kind === 'dash' && !switchPosition && !dashMatters(item, at)) continue;
    const place: CharacterPlace = switchPosition && (node.kind === 'dash' || node.replacement === '/') ? 'switch' : 'commandLine';
    const replacement = replacementAt(node, place);
    const label = characterLabel(node);
    const message = `This is ${label}. ${characterEffect(node, place)} ${replacementAdvice(replacement)}`;
    placed.push({ node, place, replacement, label, message, token: item?.span, fix: fixFor(line, documentText, node, replacement, label, item) });
  }
  return placed;
}

/**
 * Finds the innermost item (CCMSETUPCMD content first) whose token holds an offset, for offsets
 * asked in increasing order: one walk over the line's arguments, however many characters it has.
 */
function itemFinder(line: CommandLine): (at: number) => ItemNode | undefined {
  const args = [...line.args].sort((a, b) => a.span.start - b.span.start);
  let next = 0;
  return (at) => {
    while (next < args.length && args[next].span.end <= at) next++;
    const item = args[next];
    if (item && item.span.start <= at) return item;
    return line.wrapper && line.wrapper.span.start <= at && at < line.wrapper.span.end ? line.wrapper : undefined;
  };
}

/** Index of the first character at or after `offset` (characters sorted by offset). */
function firstAtOrAfter(placed: readonly { node: { span: Span } }[], offset: number): number {
  let low = 0;
  let high = placed.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (placed[mid].node.span.start < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The characters (sorted by offset) that lie inside a span. */
export function charactersIn<T extends { node: { span: Span } }>(placed: readonly T[], span: Span): T[] {
  const from = firstAtOrAfter(placed, span.start);
  let to = from;
  while (to < placed.length && placed[to].node.span.start < span.end) to++;
  return placed.slice(from, to);
}

/** A token's first character after an opening quote. */
function startOf(text: string, span: Span): number {
  return text[span.start] === '"' ? span.start + 1 : span.start;
}

/** Inside a token a dash matters in names and in values that are names, addresses, numbers or GUIDs. */
function dashMatters(item: ItemNode | undefined, at: number): boolean {
  if (!item || !isNamed(item)) return false;
  if (item.value && item.value.span.start <= at) return !item.resolved || !FREE_TEXT.has(item.resolved.entry.value.kind);
  return true;
}

function fixFor(line: CommandLine, text: string, node: TypographicNode, replacement: string, label: string, item: ItemNode | undefined): Fix | undefined {
  const at = node.span.start;
  // A YAML escape (\u201C) decodes to the character; the edit would hit the backslash.
  if (text.charCodeAt(at) !== node.code) return undefined;
  let newText = replacement;
  switch (line.embedded) {
    case 'QUOTE_DOUBLE': newText = replacement.replace(/["\\]/g, '\\$&'); break;
    case 'QUOTE_SINGLE': newText = replacement.replace(/'/g, "''"); break;
    case 'PLAIN':
      // These would start a quoted scalar, a comment or a mapping: leave the YAML to the author.
      if ((node.index === 0 && /^["'#]/.test(replacement))
        || (replacement === '#' && /[ \t]/.test(text[at - 1] ?? ''))
        || (replacement === ':' && /[ \t\r\n]|^$/.test(text[at + 1] ?? ''))) return undefined;
      break;
    default:
  }
  const what = replacement === '' ? `Delete ${label}` : `Replace ${label} with ${replacement === ' ' ? 'a space' : replacement}`;
  const word = node.kind === 'lookalike' ? nameWithFix(text, item, at, replacement) : undefined;
  return {
    title: word ? `${what} (${word})` : what,
    edits: [{ span: node.span, newText }],
    preferred: true,
    fixAll: FIX_ALL_TITLE,
  };
}

/** The name a look-alike letter sits in, as it reads once fixed; undefined inside a value (it may be a secret). */
function nameWithFix(text: string, item: ItemNode | undefined, at: number, replacement: string): string | undefined {
  if (!item) return undefined;
  let start = startOf(text, item.span);
  if (text[start] === '/') start++;
  const head = text.slice(start, at);
  if (/[=:"]/.test(head)) return undefined;
  let end = at + 1;
  while (end < item.span.end && !/[=:"\s]/.test(text[end])) end++;
  const name = `${head}${replacement}${text.slice(at + 1, end)}`;
  return name.length <= 40 ? name : undefined;
}

/**
 * Sorts out the other findings of a line that holds flagged characters. The line is fixed (every
 * character replaced) and checked again: a finding whose code the fixed line no longer raises
 * comes from the characters. If it sits on one of them, or inside an argument that holds one, the
 * character finding already says what happens there and it is dropped; elsewhere (CCMHOSTNAME "missing" because a quote glued it to
 * CCMSETUPCMD) it stays, and its message names the characters. A finding that stays after the
 * fix but covers a character names the character too.
 */
export function explainByCharacters(
  line: CommandLine, placed: PlacedCharacter[], found: Problem[],
  recheck: (fixed: CommandLine, fixedText: string, codes: ReadonlySet<string>) => Map<string, number>, catalog: Catalog,
): Problem[] {
  const before = new Map<string, number>();
  for (const problem of found) if (problem.code !== TYPOGRAPHIC_CODE) before.set(problem.code, (before.get(problem.code) ?? 0) + 1);
  if (placed.length === 0 || before.size === 0) return found;
  const fixedText = applyReplacements(line.text, placed);
  const fixed = parseCommandLine(fixedText, { catalog, context: line.contextSource === 'directive' || line.contextSource === 'host' ? line.context : undefined });
  if (line.disabled) fixed.disabled = line.disabled;
  if (line.siteVersion !== undefined) fixed.siteVersion = line.siteVersion;
  // Only the rules that reported on the line are asked again.
  const after = recheck(fixed, fixedText, new Set(before.keys()));

  // Characters by offset, and the distinct arguments they sit in (also by offset): each finding looks both up.
  const sorted = [...placed].sort((a, b) => a.node.span.start - b.node.span.start);
  const tokens: Span[] = [];
  for (const c of sorted) if (c.token && tokens[tokens.length - 1] !== c.token) tokens.push(c.token);
  tokens.sort((a, b) => a.start - b.start);
  const all = names(sorted);
  const kept: Problem[] = [];
  for (const problem of found) {
    if (problem.code === TYPOGRAPHIC_CODE) { kept.push(problem); continue; }
    const covered = charactersIn(sorted, problem.span);
    const inToken = covered.length > 0 || insideOne(tokens, problem.span);
    const remaining = after.get(problem.code) ?? 0;
    const caused = inToken ? remaining < before.get(problem.code)! : remaining === 0;
    if (caused && inToken) continue;
    if (caused) kept.push({ ...problem, message: `${problem.message} This comes from ${all} on this line, which Windows reads differently from how it looks; replace ${placed.length > 1 ? 'them' : 'it'} and this goes away.` });
    else if (covered.length) kept.push({ ...problem, message: `${problem.message} It contains ${names(covered)}.` });
    else kept.push(problem);
  }
  return kept;
}

/** Is the span inside one of these (sorted, non-nested or nested) spans? Binary search to the last start at or before it. */
function insideOne(spans: Span[], span: Span): boolean {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (spans[mid].start <= span.start) low = mid + 1;
    else high = mid;
  }
  // Arguments don't overlap, except a CCMSETUPCMD around its content: look back over at most two.
  for (let i = low - 1; i >= 0 && i >= low - 2; i--) if (spans[i].start <= span.start && span.end <= spans[i].end) return true;
  return false;
}

export function names(placed: readonly PlacedCharacter[]): string {
  const distinct = [...new Set(placed.map((c) => c.label))];
  return distinct.length <= 2 ? distinct.join(' and ') : `${distinct.slice(0, 2).join(', ')} and ${distinct.length - 2} more`;
}

function applyReplacements(text: string, placed: PlacedCharacter[]): string {
  let out = '';
  let last = 0;
  for (const c of [...placed].sort((a, b) => a.node.index - b.node.index)) {
    out += text.slice(last, c.node.index) + c.replacement;
    last = c.node.index + 1;
  }
  return out + text.slice(last);
}
