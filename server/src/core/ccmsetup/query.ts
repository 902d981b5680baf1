// Small questions rules ask about a command line: is an entry there, what is its value, is an
// address a CMG. Shared so that no rule re-implements a lookup.
import { distance } from 'fastest-levenshtein';
import { CatalogEntry } from '../catalog';
import { CommandLine, ItemNode, ParameterNode, PropertyNode, Span } from './ast';
import { isSpace, trimBlanks } from './tokenizer';

export type NamedItem = ParameterNode | PropertyNode;

export function isNamed(item: ItemNode): item is NamedItem {
  return item.type === 'parameter' || item.type === 'property';
}

/**
 * An entry's text for a fix that copies it (`part` 'value': its value only). A script's host
 * escapes every fix for where it lands (hosts/embed.ts), so there it is the text ccmsetup receives;
 * elsewhere a fix goes in as written, so it is the source (a YAML escape stays escaped).
 */
export function copiedText(line: CommandLine, item: NamedItem, text: string, part: 'entry' | 'value' = 'entry'): string {
  if (line.contextSource !== 'host') {
    const span = part === 'value' ? item.value?.span : item.span;
    return span ? text.slice(span.start, span.end) : '';
  }
  const value = item.value?.raw ?? '';
  return part === 'value' ? value : `${item.type === 'parameter' ? '/' : ''}${item.name}${item.separator?.char ?? ''}${value}`;
}

/** The arguments ccmsetup receives that resolve to a documented entry named `name` (any spelling). */
export function findAll(line: CommandLine, name: string): NamedItem[] {
  return line.args.filter((a): a is NamedItem => isEntry(a, name));
}

/** Rules ask this for every policy's line, many times over: no array, no case folding unless the lengths match. */
export function find(line: CommandLine, name: string): NamedItem | undefined {
  for (const item of line.args) if (isEntry(item, name)) return item;
  return undefined;
}

function isEntry(item: ItemNode, name: string): item is NamedItem {
  const entryName = isNamed(item) ? item.resolved?.entry.name : undefined;
  return entryName !== undefined && entryName.length === name.length && (entryName === name || entryName.toUpperCase() === name.toUpperCase());
}

export function has(line: CommandLine, name: string): boolean {
  return find(line, name) !== undefined;
}

/** The unquoted value of the first occurrence of an entry, upper-cased for comparisons. */
export function valueOf(line: CommandLine, name: string): string | undefined {
  const text = find(line, name)?.value?.text;
  return text === undefined ? undefined : trimBlanks(text).toUpperCase();
}

export function entryOf(item: NamedItem): CatalogEntry | undefined {
  return item.resolved?.entry;
}

/** The CMG address forms: the proxy path the site publishes, or a cloudapp.net / cloudapp.azure.com service name. */
const CMG_ADDRESS = /\.cloudapp\.(net|azure\.com)(\/|$)|\/CCM_Proxy_(MutualAuth|ServerAuth)\//i;

export function isCmgAddress(value: string): boolean {
  return CMG_ADDRESS.test(value);
}

/** Does the line install through a cloud management gateway? */
export function targetsCmg(line: CommandLine): boolean {
  const mp = find(line, 'mp')?.value?.text ?? '';
  const host = find(line, 'CCMHOSTNAME')?.value?.text ?? '';
  return isCmgAddress(mp) || isCmgAddress(host) || has(line, 'regtoken');
}

/** Where to report a problem that concerns the whole line: the wrapper's name, else the program, else the first token. */
export function lineAnchor(line: CommandLine): Span {
  if (line.wrapper) return line.wrapper.nameSpan;
  if (line.program) return line.program.span;
  return line.items[0]?.span ?? line.span;
}

/** A deletion of an item together with the blank before it, so no double space remains. */
export function deletionSpan(text: string, span: Span): Span {
  const blank = (i: number) => i >= 0 && i < text.length && isSpace(text.charCodeAt(i));
  let start = span.start;
  while (start > 0 && blank(start - 1)) start--;
  if (start === span.start || text[start - 1] === '\n' || start === 0) {
    // First item on the line: eat the blank after it instead.
    let end = span.end;
    while (blank(end)) end++;
    return { start: span.start, end };
  }
  return { start, end: span.end };
}

/** Joins deletions that touch or overlap, so one fix never carries overlapping edits. */
export function mergeSpans(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

/**
 * Is this item a bulk registration token, or most likely meant as one? The documented /regtoken,
 * and misspellings or property forms of it (REGTOKEN=, /regtokn:), whose values are just as secret.
 */
export function isTokenItem(item: ItemNode): boolean {
  if (!isNamed(item)) return false;
  if (item.resolved) return item.resolved.entry.value.kind === 'token';
  return item.name.length >= 6 && item.name.length <= 10 && distance(item.name.toLowerCase(), 'regtoken') <= 2;
}

/**
 * The values on a line that may be secrets: those of token items, and the word right after a
 * /regtoken written without a value (`/regtoken <token>` with a space instead of the colon).
 */
export function secretValues(line: CommandLine): string[] {
  const secrets: string[] = [];
  const items = line.args;
  items.forEach((item, index) => {
    if (!isTokenItem(item) || !isNamed(item)) return;
    if (item.value?.text) secrets.push(item.value.text, item.value.raw);
    const next = items[index + 1];
    if (!item.value && next?.type === 'stray') secrets.push(next.text);
  });
  // And whatever follows "regtoken" anywhere in the text, even where the parser saw no parameter
  // (inside a stray quoted word, say): a message may quote that text.
  for (const match of line.text.matchAll(REGTOKEN_IN_TEXT)) secrets.push(match[1]);
  return secrets;
}

// The value is captured in a lookahead so that "REGTOKEN= /regtoken:x" yields both candidates.
const REGTOKEN_IN_TEXT = /regtok[a-z]*[\s:="]{0,4}(?=([^\s"]{4,}))/gi;
