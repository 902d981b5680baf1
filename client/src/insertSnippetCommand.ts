// comanage.insertSnippet [uri, position, snippet]: the quick fix of an unknown readiness check (and
// the Readiness view's action) inserts the missing key where it belongs, with its allowed values as
// snippet choices. A snippet needs an editor, so this opens the document first.
import * as vscode from 'vscode';
import { Position } from './model/protocol';

export async function insertSnippet(uri: unknown, position: unknown, snippet: unknown): Promise<boolean> {
  if (typeof uri !== 'string' && !(uri instanceof vscode.Uri)) return false;
  const at = position as Partial<Position> | undefined;
  if (typeof snippet !== 'string' || typeof at?.line !== 'number' || typeof at.character !== 'number') return false;
  const document = await vscode.workspace.openTextDocument(typeof uri === 'string' ? vscode.Uri.parse(uri) : uri);
  const editor = await vscode.window.showTextDocument(document);
  const target = new vscode.Position(at.line, at.character);
  editor.selection = new vscode.Selection(target, target);
  return editor.insertSnippet(new vscode.SnippetString(snippet), target);
}
