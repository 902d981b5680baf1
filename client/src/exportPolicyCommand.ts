// "Export co-management settings policy (Graph JSON)": one policy of a manifest as the request body
// the server builds, opened as an untitled JSON document, with the instructions and the server's
// notes in a Markdown note beside it.
import * as vscode from 'vscode';
import { describeUri, ensureOpen, targetManifest } from './manifestFiles';
import { ExportOutcome, policyChoices, presentExport } from './model/policyExport';
import { ServerRequests } from './requests';
import { UiSlot } from './ui';

export async function exportPolicy(requests: ServerRequests, ui: UiSlot, arg?: unknown): Promise<ExportOutcome | undefined> {
  const uri = await targetManifest(arg, ui, 'Export co-management settings policy', 'Which workload manifest?');
  if (!uri) {
    void ui.current.error('Open a workload manifest (*.comanage.yaml) to export its co-management settings policy.');
    return undefined;
  }
  await ensureOpen(uri);
  const policies = await requests.policies(uri.toString());
  if (!policies.length) {
    const outcome = { error: `${describeUri(uri).label} has no co-management policy: add one under comanagement.policies.` };
    void ui.current.error(outcome.error);
    return outcome;
  }
  const choices = policyChoices(policies);
  const chosen = choices.length === 1
    ? choices[0]
    : await ui.current.choose(choices, { title: 'Export co-management settings policy', placeHolder: 'Which policy?' });
  if (!chosen) return undefined;
  const policy = policies.find((p) => p.index === chosen.index)!;
  const outcome = presentExport(policy, await requests.exportPolicy(uri.toString(), policy.index));
  if ('error' in outcome) {
    void ui.current.error(outcome.error);
    return outcome;
  }
  const document = await vscode.workspace.openTextDocument({ language: 'json', content: outcome.json });
  const shown = await vscode.window.showTextDocument(document);
  // The instructions stay beside the JSON (a toast would vanish); the JSON keeps the focus.
  const notes = await vscode.workspace.openTextDocument({ language: 'markdown', content: outcome.instructions });
  await vscode.window.showTextDocument(notes, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true, preview: false });
  await vscode.window.showTextDocument(shown.document, { viewColumn: shown.viewColumn, preserveFocus: false });
  return outcome;
}
