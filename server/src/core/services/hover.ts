// Hover: what a parameter, property or value under the cursor does, rendered by the catalog's one
// renderer. Token values are never shown.
import { displayName } from '../catalog';
import { Catalog } from '../catalog';
import { describeEntry, describeValue } from '../catalog/describe';
import { CcmsetupDocument } from '../ccmsetup/ast';
import { locate } from '../ccmsetup/locate';
import { isNamed } from '../ccmsetup/query';
import { INTUNE_COMMAND_LINE_LIMIT, intuneMeasuredSpan } from '../ccmsetup/rules/context';
import { Hover, MarkupKind, Position, TextDocument } from '../languageTypes';

const CONTEXT_TEXT = {
  exe: 'A **ccmsetup.exe** command line: parameters first (`/name:value`), then client.msi properties (`NAME=value`).',
  msi: 'A **ccmsetup.msi** command line: ccmsetup parameters and client.msi properties go inside `CCMSETUPCMD="…"`.',
} as const;

export function doHover(document: TextDocument, parsed: CcmsetupDocument, position: Position, _catalog: Catalog): Hover | null {
  const offset = document.offsetAt(position);
  const at = locate(parsed, offset);
  if (!at) return null;
  const range = (start: number, end: number) => ({ start: document.positionAt(start), end: document.positionAt(end) });
  const markdown = (value: string, start: number, end: number): Hover => ({ contents: { kind: MarkupKind.Markdown, value }, range: range(start, end) });

  if (at.line.program && offset >= at.line.program.span.start && offset <= at.line.program.span.end) {
    const p = at.line.program;
    return markdown(CONTEXT_TEXT[p.kind], p.span.start, p.span.end);
  }
  const item = at.item;
  if (!item || !isNamed(item) || !item.resolved) return null;
  const entry = item.resolved.entry;

  if (at.part === 'value' && item.value) {
    const span = item.value.span;
    if (entry.value.kind === 'token') {
      return markdown(`**${displayName(entry)}** value: a bulk registration token (${item.value.text.length} characters, not shown).\n\n[Documentation](${entry.docUrl})`, span.start, span.end);
    }
    const choice = describeValue(entry, item.value.text);
    if (choice) return markdown(choice, span.start, span.end);
  }

  let text = describeEntry(entry);
  if (item === at.line.wrapper) {
    const measured = intuneMeasuredSpan(at.line);
    if (measured) text += `\n\n---\nThis command line: ${measured.end - measured.start} of ${INTUNE_COMMAND_LINE_LIMIT} characters Intune allows.`;
  }
  return markdown(text, item.nameSpan.start, item.nameSpan.end);
}
