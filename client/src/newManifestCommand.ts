// "New workload manifest…": copies one of the scenario templates shipped in examples/ to a file the
// user names. It must be a file on disk named *.comanage.yaml: that is how the server knows it.
import * as vscode from 'vscode';
import { ManifestTemplate, describeTemplate, isTemplateFile, manifestPath, sortTemplates } from './model/manifestTemplates';
import { UiSlot } from './ui';

async function loadTemplates(extensionUri: vscode.Uri): Promise<(ManifestTemplate & { uri: vscode.Uri })[]> {
  const folder = vscode.Uri.joinPath(extensionUri, 'examples');
  const entries = await vscode.workspace.fs.readDirectory(folder);
  const templates = await Promise.all(entries
    .filter(([name, type]) => type === vscode.FileType.File && isTemplateFile(name))
    .map(async ([name]) => {
      const uri = vscode.Uri.joinPath(folder, name);
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      return { ...describeTemplate(name, text), uri };
    }));
  return sortTemplates(templates) as (ManifestTemplate & { uri: vscode.Uri })[];
}

export async function newManifest(extensionUri: vscode.Uri, ui: UiSlot): Promise<vscode.Uri | undefined> {
  const templates = await loadTemplates(extensionUri);
  if (!templates.length) {
    void ui.current.error('No manifest templates found in the extension\'s examples folder; reinstall the extension.');
    return undefined;
  }
  const chosen = await ui.current.choose(
    templates.map((t) => ({ label: t.label, description: t.description, detail: t.detail, template: t })),
    { title: 'New workload manifest', placeHolder: 'Which path to co-management is the plan for?' },
  );
  if (!chosen) return undefined;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const target = await ui.current.saveDialog({
    title: 'Save the new workload manifest',
    saveLabel: 'Create manifest',
    defaultUri: folder ? vscode.Uri.joinPath(folder, chosen.template.file) : undefined,
    // Dialogs match one extension only; manifestPath() adds ".comanage" when the name lacks it.
    filters: { 'Workload manifest (*.comanage.yaml)': ['yaml', 'yml'] },
  });
  if (!target) return undefined;
  const fixed = target.with({ path: manifestPath(target.path) });
  await vscode.workspace.fs.writeFile(fixed, await vscode.workspace.fs.readFile(chosen.template.uri));
  const document = await vscode.workspace.openTextDocument(fixed);
  await vscode.window.showTextDocument(document);
  if (fixed.path !== target.path) {
    void ui.current.info(`Saved as ${fixed.path.slice(fixed.path.lastIndexOf('/') + 1)}: comanage checks manifests named *.comanage.yaml.`);
  }
  return fixed;
}
