// "Generate ccmsetup command line…": runs the steps (model/generator.ts) with the Ui, checking every
// value with the server, then inserts, copies, opens the line or sets it as a policy's command line.
// Where the line may go is the server's call (comanage/insertionPoint): a ccmsetup file or a script
// invocation's arguments take it at the cursor; a manifest offers its policies instead. The plans in
// the workspace prefill what they state (comanage/planFacts).
import * as vscode from 'vscode';
import { describeUri, findWorkspaceManifests, isManifestUri, openManifests } from './manifestFiles';
import { GeneratedLine, OutputTarget, Prefill, prefillFrom, runGenerator } from './model/generator';
import { PolicySummary } from './model/protocol';
import { ServerRequests } from './requests';
import { UiSlot } from './ui';

/** Plans read for prefilled values: enough for a real rollout, bounded for a monorepo. */
const MAX_PLANS = 20;

/** The active manifest first, then open ones, then the rest of the workspace; each plan's valid facts. */
async function workspacePrefill(requests: ServerRequests, active: vscode.Uri | undefined): Promise<Prefill> {
  const uris = new Map<string, vscode.Uri>();
  for (const uri of [...(active && isManifestUri(active) ? [active] : []), ...openManifests(), ...await findWorkspaceManifests()]) uris.set(uri.toString(), uri);
  const open = new Set(openManifests().map((uri) => uri.toString()));
  const sources: { source: string; facts: Awaited<ReturnType<ServerRequests['planFacts']>> }[] = [];
  for (const uri of [...uris.values()].slice(0, MAX_PLANS)) {
    try {
      // An open plan as the editor has it; another is read here (the server reads no files) and sent as text.
      const text = open.has(uri.toString()) ? undefined : new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
      sources.push({ source: describeUri(uri).label, facts: await requests.planFacts(uri.toString(), text) });
    } catch {
      // An unreadable plan prefills nothing; the generator still asks.
    }
  }
  return prefillFrom(sources);
}

/** Where the generated line may go, as the server judges the editor and cursor the command started in. */
async function outputTarget(requests: ServerRequests, editor: vscode.TextEditor | undefined): Promise<OutputTarget> {
  if (!editor) return { canInsert: false };
  const uri = editor.document.uri.toString();
  try {
    const point = await requests.insertionPoint(uri, editor.selection.active, '');
    let policies: PolicySummary[] | undefined;
    if (point.kind === 'manifest') policies = await requests.policies(uri);
    return { canInsert: point.text !== undefined, policies };
  } catch {
    // No answer: nothing is inserted anywhere the server hasn't agreed to; copy and open remain.
    return { canInsert: false };
  }
}

export async function generateCommandLine(requests: ServerRequests, ui: UiSlot): Promise<GeneratedLine | undefined> {
  // The editor to insert into is the one active when the command started.
  const editor = vscode.window.activeTextEditor;
  const [target, prefill] = await Promise.all([outputTarget(requests, editor), workspacePrefill(requests, editor?.document.uri)]);
  const result = await runGenerator(ui.current, (text, context, intent) => requests.checkLine(text, context, intent), { ...target, prefill });
  if (!result) return undefined;
  const where = result.context === 'intune' ? ` (${result.length} of ${result.limit} characters)` : '';
  if (result.action === 'insert' && editor && !editor.document.isClosed) {
    // Asked again with the line itself: in a script the server escapes it for the string it lands in.
    const point = await requests.insertionPoint(editor.document.uri.toString(), editor.selection.active, result.text);
    if (point.text === undefined) {
      void ui.current.error(`The command line was not inserted: ${point.refused ?? 'the cursor is no longer where a line can go'}. Run the command again, or copy it.`);
      return result;
    }
    const text = point.text;
    const inserted = await editor.edit((edit) => edit.replace(editor.selection, text));
    if (!inserted) void ui.current.error('The command line could not be inserted: the editor changed. Run the command again.');
  } else if (result.action === 'policy' && editor && result.policyIndex !== undefined) {
    await setPolicyLine(requests, ui, editor.document, result.policyIndex, result.text);
  } else if (result.action === 'open') {
    // Untitled, with the language set: the server checks it like a .ccmsetup file.
    const document = await vscode.workspace.openTextDocument({ language: 'ccmsetup', content: `${result.text}\n` });
    await vscode.window.showTextDocument(document);
  } else {
    await vscode.env.clipboard.writeText(result.text);
    void ui.current.info(`Copied the command line${where}.`);
  }
  return result;
}

/** Writes the line into the policy through the server's edit (YAML quoting, comments kept). */
async function setPolicyLine(requests: ServerRequests, ui: UiSlot, document: vscode.TextDocument, index: number, text: string): Promise<void> {
  const answer = await requests.setPolicyLine(document.uri.toString(), index, text);
  if ('refused' in answer) {
    void ui.current.error(`The command line was not set: ${answer.refused}`);
    return;
  }
  const edit = new vscode.WorkspaceEdit();
  for (const change of answer.edits) {
    const { start, end } = change.range;
    edit.replace(document.uri, new vscode.Range(start.line, start.character, end.line, end.character), change.newText);
  }
  if (!await vscode.workspace.applyEdit(edit)) void ui.current.error('The command line could not be set: the manifest changed. Run the command again.');
}
