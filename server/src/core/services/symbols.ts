// Document outline: one symbol per command line, with its parameters and properties as children.
// Bounded by MAX_SYMBOLS: past it, a last entry says how much was left out ("outline truncated").
import { displayName } from '../catalog';
import { CcmsetupDocument, CommandLine } from '../ccmsetup/ast';
import { isNamed, isTokenItem } from '../ccmsetup/query';
import { DocumentSymbol, Range, SymbolKind, TextDocument } from '../languageTypes';
import { MAX_SYMBOLS } from '../limits';

const CONTEXT_LABEL: Record<CommandLine['context'], string> = {
  intune: 'Intune (CCMSETUPCMD)', msi: 'ccmsetup.msi', exe: 'ccmsetup.exe', push: 'client push',
  'logon-script': 'logon script (ccmsetup.exe)', 'gpo-provisioning': 'group policy provisioning', unknown: 'command line',
};

/** The entry that stands for what the outline leaves out; its range covers it all. */
export function truncatedSymbol(left: number, what: string, range: Range): DocumentSymbol {
  return {
    name: `… outline truncated: ${left.toLocaleString('en-US')} more ${what}`,
    detail: 'comanage lists the first entries only; the checks still cover the whole file',
    kind: SymbolKind.Null,
    range,
    selectionRange: { start: range.start, end: range.start },
  };
}

export function findDocumentSymbols(document: TextDocument, parsed: CcmsetupDocument, maxSymbols = MAX_SYMBOLS): DocumentSymbol[] {
  const range = (start: number, end: number) => ({ start: document.positionAt(start), end: document.positionAt(end) });
  const symbols: DocumentSymbol[] = [];
  let left = maxSymbols;
  for (const [index, line] of parsed.lines.entries()) {
    if (left <= 1) {
      const rest = parsed.lines.length - index;
      symbols.push(truncatedSymbol(rest, rest === 1 ? 'command line' : 'command lines', range(line.span.start, parsed.lines[parsed.lines.length - 1].span.end)));
      break;
    }
    left--;
    const named = line.args.filter(isNamed);
    // When more lines follow, one place is kept for their truncated entry; when the children don't
    // all fit, two: theirs and the lines'.
    const room = index < parsed.lines.length - 1 ? left - 1 : left;
    const shown = named.length <= room ? named : named.slice(0, Math.max(0, left - 2));
    left -= shown.length;
    const children: DocumentSymbol[] = shown.map((item) => ({
      name: item.resolved ? displayName(item.resolved.entry) : (item.type === 'parameter' ? `/${item.name}` : item.name).slice(0, 80),
      detail: isTokenItem(item) ? (item.value ? '(masked)' : undefined) : item.value && item.value.text.slice(0, 80),
      kind: item.type === 'parameter' ? SymbolKind.Key : SymbolKind.Property,
      range: range(item.span.start, item.span.end),
      selectionRange: range(item.nameSpan.start, item.nameSpan.end),
    }));
    if (shown.length < named.length) {
      const rest = named.length - shown.length;
      children.push(truncatedSymbol(rest, rest === 1 ? 'entry' : 'entries', range(named[shown.length].span.start, named[named.length - 1].span.end)));
      left--;
    }
    const site = line.args.find((a) => isNamed(a) && a.resolved?.entry.name === 'SMSSITECODE');
    const siteText = site && isNamed(site) && site.value ? ` · site ${site.value.text.slice(0, 40)}` : '';
    symbols.push({
      name: `Line ${document.positionAt(line.span.start).line + 1}: ${CONTEXT_LABEL[line.context]}${siteText}`,
      detail: `${named.length} entr${named.length === 1 ? 'y' : 'ies'}`,
      kind: SymbolKind.Function,
      range: range(line.span.start, line.span.end),
      selectionRange: range(line.span.start, line.program?.span.end ?? line.items[0]?.span.end ?? line.span.end),
      children,
    });
  }
  return symbols;
}
