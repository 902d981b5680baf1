// Drift (issue #15, item 4) in a real VS Code: a plan that lists a tenant export under `sources:`
// whose command line differs gets a "Tenant export" area in the Readiness view with the failing
// check, the diagnostic on the plan's commandLine key, and the quick fix "Take the tenant's value",
// after which the check passes. The files are written into the test workspace folder (as
// graphExport.e2e.ts does; client/testFixture stays as it is) and removed after.
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { ComanageApi } from '../../../client/src/extension';
import type { AreaNode, CheckNode, ManifestNode } from '../../../client/src/model/readinessTree';
import { api, waitForManifest } from './clientHelpers';
import { codeOf, describeDiagnostics, waitForDiagnostics } from './helpers';

const FOLDER = 'tenant-drift';
const TENANT_LINE = 'CCMSETUPCMD="CCMHOSTNAME=contoso.cloudapp.net/CCM_Proxy_MutualAuth/72186325152220500 SMSSITECODE=ABC SMSMP=https://mp1.contoso.com"';
const PLAN_LINE = 'CCMSETUPCMD="CCMHOSTNAME=contoso.cloudapp.net/CCM_Proxy_MutualAuth/72186325152220500 SMSSITECODE=XYZ SMSMP=https://mp1.contoso.com"';
const EXPORT = `${JSON.stringify({
  '@odata.type': '#microsoft.graph.deviceComanagementAuthorityConfiguration',
  id: '5c1b9a0e-7d3f-4a61-9b2e-0f8c4d6a1e22_Comanagement',
  displayName: 'Autopilot co-management',
  priority: 1,
  installConfigurationManagerAgent: true,
  configurationManagerAgentCommandLineArgument: TENANT_LINE,
}, null, 2)}\n`;
const PLAN = [
  '# A plan compared with the tenant\'s export next to it.',
  'version: 1',
  'sources:',
  '  - co-management-settings.json',
  'comanagement:',
  '  policies:',
  '    - name: Autopilot co-management',
  '      priority: 1',
  '      installAgent: true',
  `      commandLine: ${PLAN_LINE}`,
  '',
].join('\n');
const CHECK = 'tenant-command-line';

const tenantArea = (node: ManifestNode | undefined): AreaNode | undefined => node?.children.find((area) => area.area === 'tenant-export');
const commandLineCheck = (node: ManifestNode | undefined): CheckNode | undefined => tenantArea(node)?.children.find((c) => c.check.id === CHECK);

describe('drift against a tenant export in VS Code', function () {
  let comanage: ComanageApi;
  let folder: vscode.Uri;
  let plan: vscode.TextDocument;

  before(async () => {
    comanage = await api();
    const first = vscode.workspace.workspaceFolders?.[0];
    assert.ok(first, 'runTest.ts opens a workspace folder');
    folder = vscode.Uri.joinPath(first.uri, FOLDER);
    fs.mkdirSync(folder.fsPath, { recursive: true });
    // The export first: the server reads it when it first validates the plan.
    fs.writeFileSync(vscode.Uri.joinPath(folder, 'co-management-settings.json').fsPath, EXPORT);
    fs.writeFileSync(vscode.Uri.joinPath(folder, 'plan.comanage.yaml').fsPath, PLAN);
  });

  after(async () => {
    if (plan) {
      await vscode.window.showTextDocument(plan);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
    fs.rmSync(folder.fsPath, { recursive: true, force: true });
  });

  it('shows the Tenant export area with the failing check, on the plan\'s key, and the quick fix takes the tenant\'s value', async () => {
    const uri = vscode.Uri.joinPath(folder, 'plan.comanage.yaml');
    plan = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(plan, { preview: false });

    // The Readiness view: a "Tenant export" area holding the failing check, with both values.
    const node = await waitForManifest(comanage, uri, (n) => commandLineCheck(n)?.check.status === 'fail', 'the failing tenant-command-line check');
    const area = tenantArea(node)!;
    const areaItem = comanage.readiness.getTreeItem(area);
    assert.strictEqual(areaItem.label, 'Tenant export');
    const check = commandLineCheck(node)!;
    assert.match(check.check.message, /SMSSITECODE=XYZ/);
    assert.match(check.check.message, /SMSSITECODE=ABC/);
    assert.ok(comanage.readiness.getChildren(area).includes(check), 'the view lists the check under its area');
    assert.ok(comanage.readiness.getChildren().some((n) => n === node), 'the view lists the plan');
    await comanage.readinessView.reveal(check, { select: true, focus: false, expand: true });

    // The diagnostic sits on the plan's commandLine key (its value), not on line 1.
    const diagnostics = await waitForDiagnostics(uri, (d) => d.some((x) => codeOf(x) === CHECK), 'the tenant-command-line diagnostic');
    const drift = diagnostics.filter((d) => codeOf(d) === CHECK);
    assert.strictEqual(drift.length, 1, describeDiagnostics(diagnostics));
    const line = plan.getText().split('\n').findIndex((l) => l.trimStart().startsWith('commandLine:'));
    assert.strictEqual(drift[0].range.start.line, line, describeDiagnostics(drift));
    assert.strictEqual(drift[0].severity, vscode.DiagnosticSeverity.Error);

    const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, drift[0].range);
    const fix = actions.find((a): a is vscode.CodeAction => a.title === 'Take the tenant\'s value' && 'edit' in a && a.edit !== undefined);
    assert.ok(fix?.edit, `actions: ${actions.map((a) => a.title).join('; ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    const after = plan.getText();
    assert.ok(!after.includes('SMSSITECODE=XYZ'), after);
    assert.ok(after.includes('SMSSITECODE=ABC'), after);
    assert.ok(after.startsWith('# A plan compared with the tenant\'s export next to it.\nversion: 1\nsources:\n'), 'the rest of the plan is as it was');

    // Then the check passes, and the diagnostic is gone.
    const passed = await waitForManifest(comanage, uri, (n) => commandLineCheck(n)?.check.status === 'pass', 'the tenant-command-line check passing');
    assert.strictEqual(comanage.readiness.getTreeItem(tenantArea(passed)!).label, 'Tenant export');
    await waitForDiagnostics(uri, (d) => !d.some((x) => codeOf(x) === CHECK), 'no tenant-command-line diagnostic once fixed');
  });
});
