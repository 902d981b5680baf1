// The Readiness view: a tree of every manifest's readiness checks, asked from the server with
// `comanage/readiness`, refreshed as manifests change, with the failing count as the view's badge.
import * as vscode from 'vscode';
import { describeUri, findWorkspaceManifests, isManifestUri, openManifests } from './manifestFiles';
import {
  ManifestNode, ManifestReadiness, ReadinessNode, STATUS_LOOK, buildReadinessTree, readinessBadge,
} from './model/readinessTree';
import { Range, ReadinessCheck, ReadinessState } from './model/protocol';
import { ServerRequests } from './requests';

export const VIEW_ID = 'comanage.readiness';
const REFRESH_DELAY_MS = 400;

export class ReadinessProvider implements vscode.TreeDataProvider<ReadinessNode>, vscode.Disposable {
  private roots: ManifestNode[] = [];
  private parents = new Map<string, ReadinessNode>();
  private readonly changed = new vscode.EventEmitter<ReadinessNode | undefined>();
  private readonly updated = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  /** Fires after each refresh, once the tree holds the new answers. */
  readonly onDidUpdate = this.updated.event;
  private running: Promise<void> | undefined;
  private again = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Manifests found by the workspace search (the others are listed because they are open). */
  private workspaceUris = new Set<string>();

  constructor(private readonly requests: ServerRequests) {}

  getTreeItem(node: ReadinessNode): vscode.TreeItem {
    const collapsible = node.kind === 'check' || node.kind === 'parseError'
      ? vscode.TreeItemCollapsibleState.None
      : node.kind === 'manifest' && this.roots.length === 1
        ? vscode.TreeItemCollapsibleState.Expanded
        : vscode.TreeItemCollapsibleState.Collapsed;
    const item = new vscode.TreeItem(node.label, collapsible);
    item.id = node.id;
    item.description = node.description;
    const tooltip = new vscode.MarkdownString(node.tooltip, true);
    tooltip.isTrusted = false;
    item.tooltip = tooltip;
    const look = STATUS_LOOK[node.status];
    item.iconPath = new vscode.ThemeIcon(look.icon, new vscode.ThemeColor(look.color));
    // An unknown whose missing key can be inserted gets the "Add the missing key" action.
    item.contextValue = node.kind === 'check' && node.status === 'unknown' && node.check.missing?.[0]?.insert
      ? 'comanage.check.missing' : `comanage.${node.kind}`;
    item.accessibilityInformation = { label: `${node.label}: ${look.word}. ${node.description}` };
    if (node.kind === 'check' || node.kind === 'parseError') {
      item.command = { command: 'comanage.revealCheck', title: 'Go to the source', arguments: [node.uri, node.range] };
    }
    return item;
  }

  getChildren(node?: ReadinessNode): ReadinessNode[] {
    if (!node) return this.roots;
    if (node.kind === 'manifest') return node.parseError ? [node.parseError, ...node.children] : node.children;
    return node.kind === 'check' || node.kind === 'parseError' ? [] : node.children;
  }

  getParent(node: ReadinessNode): ReadinessNode | undefined {
    return this.parents.get(node.id);
  }

  /** The current roots (one per manifest), for the status bar and the tests. */
  manifests(): readonly ManifestNode[] {
    return this.roots;
  }

  checksOf(uri: vscode.Uri): ReadinessCheck[] | undefined {
    return this.roots.find((root) => root.uri === uri.toString())?.children.flatMap((area) => area.children.map((c) => c.check));
  }

  /** The checks and the YAML error of a manifest the tree holds. */
  stateOf(uri: vscode.Uri): ReadinessState | undefined {
    const checks = this.checksOf(uri);
    const root = this.roots.find((r) => r.uri === uri.toString());
    if (!checks || !root) return undefined;
    return { checks, parseError: root.parseError && { message: root.parseError.description, line: root.parseError.range.start.line + 1, range: root.parseError.range } };
  }

  knows(uri: vscode.Uri): boolean {
    const key = uri.toString();
    return this.roots.some((root) => root.uri === key);
  }

  isWorkspaceManifest(uri: vscode.Uri): boolean {
    return this.workspaceUris.has(uri.toString());
  }

  /** Resolves once no refresh is running or scheduled. */
  async settled(): Promise<void> {
    while (this.running || this.timer) {
      if (this.running) await this.running;
      else await new Promise((resolve) => setTimeout(resolve, REFRESH_DELAY_MS));
    }
  }

  /** Refreshes soon; many edits in a row make one refresh. */
  schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.refresh();
    }, REFRESH_DELAY_MS);
  }

  /** Asks the server again for every manifest. Calls during a refresh make one more afterwards. */
  refresh(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await this.load();
      } while (this.again);
    })().finally(() => { this.running = undefined; });
    return this.running;
  }

  private async load(): Promise<void> {
    const workspace = await findWorkspaceManifests();
    this.workspaceUris = new Set(workspace.map((uri) => uri.toString()));
    const all = new Map<string, vscode.Uri>();
    for (const uri of [...workspace, ...openManifests()]) all.set(uri.toString(), uri);
    const manifests = await Promise.all([...all.values()].map((uri) => this.readinessOf(uri)));
    this.roots = buildReadinessTree(manifests);
    this.parents.clear();
    for (const root of this.roots) {
      if (root.parseError) this.parents.set(root.parseError.id, root);
      for (const area of root.children) {
        this.parents.set(area.id, root);
        for (const check of area.children) this.parents.set(check.id, area);
      }
    }
    this.changed.fire(undefined);
    this.updated.fire();
    // The welcome view ("no manifest yet") waits for the first answer instead of flashing.
    void vscode.commands.executeCommand('setContext', 'comanage.readinessLoaded', true);
  }

  private async readinessOf(uri: vscode.Uri): Promise<ManifestReadiness> {
    const where = describeUri(uri);
    try {
      // The server reads a closed manifest from disk; nothing is opened for it.
      const state = await this.requests.readinessState(uri.toString());
      return { uri: uri.toString(), ...where, checks: state.checks, parseError: state.parseError };
    } catch (error) {
      return { uri: uri.toString(), ...where, checks: [], error: error instanceof Error ? error.message : String(error) };
    }
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.changed.dispose();
    this.updated.dispose();
  }
}

/** Opens a manifest with the check's range selected (the whole file's start when it has none). */
export async function revealCheck(uri: string | vscode.Uri, range?: Range): Promise<vscode.TextEditor> {
  const target = typeof uri === 'string' ? vscode.Uri.parse(uri) : uri;
  const document = await vscode.workspace.openTextDocument(target);
  const selection = range
    ? new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character)
    : new vscode.Range(0, 0, 0, 0);
  const editor = await vscode.window.showTextDocument(document, { selection, preview: true });
  editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

/** The view, its badge, and what makes it refresh. */
export function createReadinessView(context: vscode.ExtensionContext, provider: ReadinessProvider): vscode.TreeView<ReadinessNode> {
  const view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  const onManifest = (uri: vscode.Uri) => { if (isManifestUri(uri)) provider.schedule(); };
  const watcher = vscode.workspace.createFileSystemWatcher('**/*.comanage.{yaml,yml}');
  context.subscriptions.push(
    view,
    provider,
    watcher,
    provider.onDidUpdate(() => { view.badge = readinessBadge(provider.manifests()); }),
    vscode.workspace.onDidChangeTextDocument((event) => { if (event.contentChanges.length) onManifest(event.document.uri); }),
    // A manifest opened from outside the workspace joins the tree; one the refresh opened itself is already known.
    vscode.workspace.onDidOpenTextDocument((doc) => { if (isManifestUri(doc.uri) && !provider.knows(doc.uri)) provider.schedule(); }),
    vscode.workspace.onDidCloseTextDocument((doc) => {
      if (isManifestUri(doc.uri) && !provider.isWorkspaceManifest(doc.uri)) provider.schedule();
    }),
    watcher.onDidCreate(onManifest),
    watcher.onDidDelete(onManifest),
    watcher.onDidChange(onManifest),
    vscode.workspace.onDidChangeWorkspaceFolders(() => provider.schedule()),
    vscode.workspace.onDidChangeConfiguration((event) => { if (event.affectsConfiguration('comanage')) provider.schedule(); }),
  );
  void provider.refresh();
  return view;
}
