// "Copy command line for Intune": the current line (or selection) as CCMSETUPCMD="…", copied only
// when the server finds no error and the length fits.
import * as vscode from 'vscode';
import { isManifestUri } from './manifestFiles';
import { CopyOutcome, commandLineToCopy, presentIntuneLine } from './model/intuneLine';
import { ServerRequests } from './requests';
import { UiSlot } from './ui';

export async function copyForIntune(requests: ServerRequests, ui: UiSlot): Promise<CopyOutcome> {
  const editor = vscode.window.activeTextEditor;
  const selection = editor ? editor.document.getText(editor.selection) : '';
  const picked = !editor
    ? { error: 'Open a .ccmsetup file and put the cursor on a command line.' }
    // In a manifest the cursor's line is YAML (commandLine: '…'), not a command line.
    : isManifestUri(editor.document.uri) && !selection.trim()
      ? { error: 'In a workload manifest, select the command line itself (the value of commandLine) first.' }
      : commandLineToCopy(editor.document.lineAt(editor.selection.active.line).text, selection);
  const outcome = 'error' in picked ? picked : presentIntuneLine(await requests.intuneLine(picked.text));
  if ('error' in outcome) {
    void ui.current.error(outcome.error);
  } else {
    await vscode.env.clipboard.writeText(outcome.text);
    void ui.current.info(outcome.message);
  }
  return outcome;
}
