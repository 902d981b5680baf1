// A small PowerShell lexer: just enough to find commands and their arguments. It cuts the text
// into statements (newline, `;`, `|`, braces; a backtick before the newline, an open bracket or a
// trailing comma or operator continues one) and each statement into tokens: words (barewords and
// strings, quoted parts included), here-strings, bracket groups and the few operators that matter.
// Linear: every character is read once; strings and subexpressions are skipped by matching.
// PowerShell accepts typographic quotes as quotes, so they open and close strings here too.

export const DQ = '"\u201C\u201D\u201E';
export const SQ = "'\u2018\u2019\u201A\u201B";

export type PsToken =
  | { kind: 'word'; start: number; end: number }
  | { kind: 'here'; start: number; end: number; expand: boolean; bodyStart: number; bodyEnd: number }
  | { kind: 'group'; start: number; end: number; array: boolean; items: PsToken[] }
  | { kind: 'op'; start: number; end: number; op: string };

export interface PsStatement {
  tokens: PsToken[];
  start: number;
  end: number;
  /** Codes named by a `# comanage-disable-next-line` on the line above. */
  directive?: { text: string; start: number };
}

export interface PsComment { start: number; end: number }

/** Character classes for the hot loops: most characters of a script are none of these. */
const BLANK = 1; const BREAK = 2; const STOP = 4; const SINGLE = 8; const DOUBLE = 16; const TICK = 32; const DOLLAR = 64;
const CLASS = new Uint8Array(0x10000);
for (const ch of ' \t\f\v\u00a0') CLASS[ch.charCodeAt(0)] |= BLANK;
for (const ch of '\r\n') CLASS[ch.charCodeAt(0)] |= BREAK;
for (const ch of ';|,){}') CLASS[ch.charCodeAt(0)] |= STOP;
for (const ch of SQ) CLASS[ch.charCodeAt(0)] |= SINGLE;
for (const ch of DQ) CLASS[ch.charCodeAt(0)] |= DOUBLE;
CLASS[0x60] |= TICK;
CLASS[0x24] |= DOLLAR;

const isBlank = (ch: string | undefined) => ch === ' ' || ch === '\t' || ch === '\f' || ch === '\v' || ch === '\u00a0';
const isBreak = (ch: string | undefined) => ch === '\n' || ch === '\r';
/** Brackets nested deeper than this are read as one word (no recursion on hostile input). */
const MAX_NESTING = 32;
/** Operators after which a newline doesn't end the statement. */
const CONTINUES = new Set([',', '=', '+=', '+', '&']);

/** Skips a single-quoted string from its opening quote; returns the index after the closing one. */
export function skipSingle(text: string, i: number, to = text.length): number {
  i++;
  while (i < to) {
    if ((CLASS[text.charCodeAt(i)] & SINGLE) === 0) { i++; continue; }
    if (SQ.includes(text[i])) {
      if (i + 1 < to && SQ.includes(text[i + 1])) { i += 2; continue; }
      return i + 1;
    }
    i++;
  }
  return to;
}

/** Skips a double-quoted string (backtick escapes, `""`, `$(…)`); returns the index after it. */
export function skipDouble(text: string, i: number, to = text.length): number {
  i++;
  while (i < to) {
    if (CLASS[text.charCodeAt(i)] === 0) { i++; continue; }
    const ch = text[i];
    if (ch === '`') { i += 2; continue; }
    if (ch === '$' && text[i + 1] === '(') { i = skipParen(text, i + 1, to); continue; }
    if (DQ.includes(ch)) {
      if (i + 1 < to && DQ.includes(text[i + 1])) { i += 2; continue; }
      return i + 1;
    }
    i++;
  }
  return to;
}

/** Skips `( … )` from the opening bracket, strings inside included. */
export function skipParen(text: string, i: number, to = text.length): number {
  let depth = 0;
  while (i < to) {
    const ch = text[i];
    if (ch === '(') depth++;
    else if (ch === ')') { depth--; if (depth === 0) return i + 1; }
    else if (SQ.includes(ch)) { i = skipSingle(text, i, to); continue; }
    else if (DQ.includes(ch)) { i = skipDouble(text, i, to); continue; }
    else if (ch === '`') { i += 2; continue; }
    else if (ch === '#' && (i === 0 || isBlank(text[i - 1]) || isBreak(text[i - 1]))) { while (i < to && !isBreak(text[i])) i++; continue; }
    i++;
  }
  return to;
}

/** The here-string starting at `i` (`@"` or `@'` then a line break), or undefined. */
function hereString(text: string, i: number): Extract<PsToken, { kind: 'here' }> | undefined {
  const quote = text[i + 1];
  if (text[i] !== '@' || (!DQ.includes(quote) && !SQ.includes(quote))) return undefined;
  let j = i + 2;
  while (isBlank(text[j])) j++;
  if (!isBreak(text[j])) return undefined;
  const bodyStart = text[j] === '\r' && text[j + 1] === '\n' ? j + 2 : j + 1;
  const expand = DQ.includes(quote);
  const closers = expand ? DQ : SQ;
  // The closing quote-@ stands at the start of a line.
  let lineStart = bodyStart;
  while (lineStart <= text.length) {
    if (closers.includes(text[lineStart]) && text[lineStart + 1] === '@') {
      let bodyEnd = lineStart - 1;
      if (bodyEnd >= bodyStart && text[bodyEnd] === '\n') { if (text[bodyEnd - 1] === '\r') bodyEnd--; } else bodyEnd = lineStart;
      return { kind: 'here', start: i, end: lineStart + 2, expand, bodyStart, bodyEnd: Math.max(bodyStart, bodyEnd) };
    }
    const next = text.indexOf('\n', lineStart);
    if (next === -1) break;
    lineStart = next + 1;
  }
  return { kind: 'here', start: i, end: text.length, expand, bodyStart, bodyEnd: text.length };
}

/** Reads one word from `i`: until a blank, a break or `;|,){}` outside quotes. */
function readWord(text: string, i: number, to: number): number {
  while (i < to) {
    const c = CLASS[text.charCodeAt(i)];
    if (c === 0) { i++; continue; }
    const ch = text[i];
    if (isBlank(ch) || isBreak(ch) || ch === ';' || ch === '|' || ch === ',' || ch === ')' || ch === '{' || ch === '}') return i;
    if (SQ.includes(ch)) { i = skipSingle(text, i, to); continue; }
    if (DQ.includes(ch)) { i = skipDouble(text, i, to); continue; }
    if (ch === '`') {
      if (isBreak(text[i + 1])) return i;
      i += 2; continue;
    }
    if (ch === '$' && text[i + 1] === '(') { i = skipParen(text, i + 1, to); continue; }
    if (ch === '$' && text[i + 1] === '{') { const close = text.indexOf('}', i); i = close === -1 ? to : close + 1; continue; }
    i++;
  }
  return Math.min(i, to);
}

export function lexPowerShell(text: string): { statements: PsStatement[]; comments: PsComment[] } {
  return lexRange(text, 0, () => false);
}

/** What one run of the lexer read: from a checkpoint to the one where it stopped (or the end). */
export interface LexedRange {
  statements: PsStatement[];
  comments: PsComment[];
  /**
   * Checkpoints passed, in order: offsets just after a line break where the lexer stands between
   * statements at the top level with nothing carried over (no open bracket, string or
   * continuation, no directive comment on the line before). What follows a checkpoint is lexed
   * the same whatever came before it, so lexing can stop and resume there (hosts/psLexCache.ts).
   */
  checkpoints: number[];
  /** Where it stopped: a checkpoint, or the end of the text. */
  stop: number;
}

/**
 * Lexes from `from` (0 or a checkpoint) until a checkpoint for which `stopAt` says yes, or the
 * end of the text. Every character is read once.
 */
export function lexRange(text: string, from: number, stopAt: (checkpoint: number) => boolean): LexedRange {
  const statements: PsStatement[] = [];
  const comments: PsComment[] = [];
  const checkpoints: number[] = [];
  let stop = -1;
  let tokens: PsToken[] = [];
  let start = 0;
  let pending: PsStatement['directive'];
  let directive: PsStatement['directive'];
  let lastCommentLine = -1;
  let lineNo = 0;

  const end = (at: number) => {
    if (tokens.length) statements.push({ tokens, start, end: at, directive });
    tokens = [];
    directive = undefined;
  };
  const push = (token: PsToken) => {
    if (!tokens.length) {
      start = token.start;
      // A directive counts for the statement on the very next line.
      directive = lastCommentLine === lineNo - 1 ? pending : undefined;
      pending = undefined;
    }
    tokens.push(token);
  };

  const tokensOf = (i: number, to: number, inGroup: boolean, out: (t: PsToken) => void, depth = 0): number => {
    while (i < to) {
      const ch = text[i];
      if (isBlank(ch)) { i++; continue; }
      if (isBreak(ch)) {
        if (ch === '\n') lineNo++;
        // Inside @( … ) or ( … ), a line break separates elements, like a comma.
        if (inGroup) out({ kind: 'op', start: i, end: i, op: ',' });
        const last = inGroup ? undefined : tokens[tokens.length - 1];
        if (!inGroup && !(last?.kind === 'op' && CONTINUES.has(last.op))) end(i);
        i++;
        if (!inGroup && ch === '\n' && !tokens.length && !(pending && lastCommentLine === lineNo - 1)) {
          checkpoints.push(i);
          if (stopAt(i)) { stop = i; return i; }
        }
        continue;
      }
      if (ch === '`' && isBreak(text[i + 1])) {
        i += text[i + 1] === '\r' && text[i + 2] === '\n' ? 3 : 2;
        lineNo++;
        continue;
      }
      if (ch === '<' && text[i + 1] === '#') {
        const close = text.indexOf('#>', i + 2);
        const stop = close === -1 ? to : close + 2;
        for (let k = i; k < stop; k++) if (text[k] === '\n') lineNo++;
        comments.push({ start: i, end: stop });
        i = stop; continue;
      }
      if (ch === '#') {
        let e = i;
        while (e < to && !isBreak(text[e])) e++;
        comments.push({ start: i, end: e });
        if (!inGroup && !tokens.length) { pending = { text: text.slice(i, e), start: i }; lastCommentLine = lineNo; }
        i = e; continue;
      }
      if (inGroup && ch === ')') return i;
      if (ch === ';' || ch === '|' || ch === '{' || ch === '}' || (ch === '&' && text[i + 1] === '&')) {
        if (inGroup) { if (ch === ';') out({ kind: 'op', start: i, end: i, op: ',' }); i++; continue; }
        end(i); i += ch === '&' ? 2 : 1; continue;
      }
      if (ch === ')') { i++; continue; }
      const here = hereString(text, i);
      if (here) {
        for (let k = here.start; k < here.end; k++) if (text[k] === '\n') lineNo++;
        out(here); i = here.end; continue;
      }
      if (ch === '(' || (ch === '@' && text[i + 1] === '(')) {
        const open = ch === '@' ? i + 1 : i;
        if (depth >= MAX_NESTING) {
          // Deeper than any real script: skipped whole, without recursion.
          const stop = Math.min(to, skipParen(text, open, to));
          out({ kind: 'word', start: i, end: stop }); i = stop; continue;
        }
        const items: PsToken[] = [];
        const close = tokensOf(open + 1, to, true, (t) => items.push(t), depth + 1);
        const stop = Math.min(to, close + 1);
        out({ kind: 'group', start: i, end: stop, array: ch === '@', items });
        i = stop; continue;
      }
      if (ch === '@' && text[i + 1] === '{') {
        let depth = 0; let k = i + 1;
        for (; k < to; k++) {
          if (text[k] === '{') depth++;
          else if (text[k] === '}' && --depth === 0) { k++; break; }
          else if (text[k] === '\n') lineNo++;
        }
        out({ kind: 'word', start: i, end: k }); i = k; continue;
      }
      if (ch === ',') { out({ kind: 'op', start: i, end: i + 1, op: ',' }); i++; continue; }
      if (ch === '=' ) { out({ kind: 'op', start: i, end: i + 1, op: '=' }); i++; continue; }
      if ((ch === '+' || ch === '-') && text[i + 1] === '=') { out({ kind: 'op', start: i, end: i + 2, op: `${ch}=` }); i += 2; continue; }
      if (ch === '+' && (isBlank(text[i + 1]) || isBreak(text[i + 1]))) { out({ kind: 'op', start: i, end: i + 1, op: '+' }); i++; continue; }
      if ((ch === '&' || ch === '.') && (isBlank(text[i + 1]) || DQ.includes(text[i + 1]) || SQ.includes(text[i + 1]) || text[i + 1] === '$')) {
        out({ kind: 'op', start: i, end: i + 1, op: ch }); i++; continue;
      }
      const e = readWord(text, i, to);
      if (e === i) { i++; continue; }
      out({ kind: 'word', start: i, end: e });
      i = e;
    }
    return to;
  };

  tokensOf(from, text.length, false, push);
  if (stop === -1) {
    end(text.length);
    stop = text.length;
  }
  return { statements, comments, checkpoints, stop };
}
