// Registers every `comanage.*` command. The ids are stable: package.json, the walkthrough, the
// welcome view and the end-to-end tests call them by these names.
import * as vscode from 'vscode';
import { exportPolicy } from './exportPolicyCommand';
import { answerUnknownFacts } from './answerFactsCommand';
import { addMissingKey } from './addMissingKeyCommand';
import { generateCommandLine } from './generateCommand';
import { copyForIntune } from './intuneCopyCommand';
import { newManifest } from './newManifestCommand';
import { insertSnippet } from './insertSnippetCommand';
import { importGraphExport, registerImportPreviews } from './importGraphCommand';
import { CheckNode, ReadinessNode } from './model/readinessTree';
import { Range } from './model/protocol';
import { ReadinessProvider, VIEW_ID, revealCheck } from './readinessView';
import { ServerRequests } from './requests';
import { UiSlot } from './ui';

export const WALKTHROUGH_ID = 'comanage.comanage#comanage.gettingStarted';

export interface CommandDeps {
  context: vscode.ExtensionContext;
  requests: ServerRequests;
  ui: UiSlot;
  provider: ReadinessProvider;
  view: vscode.TreeView<ReadinessNode>;
}

/** Focuses the Readiness view, on the active manifest's node when there is one. */
async function showReadiness({ provider, view }: CommandDeps): Promise<void> {
  await vscode.commands.executeCommand(`${VIEW_ID}.focus`);
  const active = vscode.window.activeTextEditor?.document.uri.toString();
  // A refresh under way replaces the nodes: reveal one of the finished tree.
  await provider.settled();
  const node = provider.manifests().find((root) => root.uri === active);
  if (!node) return;
  try {
    await view.reveal(node, { select: true, focus: true, expand: true });
  } catch {
    // The tree changed while it was revealing (an edit landed): the view is focused, which is what was asked.
  }
}

export function registerCommands(deps: CommandDeps): void {
  const { context, requests, ui, provider } = deps;
  const register = (id: string, run: (...args: any[]) => unknown) => context.subscriptions.push(vscode.commands.registerCommand(id, run));
  register('comanage.generateCommandLine', () => generateCommandLine(requests, ui));
  register('comanage.newManifest', () => newManifest(requests, ui));
  register('comanage.copyForIntune', () => copyForIntune(requests, ui));
  register('comanage.exportPolicy', (arg?: unknown) => exportPolicy(requests, ui, arg));
  register('comanage.refreshReadiness', () => provider.refresh());
  register('comanage.showReadiness', () => showReadiness(deps));
  register('comanage.revealCheck', (uri: string | vscode.Uri, range?: Range) => revealCheck(uri, range));
  register('comanage.insertSnippet', (uri: unknown, position: unknown, snippet: unknown) => insertSnippet(uri, position, snippet));
  register('comanage.answerUnknownFacts', (arg?: unknown) => answerUnknownFacts(requests, ui, provider, arg));
  register('comanage.addMissingKey', (node?: CheckNode) => addMissingKey(node));
  const previews = registerImportPreviews(context);
  register('comanage.importGraphExport', (arg?: unknown, exports?: unknown) =>
    importGraphExport(requests, ui, previews, arg, Array.isArray(exports) && exports.every((e) => e instanceof vscode.Uri) ? exports : undefined));
  register('comanage.openWalkthrough', () => vscode.commands.executeCommand('workbench.action.openWalkthrough', WALKTHROUGH_ID, false));
}
