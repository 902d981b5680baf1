// "Export co-management settings policy (Graph JSON)": one policy of a manifest as the request body
// the server builds, opened as an untitled JSON document, with the instructions and the server's
// notes in a Markdown note beside it.
import * as vscode from 'vscode';
import { describeUri, ensureOpen, findWorkspaceManifests, isManifestUri, openManifests } from './manifestFiles';
import { ExportOutcome, policyChoices, presentExport } from './model/policyExport';
import { ServerRequests } from './requests';
import { UiSlot } from './ui';

/** The manifest to export from: the argument (a URI or a tree node), the active editor, or a pick. */
async function targetManifest(arg: unknown, ui: UiSlot): Promise<vscode.Uri | undefined> {
  if (arg instanceof vscode.Uri) return arg;
  if (arg && typeof arg === 'object' && typeof (arg as { uri?: unknown }).uri === 'string') return vscode.Uri.parse((arg as { uri: string }).uri);
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active && isManifestUri(active)) return active;
  const candidates = new Map<string, vscode.Uri>();
  for (const uri of [...openManifests(), ...await findWorkspaceManifests()]) candidates.set(uri.toString(), uri);
  if (candidates.size <= 1) return [...candidates.values()][0];
  const picked = await ui.current.choose(
    [...candidates.values()].map((uri) => {
      const { label, folder } = describeUri(uri);
      return { label, description: folder, uri };
    }),
    { title: 'Export co-management settings policy', placeHolder: 'Which workload manifest?' },
  );
  return picked?.uri;
}

export async function exportPolicy(requests: ServerRequests, ui: UiSlot, arg?: unknown): Promise<ExportOutcome | undefined> {
  const uri = await targetManifest(arg, ui);
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
