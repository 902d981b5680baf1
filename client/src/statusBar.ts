// The status bar item: the active manifest's readiness in a few words; a click shows the view.
import * as vscode from 'vscode';
import { isManifestUri } from './manifestFiles';
import { statusSummary } from './model/statusText';
import { ReadinessProvider } from './readinessView';

export function createStatusBar(context: vscode.ExtensionContext, provider: ReadinessProvider): vscode.StatusBarItem {
  const item = vscode.window.createStatusBarItem('comanage.readiness', vscode.StatusBarAlignment.Left, 50);
  item.name = 'Co-management readiness';
  item.command = 'comanage.showReadiness';
  const update = () => {
    const uri = vscode.window.activeTextEditor?.document.uri;
    if (!uri || !isManifestUri(uri)) {
      item.hide();
      return;
    }
    const fileName = uri.path.slice(uri.path.lastIndexOf('/') + 1);
    const state = provider.stateOf(uri);
    if (!state) {
      item.text = '$(sync~spin) Readiness';
      item.tooltip = `Checking ${fileName}…`;
      item.backgroundColor = undefined;
    } else {
      const summary = statusSummary(fileName, state.checks, state.parseError);
      item.text = summary.text;
      item.tooltip = summary.tooltip;
      item.backgroundColor = summary.alert ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    }
    item.show();
  };
  context.subscriptions.push(item, provider.onDidUpdate(update), vscode.window.onDidChangeActiveTextEditor(update));
  update();
  return item;
}
