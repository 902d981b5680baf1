// The core's facade: one object per settings, pure functions of a document's text. The LSP server,
// the CLI and the tests all go through here. It parses a document once per version and reuses it.
import { Catalog, defaultCatalog } from './catalog';
import { CcmsetupDocument } from './ccmsetup/ast';
import { parseCcmsetupDocument } from './ccmsetup/parser';
import { analyzeCcmsetup } from './ccmsetup/analyze';
import {
  CodeAction, CompletionList, Diagnostic, DocumentKind, DocumentSymbol, Hover, LanguageSettings,
  Position, Problem, Range, TextDocument, documentKindOf,
} from './languageTypes';
import { toDiagnostics } from './services/diagnostics';
import { doComplete } from './services/completion';
import { doHover } from './services/hover';
import { getCodeActions } from './services/codeActions';
import { findDocumentSymbols } from './services/symbols';
import { MAX_DOCUMENT_LENGTH, capProblems, tooLarge } from './limits';

export interface LanguageService {
  configure(settings: LanguageSettings): void;
  /** The language of a document, from its URI (file name), whatever the editor calls it. */
  kindOf(document: TextDocument): DocumentKind;
  /** Problems in offsets, after suppression and severity settings. */
  analyze(document: TextDocument): Problem[];
  doValidation(document: TextDocument): Diagnostic[];
  doComplete(document: TextDocument, position: Position): CompletionList;
  doHover(document: TextDocument, position: Position): Hover | null;
  getCodeActions(document: TextDocument, range: Range): CodeAction[];
  findDocumentSymbols(document: TextDocument): DocumentSymbol[];
}

export interface LanguageServiceParams {
  catalog?: Catalog;
  settings?: LanguageSettings;
}

interface Cached { version: number; text: string; parsed: CcmsetupDocument; problems?: Problem[] }

export function getLanguageService(params: LanguageServiceParams = {}): LanguageService {
  const catalog = params.catalog ?? defaultCatalog;
  let settings: LanguageSettings = params.settings ?? {};
  // One entry per open document; a new version replaces the old one.
  const cache = new Map<string, Cached>();

  function entry(document: TextDocument): Cached {
    const hit = cache.get(document.uri);
    if (hit && hit.version === document.version && hit.text.length === document.getText().length && hit.text === document.getText()) return hit;
    const text = document.getText();
    const fresh: Cached = { version: document.version, text, parsed: parseCcmsetupDocument(text, { catalog }) };
    cache.set(document.uri, fresh);
    if (cache.size > 200) cache.delete(cache.keys().next().value as string);
    return fresh;
  }

  function analysable(document: TextDocument): boolean {
    return documentKindOf(document.uri) === 'ccmsetup' && document.getText().length <= MAX_DOCUMENT_LENGTH;
  }

  function problems(document: TextDocument): Problem[] {
    if (documentKindOf(document.uri) !== 'ccmsetup') return [];
    const length = document.getText().length;
    if (length > MAX_DOCUMENT_LENGTH) return [tooLarge(length)];
    const cached = entry(document);
    cached.problems ??= capProblems(analyzeCcmsetup(cached.parsed, { catalog, settings }));
    return cached.problems;
  }

  return {
    configure(next) {
      settings = next ?? {};
      for (const cached of cache.values()) cached.problems = undefined;
    },
    kindOf: (document) => documentKindOf(document.uri),
    analyze: problems,
    doValidation: (document) => toDiagnostics(document, problems(document)),
    doComplete(document, position) {
      if (!analysable(document)) return { isIncomplete: false, items: [] };
      return doComplete(document, entry(document).parsed, position, catalog);
    },
    doHover(document, position) {
      if (!analysable(document)) return null;
      return doHover(document, entry(document).parsed, position, catalog);
    },
    getCodeActions(document, range) {
      return getCodeActions(document, problems(document), range);
    },
    findDocumentSymbols(document) {
      if (!analysable(document)) return [];
      return findDocumentSymbols(document, entry(document).parsed);
    },
  };
}
