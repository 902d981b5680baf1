// Workspace-wide problems in a real VS Code: files written into the workspace folder (runTest.ts opens
// one) and never opened are checked by the server, shown with the other diagnostics (the Problems
// panel), and a closed manifest gets its readiness without being opened as a document.
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { api, waitForManifest } from './clientHelpers';
import { fixtureUri, hasCode, waitForDiagnostics } from './helpers';

const BAD = 'ccmsetup.exe /mp=server SMSSITECODE:ABC /UsePKICrt\n';
const isOpen = (uri: vscode.Uri) => vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString());

describe('workspace-wide problems', function () {
  let folder: vscode.Uri;
  const written: vscode.Uri[] = [];

  before(async () => {
    await api();
    const first = vscode.workspace.workspaceFolders?.[0];
    assert.ok(first, 'runTest.ts opens a workspace folder');
    folder = first.uri;
  });

  after(() => {
    for (const uri of written) fs.rmSync(uri.fsPath, { force: true });
  });

  it('lists a broken .ccmsetup file that was never opened, and drops it when the file is deleted', async () => {
    const uri = vscode.Uri.joinPath(folder, 'never-opened.ccmsetup');
    written.push(uri);
    fs.writeFileSync(uri.fsPath, BAD);
    await waitForDiagnostics(uri, hasCode('parameter-uses-equals'), 'the closed file\'s problems');
    assert.ok(!isOpen(uri), 'the file was never opened as a document');
    assert.ok(vscode.languages.getDiagnostics().some(([u, d]) => u.toString() === uri.toString() && d.length > 0), 'it is among all diagnostics (the Problems panel)');
    fs.rmSync(uri.fsPath);
    await waitForDiagnostics(uri, (d) => d.length === 0, 'no problems once the file is deleted');
  });

  it('shows the readiness of a closed manifest without opening it', async () => {
    const comanage = await api();
    const uri = vscode.Uri.joinPath(folder, 'closed-plan.comanage.yaml');
    written.push(uri);
    fs.copyFileSync(fixtureUri('plan.comanage.yaml').fsPath, uri.fsPath);
    void comanage.readiness.refresh();
    const node = await waitForManifest(comanage, uri, (n) => !!n && n.children.some((area) => area.children.length > 0), 'the closed manifest\'s checks');
    assert.ok(node && node.children.flatMap((area) => area.children).length > 5);
    assert.ok(!isOpen(uri), 'the view asked the server without opening the manifest');
  });
});
