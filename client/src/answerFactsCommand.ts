// "Answer unknown facts…": asks for each key the plan's unknown checks need (model/interview.ts),
// then has the server write the answers into the plan (`comanage/setValues`: minimal edits that
// keep comments, order and formatting) and applies them as one undoable edit.
import * as vscode from 'vscode';
import { isManifestUri } from './manifestFiles';
import { InterviewAnswer, interviewQuestions, runInterview } from './model/interview';
import { ReadinessProvider } from './readinessView';
import { ServerRequests } from './requests';
import { UiSlot } from './ui';

/** The manifest to ask about: the active one, else the only one in the tree, else the user's choice. */
async function targetManifest(provider: ReadinessProvider, ui: UiSlot, arg?: unknown): Promise<vscode.Uri | undefined> {
  if (arg instanceof vscode.Uri) return arg;
  if (arg && typeof arg === 'object' && typeof (arg as { uri?: unknown }).uri === 'string') return vscode.Uri.parse((arg as { uri: string }).uri);
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active && isManifestUri(active)) return active;
  await provider.settled();
  const roots = provider.manifests();
  if (roots.length === 1) return vscode.Uri.parse(roots[0].uri);
  if (!roots.length) {
    await ui.current.info('Open a workload manifest (*.comanage.yaml) first.');
    return undefined;
  }
  const chosen = await ui.current.choose(roots.map((root) => ({ label: root.label, description: root.description, uri: root.uri })),
    { title: 'Answer unknown facts', placeHolder: 'Which plan?' });
  return chosen && vscode.Uri.parse(chosen.uri);
}

export async function answerUnknownFacts(requests: ServerRequests, ui: UiSlot, provider: ReadinessProvider, arg?: unknown): Promise<InterviewAnswer[] | undefined> {
  const uri = await targetManifest(provider, ui, arg);
  if (!uri) return undefined;
  const document = await vscode.workspace.openTextDocument(uri);
  const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
  const state = await requests.readinessState(uri.toString());
  if (state.parseError) {
    void ui.current.error(`Can't read ${name}: ${state.parseError.message} Fix the YAML first.`);
    return undefined;
  }
  const questions = interviewQuestions(state.checks);
  if (!questions.length) {
    await ui.current.info(`${name} has no unknown facts to answer.`);
    return [];
  }
  const version = document.version;
  const answers = await runInterview(questions, ui.current);
  if (!answers?.length) return answers;
  if (document.version !== version) {
    void ui.current.error(`${name} changed during the questions; nothing was written. Run the command again.`);
    return undefined;
  }
  const result = await requests.setValues(uri.toString(), answers);
  if (result.refused) {
    void ui.current.error(`The answers were not written: ${result.refused}`);
    return undefined;
  }
  // The edits are for the text the server saw; a keystroke during the round trip would misplace them.
  if (document.version !== version) {
    void ui.current.error(`${name} changed while the answers were being prepared; nothing was written. Run the command again.`);
    return undefined;
  }
  const edit = new vscode.WorkspaceEdit();
  for (const e of result.edits) {
    edit.replace(uri, new vscode.Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character), e.newText);
  }
  if (!(await vscode.workspace.applyEdit(edit))) {
    void ui.current.error(`The answers could not be written into ${name}: the editor refused the edit.`);
    return undefined;
  }
  await vscode.window.showTextDocument(document, { preview: false });
  void ui.current.info(`Wrote ${answers.length === 1 ? '1 answer' : `${answers.length} answers`} into ${name}; ${questions.length - answers.length} left unanswered.`);
  return answers;
}
