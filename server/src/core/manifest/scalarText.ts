// Decodes a YAML string scalar from its source while recording where each character came from,
// so findings inside an embedded command line point at the right characters of the YAML file.
// Handles plain, single-quoted, double-quoted, literal (|) and folded (>) scalars. The result is
// checked against the yaml package's own decoding; if they differ, offsets fall back to a linear
// estimate and `exact` is false.
import type { Span } from '../ccmsetup/ast';
import type { ScalarStyle } from './ast';

export interface ScalarText {
  text: string;
  /** Document offset of each character of `text`. */
  offsets: number[];
  exact: boolean;
}

export function decodeScalar(source: string, node: { value: unknown; style: ScalarStyle; textSpan: Span }): ScalarText | undefined {
  if (typeof node.value !== 'string') return undefined;
  const { start, end } = node.textSpan;
  const out: { chars: string[]; offsets: number[] } = { chars: [], offsets: [] };
  switch (node.style) {
    case 'QUOTE_SINGLE': flow(source, start + 1, end - 1, out, 'single'); break;
    case 'QUOTE_DOUBLE': flow(source, start + 1, end - 1, out, 'double'); break;
    case 'BLOCK_LITERAL': case 'BLOCK_FOLDED': block(source, start, end, out, node.style === 'BLOCK_FOLDED'); break;
    default: flow(source, start, end, out, 'plain');
  }
  let text = out.chars.join('');
  let offsets = out.offsets;
  // Block chomping only changes trailing line breaks: align them with the parser's value.
  while (text.length > node.value.length && text.endsWith('\n') && node.value.startsWith(text.slice(0, -1)) === true && text.slice(0, -1).length >= node.value.length) {
    text = text.slice(0, -1); offsets = offsets.slice(0, -1);
  }
  while (text.length < node.value.length && node.value.startsWith(text) && node.value.slice(text.length).split('').every((c) => c === '\n')) {
    text += '\n'; offsets = [...offsets, Math.max(start, end - 1)];
  }
  if (text === node.value) return { text, offsets, exact: true };
  const value = node.value;
  const width = Math.max(1, end - start);
  return { text: value, offsets: Array.from({ length: value.length }, (_, i) => start + Math.min(width - 1, Math.floor((i * width) / Math.max(1, value.length)))), exact: false };
}

function flow(source: string, from: number, to: number, out: { chars: string[]; offsets: number[] }, style: 'plain' | 'single' | 'double'): void {
  let i = from;
  const push = (ch: string, at: number) => { out.chars.push(ch); out.offsets.push(at); };
  while (i < to) {
    const ch = source[i];
    if (ch === '\r' || ch === '\n') {
      // Line folding: trailing blanks go, the break becomes a space, or n-1 breaks for n breaks.
      while (out.chars.length && (out.chars[out.chars.length - 1] === ' ' || out.chars[out.chars.length - 1] === '\t') && out.offsets[out.offsets.length - 1] >= from) {
        out.chars.pop(); out.offsets.pop();
      }
      const breakAt = i;
      let breaks = 0;
      while (i < to && /[\r\n \t]/.test(source[i])) {
        if (source[i] === '\n') breaks++;
        i++;
      }
      if (breaks <= 1) push(' ', breakAt);
      else for (let b = 1; b < breaks; b++) push('\n', breakAt);
      continue;
    }
    if (style === 'single' && ch === "'" && source[i + 1] === "'") { push("'", i + 1); i += 2; continue; }
    if (style === 'double' && ch === '\\') {
      const next = source[i + 1];
      if (next === '\n' || next === '\r') {
        i += 1;
        while (i < to && /[\r\n \t]/.test(source[i])) i++;
        continue;
      }
      const simple: Record<string, string> = { n: '\n', t: '\t', '\\': '\\', '"': '"', '/': '/', ' ': ' ', '0': '\0', r: '\r', b: '\b', e: '\x1b', a: '\x07', f: '\f', v: '\v', N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029', '\t': '\t' };
      if (next in simple) { push(simple[next], i); i += 2; continue; }
      const width = next === 'x' ? 2 : next === 'u' ? 4 : next === 'U' ? 8 : 0;
      if (width) {
        const code = Number.parseInt(source.slice(i + 2, i + 2 + width), 16);
        const decoded = Number.isFinite(code) ? String.fromCodePoint(code) : '';
        for (const unit of decoded.split('')) push(unit, i);
        i += 2 + width;
        continue;
      }
    }
    push(ch, i);
    i++;
  }
}

function block(source: string, from: number, to: number, out: { chars: string[]; offsets: number[] }, folded: boolean): void {
  const headerEnd = source.indexOf('\n', from);
  if (headerEnd === -1 || headerEnd >= to) return;
  const header = source.slice(from, headerEnd);
  const explicit = /[1-9]/.exec(header);
  const lines: { start: number; end: number }[] = [];
  let lineStart = headerEnd + 1;
  while (lineStart < to) {
    let lineEnd = source.indexOf('\n', lineStart);
    if (lineEnd === -1 || lineEnd > to) lineEnd = to;
    lines.push({ start: lineStart, end: source[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd });
    lineStart = lineEnd + 1;
  }
  const indentOf = (l: { start: number; end: number }) => {
    let n = 0;
    while (l.start + n < l.end && source[l.start + n] === ' ') n++;
    return n;
  };
  const firstContent = lines.find((l) => indentOf(l) < l.end - l.start);
  const indent = explicit ? Number(explicit[0]) : firstContent ? indentOf(firstContent) : 0;
  let previousWasText = false;
  lines.forEach((line, index) => {
    const contentStart = Math.min(line.start + indent, line.end);
    const empty = contentStart >= line.end;
    const moreIndented = !empty && (source[contentStart] === ' ' || source[contentStart] === '\t');
    if (index > 0) {
      const breakAt = lines[index - 1].end;
      // Folded style joins two ordinary text lines with a space; everything else keeps the break.
      if (folded && previousWasText && !empty && !moreIndented) {
        out.chars.push(' '); out.offsets.push(breakAt);
      } else if (folded && previousWasText && empty) {
        // The break before a run of empty lines is dropped; each empty line keeps its own.
      } else {
        out.chars.push('\n'); out.offsets.push(breakAt);
      }
    }
    for (let i = contentStart; i < line.end; i++) { out.chars.push(source[i]); out.offsets.push(i); }
    previousWasText = !empty && !moreIndented;
  });
  out.chars.push('\n'); out.offsets.push(Math.max(from, to - 1));
}
