// Decoded text under construction: each character with the document offset it came from, the
// symbolic parts (values the host supplies) and the string regions a quick fix must be escaped for.
import type { Span } from '../ccmsetup/ast';
import type { SourceMap, SymbolicPart } from './host';

/** How the source around a document offset is written, so a fix can be escaped for it. */
export interface Region { start: number; end: number; style: string }

export class Decoded {
  text = '';
  readonly offsets: number[] = [];
  readonly symbols: SymbolicPart[] = [];
  readonly regions: Region[] = [];

  push(ch: string, at: number): void {
    this.text += ch;
    for (let k = 0; k < ch.length; k++) this.offsets.push(at);
  }

  /** Characters the host adds (a joining space): they point at the nearest source character. */
  pushAdded(ch: string, at: number): void { this.push(ch, at); }

  /** A value the host supplies: the constant when known, else the reference (`$Name`) as a template. */
  pushSymbol(name: string, span: Span, rendered: string, constant?: { value: string; span: Span }): void {
    const start = this.text.length;
    const width = Math.max(1, span.end - span.start);
    for (let k = 0; k < rendered.length; k++) this.push(rendered[k], span.start + Math.min(k, width - 1));
    this.symbols.push({ start, end: this.text.length, name, span, constant });
  }

  append(other: Decoded): void {
    const shift = this.text.length;
    this.text += other.text;
    // A loop, not push(...): a spread of a long line's offsets overflows the call stack.
    for (const at of other.offsets) this.offsets.push(at);
    for (const s of other.symbols) this.symbols.push({ ...s, start: s.start + shift, end: s.end + shift });
    for (const r of other.regions) this.regions.push(r);
  }

  /** The text from `from` on, with its offsets, symbols and regions (a prefix such as `/c ` dropped). */
  slice(from: number): Decoded {
    const out = new Decoded();
    out.text = this.text.slice(from);
    for (let k = from; k < this.offsets.length; k++) out.offsets.push(this.offsets[k]);
    for (const s of this.symbols) if (s.end > from) out.symbols.push({ ...s, start: Math.max(0, s.start - from), end: s.end - from });
    for (const r of this.regions) out.regions.push(r);
    return out;
  }

  region(start: number, end: number, style: string): void {
    if (end > start) this.regions.push({ start, end, style });
  }

  map(): SourceMap { return { text: this.text, offsets: this.offsets }; }
}

/** Whether the character before `at` is an escape character (`, ^) that escapes what follows: an odd run of them. */
export function escapes(text: string, at: number, escape: string): boolean {
  let run = 0;
  while (text[at - 1 - run] === escape) run++;
  return run % 2 === 1;
}

/** Whether `text` holds an odd number of these quote characters: deleting it would unpair a quote. */
export function oddQuotes(text: string, quotes: string): boolean {
  let count = 0;
  for (const ch of text) if (quotes.includes(ch)) count++;
  return count % 2 === 1;
}
