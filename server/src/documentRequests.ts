// The requests about one open document: completion, hover, code actions, outline. Each first
// finishes the document's parse (code actions: its findings) a slice at a time, as validation does,
// so no request does a large file's work in one go; then the core answers, inside runSafe.
import { CancellationToken, CodeActionParams, Connection } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { LanguageService } from './core/languageService';
import type { Steps } from './core/steps';
import { runInSlices } from './utils/runInSlices';
import { describeError, runSafe } from './utils/runSafe';

export function registerDocumentRequests(
  connection: Connection, languageService: LanguageService, checkedDocument: (uri: string) => TextDocument | undefined,
): void {
  /**
   * Before a request reads a document, its parse (or, for code actions, its findings) is finished
   * a slice at a time, like a validation: a request never does a large file's work in one go.
   */
  function ready(doc: TextDocument, steps: () => Steps<unknown>, token: CancellationToken): Promise<void> {
    // A cancelled request stops the work and is answered at once (runSafe says "cancelled").
    return new Promise((resolve) => runInSlices(steps, () => (token.isCancellationRequested ? (resolve(), false) : true), () => resolve(), (error) => {
      connection.console.error(`comanage: preparing a request failed: ${describeError(error)}`);
      resolve();
    }));
  }
  /** The open, checked document a request names, if its parameters are well formed. */
  const documentOf = (params: unknown) => {
    const uri = (params as { textDocument?: { uri?: unknown } } | null)?.textDocument?.uri;
    return typeof uri === 'string' ? checkedDocument(uri) : undefined;
  };
  const parsedFirst = (params: unknown, token: CancellationToken) => {
    const doc = documentOf(params);
    return doc ? ready(doc, () => languageService.parseSteps(doc), token) : Promise.resolve();
  };

  connection.onCompletion(async (params, token) => {
    const empty = { isIncomplete: false, items: [] };
    await parsedFirst(params, token);
    return runSafe(connection, 'completion', () => {
      const doc = checkedDocument(params.textDocument.uri);
      return doc ? languageService.doComplete(doc, params.position) : empty;
    }, empty, token);
  });

  connection.onCompletionResolve((item, token) => runSafe(connection, 'completionResolve', () => languageService.doResolve(item), item, token));

  connection.onHover(async (params, token) => {
    await parsedFirst(params, token);
    return runSafe(connection, 'hover', () => {
      const doc = checkedDocument(params.textDocument.uri);
      return doc ? languageService.doHover(doc, params.position) : null;
    }, null, token);
  });

  connection.onCodeAction(async (params, token) => {
    const pending = documentOf(params);
    // Only the problems: converting and masking every diagnostic here would be thrown away.
    if (pending) await ready(pending, () => languageService.problemSteps(pending), token);
    return runSafe(connection, 'codeAction', () => codeActions(params), [], token);
  });

  const codeActions = (params: CodeActionParams) => {
    const doc = checkedDocument(params.textDocument.uri);
    if (!doc) return [];
    const only = params.context.only;
    const actions = languageService.getCodeActions(doc, params.range);
    // Honour a client's kind filter (e.g. "source.fixAll" only): quick fixes and one source.fixAll.comanage.
    if (!only?.length) return actions;
    return actions.filter(({ kind = '' }) => only.some((k) => kind === k || kind.startsWith(`${k}.`)));
  };

  connection.onDocumentSymbol(async (params, token) => {
    await parsedFirst(params, token);
    return runSafe(connection, 'documentSymbol', () => {
      const doc = checkedDocument(params.textDocument.uri);
      return doc ? languageService.findDocumentSymbols(doc) : [];
    }, [], token);
  });
}
