// Completion: parameter and property names (their documentation on resolve), documented values,
// and scenario snippets on an empty line. Entries already on the line are not offered again unless
// they may repeat.
import { Catalog, CatalogEntry, displayName } from '../catalog';
import { allowedValues, describeEntry, summarizeEntry } from '../catalog/describe';
import { SCENARIOS } from '../catalog/scenarios';
import { CcmsetupDocument } from '../ccmsetup/ast';
import { lineAt, lineBefore, locate } from '../ccmsetup/locate';
import { isNamed } from '../ccmsetup/query';
import {
  CompletionItem, CompletionItemKind, CompletionList, InsertTextFormat, MarkupKind, Position, Range, TextDocument,
} from '../languageTypes';

/** Where the word being completed starts: after a blank or a double quote; a script host adds its own quotes and separators. */
const WORD_STOPS = /[ \t\r"]/;

export function doComplete(document: TextDocument, parsed: CcmsetupDocument, position: Position, catalog: Catalog, wordStops = WORD_STOPS): CompletionList {
  // The parsed text: its lines end where the editor's do (a lone \r is a \n there).
  const text = parsed.text;
  const offset = document.offsetAt(position);
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  if (before.trimStart().startsWith('#')) return { isIncomplete: false, items: [] };

  // The token being typed: back to a space or tab (where Windows splits), or to the quote that opens CCMSETUPCMD's content.
  let start = offset;
  while (start > lineStart && !wordStops.test(text[start - 1])) start--;
  const prefix = text.slice(start, offset);
  const replace: Range = { start: document.positionAt(start), end: position };

  const located = locate(parsed, offset);
  const present = new Set<CatalogEntry>();
  // After the line's last item (blanks typed after it) the cursor is past the line's span, still on it.
  for (const item of (located?.inner ?? lineAt(parsed, offset) ?? lineBefore(parsed, offset))?.args ?? []) {
    if (isNamed(item) && item.resolved && !(item.span.start <= offset && offset <= item.span.end)) present.add(item.resolved.entry);
  }

  const valueMatch = /^(\/?)([A-Za-z_?][\w.]*)([:=])(.*)$/.exec(prefix);
  if (valueMatch) {
    const kind = valueMatch[1] ? 'parameter' : 'property';
    const entry = catalog.find(kind, valueMatch[2])?.entry;
    if (!entry) return { isIncomplete: false, items: [] };
    let valueStart = start + valueMatch[1].length + valueMatch[2].length + 1;
    if (entry.value.kind === 'list') valueStart += valueMatch[4].lastIndexOf(entry.value.separator) + 1;
    return { isIncomplete: false, items: valueItems(entry, { start: document.positionAt(valueStart), end: position }) };
  }

  const items: CompletionItem[] = [];
  const wantsParameter = prefix.startsWith('/');
  for (const entry of catalog.entries) {
    if (present.has(entry) && !entry.repeatable) continue;
    if (entry.name === 'CCMSETUPCMD' && located?.inner !== located?.line) continue;
    if (wantsParameter && entry.kind !== 'parameter') continue;
    items.push(nameItem(entry, replace));
  }
  const lineIsEmpty = before.trim() === prefix.trim() && text.slice(offset, text.indexOf('\n', offset) === -1 ? text.length : text.indexOf('\n', offset)).trim() === '';
  if (lineIsEmpty && !wantsParameter) {
    for (const scenario of SCENARIOS) {
      items.push({
        label: scenario.id,
        kind: CompletionItemKind.Snippet,
        detail: scenario.title,
        documentation: { kind: MarkupKind.Markdown, value: `${scenario.description}\n\n[Documentation](${scenario.docUrl})` },
        insertTextFormat: InsertTextFormat.Snippet,
        textEdit: { range: replace, newText: scenario.body },
        sortText: `0_${scenario.id}`,
      });
    }
  }
  return { isIncomplete: false, items };
}

function nameItem(entry: CatalogEntry, range: Range): CompletionItem {
  const label = displayName(entry);
  const choices = allowedValues(entry.value);
  let snippet = label;
  if (entry.value.kind !== 'none' && !entry.valueOptional) {
    const separator = entry.kind === 'parameter' ? ':' : '=';
    const value = choices && entry.value.kind !== 'list' ? `\${1|${choices.map((c) => c.value.replace(/[|,]/g, '\\$&')).join(',')}|}`
      : entry.name === 'CCMSETUPCMD' ? '"$1"' : '$1';
    snippet = `${label}${separator}${value}`;
  }
  return {
    label,
    kind: entry.kind === 'parameter' ? CompletionItemKind.Field : CompletionItemKind.Property,
    detail: summarizeEntry(entry),
    insertTextFormat: InsertTextFormat.Snippet,
    textEdit: { range, newText: snippet },
    filterText: label,
    sortText: `${entry.kind === 'parameter' ? '1' : '2'}_${entry.name.toUpperCase()}`,
    // The documentation of ~60 entries would make every list ~40 KB: the editor asks for the one it shows.
    data: { comanage: 'catalog', kind: entry.kind, name: entry.name } satisfies CatalogItemData,
  };
}

interface CatalogItemData { comanage: 'catalog'; kind: CatalogEntry['kind']; name: string }

/** Adds the documentation of a catalog entry offered by doComplete (completionItem/resolve). */
export function resolveCompletion(item: CompletionItem, catalog: Catalog): CompletionItem {
  const data = item.data as Partial<CatalogItemData> | undefined;
  if (data?.comanage !== 'catalog' || (data.kind !== 'parameter' && data.kind !== 'property') || typeof data.name !== 'string') return item;
  const entry = catalog.find(data.kind, data.name)?.entry;
  return entry ? { ...item, documentation: { kind: MarkupKind.Markdown, value: describeEntry(entry) } } : item;
}

function valueItems(entry: CatalogEntry, range: Range): CompletionItem[] {
  const choices = allowedValues(entry.value) ?? [];
  return choices.map((choice, index) => ({
    label: choice.value,
    kind: CompletionItemKind.EnumMember,
    detail: `${displayName(entry)}${choice.isDefault ? ' (default)' : ''}`,
    documentation: { kind: MarkupKind.Markdown, value: `${choice.description}\n\n[Documentation](${entry.docUrl})` },
    textEdit: { range, newText: choice.value },
    sortText: String(index).padStart(3, '0'),
  }));
}
