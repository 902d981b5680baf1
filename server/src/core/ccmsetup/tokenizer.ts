// Splits one command line into tokens at spaces and tabs the way cmd and msiexec do: quotes
// group spaces, and inside quotes both \" and "" stand for a literal quote. A <placeholder> is
// kept whole so that template text is reported once, as template text. Never throws.

export interface Token {
  /** Index range in the tokenized text. */
  from: number;
  to: number;
  /** True when a quote opened in this token never closed (the token runs to the line's end). */
  unclosedQuoteAt?: number;
}

export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  // Where the next '>' and '"' are, looked up once and reused while still ahead of i: searching
  // afresh at every '<' would make a line of many '<' quadratic.
  let nextClose = -2;
  let nextQuote = -2;
  let i = from;
  while (i < to) {
    while (i < to && isSpace(text.charCodeAt(i))) i++;
    if (i >= to) break;
    const start = i;
    let unclosedQuoteAt: number | undefined;
    while (i < to && !isSpace(text.charCodeAt(i))) {
      if (text[i] === '"') {
        const open = i;
        i = skipQuoted(text, i + 1, to);
        if (i > to) { unclosedQuoteAt = open; i = to; break; }
      } else if (text[i] === '<') {
        // A template placeholder such as <site code> stays one token, spaces and all.
        if (nextClose !== -1 && nextClose <= i) nextClose = text.indexOf('>', i + 1);
        if (nextQuote !== -1 && nextQuote <= i) nextQuote = text.indexOf('"', i + 1);
        const close = nextClose;
        const quote = nextQuote;
        i = close !== -1 && close < to && (quote === -1 || quote > close) ? close + 1 : i + 1;
      } else {
        i++;
      }
    }
    tokens.push(unclosedQuoteAt === undefined ? { from: start, to: i } : { from: start, to: i, unclosedQuoteAt });
  }
  return tokens;
}

/** From just after an opening quote, returns the index after the closing quote, or to + 1 if none. */
export function skipQuoted(text: string, i: number, to: number): number {
  while (i < to) {
    const ch = text[i];
    if (ch === '\\' && text[i + 1] === '"' && i + 1 < to) { i += 2; continue; }
    if (ch === '"') {
      if (text[i + 1] === '"' && i + 1 < to) { i += 2; continue; }
      return i + 1;
    }
    i++;
  }
  return to + 1;
}

/**
 * The text of a token slice with quotes removed and escaped quotes resolved, plus the source
 * index of each resulting character (only built when quotes were present).
 */
export function unquote(text: string, from: number, to: number): { text: string; indices?: number[] } {
  // Only this slice is searched: a search to the document's end for every value adds up on big files.
  if (!text.slice(from, to).includes('"')) {
    return { text: text.slice(from, to) };
  }
  let out = '';
  const indices: number[] = [];
  let i = from;
  let inQuotes = false;
  while (i < to) {
    const ch = text[i];
    if (inQuotes && ch === '\\' && text[i + 1] === '"' && i + 1 < to) {
      out += '"'; indices.push(i + 1); i += 2; continue;
    }
    if (ch === '"') {
      if (inQuotes && text[i + 1] === '"' && i + 1 < to) {
        out += '"'; indices.push(i + 1); i += 2; continue;
      }
      inQuotes = !inQuotes; i++; continue;
    }
    out += ch; indices.push(i); i++;
  }
  return { text: out, indices };
}

/**
 * The blanks that separate tokens (the same set everywhere that edits or splits a line): space and
 * tab only, as Windows splits a command line (CommandLineToArgvW, the MSVC argv rules). A no-break
 * or ideographic space is an ordinary character there, so the words around it arrive as one.
 */
export function isSpace(code: number): boolean {
  return code === 32 || code === 9;
}

/** Trims spaces and tabs only; String.prototype.trim would also drop a no-break space Windows keeps. */
export function trimBlanks(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}
