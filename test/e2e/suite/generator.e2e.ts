// The command-line generator and the Graph export where the user is (issue #13 item 5): in a
// manifest the generator doesn't insert but sets a policy's command line; it prefills the plan's
// facts; "Open in a new editor" gives an untitled ccmsetup document the server checks; the export's
// instructions open beside the JSON. Runs after client.e2e.ts (name order), with the fixture plan open.
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parse } from 'yaml';
import type { ComanageApi } from '../../../client/src/extension';
import type { GeneratedLine } from '../../../client/src/model/generator';
import { getLanguageService } from '../../../server/src/core/languageService';
import { ScriptedUi, api, discardActiveEditor, withUi } from './clientHelpers';
import { codeOf, hasCode, openFixture, setText, waitForDiagnostics } from './helpers';

const PLAN_CMG = 'contoso.eastus.cloudapp.azure.com/CCM_Proxy_MutualAuth/72186325152220500';

describe('generators where the user is', function () {
  let comanage: ComanageApi;
  let plan: vscode.TextDocument;

  before(async () => {
    plan = await openFixture('plan.comanage.yaml');
    comanage = await api();
  });

  it('in a manifest, offers no insert but "Set as the command line of policy …", and writes it quoted, comments kept', async () => {
    const editor = await vscode.window.showTextDocument(plan);
    const original = plan.getText();
    // The cursor on a YAML value, where the old generator pasted the line.
    const entraLine = original.split('\n').findIndex((line) => /^\s*entraId:/.test(line));
    assert.ok(entraLine > 0, 'the fixture has licensing.entraId');
    editor.selection = new vscode.Selection(entraLine, 11, entraLine, 11);
    const ui = new ScriptedUi({ picks: ['intune', 'entra-device', 'yes', 'policy:1'] });
    try {
      const result = await withUi(comanage, ui, () => vscode.commands.executeCommand<GeneratedLine>('comanage.generateCommandLine'));
      assert.ok(result, `the generator gave nothing (asked: ${ui.asked.join(', ')})`);
      const actions = ui.pickRequests[ui.pickRequests.length - 1].items.map((item) => item.id);
      assert.deepStrictEqual(actions.filter((id) => !id.startsWith('problem:')), ['policy:0', 'policy:1', 'copy', 'open']);
      // Prefilled from the plan: the CMG and site code were accepted as shown.
      const site = ui.inputRequests.find((r) => /SMSSITECODE/.test(r.prompt))!;
      assert.strictEqual(site.value, 'ABC');
      assert.match(site.prompt, /Prefilled from plan\.comanage\.yaml/);
      assert.strictEqual(ui.inputRequests.find((r) => /CCMHOSTNAME/.test(r.prompt))!.value, PLAN_CMG);
      const auth = ui.pickRequests[1];
      assert.strictEqual(auth.activeId, 'entra-device');
      assert.match(auth.placeholder, /plan\.comanage\.yaml says Microsoft Entra ID/);
      assert.ok(result.text.includes(`CCMHOSTNAME=${PLAN_CMG} SMSSITECODE=ABC`), result.text);
      // Written into the second policy; the line the cursor was on is untouched.
      assert.strictEqual(plan.lineAt(entraLine).text, original.split('\n')[entraLine]);
      const written = parse(plan.getText());
      assert.strictEqual(written.comanagement.policies[1].commandLine, result.text);
      const comments = (text: string) => text.split('\n').filter((line) => line.trim().startsWith('#'));
      assert.deepStrictEqual(comments(plan.getText()), comments(original));
      // The fixture's second policy has no commandLine: it gets one line, after its last key.
      const lines = plan.getText().split('\n');
      assert.strictEqual(lines.length, original.split('\n').length + 1);
      assert.match(lines[lines.findIndex((line) => line.trim() === 'priority: 2') + 1], /^      commandLine: '/);
    } finally {
      await setText(plan, original);
    }
  });

  it('Open in a new editor gives an untitled ccmsetup document that the server checks', async () => {
    const ui = new ScriptedUi({
      picks: ['intune', 'entra-device', 'no', 'open'],
      inputs: [[/^Other/, 'CCMDEBUGLOGGING=1 CCMENABLELOGGING=FALSE']],
    });
    await vscode.window.showTextDocument(plan);
    const result = await withUi(comanage, ui, () => vscode.commands.executeCommand<GeneratedLine>('comanage.generateCommandLine'));
    try {
      assert.ok(result, `the generator gave nothing (asked: ${ui.asked.join(', ')})`);
      const document = vscode.window.activeTextEditor!.document;
      assert.strictEqual(document.isUntitled, true);
      assert.strictEqual(document.languageId, 'ccmsetup');
      assert.strictEqual(document.getText(), `${result.text}\n`);
      const diagnostics = await waitForDiagnostics(document.uri, hasCode('debug-logging-without-logging'), 'the warning on the generated line');
      const core = getLanguageService().doValidation(TextDocument.create(document.uri.toString(), 'ccmsetup', document.version, document.getText()));
      assert.deepStrictEqual(diagnostics.map((d) => codeOf(d)).sort(), core.map((d) => String(d.code)).sort());
    } finally {
      await discardActiveEditor();
    }
  });

  it('Export opens its instructions beside the JSON, with every note, and shows no message', async () => {
    await vscode.window.showTextDocument(plan);
    const ui = new ScriptedUi({ choose: (items) => items.find((item) => item.label === 'Pilot devices') });
    const outcome = await withUi(comanage, ui, () => vscode.commands.executeCommand<{ json?: string; error?: string }>('comanage.exportPolicy'));
    assert.ok(outcome?.json, `no export: ${outcome?.error ?? ui.errors.join(' ')}`);
    const json = vscode.window.activeTextEditor!;
    try {
      assert.strictEqual(json.document.languageId, 'json');
      const notes = vscode.window.visibleTextEditors.find((e) => e.document.languageId === 'markdown' && e.document.isUntitled);
      assert.ok(notes, 'no Markdown note is visible');
      assert.notStrictEqual(notes.viewColumn, json.viewColumn, 'the note is beside the JSON, not behind it');
      const expected = getLanguageService().exportPolicy(TextDocument.create(plan.uri.toString(), 'yaml', 1, plan.getText()), 1);
      assert.match(notes.document.getText(), /^# Co-management settings policy "Pilot devices"/);
      for (const note of expected.notes) assert.ok(notes.document.getText().includes(note), note);
      assert.deepStrictEqual(ui.infos, []);
      await vscode.window.showTextDocument(notes.document, notes.viewColumn);
      await discardActiveEditor();
    } finally {
      await vscode.window.showTextDocument(json.document, json.viewColumn);
      await discardActiveEditor();
    }
  });
});
