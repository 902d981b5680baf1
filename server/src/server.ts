// LSP glue: documents in, core results out. No rule logic lives here; everything a user sees comes
// from the core facade. Document kind comes from the URI (languageService.kindOf), never languageId.
import {
  CodeActionKind, Connection, Diagnostic, DidChangeConfigurationNotification, InitializeResult,
  TextDocumentSyncKind, TextDocuments,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { FIX_ALL_KIND, getLanguageService } from './core/languageService';
import { LineContext } from './core/ccmsetup/ast';
import { documentKindOf } from './core/languageTypes';
import { registerDocumentRequests } from './documentRequests';
import { intentOf, registerGeneratorRequests } from './generatorRequests';
import { registerManifestRequests } from './manifestRequests';
import { SETTINGS_SECTION, initialSettings, sanitizeSettings } from './settings';
import { runInSlices } from './utils/runInSlices';
import { describeError, runSafe, tryRun } from './utils/runSafe';
import { WorkspaceDiagnostics, workspaceDiagnostics } from './workspaceDiagnostics';
import { refreshExports, withSources } from './exportSources';

export const READINESS_REQUEST = 'comanage/readiness';
export const CHECK_LINE_REQUEST = 'comanage/checkCommandLine';
export const INTUNE_LINE_REQUEST = 'comanage/intuneCommandLine';
export const EXPORT_POLICY_REQUEST = 'comanage/exportPolicy';
export const POLICIES_REQUEST = 'comanage/policies';
export { INSERTION_POINT_REQUEST, PLAN_FACTS_REQUEST, SET_POLICY_LINE_REQUEST } from './generatorRequests';
export { IMPORT_GRAPH_REQUEST, SET_VALUES_REQUEST, TEMPLATES_REQUEST } from './manifestRequests';
/** Typing settles before we validate. COMANAGE_VALIDATION_DELAY_MS (0-2000) overrides it; the benchmark uses 0. */
function validationDelayMs(raw = process.env.COMANAGE_VALIDATION_DELAY_MS): number {
  const ms = Number(raw);
  return raw && Number.isInteger(ms) && ms >= 0 && ms <= 2000 ? ms : 200;
}
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const languageService = getLanguageService();
  const pending = new Map<string, () => void>(); // cancels the validation a document has waiting
  const delayMs = validationDelayMs();
  let canPullConfiguration = false;
  let canRegisterConfiguration = false;
  // After `shutdown` nothing is published any more (the lifecycle gate drops later notifications).
  let shutDown = false;
  // Closed files of the workspace folders, checked in the background (workspaceDiagnostics.ts).
  let closedFiles: WorkspaceDiagnostics | undefined;
  let folders: string[] = [];

  const isChecked = (doc: TextDocument) => tryRun(connection, 'kindOf', () => languageService.kindOf(doc), 'none') !== 'none';

  connection.onInitialize((params): InitializeResult => {
    const workspace = params.capabilities?.workspace;
    canPullConfiguration = !!workspace?.configuration;
    canRegisterConfiguration = !!workspace?.didChangeConfiguration?.dynamicRegistration;
    folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    closedFiles = workspaceDiagnostics(connection, documents, languageService, { watch: !!workspace?.didChangeWatchedFiles?.dynamicRegistration, folders: !!workspace?.workspaceFolders });
    tryRun(connection, 'configure', () => languageService.configure(initialSettings(params.initializationOptions)), undefined);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: ['/', '=', ':', ' '], resolveProvider: true },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        documentSymbolProvider: true,
      },
      serverInfo: { name: 'comanage' },
    };
  });

  connection.onInitialized(() => {
    if (canRegisterConfiguration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION });
    }
    // The background check starts once the settings (comanage.scripts.enabled, files.exclude) are in.
    const exclude = canPullConfiguration ? connection.workspace.getConfiguration('files.exclude').catch(() => undefined) : Promise.resolve(undefined);
    void Promise.all([canPullConfiguration ? pullSettings() : undefined, exclude]).then(([, filesExclude]) => closedFiles?.start(folders, filesExclude));
  });

  async function pullSettings(): Promise<void> {
    try {
      applySettings(await connection.workspace.getConfiguration({ section: SETTINGS_SECTION }));
    } catch (error) {
      // Keep the current settings; the editor may simply not know the section yet.
      connection.console.error(`comanage: workspace/configuration failed: ${describeError(error)}`);
    }
  }

  function applySettings(raw: unknown): void {
    tryRun(connection, 'configure', () => languageService.configure(sanitizeSettings(raw)), undefined);
    for (const doc of documents.all()) scheduleValidation(doc);
    closedFiles?.recheckAll();
  }

  connection.onDidChangeConfiguration((change) => {
    if (canPullConfiguration) return void pullSettings();
    const settings = (change?.settings ?? {}) as Record<string, unknown>;
    applySettings(settings[SETTINGS_SECTION]);
  });

  function scheduleValidation(doc: TextDocument): void {
    cancelValidation(doc.uri);
    if (!isChecked(doc)) {
      // A script whose checks were just switched off (comanage.scripts.enabled) keeps no findings.
      if (documentKindOf(doc.uri) !== 'none') void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: [] });
      return;
    }
    const { uri, version } = doc;
    const validate = () => {
      pending.delete(uri);
      const current = documents.get(uri);
      // A newer edit has its own timer (or the document closed): this result would be stale.
      if (!current || current.version !== version || shutDown) return;
      // Results belong to this exact text: a second didOpen may bring other text under the same
      // version (a new document object), and an edit changes the version of this one.
      const text = current.getText();
      const wanted = () => !shutDown && documents.get(uri) === current && current.version === version && current.getText() === text;
      const publish = (diagnostics: Diagnostic[]) => {
        if (wanted()) void connection.sendDiagnostics({ uri, version, diagnostics });
      };
      const run = () => wanted() && runInSlices(() => languageService.validationSteps(current), wanted, publish, (error) => {
        connection.console.error(`comanage: validation failed: ${describeError(error)}`);
        publish([]);
      });
      // A plan's `sources:` (the tenant's exports) are read again with each version, before its checks run.
      withSources(languageService, current, run, (error) => connection.console.error(`comanage: reading the plan's sources failed: ${describeError(error)}`));
    };
    // A 0 ms timer still waits a millisecond or more; without a debounce, the next turn will do.
    if (delayMs === 0) {
      const immediate = setImmediate(validate);
      pending.set(uri, () => clearImmediate(immediate));
    } else {
      const timer = setTimeout(validate, delayMs);
      pending.set(uri, () => clearTimeout(timer));
    }
  }

  function cancelValidation(uri: string): void {
    pending.get(uri)?.();
    pending.delete(uri);
  }

  documents.onDidChangeContent((change) => scheduleValidation(change.document));
  documents.onDidClose((event) => {
    cancelValidation(event.document.uri);
    languageService.forget(event.document.uri);
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
    closedFiles?.closed(event.document.uri); // its file on disk counts again
  });

  /** Looks up an open, checked document; anything else gets the empty answer. */
  function checkedDocument(uri: string): TextDocument | undefined {
    const doc = documents.get(uri);
    return doc && isChecked(doc) ? doc : undefined;
  }

  registerDocumentRequests(connection, languageService, checkedDocument);

  // comanage/readiness { uri } → the readiness checks of a manifest, open or read from disk ([] for anything else).
  // With `detailed: true` → { checks, parseError? }: why a plan the YAML parser can't read has none.
  connection.onRequest(READINESS_REQUEST, async (params: { uri?: unknown; detailed?: unknown }, token) => {
    const uri = typeof params?.uri === 'string' ? params.uri : '';
    const detailed = params?.detailed === true;
    const closed = uri && !documents.get(uri) ? await closedFiles?.readiness(uri, token).catch(() => undefined) : undefined;
    // An open plan's exports are read again (the view's refresh sees a changed export); when they
    // changed, its diagnostics follow.
    const open = checkedDocument(uri);
    if (open && !closed && await refreshExports(languageService, open).catch(() => false) && documents.get(uri) === open) scheduleValidation(open);
    return runSafe(connection, 'readiness', () => {
      if (closed) return detailed ? closed : closed.checks;
      const doc = checkedDocument(uri);
      if (detailed) return doc ? languageService.getReadinessState(doc) : { checks: [] };
      return doc ? languageService.getReadiness(doc) : [];
    }, detailed ? { checks: [] } : [], token);
  });

  // Generators and commands in the client ask the core; the client holds no rule of its own.
  connection.onRequest(CHECK_LINE_REQUEST, (params: { text?: unknown; context?: LineContext; intent?: { authentication?: unknown } }, token) => runSafe(connection, 'checkCommandLine',
    () => languageService.checkCommandLine(String(params?.text ?? ''), params?.context, intentOf(params?.intent)), null, token));
  connection.onRequest(INTUNE_LINE_REQUEST, (params: { text?: unknown }, token) => runSafe(connection, 'intuneCommandLine',
    () => languageService.intuneCommandLine(String(params?.text ?? '')), null, token));
  connection.onRequest(EXPORT_POLICY_REQUEST, (params: { uri?: unknown; index?: unknown }, token) => runSafe(connection, 'exportPolicy', () => {
    const doc = typeof params?.uri === 'string' ? checkedDocument(params.uri) : undefined;
    return doc ? languageService.exportPolicy(doc, params.index as number /* as sent: the core refuses "0", 1.5, NaN */) : { notes: [], refused: 'Open the manifest first.' };
  }, null, token));
  connection.onRequest(POLICIES_REQUEST, (params: { uri?: unknown }, token) => runSafe(connection, 'policies', () => {
    const doc = typeof params?.uri === 'string' ? checkedDocument(params.uri) : undefined;
    return doc ? languageService.getPolicies(doc) : [];
  }, [], token));

  registerGeneratorRequests(connection, languageService, checkedDocument);
  registerManifestRequests(connection, languageService, checkedDocument);

  connection.onShutdown(() => {
    shutDown = true;
    closedFiles?.stop();
    for (const uri of [...pending.keys()]) cancelValidation(uri);
  });

  documents.listen(connection);
}
