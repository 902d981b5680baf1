// The core's facade: one object per settings, pure functions of a document's text. The LSP server,
// the CLI and the tests all go through here. It parses a document once per version and reuses it.
import { Catalog, defaultCatalog } from './catalog';
import { CcmsetupDocument } from './ccmsetup/ast';
import { analyzeCcmsetup } from './ccmsetup/analyze';
import { parseCcmsetupDocument } from './ccmsetup/parser';
import {
  CodeAction, CompletionList, Diagnostic, DocumentKind, DocumentSymbol, Hover, LanguageSettings,
  Position, Problem, Range, TextDocument, documentKindOf,
} from './languageTypes';
import { MAX_DOCUMENT_LENGTH, capProblems, tooLarge } from './limits';
import { ManifestAnalysis, analyzeManifest, parseAndPlan } from './manifest/analyze';
import { Plan } from './manifest/plan';
import { ReadinessResult } from './manifest/readiness';
import { LineContext } from './ccmsetup/ast';
import { wrapForIntune } from './ccmsetup/intuneWrap';
import { parseCommandLine } from './ccmsetup/parser';
import { INTUNE_COMMAND_LINE_LIMIT } from './ccmsetup/rules/context';
import { PolicyExport, PolicySummary, exportPolicy, listPolicies } from './manifest/graphExport';
import { getCodeActions } from './services/codeActions';
import { doComplete } from './services/completion';
import { toDiagnostics } from './services/diagnostics';
import { doHover } from './services/hover';
import { doManifestComplete, doManifestHover, findManifestSymbols } from './services/manifestServices';
import { findDocumentSymbols } from './services/symbols';

/** One readiness check as the `comanage/readiness` request returns it: positions instead of offsets. */
export type ReadinessCheck = Omit<ReadinessResult, 'span' | 'fixes' | 'severity'> & { range?: Range };

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
  /** The readiness checks of a workload manifest (empty for other documents). */
  getReadiness(document: TextDocument): ReadinessCheck[];
  /** Checks one command line as typed in a generator; problems are in offsets of `text`. */
  checkCommandLine(text: string, context?: LineContext): CommandLineCheck;
  /** The line as Intune takes it (CCMSETUPCMD="…"), or why it can't be used as it is. */
  intuneCommandLine(text: string): IntuneCommandLine;
  /** The Graph request body for one co-management policy of an open manifest. */
  exportPolicy(document: TextDocument, index: number): PolicyExport;
  /** The co-management policies of an open manifest (empty for other documents). */
  getPolicies(document: TextDocument): PolicySummary[];
}

export interface CommandLineCheck { problems: Problem[]; length: number; limit: number }
export interface IntuneCommandLine { text?: string; length: number; limit: number; refused?: string; problems: Problem[] }

export interface LanguageServiceParams {
  catalog?: Catalog;
  settings?: LanguageSettings;
}

type Parsed =
  | { kind: 'ccmsetup'; ccmsetup: CcmsetupDocument; problems?: Problem[] }
  | { kind: 'manifest'; plan: Plan; analysis?: ManifestAnalysis; problems?: Problem[] };

interface Cached { version: number; text: string; parsed: Parsed }

const EMPTY_COMPLETION: CompletionList = { isIncomplete: false, items: [] };

export function getLanguageService(params: LanguageServiceParams = {}): LanguageService {
  const catalog = params.catalog ?? defaultCatalog;
  let settings: LanguageSettings = params.settings ?? {};
  // One entry per open document; a new version replaces the old one.
  const cache = new Map<string, Cached>();

  /** The parsed document, or undefined when it is not ours or too large to analyse. */
  function parsed(document: TextDocument): Parsed | undefined {
    const kind = documentKindOf(document.uri);
    if (kind === 'none') return undefined;
    const text = document.getText();
    if (text.length > MAX_DOCUMENT_LENGTH) return undefined;
    const hit = cache.get(document.uri);
    if (hit && hit.version === document.version && hit.text === text) return hit.parsed;
    const fresh: Parsed = kind === 'ccmsetup'
      ? { kind, ccmsetup: parseCcmsetupDocument(text, { catalog }) }
      : { kind, plan: parseAndPlan(text, catalog).plan };
    cache.set(document.uri, { version: document.version, text, parsed: fresh });
    if (cache.size > 200) cache.delete(cache.keys().next().value as string);
    return fresh;
  }

  /** Problems of one command line on its own, as the ccmsetup rules see it. */
  function checkLine(text: string, context?: LineContext): Problem[] {
    if (text.length > MAX_DOCUMENT_LENGTH) return [tooLarge(text.length)];
    const line = parseCommandLine(text, { catalog, context: context === 'unknown' ? undefined : context });
    return analyzeCcmsetup({ text, lines: [line], comments: [] }, { catalog, settings });
  }

  function manifestAnalysis(entry: Extract<Parsed, { kind: 'manifest' }>): ManifestAnalysis {
    entry.analysis ??= analyzeManifest(entry.plan.document, entry.plan, { catalog, settings });
    return entry.analysis;
  }

  function problems(document: TextDocument): Problem[] {
    const entry = parsed(document);
    if (!entry) {
      const length = document.getText().length;
      return documentKindOf(document.uri) !== 'none' && length > MAX_DOCUMENT_LENGTH ? [tooLarge(length)] : [];
    }
    entry.problems ??= capProblems(entry.kind === 'ccmsetup'
      ? analyzeCcmsetup(entry.ccmsetup, { catalog, settings })
      : manifestAnalysis(entry).problems);
    return entry.problems;
  }

  return {
    configure(next) {
      settings = next ?? {};
      for (const cached of cache.values()) {
        cached.parsed.problems = undefined;
        if (cached.parsed.kind === 'manifest') cached.parsed.analysis = undefined;
      }
    },
    kindOf: (document) => documentKindOf(document.uri),
    analyze: problems,
    doValidation: (document) => toDiagnostics(document, problems(document)),
    doComplete(document, position) {
      const entry = parsed(document);
      if (!entry) return EMPTY_COMPLETION;
      return entry.kind === 'ccmsetup'
        ? doComplete(document, entry.ccmsetup, position, catalog)
        : doManifestComplete(document, entry.plan, position, catalog);
    },
    doHover(document, position) {
      const entry = parsed(document);
      if (!entry) return null;
      return entry.kind === 'ccmsetup'
        ? doHover(document, entry.ccmsetup, position, catalog)
        : doManifestHover(document, entry.plan, position, catalog);
    },
    getCodeActions(document, range) {
      return getCodeActions(document, problems(document), range);
    },
    findDocumentSymbols(document) {
      const entry = parsed(document);
      if (!entry) return [];
      return entry.kind === 'ccmsetup' ? findDocumentSymbols(document, entry.ccmsetup) : findManifestSymbols(document, entry.plan);
    },
    checkCommandLine(text, context) {
      return { problems: checkLine(text, context), length: text.length, limit: INTUNE_COMMAND_LINE_LIMIT };
    },
    intuneCommandLine(text) {
      const line = parseCommandLine(text, { catalog });
      const wrapped = wrapForIntune(line, text);
      const problems = checkLine(wrapped, 'intune');
      const errors = problems.filter((p) => p.severity === 'error');
      const base = { length: wrapped.length, limit: INTUNE_COMMAND_LINE_LIMIT, problems };
      if (errors.length) return { ...base, refused: `It breaks ${errors.length === 1 ? 'a rule' : `${errors.length} rules`}: ${errors.map((e) => `${e.message} (${e.code})`).join(' ')}` };
      return { ...base, text: wrapped };
    },
    exportPolicy(document, index) {
      const entry = parsed(document);
      if (entry?.kind !== 'manifest') return { notes: [], refused: 'Export works on a workload manifest (*.comanage.yaml).' };
      return exportPolicy(entry.plan, index);
    },
    getPolicies(document) {
      const entry = parsed(document);
      return entry?.kind === 'manifest' ? listPolicies(entry.plan) : [];
    },
    getReadiness(document) {
      const entry = parsed(document);
      if (entry?.kind !== 'manifest') return [];
      return manifestAnalysis(entry).readiness.map((result) => ({
        id: result.id,
        area: result.area,
        title: result.title,
        status: result.status,
        message: result.message,
        docUrl: result.docUrl,
        range: result.span ? { start: document.positionAt(result.span.start), end: document.positionAt(result.span.end) } : undefined,
      }));
    },
  };
}
