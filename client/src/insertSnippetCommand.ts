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
  let target = document.validatePosition(new vscode.Position(at.line, at.character));
  let text = snippet;
  // VS Code indents a snippet's new lines like the line it starts on; the server's snippets carry
  // their own indentation, so one that starts with a line break starts, after it, at column 0.
  if (text.startsWith('\n') && target.character > 0) {
    if (!(await editor.edit((edit) => edit.insert(target, '\n'), { undoStopBefore: true, undoStopAfter: false }))) return false;
    target = new vscode.Position(target.line + 1, 0);
    text = text.slice(1);
  }
  editor.selection = new vscode.Selection(target, target);
  return editor.insertSnippet(new vscode.SnippetString(text), target);
}
