// The Readiness view's "Add the missing key" on an unknown check: opens the manifest and inserts
// the server's snippet for the first missing key where it belongs (the same command the editor's
// quick fix runs, `comanage.insertSnippet`).
import { INSERT_SNIPPET_COMMAND } from './model/protocol';
import * as vscode from 'vscode';
import { CheckNode } from './model/readinessTree';

export async function addMissingKey(node?: CheckNode): Promise<void> {
  const insert = node?.kind === 'check' ? node.check.missing?.[0]?.insert : undefined;
  if (!node || !insert) return;
  await vscode.commands.executeCommand(INSERT_SNIPPET_COMMAND, node.uri, insert.position, insert.snippet);
}
