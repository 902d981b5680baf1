// "New workload manifest…": writes the server's template for the chosen setup path (placeholders
// for the tenant's facts, never a copy of the Contoso examples) to a file the user names. It must
// be a file on disk named *.comanage.yaml: that is how the server knows it.
import * as vscode from 'vscode';
import { manifestPath, templateChoices, templateFileName } from './model/manifestTemplates';
import { ServerRequests } from './requests';
import { UiSlot } from './ui';

export async function newManifest(requests: ServerRequests, ui: UiSlot): Promise<vscode.Uri | undefined> {
  const templates = await requests.templates();
  if (!templates.length) {
    void ui.current.error('The comanage language server sent no manifest templates; see the comanage output for why.');
    return undefined;
  }
  const chosen = await ui.current.choose(templateChoices(templates), { title: 'New workload manifest', placeHolder: 'Which path to co-management is the plan for?' });
  if (!chosen) return undefined;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const target = await ui.current.saveDialog({
    title: 'Save the new workload manifest',
    saveLabel: 'Create manifest',
    defaultUri: folder ? vscode.Uri.joinPath(folder, templateFileName(chosen.template)) : undefined,
    // Dialogs match one extension only; manifestPath() adds ".comanage" when the name lacks it.
    filters: { 'Workload manifest (*.comanage.yaml)': ['yaml', 'yml'] },
  });
  if (!target) return undefined;
  const fixed = target.with({ path: manifestPath(target.path) });
  await vscode.workspace.fs.writeFile(fixed, new TextEncoder().encode(chosen.template.text));
  const document = await vscode.workspace.openTextDocument(fixed);
  await vscode.window.showTextDocument(document);
  if (fixed.path !== target.path) {
    void ui.current.info(`Saved as ${fixed.path.slice(fixed.path.lastIndexOf('/') + 1)}: comanage checks manifests named *.comanage.yaml.`);
  }
  return fixed;
}
