// Honest readiness in a real VS Code: a fresh template passes no tenant check, an invalid value
// turns its check unknown (saying why), and the quick fix on the parent key inserts a missing key.
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ComanageApi } from '../../../client/src/extension';
import type { ManifestNode } from '../../../client/src/model/readinessTree';
import { ScriptedUi, api, discardActiveEditor, waitForManifest, withUi } from './clientHelpers';
import { hasCode, setText, waitForDiagnostics } from './helpers';

const TENANT_AREAS = ['licensing', 'site', 'cmg', 'identity', 'enrollment', 'windows', 'permissions'];
const PREMIUM = 'licensing-entra-premium-required';
const checksOf = (node: ManifestNode | undefined) => node?.children.flatMap((area) => area.children) ?? [];
const premium = (node: ManifestNode | undefined) => checksOf(node).find((c) => c.check.id === PREMIUM)?.check;

describe('honest readiness in VS Code', function () {
  let comanage: ComanageApi;
  let folder: string;
  let plan: vscode.TextDocument;

  before(async () => {
    comanage = await api();
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'comanage-evidence-'));
  });
  after(async () => {
    await discardActiveEditor();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('a fresh template passes no check in the tenant areas, and flags its placeholders', async () => {
    const ui = new ScriptedUi({
      choose: (items) => items.find((item) => item.description === 'new-internet-devices'),
      saveTo: vscode.Uri.file(path.join(folder, 'fresh.comanage.yaml')),
    });
    const created = await withUi(comanage, ui, () => vscode.commands.executeCommand<vscode.Uri>('comanage.newManifest'));
    assert.ok(created);
    plan = vscode.window.activeTextEditor!.document;
    assert.strictEqual(plan.uri.fsPath, created.fsPath);
    const node = await waitForManifest(comanage, created, (n) => checksOf(n).length > 0, 'the fresh template in the view');
    const tenant = checksOf(node).filter((c) => TENANT_AREAS.includes(c.check.area));
    assert.ok(tenant.length > 10, `${tenant.length} tenant checks`);
    assert.deepStrictEqual(tenant.filter((c) => c.status === 'pass').map((c) => c.check.id), []);
    assert.ok(tenant.some((c) => c.check.missing?.some((m) => m.reason === 'placeholder')));
    await waitForDiagnostics(created, hasCode('unreplaced-placeholder'), 'the unreplaced placeholders');
  });

  it('an invalid value turns its check unknown, with the value and the allowed values', async () => {
    const text = plan.getText();
    assert.ok(text.includes('entraId: "<none, P1 or P2>"'));
    await setText(plan, text.replace('entraId: "<none, P1 or P2>"', 'entraId: free'));
    const node = await waitForManifest(comanage, plan.uri, (n) => /invalid value 'free'/.test(premium(n)?.message ?? ''), 'the invalid licence');
    const check = premium(node)!;
    assert.strictEqual(check.status, 'unknown');
    assert.match(check.message, /licensing\.entraId has an invalid value 'free' \(allowed: none, P1, P2\)/);
  });

  it('the quick fix on the parent key inserts the missing key as a snippet', async () => {
    await setText(plan, 'version: 1\nlicensing:\n  intune: true\n');
    const node = await waitForManifest(comanage, plan.uri, (n) => premium(n)?.missing?.[0]?.reason === 'absent', 'the missing licence');
    // The unknown check points at the parent key, not line 1.
    assert.strictEqual(premium(node)!.range?.start.line, 1);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', plan.uri, new vscode.Range(1, 3, 1, 3));
    const add = actions.find((a) => a.title.startsWith('Add licensing.entraId'));
    assert.ok(add?.command, `actions: ${actions.map((a) => a.title).join('; ')}`);
    assert.strictEqual(add.command.command, 'comanage.insertSnippet');
    await vscode.commands.executeCommand(add.command.command, ...(add.command.arguments ?? []));
    assert.strictEqual(plan.getText(), 'version: 1\nlicensing:\n  intune: true\n  entraId: none\n');
  });
});
