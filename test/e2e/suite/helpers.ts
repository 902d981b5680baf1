// Shared by the end-to-end tests: fixtures, waiting on VS Code's events (never on a clock), and the
// core's own answers to compare VS Code's with. Runs inside the extension host.
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../../../server/src/core/languageService';

export const EXTENSION_ID = 'comanage.comanage';
/** Upper bound for anything VS Code and the server do after an edit or an open. */
export const EVENT_TIMEOUT_MS = 10_000;

export function extension(): vscode.Extension<unknown> {
  const found = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(found, `extension ${EXTENSION_ID} is not installed in this VS Code`);
  return found;
}

export function fixtureUri(name: string): vscode.Uri {
  return vscode.Uri.joinPath(extension().extensionUri, 'client', 'testFixture', name);
}

/** Opens a fixture in an editor, as a user would. */
export async function openFixture(name: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(fixtureUri(name));
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}

export function codeOf(diagnostic: vscode.Diagnostic): string | number | undefined {
  const { code } = diagnostic;
  return typeof code === 'object' ? code.value : code;
}

export function describeDiagnostics(diagnostics: readonly vscode.Diagnostic[]): string {
  if (!diagnostics.length) return '(none)';
  return diagnostics.map((d) => `${codeOf(d)}@${d.range.start.line}:${d.range.start.character}`).join(', ');
}

/**
 * Resolves with a document's diagnostics once `accept` holds for them: at once if it already does,
 * otherwise on a later onDidChangeDiagnostics for that document. Fails after EVENT_TIMEOUT_MS.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean,
  what = 'the expected diagnostics',
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    let subscription: vscode.Disposable | undefined;
    const timer = setTimeout(() => {
      subscription?.dispose();
      reject(new Error(`timed out after ${EVENT_TIMEOUT_MS} ms waiting for ${what} on ${uri.path}; `
        + `have ${describeDiagnostics(vscode.languages.getDiagnostics(uri))}`));
    }, EVENT_TIMEOUT_MS);
    const check = (): boolean => {
      const diagnostics = vscode.languages.getDiagnostics(uri);
      if (!accept(diagnostics)) return false;
      clearTimeout(timer);
      subscription?.dispose();
      resolve(diagnostics);
      return true;
    };
    if (check()) return;
    subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === uri.toString())) check();
    });
  });
}

export const hasCode = (code: string) => (diagnostics: vscode.Diagnostic[]) => diagnostics.some((d) => codeOf(d) === code);
export const lacksCode = (code: string) => (diagnostics: vscode.Diagnostic[]) => !diagnostics.some((d) => codeOf(d) === code);

/** Replaces a document's whole text (unsaved: the fixtures on disk never change). */
export async function setText(document: vscode.TextDocument, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(0, 0, document.lineCount, 0), text);
  assert.ok(await vscode.workspace.applyEdit(edit), `could not edit ${document.uri.path}`);
  assert.strictEqual(document.getText(), text);
}

/**
 * Makes sure the server has handled everything sent before: adds a line with a known mistake to a
 * ccmsetup document, waits for its diagnostic, then restores the text and waits for it to go. The
 * server answers in order, so anything it would have reported for earlier messages has arrived.
 */
export async function roundTripThroughServer(document: vscode.TextDocument): Promise<void> {
  const original = document.getText();
  const marker = 'ccmsetup.exe /mp:smsmp01.contoso.com SMSSITECODE:ABC';
  try {
    await setText(document, `${original}${original.endsWith('\n') ? '' : '\n'}${marker}\n`);
    await waitForDiagnostics(document.uri, hasCode('property-uses-colon'), 'the marker line\'s property-uses-colon');
  } finally {
    await setText(document, original);
  }
  await waitForDiagnostics(document.uri, lacksCode('property-uses-colon'), 'the marker line\'s problem to go');
}

/** The core's own answers for a VS Code document: what the server should be sending. */
export function core(document: vscode.TextDocument) {
  const service = getLanguageService();
  const doc = TextDocument.create(document.uri.toString(), document.languageId, document.version, document.getText());
  return {
    diagnostics: () => service.doValidation(doc),
    hover: (position: vscode.Position) => service.doHover(doc, position),
    completion: (position: vscode.Position) => service.doComplete(doc, position),
    codeActions: (range: vscode.Range) => service.getCodeActions(doc, range),
    symbols: () => service.findDocumentSymbols(doc),
  };
}

/** A VS Code range as [startLine, startChar, endLine, endChar], to compare with the core's ranges. */
export function rangeOf(range: vscode.Range | { start: { line: number; character: number }; end: { line: number; character: number } }): number[] {
  return [range.start.line, range.start.character, range.end.line, range.end.character];
}

export function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

export function hoverText(hover: vscode.Hover): string {
  return hover.contents.map((part) => (typeof part === 'string' ? part : part.value)).join('\n');
}
