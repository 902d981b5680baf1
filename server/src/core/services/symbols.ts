// Document outline: one symbol per command line, with its parameters and properties as children.
import { displayName } from '../catalog';
import { CcmsetupDocument, CommandLine } from '../ccmsetup/ast';
import { isNamed, isTokenItem } from '../ccmsetup/query';
import { DocumentSymbol, SymbolKind, TextDocument } from '../languageTypes';

const CONTEXT_LABEL: Record<CommandLine['context'], string> = {
  intune: 'Intune (CCMSETUPCMD)', msi: 'ccmsetup.msi', exe: 'ccmsetup.exe', push: 'client push', unknown: 'command line',
};

export function findDocumentSymbols(document: TextDocument, parsed: CcmsetupDocument): DocumentSymbol[] {
  const range = (start: number, end: number) => ({ start: document.positionAt(start), end: document.positionAt(end) });
  return parsed.lines.map((line, index) => {
    const children: DocumentSymbol[] = line.args.filter(isNamed).map((item) => ({
      name: item.resolved ? displayName(item.resolved.entry) : (item.type === 'parameter' ? `/${item.name}` : item.name),
      detail: isTokenItem(item) ? (item.value ? '(masked)' : undefined) : item.value && item.value.text.slice(0, 80),
      kind: item.type === 'parameter' ? SymbolKind.Key : SymbolKind.Property,
      range: range(item.span.start, item.span.end),
      selectionRange: range(item.nameSpan.start, item.nameSpan.end),
    }));
    const site = line.args.find((a) => isNamed(a) && a.resolved?.entry.name === 'SMSSITECODE');
    const siteText = site && isNamed(site) && site.value ? ` · site ${site.value.text.slice(0, 40)}` : '';
    return {
      name: `Line ${document.positionAt(line.span.start).line + 1}: ${CONTEXT_LABEL[line.context]}${siteText}`,
      detail: `${children.length} entr${children.length === 1 ? 'y' : 'ies'}`,
      kind: SymbolKind.Function,
      range: range(line.span.start, line.span.end),
      selectionRange: range(line.span.start, line.program?.span.end ?? line.items[0]?.span.end ?? line.span.end),
      children,
    } satisfies DocumentSymbol;
  });
}
