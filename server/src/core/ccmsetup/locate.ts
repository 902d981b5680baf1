// Finds what sits at an offset: the command line, and the item and part (name or value) under
// the cursor, looking inside CCMSETUPCMD. Used by hover and completion.
import { CcmsetupDocument, CommandLine, ItemNode } from './ast';
import { NamedItem, isNamed } from './query';

export interface Located {
  line: CommandLine;
  /** The innermost line at the offset: the CCMSETUPCMD content when the offset is inside it. */
  inner: CommandLine;
  item?: ItemNode;
  part?: 'name' | 'value' | 'separator';
}

export function lineAt(document: CcmsetupDocument, offset: number): CommandLine | undefined {
  // Lines are in order: binary search on their spans (end inclusive, so a cursor at the end counts).
  let low = 0;
  let high = document.lines.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const line = document.lines[mid];
    if (offset < line.span.start) high = mid - 1;
    else if (offset > line.span.end) low = mid + 1;
    else return line;
  }
  return undefined;
}

/** The command line that ends before `offset` on the same line of text (only blanks in between). */
export function lineBefore(document: CcmsetupDocument, offset: number): CommandLine | undefined {
  let low = 0;
  let high = document.lines.length - 1;
  let found: CommandLine | undefined;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (document.lines[mid].span.end <= offset) { found = document.lines[mid]; low = mid + 1; } else high = mid - 1;
  }
  if (!found) return undefined;
  for (let i = found.span.end; i < offset; i++) if (document.text[i] !== ' ' && document.text[i] !== '\t') return undefined;
  return found;
}

export function locate(document: CcmsetupDocument, offset: number): Located | undefined {
  const line = lineAt(document, offset);
  if (!line) return undefined;
  let inner = line;
  let item = itemAt(line.items, offset);
  const wrapperInner = line.wrapper?.inner;
  if (item && item === line.wrapper && wrapperInner && line.wrapper.value && offset > line.wrapper.value.span.start && offset < line.wrapper.value.span.end) {
    inner = wrapperInner;
    item = itemAt(wrapperInner.items, offset);
  }
  if (!item) return { line, inner };
  if (!isNamed(item)) return { line, inner, item };
  return { line, inner, item, part: partOf(item, offset) };
}

function itemAt(items: ItemNode[], offset: number): ItemNode | undefined {
  return items.find((i) => offset >= i.span.start && offset <= i.span.end);
}

function partOf(item: NamedItem, offset: number): Located['part'] {
  if (item.separator && offset > item.separator.span.start) return offset === item.separator.span.start ? 'separator' : 'value';
  return 'name';
}
