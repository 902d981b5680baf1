// "Import settings from a Graph export…": pick Intune Graph exports (files, or folders read for
// *.json), have the server merge them into the plan (`comanage/importGraphExport`: the core's
// reading, mapping and merging, the same as `comanage import`), show the plan beside the merged text
// as a diff, and write only when the user says so, as one undoable edit. A hand-written value that
// differs is kept unless the user takes the export's values.
import * as vscode from 'vscode';
import { describeUri, targetManifest } from './manifestFiles';
import {
  MAX_EXPORT_BYTES, MAX_EXPORT_FILES, MAX_TOTAL_BYTES, PREFER_IMPORT, WRITE, exportName, importQuestion, isExportFileName, isSearchedFolderName, minimalEdit,
} from './model/graphImport';
import { PlanImport } from './model/protocol';
import { ServerRequests } from './requests';
import { UiSlot } from './ui';

export const IMPORT_PREVIEW_SCHEME = 'comanage-import';
const TITLE = 'Import settings from a Graph export';

/** The merged plans being previewed, by their `comanage-import:` URI (read-only documents; a new text gets a new URI). */
export class ImportPreviews implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private next = 0;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  /** A new preview of `plan` (same file name, so it reads as a manifest). */
  create(plan: vscode.Uri, text: string): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: IMPORT_PREVIEW_SCHEME, path: plan.path, query: `preview=${++this.next}` });
    this.texts.set(uri.toString(), text);
    return uri;
  }

  delete(uri: vscode.Uri): void {
    this.texts.delete(uri.toString());
  }

  dispose(): void {
    this.texts.clear();
  }
}

export function registerImportPreviews(context: vscode.ExtensionContext): ImportPreviews {
  const previews = new ImportPreviews();
  context.subscriptions.push(previews, vscode.workspace.registerTextDocumentContentProvider(IMPORT_PREVIEW_SCHEME, previews));
  return previews;
}

/** An answer that ends the command (an error, or nothing to write): shown, and its outcome returned. */
async function endWith(question: { error: string } | { unchanged: string }, result: PlanImport | null | undefined, ui: UiSlot): Promise<ImportOutcome> {
  if ('error' in question) {
    void ui.current.error(question.error);
    return { error: question.error };
  }
  await ui.current.info(question.unchanged);
  return { cancelled: true, result: result ?? undefined };
}

/** What the command did, for the tests: the text written, or why nothing was. */
export type ImportOutcome = { written: string; result: PlanImport } | { cancelled: true; result?: PlanImport } | { error: string };


interface ReadExports { files: { name: string; base64: string }[]; notes: string[] }

/** The picked files, and the *.json files under the picked folders (links in folders not followed), read. */
async function readExports(picked: readonly vscode.Uri[], plan: vscode.Uri): Promise<ReadExports> {
  const found = new Map<string, vscode.Uri>();
  const notes: string[] = [];
  const nameOf = (uri: vscode.Uri) => exportName(plan.path, uri.path, vscode.workspace.asRelativePath(uri, false));
  const walk = async (folder: vscode.Uri, depth: number): Promise<void> => {
    if (found.size >= MAX_EXPORT_FILES) return;
    let entries: [string, vscode.FileType][];
    try {
      entries = await vscode.workspace.fs.readDirectory(folder);
    } catch (error) {
      notes.push(`${nameOf(folder)}: this folder could not be read (${messageOf(error)})`);
      return;
    }
    for (const [name, type] of entries.sort(([a], [b]) => a.localeCompare(b))) {
      const child = vscode.Uri.joinPath(folder, name);
      if (type & vscode.FileType.SymbolicLink) {
        if (isExportFileName(name)) notes.push(`${nameOf(child)}: a symbolic link, not followed; pick its target to import it`);
      } else if (type & vscode.FileType.Directory) {
        if (isSearchedFolderName(name) && depth < 16) await walk(child, depth + 1);
      } else if (type & vscode.FileType.File && isExportFileName(name)) {
        if (found.size < MAX_EXPORT_FILES) found.set(child.toString(), child);
      }
    }
  };
  for (const uri of picked) {
    let stat: vscode.FileStat;
    try {
      stat = await vscode.workspace.fs.stat(uri);
    } catch (error) {
      notes.push(`${nameOf(uri)}: could not be read (${messageOf(error)})`);
      continue;
    }
    if (stat.type & vscode.FileType.Directory) await walk(uri, 0);
    else found.set(uri.toString(), uri);
  }
  if (found.size >= MAX_EXPORT_FILES) notes.push(`only the first ${MAX_EXPORT_FILES} files were read`);

  const files: ReadExports['files'] = [];
  let total = 0;
  for (const uri of found.values()) {
    const name = nameOf(uri);
    try {
      const { size } = await vscode.workspace.fs.stat(uri);
      if (size > MAX_EXPORT_BYTES || total + size > MAX_TOTAL_BYTES) {
        notes.push(`${name}: not read, ${size > MAX_EXPORT_BYTES ? 'larger than 32 MB' : 'the exports picked are larger than 64 MB in all'}`);
        continue;
      }
      const bytes = await vscode.workspace.fs.readFile(uri);
      total += bytes.byteLength;
      files.push({ name, base64: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64') });
    } catch (error) {
      notes.push(`${name}: could not be read (${messageOf(error)})`);
    }
  }
  return { files, notes };
}

function messageOf(error: unknown): string {
  if (error instanceof vscode.FileSystemError) return error.code || error.message;
  return error instanceof Error ? error.message : String(error);
}

/** Closes the diff editors showing `preview` (whatever the user chose, the preview is done). */
async function closePreview(preview: vscode.Uri): Promise<void> {
  const tabs = vscode.window.tabGroups.all.flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputTextDiff && tab.input.modified.toString() === preview.toString());
  if (tabs.length) await vscode.window.tabGroups.close(tabs, true);
}

export async function importGraphExport(requests: ServerRequests, ui: UiSlot, previews: ImportPreviews, arg?: unknown, exports?: vscode.Uri[]): Promise<ImportOutcome | undefined> {
  const uri = await targetManifest(arg, ui, TITLE, 'Into which workload manifest?');
  if (!uri) {
    const error = 'Open a workload manifest (*.comanage.yaml) to import into, or start one with "New workload manifest…".';
    void ui.current.error(error);
    return { error };
  }
  const { label: planName } = describeUri(uri);
  const picked = exports ?? await ui.current.openDialog({
    canSelectFiles: true, canSelectFolders: true, canSelectMany: true,
    defaultUri: vscode.Uri.joinPath(uri, '..'),
    filters: { 'Graph exports (JSON)': ['json'], 'All files': ['*'] },
    openLabel: 'Import',
    title: `${TITLE} into ${planName}: pick export files or folders`,
  });
  if (!picked?.length) return { cancelled: true };

  const document = await vscode.workspace.openTextDocument(uri);
  const read = await readExports(picked, uri);
  if (!read.files.length) {
    const error = `Nothing imported into ${planName}: no *.json export was found in what was picked${read.notes.length ? ` (${read.notes.slice(0, 3).join('; ')})` : ''}.`;
    void ui.current.error(error);
    return { error };
  }
  const version = document.version;
  let preferImport = false;
  let result = await requests.importGraphExport(uri.toString(), read.files, preferImport);
  let question = importQuestion(result, planName, read.notes);
  if (!('message' in question)) return endWith(question, result, ui);
  const title = `${planName} ↔ with the Graph import (preview)`;
  let preview = previews.create(uri, result.text!);
  try {
    await vscode.commands.executeCommand('vscode.diff', uri, preview, title, { preview: true });
    for (;;) {
      const answer = await ui.current.ask(question.message, question.detail, ...question.actions);
      if (answer === PREFER_IMPORT) {
        // The export's values, in a preview of their own, before anything is written.
        preferImport = true;
        result = await requests.importGraphExport(uri.toString(), read.files, preferImport);
        question = importQuestion(result, planName, read.notes, true);
        if (!('message' in question)) return endWith(question, result, ui);
        const earlier = preview;
        preview = previews.create(uri, result.text!);
        await vscode.commands.executeCommand('vscode.diff', uri, preview, title, { preview: true });
        await closePreview(earlier);
        previews.delete(earlier);
        continue;
      }
      if (answer !== WRITE) return { cancelled: true, result };
      break;
    }
    // The merge is of the text the server saw; an edit since would be overwritten.
    if (document.version !== version) {
      const error = `${planName} changed while the import was being prepared; nothing was written. Run the command again.`;
      void ui.current.error(error);
      return { error };
    }
    const before = document.getText();
    const change = minimalEdit(before, result.text!);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(document.positionAt(change.start), document.positionAt(change.end)), change.text);
    if (!(await vscode.workspace.applyEdit(edit))) {
      const error = `The import could not be written into ${planName}: the editor refused the edit.`;
      void ui.current.error(error);
      return { error };
    }
    await closePreview(preview);
    await vscode.window.showTextDocument(document, { preview: false });
    const kept = preferImport ? 0 : result.conflicts.length;
    void ui.current.info(`Imported ${result.written === 1 ? '1 value' : `${result.written} values`} into ${planName}${kept ? `; ${kept === 1 ? '1 hand-written value was' : `${kept} hand-written values were`} kept` : ''}. Save the file to keep them (Undo takes them back).`);
    return { written: document.getText(), result };
  } finally {
    await closePreview(preview);
    previews.delete(preview);
  }
}
