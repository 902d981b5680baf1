// `comanage.insertSnippet` [uri, position, snippet]: the editor's quick fix and the Readiness
// view's "Add the missing key" insert a missing key through it, as a snippet whose choices are the
// allowed values.
import * as vscode from 'vscode';
import { Position } from './model/protocol';

export async function insertSnippet(uri: string | vscode.Uri, position: Position, snippet: string): Promise<boolean> {
  const target = typeof uri === 'string' ? vscode.Uri.parse(uri) : uri;
  const document = await vscode.workspace.openTextDocument(target);
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  return editor.insertSnippet(new vscode.SnippetString(snippet), new vscode.Position(position.line, position.character));
}
