// Parses a ccmsetup file: one command line per non-empty line, `#` starts a comment line.
// Returns a tree with document offsets and never throws. Also used for a single command line
// embedded elsewhere (a YAML string) through `parseCommandLine` with an offset map.
import { Catalog, defaultCatalog } from '../catalog';
import {
  CcmsetupDocument, CommandLine, CommentNode, ItemNode, LINE_CONTEXTS, LineContext, ParameterNode,
  ParseProblem, ProgramNode, PropertyNode, Span, ValueNode,
} from './ast';
import type { LineCache } from './lineCache';
import { Steps, drain, due, work } from '../steps';
import { withLineFeeds } from '../lineBreaks';
import { disabledCodes, readDirective } from '../directives';
import { Token, isSpace, tokenize, unquote } from './tokenizer';
import { findTypographic, mayHoldTypographic } from '../text/typographic';

/** Maps an index in the text being parsed to a document offset. */
export type OffsetMap = (index: number) => number;
const identity: OffsetMap = (i) => i;

const MSIEXEC_SWITCH = /^[/-](i|x|a|j|q[nbrf]?[+-]?|quiet|passive|norestart|forcerestart|promptrestart|l[*iwearucmopvx+!]*|log|package|uninstall|update)$/i;
/** The msiexec options whose next argument is a file (the log). */
const MSIEXEC_LOG = /^[/-](l[*iwearucmopvx+!]*|log)$/i;
const PROPERTY_NAME = /^[A-Za-z_][A-Za-z0-9_.]*$/;

export interface ParseOptions {
  catalog?: Catalog;
  /** Context for lines that neither a directive nor their own text places. */
  defaultContext?: LineContext;
  /** Lines parsed for the document's previous version, reused when unchanged. */
  lines?: LineCache;
  /**
   * A longer command line is not checked (limits.ts), so only this much of it is read into items:
   * its span and text stay whole, and a megabyte on one line costs no more than a checked line.
   */
  maxLineLength?: number;
}

export function parseCcmsetupDocument(text: string, options: ParseOptions = {}): CcmsetupDocument {
  return drain(parseCcmsetupDocumentSteps(text, options));
}

/** Work units (steps.ts) per character a command line's parse reads (tokens, items, values), and per line. */
export const PARSE_UNITS_PER_CHAR = 6;
const PARSE_UNITS_PER_LINE = 2000;

export function* parseCcmsetupDocumentSteps(source: string, options: ParseOptions = {}): Steps<CcmsetupDocument> {
  // A lone \r ends a line for the editor's positions, so it ends a command line too.
  const text = withLineFeeds(source);
  const catalog = options.catalog ?? defaultCatalog;
  const lines: CommandLine[] = [];
  const comments: CommentNode[] = [];
  let context: LineContext | undefined = options.defaultContext === 'unknown' ? undefined : options.defaultContext;
  let disabled: Set<string> | undefined;
  let siteVersion: number | undefined;

  let lineStart = 0;
  while (lineStart <= text.length) {
    // A pause between lines, never inside one: a command line (at most MAX_LINE_LENGTH checked,
    // but any length parsed) is one unit of work.
    if (due()) yield;
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    const next = lineEnd + 1;
    // Finding a line's end and blanks is a fast scan (indexOf): an eighth of a unit per character.
    work((lineEnd - lineStart) / 8 + 16);
    let contentEnd = lineEnd > lineStart && text[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd;
    let contentStart = lineStart;
    // A byte order mark is skipped at the start of the file only; anywhere else Windows receives it.
    if (lineStart === 0 && text.charCodeAt(0) === 0xfeff) contentStart++;
    while (contentStart < contentEnd && isSpace(text.charCodeAt(contentStart))) contentStart++;
    while (contentEnd > contentStart && isSpace(text.charCodeAt(contentEnd - 1))) contentEnd--;

    if (contentStart < contentEnd) {
      if (text[contentStart] === '#') {
        const commentText = text.slice(contentStart, contentEnd);
        comments.push({ span: { start: contentStart, end: contentEnd }, text: commentText });
        const directive = readDirective(commentText);
        if (directive) {
          const { verb, argument } = directive;
          if (verb === 'disable-next-line') {
            // Several directives above one line add up.
            disabled = disabled ? new Set([...disabled, ...disabledCodes(directive)]) : disabledCodes(directive);
          } else if (verb === 'context') {
            const value = argument.toLowerCase() as LineContext;
            if (LINE_CONTEXTS.includes(value)) context = value === 'unknown' ? undefined : value;
          } else if (verb === 'site-version') {
            const version = Number.parseInt(argument, 10);
            siteVersion = Number.isFinite(version) ? version : undefined;
          }
        }
      } else {
        const lineDisabled = disabled;
        const lineSiteVersion = siteVersion;
        const parse = () => {
          const line = parseCommandLine(text, { from: contentStart, to: contentEnd, catalog, context, readTo: options.maxLineLength === undefined ? undefined : contentStart + options.maxLineLength });
          if (lineDisabled) line.disabled = lineDisabled;
          if (lineSiteVersion !== undefined) line.siteVersion = lineSiteVersion;
          return line;
        };
        if (options.lines) {
          // The key holds what the parse and the checks read: the physical line and the directives in force.
          const physical = text.slice(lineStart, lineEnd);
          const key = context || lineDisabled || lineSiteVersion !== undefined
            ? `${context ?? ''}\u0001${lineDisabled ? [...lineDisabled].join(',') : ''}\u0001${lineSiteVersion ?? ''}\u0001${physical}`
            : physical;
          lines.push(options.lines.line(key, lineStart, parse));
        } else lines.push(parse());
        disabled = undefined;
      }
    }
    lineStart = next;
  }
  return { text, lines, comments };
}

export interface LineOptions {
  from?: number;
  to?: number;
  catalog?: Catalog;
  /** A context stated by the file (directive) or by the host (a YAML policy says Intune). */
  context?: LineContext;
  /** Maps indices of `text` to document offsets (for text unescaped from a YAML or CCMSETUPCMD string). */
  map?: OffsetMap;
  /** Parsing the inside of CCMSETUPCMD: no program token, no further wrapping. */
  nested?: boolean;
  /** Items are read up to here (at most `to`); the line's span and text still run to `to`. */
  readTo?: number;
}

/** Parses one command line. `text` is only read between `from` and `to`. */
export function parseCommandLine(text: string, options: LineOptions = {}): CommandLine {
  const from = options.from ?? 0;
  const to = options.to ?? text.length;
  const catalog = options.catalog ?? defaultCatalog;
  const map = options.map ?? identity;
  const spanOf = (a: number, b: number): Span => ({ start: map(a), end: b > a ? map(b - 1) + 1 : map(a) });
  const readTo = Math.min(to, options.readTo ?? to);
  if (!options.nested) work((readTo - from) * PARSE_UNITS_PER_CHAR + PARSE_UNITS_PER_LINE);

  const tokens = tokenize(text, from, readTo);
  const problems: ParseProblem[] = [];
  const launcher: Span[] = [];
  let program: ProgramNode | undefined;

  let first = 0;
  if (!options.nested) {
    // A program token may follow a launcher (msiexec /i, start /wait, a folder path).
    const limit = Math.min(tokens.length, 6);
    for (let t = 0; t < limit; t++) {
      const kind = programKind(text, tokens[t]);
      if (kind) {
        for (let p = 0; p < t; p++) launcher.push(spanOf(tokens[p].from, tokens[p].to));
        program = { span: spanOf(tokens[t].from, tokens[t].to), kind, text: text.slice(tokens[t].from, tokens[t].to) };
        first = t + 1;
        break;
      }
    }
  }

  const items: ItemNode[] = [];
  for (let t = first; t < tokens.length; t++) {
    const token = tokens[t];
    if (token.unclosedQuoteAt !== undefined) {
      problems.push({ code: 'unbalanced-quote', span: spanOf(token.unclosedQuoteAt, token.to) });
    }
    const item = classify(text, token, catalog, spanOf, map, program?.kind === 'msi');
    items.push(item);
    // msiexec's logging option takes the log file as its next argument (`/l*v "C:\x.log"`).
    if (item.type === 'installerOption' && MSIEXEC_LOG.test(item.text) && t + 1 < tokens.length) {
      const file = tokens[++t];
      items.push({ type: 'installerOption', span: spanOf(file.from, file.to), text: text.slice(file.from, file.to) });
    }
  }

  let context: LineContext = options.context ?? 'unknown';
  let contextSource: CommandLine['contextSource'] = options.context ? 'directive' : 'default';
  if (!options.context && program) { context = program.kind; contextSource = 'program'; }

  // CCMSETUPCMD carries the real arguments; parse its content as a nested command line.
  let wrapper: PropertyNode | undefined;
  if (!options.nested) {
    for (const item of items) {
      if (item.type === 'property' && item.name.toUpperCase() === 'CCMSETUPCMD' && item.value) {
        wrapper = item;
        const value = item.value;
        const innerMap: OffsetMap = value.offsets ? (i) => value.offsets![i] : (i) => value.span.start + (value.quoted ? 1 : 0) + i;
        item.inner = parseCommandLine(value.text, { catalog, map: innerMap, nested: true, context: 'msi' });
        break;
      }
    }
    if (wrapper && contextSource === 'default') { context = 'intune'; contextSource = 'wrapper'; }
  }

  const args: ItemNode[] = [];
  if (wrapper?.inner) args.push(...wrapper.inner.args);
  for (const item of items) if (item !== wrapper) args.push(item);
  if (wrapper?.inner) problems.push(...wrapper.inner.problems);

  const line: CommandLine = {
    span: spanOf(from, to),
    text: text.slice(from, to),
    context,
    contextSource,
    launcher,
    program,
    items,
    wrapper,
    args,
    problems,
  };
  // Found once, on the outer line: a CCMSETUPCMD's content is part of its text.
  if (!options.nested && mayHoldTypographic(text, from, to)) {
    const found = findTypographic(text, from, to);
    if (found.length) line.typographic = found.map((c) => ({ ...c, index: c.index - from, span: spanOf(c.index, c.index + 1) }));
  }
  return line;
}

function programKind(text: string, token: Token): 'exe' | 'msi' | undefined {
  const raw = text.slice(token.from, token.to).replace(/"/g, '');
  if (raw.startsWith('/') || raw.includes('=')) return undefined;
  const base = raw.slice(Math.max(raw.lastIndexOf('\\'), raw.lastIndexOf('/')) + 1).toLowerCase();
  if (base === 'ccmsetup.exe' || base === 'ccmsetup') return 'exe';
  if (base === 'ccmsetup.msi') return 'msi';
  return undefined;
}

function classify(
  text: string, token: Token, catalog: Catalog,
  spanOf: (a: number, b: number) => Span, map: OffsetMap, onMsiLine: boolean,
): ItemNode {
  const raw = text.slice(token.from, token.to);
  const span = spanOf(token.from, token.to);

  if (raw[0] === '/') {
    const sep = firstUnquoted(text, token.from + 1, token.to, ':=');
    const nameEnd = sep === -1 ? token.to : sep;
    const name = text.slice(token.from + 1, nameEnd);
    if (onMsiLine && sep === -1 && MSIEXEC_SWITCH.test(raw)) return { type: 'installerOption', span, text: raw };
    const node: ParameterNode = { type: 'parameter', span, name, nameSpan: spanOf(token.from, nameEnd) };
    node.resolved = catalog.find('parameter', name);
    if (sep !== -1) {
      node.separator = { char: text[sep] as ':' | '=', span: spanOf(sep, sep + 1) };
      node.value = valueNode(text, sep + 1, token.to, spanOf, map);
    }
    return node;
  }

  const eq = firstUnquoted(text, token.from, token.to, '=');
  if (eq > token.from) {
    const name = text.slice(token.from, eq);
    if (PROPERTY_NAME.test(name)) {
      return propertyNode(name, span, spanOf(token.from, eq), { char: '=', span: spanOf(eq, eq + 1) },
        valueNode(text, eq + 1, token.to, spanOf, map), catalog);
    }
  }

  // `SMSSITECODE:ABC` — a documented property written with a parameter's colon.
  const colon = firstUnquoted(text, token.from, token.to, ':');
  if (colon > token.from) {
    const name = text.slice(token.from, colon);
    if (catalog.find('property', name)) {
      return propertyNode(name, span, spanOf(token.from, colon), { char: ':', span: spanOf(colon, colon + 1) },
        valueNode(text, colon + 1, token.to, spanOf, map), catalog);
    }
  }

  // A bare word: a documented property written without a value, or a stray token.
  if (PROPERTY_NAME.test(raw) && catalog.find('property', raw)) {
    return propertyNode(raw, span, span, undefined, undefined, catalog);
  }
  return { type: 'stray', span, text: raw };
}

function propertyNode(
  name: string, span: Span, nameSpan: Span, separator: PropertyNode['separator'],
  value: ValueNode | undefined, catalog: Catalog,
): PropertyNode {
  const node: PropertyNode = { type: 'property', span, name, nameSpan };
  node.resolved = catalog.find('property', name);
  if (separator) node.separator = separator;
  if (value) node.value = value;
  return node;
}

function valueNode(text: string, from: number, to: number, spanOf: (a: number, b: number) => Span, map: OffsetMap): ValueNode {
  const raw = text.slice(from, to);
  const unquoted = unquote(text, from, to);
  const node: ValueNode = { raw, text: unquoted.text, span: spanOf(from, to), quoted: raw.startsWith('"') };
  const offsets = unquoted.indices ? unquoted.indices.map(map)
    : map !== identity ? Array.from({ length: unquoted.text.length }, (_, i) => map(from + i)) : undefined;
  // Kept only where characters don't follow each other in the document (escapes, quotes, YAML folding):
  // thousands of embedded command lines would otherwise hold a number per character.
  if (offsets && !follows(offsets, node.span.start + (node.quoted ? 1 : 0))) node.offsets = offsets;
  return node;
}

function follows(offsets: number[], base: number): boolean {
  if (offsets.length === 0) return false;
  for (let i = 0; i < offsets.length; i++) if (offsets[i] !== base + i) return false;
  return true;
}

/** Index of the first of `chars` outside quotes, or -1. */
function firstUnquoted(text: string, from: number, to: number, chars: string): number {
  let inQuotes = false;
  for (let i = from; i < to; i++) {
    const ch = text[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && chars.includes(ch)) return i;
  }
  return -1;
}


/** Document span of characters [a, b) of a value's unquoted text. */
export function valueSubSpan(value: ValueNode, a: number, b: number): Span {
  if (!value.offsets) {
    const base = value.span.start + (value.quoted ? 1 : 0);
    return { start: base + a, end: base + b };
  }
  if (value.offsets.length === 0) return value.span;
  const start = value.offsets[Math.min(a, value.offsets.length - 1)];
  const end = b > a ? value.offsets[Math.min(b - 1, value.offsets.length - 1)] + 1 : start;
  return { start, end };
}
