// The core's facade: one object per settings, pure functions of a document's text. The LSP server,
// the CLI and the tests all go through here. It parses a document once per version and reuses it.
import { Catalog, defaultCatalog } from './catalog';
import { CcmsetupDocument } from './ccmsetup/ast';
import { analyzeCcmsetup, analyzeCcmsetupSteps } from './ccmsetup/analyze';
import { parseCcmsetupDocumentSteps } from './ccmsetup/parser';
import {
  CodeAction, CompletionItem, CompletionList, Diagnostic, DocumentKind, DocumentSymbol, Hover, LanguageSettings,
  Position, Problem, Range, ScriptKind, TextDocument, TextEdit, documentKindOf, isScriptKind,
} from './languageTypes';
import { ScriptParse, encodeCompletions, inArguments, parseScriptSteps, scriptDirectiveProblems, scriptDocumentProblems, scriptProblems, symbolNote } from './hosts/embed';
import type { HostMemory } from './hosts/host';
import { ANALYSIS_BUDGET_MS, Budget, MAX_LINE_LENGTH, MAX_MANIFEST_LENGTH, capProblems, cutShort, maxLengthFor, tooLarge } from './limits';
import { ManifestAnalysis, analyzeManifestSteps, parseAndPlanSteps } from './manifest/analyze';
import { Steps, drain } from './steps';
import { Plan } from './manifest/plan';
import { MissingFact, ReadinessResult } from './manifest/readiness';
import { LineContext, LineIntent } from './ccmsetup/ast';
import { PlanFacts, planFacts } from './manifest/planFacts';
import { setPolicyCommandLine } from './manifest/setPolicyCommandLine';
import { LineCache } from './ccmsetup/lineCache';
import { wrapForIntune } from './ccmsetup/intuneWrap';
import { parseCommandLine } from './ccmsetup/parser';
import { INTUNE_COMMAND_LINE_LIMIT } from './ccmsetup/rules/context';
import { PolicyExport, PolicySummary, exportPolicy, listPolicies } from './manifest/graphExport';
import { getCodeActions, missingFactActions } from './services/codeActions';
import { setValues } from './manifest/setValues';
import { typedAnswer } from './manifest/answerValue';
import { GraphInput } from './graph/read';
import { PlanImport, PlanImportOptions, importIntoPlan } from './graph/importPlan';
export { FIX_ALL_KIND } from './services/codeActions';
import { doComplete, resolveCompletion } from './services/completion';
import { toDiagnostics } from './services/diagnostics';
import { doHover } from './services/hover';
import { doManifestComplete, doManifestHover, findManifestSymbols } from './services/manifestServices';
import { findDocumentSymbols } from './services/symbols';
import { withMaskedOutputs } from './maskOutputs';
import type { ExportSource } from './graph/drift';

/** One readiness check as the `comanage/readiness` request returns it: positions instead of offsets. */
export type ReadinessCheck = Omit<ReadinessResult, 'span' | 'fixes' | 'severity' | 'missing'> & { range?: Range; missing?: MissingFactAt[] };

/** A missing fact as the protocol carries it: the insertion point as a position. */
export type MissingFactAt = Omit<MissingFact, 'insert'> & { insert?: { position: Position; snippet: string } };

export interface LanguageService {
  configure(settings: LanguageSettings): void;
  /** Drops what is cached for a document (the editor closed it). */
  forget(uri: string): void;
  /** The language of a document, from its URI (file name), whatever the editor calls it. */
  kindOf(document: TextDocument): DocumentKind;
  /** Problems in offsets, after suppression and severity settings. */
  analyze(document: TextDocument): Problem[];
  doValidation(document: TextDocument): Diagnostic[];
  /** doValidation in steps: the caller may pause between them to answer other requests. */
  validationSteps(document: TextDocument): Steps<Diagnostic[]>;
  /** Parses the document in steps; a request that needs the parse runs this first, so it never parses in one go. */
  parseSteps(document: TextDocument): Steps<void>;
  /** Finds the document's problems in steps, answering nothing: code actions run it first, so they never find them in one go. */
  problemSteps(document: TextDocument): Steps<void>;
  doComplete(document: TextDocument, position: Position): CompletionList;
  /** Fills in what doComplete leaves out of each item to keep lists small (the documentation). */
  doResolve(item: CompletionItem): CompletionItem;
  doHover(document: TextDocument, position: Position): Hover | null;
  getCodeActions(document: TextDocument, range: Range): CodeAction[];
  findDocumentSymbols(document: TextDocument): DocumentSymbol[];
  /**
   * The readiness checks of a workload manifest (empty for other documents). `exports`: the tenant's
   * exports to compare the plan with ("Tenant export" checks), as the shell read them; given, they
   * replace those set with setExports for this document.
   */
  getReadiness(document: TextDocument, options?: ReadinessOptions): ReadinessCheck[];
  /** The tenant's exports a manifest is compared with, until replaced (undefined: none); true when they changed. */
  setExports(uri: string, exports: readonly ExportSource[] | undefined): boolean;
  /** The paths a manifest lists under `sources:` (relative to it), for the shell to read. */
  getSources(document: TextDocument): string[];
  /** Checks one command line as typed in a generator (held to the choices in `intent`); problems are in offsets of `text`. */
  checkCommandLine(text: string, context?: LineContext, intent?: LineIntent): CommandLineCheck;
  /** Whether a generated line can go at a position, and the text to insert there (escaped for a script), or why not. */
  insertionPoint(document: TextDocument, position: Position, text: string): InsertionPoint;
  /** The facts a generator can start from: a manifest's site code, CMG, management point, client authentication (valid values only). */
  planFacts(document: TextDocument): PlanFacts;
  /** The edits that make `commandLine` the command line of policy `index` of a manifest, quoted for YAML. */
  setPolicyCommandLine(document: TextDocument, index: number, commandLine: string): PolicyLineEdits;
  /** The line as Intune takes it (CCMSETUPCMD="…"), or why it can't be used as it is. */
  intuneCommandLine(text: string): IntuneCommandLine;
  /** The Graph request body for one co-management policy of an open manifest. */
  exportPolicy(document: TextDocument, index: number): PolicyExport;
  /** The co-management policies of an open manifest (empty for other documents). */
  getPolicies(document: TextDocument): PolicySummary[];
  /** getReadiness, and why there are no checks when the plan can't be read (a YAML error). */
  getReadinessState(document: TextDocument, options?: ReadinessOptions): ReadinessState;
  /** Edits that write answers (text, typed by the manifest format) into a manifest, or why not. */
  setManifestValues(document: TextDocument, values: readonly { path: string; value: string }[]): SetManifestValues;
  /** The manifest with Graph exports (names and texts or bytes) merged in, and what happened, or why not. */
  importGraphExports(document: TextDocument, files: readonly GraphInput[], options?: PlanImportOptions): PlanImport;
}

/** A plan the YAML parser couldn't read: its first error, and where (line is 1-based). */
export interface ReadinessParseError { message: string; line: number; range: Range }
export interface ReadinessOptions { exports?: readonly ExportSource[] }
export type { ExportSource };
export interface ReadinessState { checks: ReadinessCheck[]; parseError?: ReadinessParseError }
export interface SetManifestValues { edits: { range: Range; newText: string }[]; refused?: string }

export interface CommandLineCheck { problems: Problem[]; length: number; limit: number }
export type PolicyLineEdits = { edits: TextEdit[] } | { refused: string };
export type { PlanFacts };
/** `text`: what to insert at the position; `refused`: why nothing can go there. */
export interface InsertionPoint { kind: DocumentKind; text?: string; refused?: string }
export interface IntuneCommandLine { text?: string; length: number; limit: number; refused?: string; problems: Problem[] }

export interface LanguageServiceParams {
  catalog?: Catalog;
  settings?: LanguageSettings;
  /** Wall clock for rules about dates (token expiry); tests pass a fixed one. */
  now?: () => Date;
  /** Time allowed to check one document version, and the clock that measures it (ms, monotonic). */
  budget?: { ms?: number; clock?: () => number };
}

type Parsed =
  | { kind: 'ccmsetup'; ccmsetup: CcmsetupDocument; problems?: Problem[] }
  | { kind: ScriptKind; script: ScriptParse; problems?: Problem[] }
  | { kind: 'manifest'; plan: Plan; analysis?: ManifestAnalysis; problems?: Problem[] };

type ScriptParsed = Extract<Parsed, { script: ScriptParse }>;
const isScript = (entry: Parsed): entry is ScriptParsed => 'script' in entry;

interface Cached {
  version: number;
  text: string;
  parsed: Parsed;
  /** Command lines and their problems, handed from version to version of this document. */
  lines: LineCache;
  /** A script host's own work on this document, handed on the same way (hosts/host.ts HostMemory). */
  host?: HostMemory;
}

const EMPTY_COMPLETION: CompletionList = { isIncomplete: false, items: [] };
/** In a script, a single quote, a comma or a bracket ends the word being completed too. */
const SCRIPT_WORD_STOPS = /[ \t\r"'\u2018\u2019,(@]/;

/** A position inside the document: an editor may ask about one past a line's end after a quick edit. */
const clamp = (document: TextDocument, position: Position): Position => document.positionAt(document.offsetAt(position));

/**
 * What a generated line becomes inside an invocation's arguments: no program (the invocation names
 * it), and for ccmsetup.exe (or client push) the content of CCMSETUPCMD="…", which only msiexec of
 * ccmsetup.msi (and Intune's field) takes.
 */
function argumentsFor(text: string, context: string): string {
  let args = text.trim().replace(/^(?:"[^"]*ccmsetup(?:\.exe)?"|[^\s"]*ccmsetup(?:\.exe)?)(?=\s|$)\s*/i, '');
  // Intune's own field (a Graph export) takes the line as Intune stores it, CCMSETUPCMD="…" included.
  const wrapped = context === 'msi' || context === 'intune' ? null : /^CCMSETUPCMD="(.*)"$/is.exec(args);
  if (wrapped) args = wrapped[1];
  return args;
}

export function getLanguageService(params: LanguageServiceParams = {}): LanguageService {
  const catalog = params.catalog ?? defaultCatalog;
  let settings: LanguageSettings = params.settings ?? {};
  const now = params.now ?? (() => new Date());
  const newBudget = () => new Budget(params.budget?.ms ?? ANALYSIS_BUDGET_MS, params.budget?.clock);
  // One entry per open document; a new version replaces the old one.
  const cache = new Map<string, Cached>();
  // Problems kept between versions depend on the settings and on the clock (token expiry): a
  // change of settings or of the minute starts every document's line cache afresh.
  let settingsGeneration = 0;
  const minute = () => Math.floor(now().getTime() / 60_000);
  const newLineCache = () => new LineCache(`${settingsGeneration}:${minute()}`);
  const linesValid = (lines: LineCache) => lines.generation === `${settingsGeneration}:${minute()}`;

  // The tenant's exports each manifest is compared with (setExports). An unchanged list keeps the one
  // held (drift.ts reads and maps each list once); exports given as bytes always count as changed.
  const exportsByUri = new Map<string, readonly ExportSource[]>();
  const sameExports = (held: readonly ExportSource[], given: readonly ExportSource[]) => held.length === given.length
    && given.every((e, i) => !e.bytes && !held[i].bytes && e.name === held[i].name && e.text === held[i].text && e.unreadable === held[i].unreadable);
  function setExports(uri: string, exports: readonly ExportSource[] | undefined): boolean {
    const given = exports?.length ? exports : undefined;
    const held = exportsByUri.get(uri);
    if (given === undefined ? held === undefined : held !== undefined && sameExports(held, given)) return false;
    if (given === undefined) exportsByUri.delete(uri);
    else exportsByUri.set(uri, given);
    // The checks found with the old exports no longer hold.
    const cached = cache.get(uri);
    if (cached?.parsed.kind === 'manifest') {
      cached.parsed.analysis = undefined;
      cached.parsed.problems = undefined;
    }
    return true;
  }

  // A parse in progress per document: the validation runs it in steps; a request that needs the
  // same version meanwhile finishes that parse instead of starting another one.
  const parsing = new Map<string, { version: number; text: string; steps: Steps<Parsed>; result?: Parsed }>();

  /** The parsed document, or undefined when it is not ours or too large to analyse. */
  const parsed = (document: TextDocument) => drain(parsedSteps(document));

  /** The document's kind, or 'none' for a script when scripts are switched off. */
  const kindOf = (document: TextDocument): DocumentKind => {
    const kind = documentKindOf(document.uri, document.languageId);
    return isScriptKind(kind) && kind !== 'json' && settings.scripts?.enabled === false ? 'none' : kind;
  };

  function* parsedSteps(document: TextDocument): Steps<Parsed | undefined> {
    const kind = kindOf(document);
    if (kind === 'none') return undefined;
    const text = document.getText();
    if (text.length > maxLengthFor(kind)) return undefined;
    const hit = cache.get(document.uri);
    if (hit && hit.version === document.version && hit.text === text) return hit.parsed;
    let job = parsing.get(document.uri);
    if (!job || job.version !== document.version || job.text !== text) {
      job = { version: document.version, text, steps: parse(document.uri, document.version, kind, text) };
      parsing.set(document.uri, job);
    }
    while (!job.result) {
      let next: IteratorResult<void, Parsed>;
      try {
        next = job.steps.next();
      } catch (error) {
        // A parse that threw is finished: forget it, so the next request starts afresh instead of
        // asking a spent generator for a result forever.
        if (parsing.get(document.uri) === job) parsing.delete(document.uri);
        throw error;
      }
      if (next.done) job.result = next.value;
      else yield;
    }
    return job.result;
  }

  function* parse(uri: string, version: number, kind: Exclude<DocumentKind, 'none'>, text: string): Steps<Parsed> {
    const hit = cache.get(uri);
    const lines = hit && hit.parsed.kind === kind && linesValid(hit.lines) ? hit.lines : newLineCache();
    lines.startVersion();
    // Kept even when the line cache starts afresh: the host's work doesn't depend on settings.
    const host: HostMemory = hit && hit.parsed.kind === kind && hit.host ? hit.host : {};
    const fresh: Parsed = isScriptKind(kind)
      ? { kind, script: yield* parseScriptSteps(text, kind, catalog, host, lines) }
      : kind === 'ccmsetup'
      ? { kind, ccmsetup: yield* parseCcmsetupDocumentSteps(text, { catalog, lines, maxLineLength: MAX_LINE_LENGTH }) }
      : { kind, plan: (yield* parseAndPlanSteps(text, catalog, hit?.parsed.kind === 'manifest' ? hit.parsed.plan.document.pieces : undefined, lines)).plan };
    parsing.delete(uri);
    cache.set(uri, { version, text, parsed: fresh, lines, host: isScriptKind(kind) ? host : undefined });
    // Bounded by count and by text held, oldest first: the editor's open documents stay cached.
    let held = 0;
    for (const entry of cache.values()) held += entry.text.length;
    while (cache.size > 1 && (cache.size > 200 || held > 64 * 1024 * 1024)) {
      const oldest = cache.keys().next().value as string;
      held -= cache.get(oldest)!.text.length;
      cache.delete(oldest);
    }
    return fresh;
  }

  /** Problems of one command line on its own, as the ccmsetup rules see it. */
  function checkLine(text: string, context?: LineContext, intent?: LineIntent): Problem[] {
    if (text.length > maxLengthFor('ccmsetup')) return [tooLarge(text.length)];
    const line = parseCommandLine(text, { catalog, context: context === 'unknown' ? undefined : context });
    if (intent) line.intent = intent;
    const budget = newBudget();
    const found = capProblems(analyzeCcmsetup({ text, lines: [line], comments: [] }, { catalog, settings, budget, now: now() }));
    const cut = cutShort(budget);
    return cut ? [...found, cut] : found;
  }

  function manifestAnalysis(entry: Extract<Parsed, { kind: 'manifest' }>, lines: LineCache | undefined, uri: string): ManifestAnalysis {
    return drain(manifestAnalysisSteps(entry, lines, newBudget(), uri));
  }

  function* manifestAnalysisSteps(entry: Extract<Parsed, { kind: 'manifest' }>, lines: LineCache | undefined, budget: Budget, uri: string): Steps<ManifestAnalysis> {
    while (!entry.analysis) {
      const exports = exportsByUri.get(uri);
      const analysis = yield* analyzeManifestSteps(entry.plan.document, entry.plan, { catalog, settings, budget, now: now(), lines, exports });
      // New exports arrived while this analysis paused: it compared the old ones, so it runs again.
      if (exportsByUri.get(uri) !== exports) continue;
      const cut = cutShort(budget);
      // Listed after the cap so it is never the finding that gets dropped.
      entry.analysis = { ...analysis, problems: cut ? [...capProblems(analysis.problems), cut] : capProblems(analysis.problems) };
    }
    return entry.analysis;
  }

  function* problemSteps(document: TextDocument): Steps<Problem[]> {
    const entry = yield* parsedSteps(document);
    // Parsing is bounded by the size limits; the budget bounds the checks, which may pause in between.
    const budget = newBudget();
    if (!entry) {
      const length = document.getText().length;
      const kind = kindOf(document);
      return kind !== 'none' && length > maxLengthFor(kind) ? [tooLarge(length, maxLengthFor(kind))] : [];
    }
    const lines = cache.get(document.uri)?.lines;
    yield;
    if (entry.kind === 'manifest') return (entry.problems ??= (yield* manifestAnalysisSteps(entry, lines, budget, document.uri)).problems);
    if (isScript(entry)) {
      if (!entry.problems) {
        const { script } = entry;
        const lineOf = (offset: number) => document.positionAt(offset).line;
        const all: Problem[] = [];
        // One line at a time, so each finding is placed through its own invocation's map.
        for (let i = 0; i < script.embedded.length; i++) {
          const line = script.document.lines[i];
          // An invocation checked in an earlier version (same key, lineCache.ts) keeps its findings.
          const found = lines?.problems(line) ?? (yield* analyzeCcmsetupSteps({ ...script.document, lines: [line] }, { catalog, settings, budget, now: now(), lines }));
          all.push(...scriptProblems(found, script.embedded[i], settings, lineOf));
        }
        all.push(...scriptDirectiveProblems(script, settings));
        all.push(...scriptDocumentProblems(script, settings));
        all.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
        const placed = capProblems(all);
        const cut = cutShort(budget);
        entry.problems = cut ? [...placed, cut] : placed;
      }
      return entry.problems;
    }
    if (!entry.problems) {
      const found = capProblems(yield* analyzeCcmsetupSteps(entry.ccmsetup, { catalog, settings, budget, now: now(), lines }));
      const cut = cutShort(budget);
      entry.problems = cut ? [...found, cut] : found;
    }
    return entry.problems;
  }

  const problems = (document: TextDocument) => drain(problemSteps(document));

  // Every answer about a document leaves through its token masker (maskOutputs.ts).
  return withMaskedOutputs({
    forget(uri) {
      cache.delete(uri);
      parsing.delete(uri);
      exportsByUri.delete(uri);
    },
    setExports,
    getSources(document) {
      const entry = parsed(document);
      const node = entry?.kind === 'manifest' ? entry.plan.node('sources') : undefined;
      if (node?.kind !== 'seq') return [];
      return node.items.flatMap((item) => (item?.kind === 'scalar' && typeof item.value === 'string' && item.value.trim() !== '' ? [item.value.trim()] : []));
    },
    configure(next) {
      settings = next ?? {};
      settingsGeneration++;
      for (const cached of cache.values()) {
        // Problems remembered per line were found with the old settings.
        cached.lines = newLineCache();
        cached.parsed.problems = undefined;
        if (cached.parsed.kind === 'manifest') cached.parsed.analysis = undefined;
      }
    },
    kindOf,
    analyze: problems,
    doValidation: (document) => toDiagnostics(document, problems(document)),
    *parseSteps(document) {
      yield* parsedSteps(document);
    },
    *validationSteps(document) {
      return toDiagnostics(document, yield* problemSteps(document));
    },
    *problemSteps(document) {
      yield* problemSteps(document);
    },
    doComplete(document, requested) {
      const entry = parsed(document);
      const position = clamp(document, requested);
      if (!entry) return EMPTY_COMPLETION;
      if (isScript(entry)) {
        // Only inside an invocation's arguments: elsewhere the script's own language extension answers.
        const embedded = inArguments(entry.script.embedded, document.offsetAt(position));
        if (!embedded) return EMPTY_COMPLETION;
        return encodeCompletions(doComplete(document, entry.script.document, position, catalog, SCRIPT_WORD_STOPS), embedded, (p) => document.offsetAt(p));
      }
      return entry.kind === 'ccmsetup'
        ? doComplete(document, entry.ccmsetup, position, catalog)
        : doManifestComplete(document, entry.plan, position, catalog, settings);
    },
    doResolve: (item) => resolveCompletion(item, catalog),
    doHover(document, requested) {
      const entry = parsed(document);
      const position = clamp(document, requested);
      if (!entry) return null;
      if (isScript(entry)) {
        const offset = document.offsetAt(position);
        const embedded = inArguments(entry.script.embedded, offset);
        if (!embedded) return null;
        const hover = doHover(document, entry.script.document, position, catalog);
        const note = symbolNote(embedded, offset, (at) => document.positionAt(at).line);
        if (!note) return hover;
        if (!hover) return { contents: { kind: 'markdown', value: note } };
        const value = typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
        return { ...hover, contents: { kind: 'markdown', value: `${value}\n\n---\n${note}` } };
      }
      return entry.kind === 'ccmsetup'
        ? doHover(document, entry.ccmsetup, position, catalog)
        : doManifestHover(document, entry.plan, position, catalog);
    },
    getCodeActions(document, range) {
      const actions = getCodeActions(document, problems(document), range);
      // Unknown checks aren't diagnostics: their quick fix sits on the key the missing fact belongs under.
      const entry = parsed(document);
      return entry?.kind === 'manifest' && entry.analysis ? [...actions, ...missingFactActions(document, entry.analysis.readiness, range)] : actions;
    },
    findDocumentSymbols(document) {
      const entry = parsed(document);
      if (!entry || isScript(entry)) return [];
      return entry.kind === 'ccmsetup' ? findDocumentSymbols(document, entry.ccmsetup) : findManifestSymbols(document, entry.plan);
    },
    checkCommandLine(text, context, intent) {
      return { problems: checkLine(text, context, intent), length: text.length, limit: INTUNE_COMMAND_LINE_LIMIT };
    },
    insertionPoint(document, requested, text) {
      const entry = parsed(document);
      const kind = kindOf(document);
      if (entry && isScript(entry)) {
        const offset = document.offsetAt(clamp(document, requested));
        const embedded = inArguments(entry.script.embedded, offset);
        if (!embedded) return { kind, refused: 'The cursor is not inside the arguments of a ccmsetup invocation.' };
        const encoded = embedded.encode(argumentsFor(text, embedded.context), offset);
        return encoded === undefined ? { kind, refused: 'The line can\'t be written safely at the cursor in this script.' } : { kind, text: encoded };
      }
      if (kind === 'ccmsetup') return { kind, text };
      return { kind, refused: kind === 'manifest' ? 'A workload manifest is YAML: set the line as a policy\'s command line instead.' : 'Not a ccmsetup file or script.' };
    },
    planFacts(document) {
      const entry = parsed(document);
      return entry?.kind === 'manifest' ? planFacts(entry.plan) : {};
    },
    setPolicyCommandLine(document, index, commandLine) {
      if (kindOf(document) !== 'manifest') return { refused: 'Only a workload manifest (*.comanage.yaml) has policies.' };
      const result = setPolicyCommandLine(document.getText(), index, commandLine);
      if ('refused' in result) return result;
      return { edits: result.edits.map((e) => ({ range: { start: document.positionAt(e.span.start), end: document.positionAt(e.span.end) }, newText: e.newText })) };
    },
    intuneCommandLine(text) {
      if (text.length > MAX_LINE_LENGTH) {
        return { length: text.length, limit: INTUNE_COMMAND_LINE_LIMIT, problems: [], refused: `The line has ${text.length.toLocaleString('en-US')} characters; Intune takes ${INTUNE_COMMAND_LINE_LIMIT.toLocaleString('en-US')}.` };
      }
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
    getReadiness(document, options) {
      if (options?.exports) setExports(document.uri, options.exports);
      const entry = parsed(document);
      if (entry?.kind !== 'manifest') return [];
      return manifestAnalysis(entry, cache.get(document.uri)?.lines, document.uri).readiness.map((result) => ({
        id: result.id,
        area: result.area,
        title: result.title,
        status: result.status,
        message: result.message,
        docUrl: result.docUrl,
        range: result.span ? { start: document.positionAt(result.span.start), end: document.positionAt(result.span.end) } : undefined,
        ...(result.missing ? { missing: result.missing.map(({ insert, ...fact }) => ({ ...fact, ...(insert ? { insert: { position: document.positionAt(insert.offset), snippet: insert.snippet } } : {}) })) } : {}),
      }));
    },
    getReadinessState(document, options) {
      const checks = this.getReadiness(document, options);
      const entry = parsed(document);
      if (entry?.kind !== 'manifest') return { checks };
      const { problems, declined } = entry.plan.document;
      // Readiness runs only on a plan the YAML parser read (manifest/analyze.ts): say why it didn't.
      const problem = problems.find((p) => p.code === 'yaml-syntax') ?? (declined ? problems[0] : undefined);
      if (!problem) return { checks };
      const start = document.positionAt(problem.span.start);
      return { checks, parseError: { message: problem.message, line: start.line + 1, range: { start, end: document.positionAt(problem.span.end) } } };
    },
    setManifestValues(document, values) {
      if (kindOf(document) !== 'manifest') return { edits: [], refused: 'Answers are written into a workload manifest (*.comanage.yaml).' };
      const result = setValues(document.getText(), values.map(({ path, value }) => ({ path, value: typedAnswer(path, value) })));
      return {
        edits: result.edits.map((edit) => ({ range: { start: document.positionAt(edit.start), end: document.positionAt(edit.end) }, newText: edit.newText })),
        refused: result.refused,
      };
    },
    importGraphExports(document, files, options) {
      if (kindOf(document) !== 'manifest') {
        return { objects: 0, files: files.length, written: 0, same: 0, conflicts: [], leftOut: [], skipped: [], errors: [], notes: [], refused: 'Graph exports are imported into a workload manifest (*.comanage.yaml).' };
      }
      const text = document.getText();
      if (text.length > MAX_MANIFEST_LENGTH) {
        return { objects: 0, files: files.length, written: 0, same: 0, conflicts: [], leftOut: [], skipped: [], errors: [], notes: [], refused: 'The plan is too large to import into.' };
      }
      return importIntoPlan(text, files, options);
    },
  });
}
