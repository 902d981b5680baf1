// Finding workload manifests: the workspace files matching `comanage.manifestGlobs`, plus manifests
// open in an editor. The server knows a manifest by its file name, so only *.comanage.yaml/.yml count.
import * as vscode from 'vscode';
import { MANIFEST_SUFFIX } from './model/manifestTemplates';
import { manifestGlobs } from './model/settings';
import type { UiSlot } from './ui';

/** Enough for any real rollout; keeps a huge monorepo from opening thousands of documents. */
const MAX_MANIFESTS = 200;

export function isManifestUri(uri: vscode.Uri): boolean {
  return uri.scheme === 'file' && MANIFEST_SUFFIX.test(uri.path);
}

export function configuredGlobs(): string[] {
  return manifestGlobs(vscode.workspace.getConfiguration('comanage').get('manifestGlobs'));
}

export async function findWorkspaceManifests(): Promise<vscode.Uri[]> {
  if (!vscode.workspace.workspaceFolders?.length) return [];
  const found = new Map<string, vscode.Uri>();
  for (const glob of configuredGlobs()) {
    for (const uri of await vscode.workspace.findFiles(glob, '**/node_modules/**', MAX_MANIFESTS)) {
      if (isManifestUri(uri)) found.set(uri.toString(), uri);
    }
  }
  return [...found.values()].slice(0, MAX_MANIFESTS);
}

export function openManifests(): vscode.Uri[] {
  return vscode.workspace.textDocuments.filter((doc) => !doc.isClosed && isManifestUri(doc.uri)).map((doc) => doc.uri);
}

/** Makes sure the server has the document (the client syncs every open manifest). */
export async function ensureOpen(uri: vscode.Uri): Promise<vscode.TextDocument> {
  return vscode.workspace.openTextDocument(uri);
}

/** File name and workspace-relative folder, for labels. */
export function describeUri(uri: vscode.Uri): { label: string; folder?: string } {
  const label = uri.path.slice(uri.path.lastIndexOf('/') + 1);
  const relative = vscode.workspace.asRelativePath(uri, vscode.workspace.workspaceFolders !== undefined && vscode.workspace.workspaceFolders.length > 1);
  const folder = relative === uri.fsPath || relative === label ? undefined : relative.slice(0, relative.length - label.length - 1) || undefined;
  return { label, folder };
}

/**
 * The manifest a command works on: the argument (a URI or a Readiness tree node), the active
 * manifest, the only one there is, or the one the user picks.
 */
export async function targetManifest(arg: unknown, ui: UiSlot, title: string, placeHolder: string): Promise<vscode.Uri | undefined> {
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
    { title, placeHolder },
  );
  return picked?.uri;
}
