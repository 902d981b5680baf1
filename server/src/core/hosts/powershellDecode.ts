// What PowerShell makes of the text of a word, a string or a here-string: backtick escapes, `""`
// and `''`, variables (`$x`, `${x}`, `$env:X`, `$(…)`), with every character's document offset.
// A variable with one constant value in the file contributes that value; any other stays a
// symbolic `$Name` (see host.ts SymbolicPart).
import type { Span } from '../ccmsetup/ast';
import { Decoded } from './decoded';
import { DQ, SQ, skipDouble, skipParen, skipSingle } from './powershellLexer';

export interface Constant { value: string; span: Span }
/** Looks a variable up by its lower-cased name (no `$`, no scope). */
export type Constants = (name: string) => Constant | undefined;

const ESCAPES: Record<string, string> = { '0': '\0', a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };
const SCOPED = /^\$(?:(env|script|global|local|private|using):)?([A-Za-z_][A-Za-z0-9_]*)/i;

/** Reads the variable reference at `i` (a `$`) into `out`; returns the index after it, or i when `$` is literal. */
function variable(text: string, i: number, to: number, out: Decoded, constants: Constants): number {
  const next = text[i + 1];
  if (next === '(') {
    const end = Math.min(to, skipParen(text, i + 1, to));
    const inner = text.slice(i + 2, end - 1).trim().replace(/^\$/, '').replace(/[^\w:.-]+/g, '_') || '_';
    // `$($SiteCode)` is the variable itself: its constant, when the file gives one.
    const only = /^\$\(\s*\$([A-Za-z_]\w*)\s*\)$/.exec(text.slice(i, end));
    const constant = only ? constants(only[1].toLowerCase()) : undefined;
    out.pushSymbol(only ? `$${only[1]}` : text.slice(i, end), { start: i, end }, constant?.value ?? `\${${inner}}`, constant);
    return end;
  }
  if (next === '{') {
    const close = text.indexOf('}', i);
    const end = close === -1 || close >= to ? to : close + 1;
    const name = text.slice(i + 2, end - 1);
    const constant = /^[A-Za-z_]\w*$/.test(name) ? constants(name.toLowerCase()) : undefined;
    out.pushSymbol(text.slice(i, end), { start: i, end }, constant?.value ?? `\${${name.replace(/[{}\s]+/g, '_') || '_'}}`, constant);
    return end;
  }
  const match = SCOPED.exec(text.slice(i, Math.min(to, i + 128)));
  if (!match) return i;
  const end = i + match[0].length;
  const scope = match[1]?.toLowerCase();
  const constant = scope === 'env' || scope === 'using' ? undefined : constants(match[2].toLowerCase());
  out.pushSymbol(match[0], { start: i, end }, constant?.value ?? match[0], constant);
  return end;
}

function escape(text: string, i: number, to: number, out: Decoded): number {
  const n = text[i + 1];
  if (i + 1 >= to) { out.push('`', i); return i + 1; }
  if (n === 'u' && text[i + 2] === '{') {
    const close = text.indexOf('}', i);
    const code = close > 0 && close < to ? Number.parseInt(text.slice(i + 3, close), 16) : NaN;
    if (Number.isFinite(code) && code <= 0x10ffff) { out.push(String.fromCodePoint(code), i); return close + 1; }
  }
  out.push(ESCAPES[n] ?? n, i);
  return i + 2;
}

/** The content of a double-quoted string (between its quotes) or of an expanding here-string. */
export function decodeExpandable(text: string, from: number, to: number, out: Decoded, constants: Constants, here: boolean): void {
  out.region(from, to, here ? 'here-dq' : 'dq');
  let i = from;
  while (i < to) {
    const ch = text[i];
    if (ch === '`') { i = escape(text, i, to, out); continue; }
    // Two quotes are one: PowerShell keeps the second (any of the quote characters may pair).
    if (!here && DQ.includes(ch) && i + 1 < to && DQ.includes(text[i + 1])) { out.push(text[i + 1], i + 1); i += 2; continue; }
    if (ch === '$') {
      const end = variable(text, i, to, out, constants);
      if (end > i) { i = end; continue; }
    }
    out.push(ch, i);
    i++;
  }
}

/** The content of a single-quoted string or of a literal here-string. */
export function decodeLiteral(text: string, from: number, to: number, out: Decoded, here: boolean): void {
  out.region(from, to, here ? 'here-sq' : 'sq');
  for (let i = from; i < to; i++) {
    if (!here && SQ.includes(text[i]) && i + 1 < to && SQ.includes(text[i + 1])) { out.push(text[i + 1], i + 1); i++; continue; }
    out.push(text[i], i);
  }
}

/** Whether the word is one quoted string, nothing before or after it. */
export function isWholeString(text: string, start: number, end: number): 'dq' | 'sq' | undefined {
  if (DQ.includes(text[start]) && skipDouble(text, start, end) === end) return 'dq';
  if (SQ.includes(text[start]) && skipSingle(text, start, end) === end) return 'sq';
  return undefined;
}

/**
 * A word as an argument. Quoted parts inside a bareword (`CCMSETUPCMD="…"`) keep their double
 * quotes, as Windows PowerShell passes them to a native program; a whole quoted string gives its
 * content (`keepQuotes` false).
 */
export function decodeWord(text: string, start: number, end: number, out: Decoded, constants: Constants): void {
  const whole = isWholeString(text, start, end);
  if (whole === 'dq') { decodeExpandable(text, start + 1, end - 1, out, constants, false); return; }
  if (whole === 'sq') { decodeLiteral(text, start + 1, end - 1, out, false); return; }
  let i = start;
  let bareFrom = i;
  const closeBare = () => out.region(bareFrom, i, 'bare');
  while (i < end) {
    const ch = text[i];
    if (DQ.includes(ch)) {
      closeBare();
      const close = skipDouble(text, i, end);
      const closed = close <= end && DQ.includes(text[close - 1]) && close - 1 > i;
      out.push('"', i);
      decodeExpandable(text, i + 1, closed ? close - 1 : close, out, constants, false);
      if (closed) out.push('"', close - 1);
      i = close; bareFrom = i; continue;
    }
    if (SQ.includes(ch)) {
      closeBare();
      const close = skipSingle(text, i, end);
      const closed = close <= end && SQ.includes(text[close - 1]) && close - 1 > i;
      decodeLiteral(text, i + 1, closed ? close - 1 : close, out, false);
      i = close; bareFrom = i; continue;
    }
    if (ch === '`') { i = escape(text, i, end, out); continue; }
    if (ch === '$') {
      const after = variable(text, i, end, out, constants);
      if (after > i) { i = after; continue; }
    }
    out.push(ch, i);
    i++;
  }
  closeBare();
}

/** The script characters just before and after an edit (undefined at the text's ends). */
export interface Edges { before?: string; after?: string }

/** Escapes a quick fix's text for the string style at the edit (see Decoded regions). */
export function encodeFor(style: string | undefined, replacement: string, edges: Edges = {}): string | undefined {
  switch (style) {
    case 'dq': return replacement.replace(/[`"$\u201C\u201D\u201E]/g, '`$&');
    // A quote then @ at a line's start ends a here-string: escaped in @"…"@, refused in @'…'@ (no escapes there).
    case 'here-dq': return replacement.replace(/[`$]|["\u201C-\u201E](?=@)/g, '`$&');
    case 'sq': return replacement.replace(/['\u2018\u2019\u201A\u201B]/g, '$&$&');
    case 'here-sq': return /(?:^|[\r\n])['\u2018-\u201B]@/.test(replacement) ? undefined : replacement;
    case 'bare': return encodeBare(replacement, edges);
    default: return undefined;
  }
}

/**
 * A native command's bare words: a blank stays a blank, which separates arguments as it does in the
 * command line ccmsetup gets (PowerShell joins them with one space); a "…" part stays a
 * double-quoted part, which decodeWord keeps; any other character PowerShell acts on gets a backtick.
 */
/** What PowerShell acts on in a bare word (a blank separates words: handled apart). */
const BARE_SPECIAL = /[`"'$,;(){}|&@#<>\s\u2018-\u201E]/g;

function encodeBare(replacement: string, edges: Edges): string {
  let out = '';
  let open = false;
  let segmentEnd = -1;
  const blank = (c: string | undefined) => c === undefined || c === ' ' || c === '\t' || c === '\n' || c === '\r';
  for (let i = 0; i < replacement.length; i++) {
    const ch = replacement[i];
    // = + . - starting a word read as operators (assignment, sum, dot-sourcing, --% stop-parsing).
    if ('=+.-'.includes(ch) && blank(i === 0 ? edges.before : replacement[i - 1])) { out += `\`${ch}`; continue; }
    const close = ch === '"' ? replacement.indexOf('"', i + 1) : -1;
    // "" alone would be an empty argument, which Windows PowerShell drops: written as two literal quotes.
    if (close === i + 1) { out += '`"`"'; i = close; continue; }
    // Right after another part, "…" would read as its doubled quote: written with literal quotes instead.
    if (close > i && out.length === segmentEnd) { out += `\`"${[...replacement.slice(i + 1, close)].map((c) => (c === ' ' || c === '\t' ? `\`${c}` : bareChar(c))).join('')}\`"`; i = close; continue; }
    if (close > i) { out += `"${encodeFor('dq', replacement.slice(i + 1, close))}"`; i = close; segmentEnd = out.length; continue; }
    // After a quote that isn't closed, blanks are inside the value ccmsetup reads: kept as written.
    if (ch === '"') open = true;
    if ((ch === ' ' || ch === '\t') && !open) out += ch;
    else out += bareChar(ch);
  }
  return out;
}

/** One character of a bare word: a line break as its escape (a backtick before one continues the line). */
const bareChar = (ch: string) => (ch === '\n' ? '`n' : ch === '\r' ? '`r' : ch.replace(BARE_SPECIAL, '`$&'));
