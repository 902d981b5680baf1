// "Generate ccmsetup command line…": runs the steps (model/generator.ts) with the Ui, checking every
// value with the server, then inserts, copies or opens the line.
import * as vscode from 'vscode';
import { GeneratedLine, runGenerator } from './model/generator';
import { ServerRequests } from './requests';
import { UiSlot } from './ui';

export async function generateCommandLine(requests: ServerRequests, ui: UiSlot): Promise<GeneratedLine | undefined> {
  // The editor to insert into is the one active when the command started.
  const editor = vscode.window.activeTextEditor;
  const result = await runGenerator(ui.current, (text, context) => requests.checkLine(text, context), { canInsert: !!editor });
  if (!result) return undefined;
  const where = result.context === 'intune' ? ` (${result.length} of ${result.limit} characters)` : '';
  if (result.action === 'insert' && editor && !editor.document.isClosed) {
    const inserted = await editor.edit((edit) => edit.replace(editor.selection, result.text));
    if (!inserted) void ui.current.error('The command line could not be inserted: the editor changed. Run the command again.');
  } else if (result.action === 'open') {
    const document = await vscode.workspace.openTextDocument({ language: 'ccmsetup', content: `${result.text}\n` });
    await vscode.window.showTextDocument(document);
  } else {
    await vscode.env.clipboard.writeText(result.text);
    void ui.current.info(`Copied the command line${where}.`);
  }
  return result;
}
