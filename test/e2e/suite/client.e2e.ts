// The VS Code client in a real VS Code: the Readiness view from the server's checks of
// client/testFixture/plan.comanage.yaml, and every contributed command, with prompts answered by
// a scripted Ui. Runs after ccmsetup.e2e.ts (files run in name order), which tests activation.
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ComanageApi } from '../../../client/src/extension';
import type { GeneratedLine } from '../../../client/src/model/generator';
import type { ManifestNode, ReadinessNode } from '../../../client/src/model/readinessTree';
import { parse as parseYaml } from 'yaml';
import { AREA_TITLES } from '../../../server/src/core/manifest/rules/types';
import { getLanguageService } from '../../../server/src/core/languageService';
import { manifestTemplate } from '../../../server/src/core/manifest/templates';
import { PREFER_IMPORT, WRITE } from '../../../client/src/model/graphImport';
import { ScriptedUi, api, discardActiveEditor, waitForManifest, withUi } from './clientHelpers';
import { extension, openFixture, rangeOf, setText } from './helpers';

const CMG = 'contoso.cloudapp.net/CCM_Proxy_MutualAuth/72186325152220500';

/** The core's readiness for a VS Code document: what the view must show. */
function coreReadiness(document: vscode.TextDocument) {
  const doc = TextDocument.create(document.uri.toString(), 'comanage-manifest', document.version, document.getText());
  return getLanguageService().getReadiness(doc);
}

const checksOf = (node: ManifestNode) => node.children.flatMap((area) => area.children);

describe('the co-management client in VS Code', function () {
  let comanage: ComanageApi;
  let plan: vscode.TextDocument;
  /** Every command a test below runs; compared with package.json at the end. */
  const covered = new Set<string>();
  const run = <T>(command: string, ...args: unknown[]) => {
    covered.add(command);
    return vscode.commands.executeCommand<T>(command, ...args);
  };

  before(async () => {
    plan = await openFixture('plan.comanage.yaml');
    comanage = await api();
  });

  describe('Readiness view', () => {
    it('lists the fixture manifest with exactly the checks the server computes', async () => {
      const expected = coreReadiness(plan);
      const statuses = new Set(expected.map((c) => c.status));
      assert.deepStrictEqual([...statuses].sort(), ['fail', 'info', 'pass', 'unknown', 'warn'], 'the fixture should have checks of every status');
      const node = await waitForManifest(comanage, plan.uri, (n) => !!n && checksOf(n).length === expected.length, 'the fixture\'s checks');
      const shown = checksOf(node!).map((c) => `${c.check.area}/${c.check.id}=${c.status}`).sort();
      assert.deepStrictEqual(shown, expected.map((c) => `${c.area}/${c.id}=${c.status}`).sort());
      assert.strictEqual(node!.counts.fail, expected.filter((c) => c.status === 'fail').length);
      for (const area of node!.children) assert.strictEqual(area.label, AREA_TITLES[area.area as keyof typeof AREA_TITLES] ?? area.area);
    });

    it('shows each check with its status icon and tooltip, and a click reveals its source', async () => {
      const node = comanage.readiness.manifests().find((m) => m.uri === plan.uri.toString())!;
      const failing = checksOf(node).find((c) => c.status === 'fail' && c.range)!;
      assert.ok(failing, 'a failing check with a range');
      const item = comanage.readiness.getTreeItem(failing);
      assert.strictEqual((item.iconPath as vscode.ThemeIcon).id, 'error');
      assert.strictEqual(((item.iconPath as vscode.ThemeIcon).color as unknown as { id: string }).id, 'problemsErrorIcon.foreground');
      const tooltip = (item.tooltip as vscode.MarkdownString).value;
      assert.ok(tooltip.includes(failing.check.docUrl), 'the tooltip links the documentation');
      assert.strictEqual(item.description, failing.check.message);
      assert.strictEqual(item.command?.command, 'comanage.revealCheck');
      covered.add('comanage.revealCheck');
      await vscode.commands.executeCommand(item.command!.command, ...(item.command!.arguments ?? []));
      const editor = vscode.window.activeTextEditor!;
      assert.strictEqual(editor.document.uri.toString(), plan.uri.toString());
      assert.deepStrictEqual(rangeOf(editor.selection), rangeOf(failing.range!));
      const area = comanage.readiness.getParent(failing)!;
      assert.strictEqual(area.kind, 'area');
      assert.strictEqual((comanage.readiness.getTreeItem(area).iconPath as vscode.ThemeIcon).id, 'error');
    });

    it('badges the view with the number of failing checks', async () => {
      const failing = comanage.readiness.manifests().reduce((n, m) => n + m.counts.fail, 0);
      assert.ok(failing > 0);
      assert.strictEqual(comanage.readinessView.badge?.value, failing);
      assert.match(comanage.readinessView.badge?.tooltip ?? '', /failing readiness check/);
    });

    it('refreshes as the manifest changes, and again when the change is undone', async () => {
      const original = plan.getText();
      const before = comanage.readiness.manifests().find((m) => m.uri === plan.uri.toString())!.counts.fail;
      try {
        await setText(plan, original.replace('mdmUserScope: none', 'mdmUserScope: all'));
        const expected = coreReadiness(plan).filter((c) => c.status === 'fail').length;
        assert.strictEqual(expected, before - 1, 'the edit should fix one failing check');
        await waitForManifest(comanage, plan.uri, (n) => n?.counts.fail === expected, `${expected} failing checks after the edit`);
        assert.strictEqual(comanage.readinessView.badge?.value, expected);
      } finally {
        await setText(plan, original);
      }
      await waitForManifest(comanage, plan.uri, (n) => n?.counts.fail === before, `${before} failing checks again`);
    });

    it('Show readiness focuses the view on the active manifest', async () => {
      await vscode.window.showTextDocument(plan);
      await run('comanage.showReadiness');
      assert.strictEqual(comanage.readinessView.visible, true);
      assert.strictEqual(comanage.readinessView.selection[0]?.uri, plan.uri.toString());
    });

    it('Refresh readiness asks the server again', async () => {
      let updates = 0;
      const subscription = comanage.readiness.onDidUpdate(() => { updates++; });
      try {
        await run('comanage.refreshReadiness');
      } finally {
        subscription.dispose();
      }
      assert.ok(updates >= 1, 'no refresh happened');
      assert.ok(comanage.readiness.manifests().some((m) => m.uri === plan.uri.toString()));
    });
  });

  describe('honest readiness: neutral unknowns, unreadable plans, unknowns to act on', () => {
    let original: string;
    const icon = (n: ReadinessNode) => comanage.readiness.getTreeItem(n).iconPath as vscode.ThemeIcon;
    const colour = (n: ReadinessNode) => (icon(n).color as unknown as { id: string } | undefined)?.id;
    const statusBarSays = async (pattern: RegExp) => {
      await vscode.window.showTextDocument(plan);
      const deadline = Date.now() + 5_000;
      while (!pattern.test(comanage.statusBar.text) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
      assert.match(comanage.statusBar.text, pattern);
    };

    before(() => { original = plan.getText(); });
    afterEach(async () => {
      await vscode.commands.executeCommand('leaveSnippet');
      if (plan.getText() !== original) await setText(plan, original);
      await waitForManifest(comanage, plan.uri, (n) => n?.status === 'fail', 'the fixture back');
    });

    it('shows unknowns as a neutral question mark, never the pass icon, in the tree, the status bar and the badge', async () => {
      // Only unknowns and passes: nothing may look green but the checks that pass.
      await setText(plan, '# only a path: nothing about the tenant\nversion: 1\npath: autopilot\n');
      const expected = coreReadiness(plan);
      assert.ok(expected.some((c) => c.status === 'unknown') && !expected.some((c) => c.status === 'fail' || c.status === 'warn'),
        `the plan should give only unknowns and passes: ${[...new Set(expected.map((c) => c.status))]}`);
      const root = (await waitForManifest(comanage, plan.uri, (n) => n?.status === 'unknown' && checksOf(n).length === expected.length, 'only unknowns and passes'))!;
      assert.strictEqual(icon(root).id, 'question');
      assert.notStrictEqual(colour(root), 'testing.iconPassed');
      assert.match(root.description, /^\d+ unknown( · \d+ passing)?$/);
      for (const area of root.children) {
        if (area.counts.unknown) assert.strictEqual(icon(area).id, 'question', area.label);
        assert.match(area.description, area.counts.unknown ? /unknown/ : /pass/, area.label);
      }
      for (const check of checksOf(root).filter((c) => c.status === 'unknown')) {
        assert.strictEqual(icon(check).id, 'question', check.label);
        assert.notStrictEqual(colour(check), 'testing.iconPassed', check.label);
      }
      await statusBarSays(/^\$\(question\) Readiness: \d+ unknown/);
      assert.doesNotMatch(comanage.statusBar.text, /\$\(pass\)|all \d+ pass/);
      assert.strictEqual(comanage.readinessView.badge, undefined, 'no failing check, so no badge (and never a pass count)');
    });

    it('shows a plan with a YAML error as an error with its line, never a pass or "no checks"', async () => {
      const broken = original.replace('  entraId: none\n', '  entraId: none: P1\n');
      await setText(plan, broken);
      const line = broken.split('\n').findIndex((l) => l.includes('none: P1')) + 1;
      const root = (await waitForManifest(comanage, plan.uri, (n) => n?.status === 'unreadable', 'the YAML error state'))!;
      assert.strictEqual(root.description, `can't read the plan: YAML error on line ${line}`);
      assert.strictEqual(icon(root).id, 'error');
      assert.strictEqual(colour(root), 'problemsErrorIcon.foreground');
      const [first] = comanage.readiness.getChildren(root);
      assert.strictEqual(first.kind, 'parseError');
      assert.strictEqual(first.label, `YAML error on line ${line}`);
      const item = comanage.readiness.getTreeItem(first);
      await vscode.commands.executeCommand(item.command!.command, ...(item.command!.arguments ?? []));
      assert.strictEqual(vscode.window.activeTextEditor!.selection.start.line, line - 1);
      await statusBarSays(new RegExp(`^\\$\\(error\\) Readiness: can't read the plan: YAML error on line ${line}$`));
      assert.match(comanage.readinessView.badge?.tooltip ?? '', /1 manifest with a YAML error/);
    });

    it('a click on an unknown selects where its key belongs, the range the server sends', async () => {
      const root = (await waitForManifest(comanage, plan.uri, (n) => n?.status === 'fail', 'the fixture'))!;
      // A nested key whose section exists: its parent key is selected (not line 1).
      const unknown = checksOf(root).find((c) => c.status === 'unknown' && c.check.missing?.[0]?.path.startsWith('site.cmg.'));
      assert.ok(unknown?.range, `an unknown check for a site.cmg key, with a range: ${checksOf(root).filter((c) => c.status === 'unknown').map((c) => c.check.missing?.[0]?.path)}`);
      const item = comanage.readiness.getTreeItem(unknown);
      assert.match(String(item.description), /site\.cmg\./);
      assert.match((item.tooltip as vscode.MarkdownString).value, /```yaml/);
      await vscode.commands.executeCommand(item.command!.command, ...(item.command!.arguments ?? []));
      const editor = vscode.window.activeTextEditor!;
      assert.deepStrictEqual(rangeOf(editor.selection), rangeOf(unknown.range));
      assert.strictEqual(editor.document.getText(editor.selection), 'cmg');
    });

    it('Add the missing key inserts the key of an unknown where it belongs', async () => {
      const root = (await waitForManifest(comanage, plan.uri, (n) => n?.status === 'fail', 'the fixture'))!;
      const unknown = checksOf(root).find((c) => c.status === 'unknown' && c.check.missing?.[0]?.insert);
      assert.ok(unknown, 'an unknown check with a key to insert');
      assert.strictEqual(comanage.readiness.getTreeItem(unknown).contextValue, 'comanage.check.missing');
      const fact = unknown.check.missing![0];
      const key = fact.path.slice(fact.path.lastIndexOf('.') + 1).replace(/\[\d+\]$/, '');
      await run('comanage.addMissingKey', unknown);
      covered.add('comanage.insertSnippet');
      const text = vscode.window.activeTextEditor!.document.getText();
      assert.strictEqual(vscode.window.activeTextEditor!.document.uri.toString(), plan.uri.toString());
      assert.ok(text.split('\n').length > original.split('\n').length, 'a line was added');
      assert.match(text, new RegExp(`^\\s*${key}:`, 'm'));
    });

    it('Answer unknown facts… asks with the allowed values and their meanings, writes two answers, keeps the comments', async () => {
      const root = (await waitForManifest(comanage, plan.uri, (n) => n?.status === 'fail', 'the fixture'))!;
      const withValues = checksOf(root).filter((c) => c.status === 'unknown' && c.check.missing?.some((f) => f.allowed?.length));
      assert.ok(withValues.length >= 2, 'two unknowns with allowed values');
      const answered: { path: string; value: string }[] = [];
      const ui = new ScriptedUi();
      // Answers the first two questions that list allowed values (their first value), skips the rest.
      ui.pick = async (request) => {
        ui.pickRequests.push(request);
        const skip = request.items[request.items.length - 1];
        assert.strictEqual(skip.label, 'Skip');
        if (answered.length >= 2) return skip.id;
        const value = request.items[0];
        assert.ok(value.description, 'each value comes with its meaning');
        answered.push({ path: /^[\w.[\]]+/.exec(request.placeholder)![0], value: value.id });
        return value.id;
      };
      ui.input = async () => '';
      await vscode.window.showTextDocument(plan);
      await withUi(comanage, ui, () => run('comanage.answerUnknownFacts'));
      assert.deepStrictEqual(ui.errors, []);
      assert.strictEqual(answered.length, 2);
      assert.match(ui.pickRequests[0].title, /^Answer unknown facts: /);
      const after = plan.getText();
      // Every line of the fixture is still there, in order: comments, order and formatting kept.
      const lines = after.split('\n');
      let at = 0;
      for (const line of original.split('\n')) {
        const found = lines.indexOf(line, at);
        assert.ok(found >= 0, `the line ${JSON.stringify(line)} changed`);
        at = found + 1;
      }
      assert.ok(after.startsWith('# Fixture for the end-to-end tests'), 'the leading comment is kept');
      const written = parseYaml(after);
      for (const { path: keyPath, value } of answered) {
        const got = keyPath.split('.').reduce<any>((o, k) => o?.[k], written);
        assert.strictEqual(String(got), value, keyPath);
      }
      assert.match(ui.infos.at(-1) ?? '', /^Wrote 2 answers into plan\.comanage\.yaml/);
      // The answered facts are no longer unknown.
      const now = (await waitForManifest(comanage, plan.uri, (n) => !!n && n.counts.unknown < root.counts.unknown, 'fewer unknowns'))!;
      assert.ok(!checksOf(now).some((c) => c.status === 'unknown' && c.check.missing?.some((f) => answered.some((a) => a.path === f.path))));
    });
  });

  describe('commands', () => {
    it('Generate ccmsetup command line… checks each value with the server and inserts a clean line', async () => {
      const target = await vscode.workspace.openTextDocument({ language: 'ccmsetup', content: '' });
      await vscode.window.showTextDocument(target);
      let siteCodeChecked = false;
      const ui = new ScriptedUi({
        picks: ['intune', 'entra-device', 'yes', 'insert'],
        inputs: [[/CCMHOSTNAME/, CMG], [/SMSSITECODE/, 'ABC'], [/SMSMP/, 'https://mp1.contoso.com'], [/PROVISIONTS/, 'PRI20001']],
        async onInput(request) {
          if (!/SMSSITECODE/.test(request.prompt)) return;
          // Typed letter by letter: a two-letter site code is refused by the server's rule.
          const partial = await request.validate('AB');
          assert.strictEqual(partial.blocking, true);
          assert.match(partial.message ?? '', /site code/);
          assert.match(partial.title, /of 1024 characters/);
          siteCodeChecked = true;
        },
      });
      try {
        const result = await withUi(comanage, ui, () => run<GeneratedLine>('comanage.generateCommandLine'));
        assert.ok(result, `the generator gave nothing (asked: ${ui.asked.join(', ')})`);
        assert.ok(siteCodeChecked, 'the site code step was not validated');
        const expected = `CCMSETUPCMD="CCMHOSTNAME=${CMG} SMSSITECODE=ABC SMSMP=https://mp1.contoso.com PROVISIONTS=PRI20001 UPGRADETOLATEST=TRUE"`;
        assert.strictEqual(result.text, expected);
        assert.strictEqual(target.getText(), expected);
        assert.deepStrictEqual(getLanguageService().checkCommandLine(expected, 'intune').problems.filter((p) => p.severity === 'error'), []);
        const lengthTitle = ui.pickRequests[ui.pickRequests.length - 1].title;
        assert.match(lengthTitle, new RegExp(`${expected.length} of 1024 characters`));
      } finally {
        await discardActiveEditor();
      }
    });

    it('Copy command line for Intune copies a wrapped line and refuses one that breaks a rule', async () => {
      const good = await openFixture('good.ccmsetup');
      const editor = vscode.window.activeTextEditor!;
      const service = getLanguageService();
      const ui = new ScriptedUi();
      // Line 2 is already CCMSETUPCMD="…" and clean: copied as it is.
      editor.selection = new vscode.Selection(2, 5, 2, 5);
      const copied = await withUi(comanage, ui, () => run<{ text?: string; error?: string }>('comanage.copyForIntune'));
      assert.strictEqual(copied?.text, service.intuneCommandLine(good.lineAt(2).text).text);
      assert.match(ui.infos[0] ?? '', /of 1024 characters/);
      assert.strictEqual(await vscode.env.clipboard.readText(), copied?.text);
      // Line 1 has no CCMHOSTNAME, which Intune needs: refused with the server's reason.
      editor.selection = new vscode.Selection(1, 0, 1, 0);
      const refused = await withUi(comanage, ui, () => run<{ text?: string; error?: string }>('comanage.copyForIntune'));
      assert.strictEqual(refused?.text, undefined);
      assert.match(ui.errors[0] ?? '', /^Not copied: .*missing-required-for-intune/);
      // A comment line is refused before the server is asked.
      editor.selection = new vscode.Selection(0, 0, 0, 0);
      await withUi(comanage, ui, () => run('comanage.copyForIntune'));
      assert.match(ui.errors[1] ?? '', /comment/);
      // In a manifest the line is YAML: the command line itself must be selected.
      const manifest = await vscode.window.showTextDocument(plan);
      manifest.selection = new vscode.Selection(0, 0, 0, 0);
      await withUi(comanage, ui, () => run('comanage.copyForIntune'));
      assert.match(ui.errors[2] ?? '', /select the command line/);
    });

    it('Export co-management settings policy opens the Graph body for the chosen policy', async () => {
      await vscode.window.showTextDocument(plan);
      const ui = new ScriptedUi({ choose: (items) => items.find((item) => item.label === 'Pilot devices') });
      const outcome = await withUi(comanage, ui, () => run<{ json?: string; error?: string }>('comanage.exportPolicy'));
      assert.ok(outcome?.json, `no export: ${outcome?.error ?? ui.errors.join(' ')}`);
      try {
        const editor = vscode.window.activeTextEditor!;
        assert.strictEqual(editor.document.languageId, 'json');
        assert.strictEqual(editor.document.isUntitled, true);
        const expected = getLanguageService().exportPolicy(TextDocument.create(plan.uri.toString(), 'yaml', 1, plan.getText()), 1);
        assert.deepStrictEqual(JSON.parse(editor.document.getText()), expected.body);
        const notes = vscode.window.visibleTextEditors.find((e) => e.document.languageId === 'markdown' && e.document.isUntitled);
        assert.ok(notes && expected.notes.every((note) => notes.document.getText().includes(note)), 'the notes are shown beside the JSON');
        assert.deepStrictEqual(ui.asked, ['choose Export co-management settings policy']);
      } finally {
        await discardActiveEditor();
        // The note beside it.
        const notes = vscode.window.visibleTextEditors.find((e) => e.document.languageId === 'markdown' && e.document.isUntitled);
        if (notes) {
          await vscode.window.showTextDocument(notes.document, notes.viewColumn);
          await discardActiveEditor();
        }
      }
    });

    it('New workload manifest… writes the chosen template where the user saves, named as a manifest', async () => {
      const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'comanage-new-'));
      const ui = new ScriptedUi({
        choose: (items) => items.find((item) => item.description === 'autopilot'),
        saveTo: vscode.Uri.file(path.join(folder, 'rollout.yaml')),
      });
      const created = await withUi(comanage, ui, () => run<vscode.Uri>('comanage.newManifest'));
      try {
        assert.strictEqual(created?.fsPath, path.join(folder, 'rollout.comanage.yaml'));
        // The server's template (placeholders for the tenant's facts), not a copy of the Contoso example.
        assert.strictEqual(fs.readFileSync(created.fsPath, 'utf8'), manifestTemplate('autopilot')!.text);
        assert.strictEqual(vscode.window.activeTextEditor?.document.uri.fsPath, created.fsPath);
        assert.match(ui.infos[0] ?? '', /rollout\.comanage\.yaml/);
        // The new file is a manifest: it joins the view, with no failing check.
        const node = await waitForManifest(comanage, created, (n) => !!n && n.children.length > 0, 'the new manifest in the view');
        assert.strictEqual(node!.counts.fail, 0);
      } finally {
        await discardActiveEditor();
        fs.rmSync(folder, { recursive: true, force: true });
      }
    });

    it('Insert a missing fact puts the snippet into the plan at the position given', async () => {
      const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'comanage-insert-'));
      const file = path.join(folder, 'facts.comanage.yaml');
      fs.writeFileSync(file, 'version: 1\nlicensing:\n  intune: true\n');
      try {
        const inserted = await run<boolean>('comanage.insertSnippet', vscode.Uri.file(file).toString(), { line: 2, character: 14 }, '\n  entraId: ${1|none,P1,P2|}');
        assert.strictEqual(inserted, true);
        assert.strictEqual(vscode.window.activeTextEditor?.document.getText(), 'version: 1\nlicensing:\n  intune: true\n  entraId: none\n');
      } finally {
        await discardActiveEditor();
        fs.rmSync(folder, { recursive: true, force: true });
      }
    });

    it('Import settings from a Graph export… previews the merge as a diff, asks, and writes one undoable edit', async () => {
      // The repository's Graph fixtures (out/e2e/suite → test/fixtures/graph), copied beside a plan of our own.
      const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'comanage-import-'));
      fs.cpSync(path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'graph'), path.join(folder, 'exports'), { recursive: true });
      const file = path.join(folder, 'tenant.comanage.yaml');
      const original = '# hand-written\nversion: 1\nautopilot:\n  esp:\n    timeoutMinutes: 60 # agreed with the service desk\n';
      fs.writeFileSync(file, original);
      const picked = [vscode.Uri.file(path.join(folder, 'exports', 'enrollment-page1.json')), vscode.Uri.file(path.join(folder, 'exports', 'folder-export'))];
      const document = await vscode.workspace.openTextDocument(file);
      await vscode.window.showTextDocument(document);
      /** Runs the command answering the questions in turn; records what the diff showed at each. */
      const importWith = async (answers: (string | undefined)[]) => {
        const ui = new ScriptedUi({ openTo: picked });
        const previews: string[] = [];
        ui.ask = async (message, detail, ...actions) => {
          ui.questions.push({ message, detail, actions });
          const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
          assert.ok(input instanceof vscode.TabInputTextDiff, 'the diff is shown while the question is asked');
          assert.strictEqual(input.original.toString(), document.uri.toString());
          assert.strictEqual(input.modified.scheme, 'comanage-import');
          previews.push((await vscode.workspace.openTextDocument(input.modified)).getText());
          return answers.shift();
        };
        await vscode.window.showTextDocument(document);
        const outcome = await withUi(comanage, ui, () => run<{ written?: string; cancelled?: boolean; error?: string }>('comanage.importGraphExport'));
        assert.deepStrictEqual(ui.errors, []);
        assert.strictEqual(ui.asked[0], 'open dialog (files or folders)');
        const diffs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputTextDiff);
        assert.deepStrictEqual(diffs.map((t) => t.label), [], 'the preview is closed afterwards');
        return { ui, outcome, previews };
      };
      try {
        // Cancel: nothing changes.
        const cancelled = await importWith([undefined]);
        assert.strictEqual(cancelled.outcome?.cancelled, true);
        assert.strictEqual(document.getText(), original);
        const question = cancelled.ui.questions[0];
        assert.match(question.message, /^Import into tenant\.comanage\.yaml: \d+ values to write, 1 conflict with values written by hand\.$/);
        assert.deepStrictEqual(question.actions, [WRITE, PREFER_IMPORT]);
        assert.match(question.detail, /autopilot\.esp\.timeoutMinutes: the plan says 60, the export says 90/);
        assert.match(question.detail, /Left out/);
        assert.match(cancelled.previews[0], /^# hand-written\nversion: 1\n/);
        assert.match(cancelled.previews[0], /# imported from exports\/folder-export\/DeviceEnrollmentConfigurations\/Shared devices co-management\.json: "Shared devices co-management"/);

        // Write: the hand-written value stays, the rest comes in; Undo takes it all back.
        const written = await importWith([WRITE]);
        assert.strictEqual(written.outcome?.written, document.getText());
        assert.strictEqual(document.getText(), written.previews[0], 'what was previewed is what was written');
        assert.match(document.getText(), /timeoutMinutes: 60 # agreed with the service desk/);
        assert.match(document.getText(), /name: Shared devices co-management/);
        assert.match(written.ui.infos.at(-1) ?? '', /^Imported \d+ values into tenant\.comanage\.yaml; 1 hand-written value was kept\./);
        assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), document.uri.toString());
        await vscode.commands.executeCommand('undo');
        assert.strictEqual(document.getText(), original, 'one undo takes the import back');

        // Taking the export's values shows the new preview before anything is written.
        const taken = await importWith([PREFER_IMPORT, WRITE]);
        assert.strictEqual(taken.previews.length, 2);
        assert.match(taken.previews[1], /\(was 60\)\n {4}timeoutMinutes: 90/);
        assert.deepStrictEqual(taken.ui.questions[1].actions, [WRITE]);
        assert.strictEqual(document.getText(), taken.previews[1]);
      } finally {
        await vscode.window.showTextDocument(document);
        await discardActiveEditor();
        fs.rmSync(folder, { recursive: true, force: true });
      }
    });

    it('Open the co-management walkthrough runs', async () => {
      await run('comanage.openWalkthrough');
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    });

    it('every contributed command has been run above', () => {
      const contributed = (extension().packageJSON.contributes.commands as { command: string }[]).map((c) => c.command).sort();
      assert.deepStrictEqual([...covered].sort(), contributed);
    });
  });
});
