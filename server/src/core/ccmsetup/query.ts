// Small questions rules ask about a command line: is an entry there, what is its value, is an
// address a CMG. Shared so that no rule re-implements a lookup.
import { CatalogEntry } from '../catalog';
import { CommandLine, ItemNode, ParameterNode, PropertyNode, Span } from './ast';

export type NamedItem = ParameterNode | PropertyNode;

export function isNamed(item: ItemNode): item is NamedItem {
  return item.type === 'parameter' || item.type === 'property';
}

/** The arguments ccmsetup receives that resolve to a documented entry named `name` (any spelling). */
export function findAll(line: CommandLine, name: string): NamedItem[] {
  const upper = name.toUpperCase();
  return line.args.filter((a): a is NamedItem => isNamed(a) && a.resolved?.entry.name.toUpperCase() === upper);
}

export function find(line: CommandLine, name: string): NamedItem | undefined {
  return findAll(line, name)[0];
}

export function has(line: CommandLine, name: string): boolean {
  return find(line, name) !== undefined;
}

/** The unquoted value of the first occurrence of an entry, upper-cased for comparisons. */
export function valueOf(line: CommandLine, name: string): string | undefined {
  return find(line, name)?.value?.text.trim().toUpperCase();
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
  let start = span.start;
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  if (start === span.start || text[start - 1] === '\n' || start === 0) {
    // First item on the line: eat the blank after it instead.
    let end = span.end;
    while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
    return { start: span.start, end };
  }
  return { start, end: span.end };
}
