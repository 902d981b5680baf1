// Problems for the workspace's closed files. Open documents are validated as they change (server.ts);
// this checks every other comanage file of the workspace folders in the background, so a broken
// .ccmsetup file nobody opened still shows in the Problems panel. It publishes with the same
// `textDocument/publishDiagnostics` as open documents (an open document's text wins: its file is
// skipped here, and checked again from disk when it closes), so every editor shows them and each
// file has one owner. Bounded (WORKSPACE_LIMITS, node/workspaceWalk.ts), one file at a time in
// 8 ms slices; files that change on disk arrive as workspace/didChangeWatchedFiles.
import { exportsOf, listsSources } from './exportSources';
import { fileURLToPath, pathToFileURL } from 'url';
import {
  CancellationToken, Connection, Diagnostic, DidChangeWatchedFilesNotification, FileChangeType, FileEvent, TextDocuments,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { LanguageService, ReadinessState } from './core/languageService';
import { documentKindOf, isScriptKind, type Problem } from './core/languageTypes';
import { WORKSPACE_LIMITS } from './core/limits';
import { mentionsHostTarget } from './core/hosts/host';
import { hostFor } from './core/hosts';
import { toDiagnostics } from './core/services/diagnostics';
import { readTextFile } from './node/readText';
import { ALWAYS_SKIPPED, excludedNames, walkWorkspace } from './node/workspaceWalk';
import type { Steps } from './core/steps';
import { runInSlices } from './utils/runInSlices';
import { describeError, tryRun } from './utils/runSafe';

/** The file watcher the server asks the editor for: every kind of file it checks. */
export const WATCHED_FILES = '**/*.{ccmsetup,comanage.yaml,comanage.yml,ps1,psm1,cmd,bat,PS1,PSM1,CMD,BAT}';

export interface WorkspaceDiagnostics {
  /** Lists the folders (file: URIs) and checks what it finds; a second call starts over. */
  start(folderUris: readonly string[], filesExclude?: unknown): void;
  /** A document closed: its file on disk is what counts again. */
  closed(uri: string): void;
  /** Settings changed: every closed file is checked again. */
  recheckAll(): void;
  /** The readiness of a closed manifest, read from disk; undefined when it is open or can't be read. */
  readiness(uri: string, token: CancellationToken): Promise<ReadinessState | undefined>;
  stop(): void;
}

/** What the editor can do: file events (dynamic registration) and workspace folder changes. */
export interface EditorSupport { watch: boolean; folders: boolean }

export function workspaceDiagnostics(connection: Connection, documents: TextDocuments<TextDocument>, service: LanguageService, editor: EditorSupport): WorkspaceDiagnostics {
  let roots: string[] = [];
  /** Closed files we check: URI → path on disk. */
  const known = new Map<string, string>();
  /** URIs whose last diagnostics from here were not empty (so an empty list must follow when they go). */
  const published = new Set<string>();
  const queue = new Set<string>();
  let busy = false;
  let stopped = false;
  let walkGeneration = 0;
  let following = false;
  /**
   * Readiness of closed manifests by their text: the Readiness view asks for every manifest after each
   * edit to one, and an unchanged file needn't be analysed again. Cleared with the settings; at most 200.
   */
  const readinessOf = new Map<string, { text: string; state: ReadinessState }>();
  let watching = false;

  // One spelling per file: editors escape paths differently (VS Code writes `c%3A` for `c:`), so every
  // URI is compared and kept as Node spells it; the editor reads either as the same file.
  const isOpen = (uri: string) => documents.get(uri) !== undefined || documents.all().some((d) => canonical(d.uri) === uri);
  const publish = (uri: string, diagnostics: Diagnostic[]) => {
    if (stopped || isOpen(uri)) return;
    if (!diagnostics.length && !published.delete(uri)) return;
    if (diagnostics.length) published.add(uri);
    void connection.sendDiagnostics({ uri, diagnostics });
  };
  const inRoots = (file: string) => roots.some((root) => file === root || file.startsWith(root.endsWith('/') || root.endsWith('\\') ? root : `${root}${file.includes('\\') ? '\\' : '/'}`));
  // JSON files (Graph exports) are checked when opened, not in the background: most JSON in a
  // workspace is something else, and would crowd the file limit and the size notice.
  const isOurs = (uri: string) => uri.startsWith('file:') && documentKindOf(uri) !== 'none' && documentKindOf(uri) !== 'json';
  // By URI: documentKindOf decodes %-escapes, which a plain path may hold unescaped.
  const kindOfPath = (file: string) => documentKindOf(pathToFileURL(file).href);

  /** The file's text as a document, with what decoding it found; undefined when it can't be read. */
  function readDocument(uri: string, file: string): { document: TextDocument; problems: Problem[]; checked: boolean } | undefined {
    try {
      const decoded = readTextFile(file, WORKSPACE_LIMITS.maxFileBytes);
      const document = TextDocument.create(uri, documentKindOf(uri), 0, decoded.text);
      // A script that never names ccmsetup is not ours: nothing to say about it, not even its encoding.
      const kind = documentKindOf(uri);
      const quiet = isScriptKind(kind) && decoded.problem?.severity !== 'error' && !mentionsHostTarget(hostFor(kind), decoded.text);
      return { document, problems: decoded.problem && !quiet ? [decoded.problem] : [], checked: decoded.encoding !== 'none' && !quiet };
    } catch {
      return undefined;
    }
  }

  function enqueue(uri: string): void {
    queue.add(uri);
    if (!busy) setImmediate(next);
  }

  function next(): void {
    if (busy || stopped) return;
    const uri = queue.values().next().value as string | undefined;
    if (uri === undefined) return;
    queue.delete(uri);
    busy = true;
    const finish = () => { busy = false; setImmediate(next); };
    const file = known.get(uri);
    if (!file || isOpen(uri)) return finish();
    // Scripts switched off (comanage.scripts.enabled): not even read.
    if (service.kindOf(TextDocument.create(uri, 'plaintext', 0, '')) === 'none') return publish(uri, []), finish();
    const read = readDocument(uri, file);
    if (!read) return publish(uri, []), finish();
    const { document, problems, checked } = read;
    const found = toDiagnostics(document, problems);
    if (!checked) return publish(uri, found), finish();
    // Dropped when the document opens meanwhile (its own validation publishes) or the server stops.
    const wanted = () => (stopped || isOpen(uri) ? (finish(), false) : true);
    runInSlices(() => service.validationSteps(document), wanted, (diagnostics) => {
      service.forget(uri); // the editor's open documents keep the core's cache
      publish(uri, [...found, ...diagnostics]);
      finish();
    }, (error) => {
      connection.console.error(`comanage: checking a workspace file failed: ${describeError(error)}`);
      finish();
    });
  }

  function filesChanged(changes: readonly FileEvent[]): void {
    for (const change of changes) {
      const { type } = change;
      const uri = canonical(change.uri);
      if (type === FileChangeType.Deleted) {
        // A deleted folder arrives as one event: everything under it goes (a file is looked up directly).
        const prefix = uri.endsWith('/') ? uri : `${uri}/`;
        const under = known.has(uri) ? [uri] : [...known.keys()].filter((k) => k.startsWith(prefix));
        for (const gone of under) {
          known.delete(gone);
          queue.delete(gone);
          publish(gone, []);
        }
      } else if (isOurs(uri) && !isOpen(uri)) {
        const file = fileURLToPath(uri);
        if (!inRoots(file) || (!known.has(uri) && known.size >= WORKSPACE_LIMITS.maxFiles)) continue;
        known.set(uri, file);
        enqueue(uri);
      }
    }
  }
  if (editor.watch) connection.onDidChangeWatchedFiles((params) => tryRun(connection, 'didChangeWatchedFiles', () => filesChanged(params?.changes ?? []), undefined));

  const api: WorkspaceDiagnostics = {
    start(folderUris, filesExclude) {
      const generation = ++walkGeneration;
      if (editor.folders && !following) {
        following = true;
        // A folder added or removed: list them all again (the files of a removed one leave the Problems panel).
        let current = [...folderUris];
        connection.workspace.onDidChangeWorkspaceFolders(({ added, removed }) => {
          current = [...current.filter((uri) => !removed.some((f) => f.uri === uri)), ...added.map((f) => f.uri)];
          api.start(current, filesExclude);
        });
      }
      roots = folderUris.filter((u) => u.startsWith('file:')).map((u) => fileURLToPath(u));
      const before = new Set(known.keys());
      const forgetMissing = (found: ReadonlySet<string>) => {
        for (const uri of before) {
          if (found.has(uri)) continue;
          known.delete(uri);
          queue.delete(uri);
          publish(uri, []);
        }
      };
      if (!roots.length) return forgetMissing(new Set());
      if (editor.watch && !watching) watching = true, void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: WATCHED_FILES }] });
      const skipped = new Set([...ALWAYS_SKIPPED, ...excludedNames(filesExclude)]);
      const wanted = (file: string) => kindOfPath(file) !== 'none' && kindOfPath(file) !== 'json';
      void walkWorkspace(roots, { wanted, skipped, maxFileBytes: WORKSPACE_LIMITS.maxFileBytes, limits: WORKSPACE_LIMITS, cancelled: () => stopped || generation !== walkGeneration })
        .then(({ files, truncated, tooLarge }) => {
          if (stopped || generation !== walkGeneration) return;
          if (tooLarge) connection.console.info(`comanage: ${tooLarge} workspace file${tooLarge === 1 ? ' is' : 's are'} over ${WORKSPACE_LIMITS.maxFileBytes / 1024} KB; they are checked when opened.`);
          if (truncated) connection.console.info(`comanage: the workspace has more files than the background check takes (${truncated}); the rest are checked when opened.`);
          // The command lines and plans first, scripts after: scripts are many and mostly not ours.
          const order = (file: string) => (isScriptKind(kindOfPath(file)) ? 1 : 0);
          const found = new Set<string>();
          for (const { path } of files.sort((a, b) => order(a.path) - order(b.path))) {
            const uri = pathToFileURL(path).href;
            found.add(uri);
            known.set(uri, path);
            enqueue(uri);
          }
          forgetMissing(found);
        }, (error) => connection.console.error(`comanage: listing the workspace failed: ${describeError(error)}`));
    },
    closed(raw) {
      const uri = canonical(raw);
      if (known.has(uri)) enqueue(uri);
      else filesChanged([{ uri, type: FileChangeType.Changed }]);
    },
    recheckAll() {
      readinessOf.clear();
      for (const uri of known.keys()) enqueue(uri);
    },
    async readiness(raw, token) {
      const uri = canonical(raw);
      if (isOpen(uri) || documentKindOf(uri) !== 'manifest' || !uri.startsWith('file:')) return undefined;
      const read = readDocument(uri, fileURLToPath(uri));
      if (!read?.checked) return undefined;
      const { document } = read;
      const text = document.getText();
      // A plan listing the tenant's exports is compared with them as they are now: never from the cache.
      const withSources = listsSources(text);
      const cached = readinessOf.get(uri);
      if (cached?.text === text && !withSources) return cached.state;
      const done = await finished(() => service.problemSteps(document), () => !stopped && !token.isCancellationRequested);
      try {
        if (!done) return undefined;
        const exports = withSources ? await exportsOf(service, document) : undefined;
        const state = service.getReadinessState(document, exports ? { exports } : undefined);
        if (readinessOf.size >= 200) readinessOf.clear();
        if (!withSources) readinessOf.set(uri, { text, state });
        return state;
      } finally {
        if (!isOpen(uri)) service.forget(uri);
      }
    },
    stop() {
      stopped = true;
      queue.clear();
    },
  };
  return api;
}

/** A file: URI as Node spells it (anything else as it is). */
export function canonical(uri: string): string {
  try {
    return uri.startsWith('file:') ? pathToFileURL(fileURLToPath(uri)).href : uri;
  } catch {
    return uri;
  }
}

/** Runs steps in slices; true once they finished, false when no longer wanted or they failed. */
function finished(steps: () => Steps<unknown>, wanted: () => boolean): Promise<boolean> {
  return new Promise((resolve) => runInSlices(steps, () => wanted() || (resolve(false), false), () => resolve(true), () => resolve(false)));
}
