// Graph exports (issue #15, item 3) in a real VS Code: a co-management settings policy saved as
// JSON gets the squiggle on the character inside its command-line string, a hover there, and a
// quick fix that leaves valid JSON; any other JSON file gets nothing from comanage. The files are
// written into the test workspace folder (client/testFixture stays as it is) and removed after.
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { codeOf, describeDiagnostics, extension, hoverText, rangeOf, setText, waitForDiagnostics } from './helpers';

const TYPE = '#microsoft.graph.deviceComanagementAuthorityConfiguration';
const LINE = 'CCMSETUPCMD=\\"CCMHOSTNAME=contoso.cloudapp.net/CCM_Proxy_MutualAuth/72186325152220500 SMSSITECODE:ABC\\"';
const EXPORT = `{\n  "@odata.type": "${TYPE}",\n  "displayName": "Co-management - Autopilot devices",\n  "installConfigurationManagerAgent": true,\n  "configurationManagerAgentCommandLineArgument": "${LINE}"\n}\n`;
const OTHER = '{\n  "name": "tools",\n  "scripts": { "install": "ccmsetup.exe SMSSITECODE:ABC" }\n}\n';

const ours = (diagnostics: readonly vscode.Diagnostic[]) => diagnostics.filter((d) => d.source === 'comanage');

describe('Graph exports (JSON) in VS Code', function () {
  const written: vscode.Uri[] = [];
  let folder: vscode.Uri;

  before(() => {
    const first = vscode.workspace.workspaceFolders?.[0];
    assert.ok(first, 'runTest.ts opens a workspace folder');
    folder = first.uri;
  });

  after(async () => {
    // Only this file's editors are closed (unsaved edits dropped); the other suites' stay as they were.
    for (const uri of written) {
      const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      if (document) {
        await vscode.window.showTextDocument(document);
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      }
      fs.rmSync(uri.fsPath, { force: true });
    }
  });

  async function open(name: string, text: string): Promise<vscode.TextDocument> {
    const uri = vscode.Uri.joinPath(folder, name);
    written.push(uri);
    fs.writeFileSync(uri.fsPath, text);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document, { preview: false });
    return document;
  }

  it('starts on JSON and underlines the character inside the escaped command line', async () => {
    const activation = (extension().packageJSON as { activationEvents: string[] }).activationEvents;
    assert.ok(activation.includes('onLanguage:json'), JSON.stringify(activation));
    const document = await open('Co-management settings.json', EXPORT);
    assert.strictEqual(document.languageId, 'json');
    const diagnostics = ours(await waitForDiagnostics(document.uri, (d) => ours(d).length > 0, 'the export\'s diagnostics'));
    assert.deepStrictEqual(diagnostics.map(codeOf), ['property-uses-colon'], describeDiagnostics(diagnostics));
    const line = 4;
    const colon = document.lineAt(line).text.indexOf('SMSSITECODE:') + 'SMSSITECODE'.length;
    assert.deepStrictEqual(rangeOf(diagnostics[0].range), [line, colon, line, colon + 1]);

    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(line, colon - 3));
    assert.ok(hovers.some((h) => hoverText(h).includes('SMSSITECODE')), `no SMSSITECODE hover among ${hovers.length}`);

    const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', document.uri, diagnostics[0].range);
    const fix = actions.find((a): a is vscode.CodeAction => 'edit' in a && a.kind?.value === vscode.CodeActionKind.QuickFix.value && a.edit !== undefined);
    assert.ok(fix?.edit, `no quick fix among ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    const value = JSON.parse(document.getText()).configurationManagerAgentCommandLineArgument as string;
    assert.strictEqual(value, JSON.parse(`"${LINE}"`).replace('SMSSITECODE:', 'SMSSITECODE='));
    await waitForDiagnostics(document.uri, (d) => ours(d).length === 0, 'no comanage problems once fixed');
  });

  it('leaves other JSON alone until it names a co-management settings type', async () => {
    const document = await open('package-like.json', OTHER);
    // The server sees the file (adding the type brings a finding) and was silent before.
    assert.deepStrictEqual(ours(vscode.languages.getDiagnostics(document.uri)), []);
    await setText(document, OTHER.replace('"name": "tools",', `"@odata.type": "${TYPE}",\n  "configurationManagerAgentCommandLineArgument": "SMSSITECODE:ABC",`));
    await waitForDiagnostics(document.uri, (d) => ours(d).some((x) => codeOf(x) === 'property-uses-colon'), 'a finding once the type is named');
    await setText(document, OTHER);
    await waitForDiagnostics(document.uri, (d) => ours(d).length === 0, 'nothing again without the type');
  });
});
