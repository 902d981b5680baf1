// ccmsetup files in a real VS Code: activation, diagnostics, hover, completion, quick fixes, outline
// and snippets, each through the VS Code API, from the fixtures in client/testFixture/.
// The window opens no folder (runTest.ts), so only opening a ccmsetup file can start the extension.
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import {
  codeOf, core, describeDiagnostics, extension, hasCode, hoverText, labelOf, lacksCode, openFixture,
  rangeOf, roundTripThroughServer, setText, waitForDiagnostics,
} from './helpers';

/** bad.ccmsetup's problems: [code, startLine, startChar, endLine, endChar] (0-based). */
const BAD_PROBLEMS: [string, number, number, number, number][] = [
  ['parameter-uses-equals', 1, 16, 1, 17], // /mp=smsmp01…
  ['unknown-parameter', 2, 37, 2, 47], // /UsePKICrt
  ['ccmhostname-has-scheme', 3, 25, 3, 33], // CCMHOSTNAME=https://…
];

const byPosition = (a: vscode.Diagnostic, b: vscode.Diagnostic) => a.range.start.compareTo(b.range.start);

describe('ccmsetup files in VS Code', function () {
  let notes: vscode.TextDocument;
  let bad: vscode.TextDocument;

  describe('activation', () => {
    it('is installed but not started while no ccmsetup file is open', async () => {
      assert.strictEqual(extension().isActive, false, 'the extension started before any ccmsetup file was opened');
      notes = await openFixture('notes.txt');
      assert.strictEqual(notes.languageId, 'plaintext');
      assert.strictEqual(extension().isActive, false, 'opening a .txt file started the extension');
    });

    it('starts when a ccmsetup file opens, with its language server running', async () => {
      bad = await openFixture('bad.ccmsetup');
      assert.strictEqual(bad.languageId, 'ccmsetup');
      // Diagnostics can only come from the running server, which only the activated extension starts.
      await waitForDiagnostics(bad.uri, (d) => d.length > 0, 'the first diagnostics');
      assert.strictEqual(extension().isActive, true);
      const api = extension().exports as { client?: { isRunning(): boolean } } | undefined;
      assert.ok(api?.client?.isRunning(), 'activate() should return the running language client');
    });
  });

  describe('diagnostics', () => {
    it('reports bad.ccmsetup\'s problems with their codes, ranges, severity and source', async () => {
      const diagnostics = await waitForDiagnostics(bad.uri, (d) => d.length >= BAD_PROBLEMS.length);
      const actual = [...diagnostics].sort(byPosition).map((d) => [codeOf(d), ...rangeOf(d.range)]);
      assert.deepStrictEqual(actual, BAD_PROBLEMS, `got ${describeDiagnostics(diagnostics)}`);
      for (const diagnostic of diagnostics) {
        assert.strictEqual(diagnostic.source, 'comanage');
        assert.strictEqual(diagnostic.severity, vscode.DiagnosticSeverity.Error);
      }
    });

    it('shows exactly what the server computes (messages and links included)', async () => {
      const diagnostics = [...vscode.languages.getDiagnostics(bad.uri)].sort(byPosition);
      const expected = core(bad).diagnostics();
      assert.deepStrictEqual(
        diagnostics.map((d) => ({ code: codeOf(d), range: rangeOf(d.range), message: d.message })),
        expected.map((d) => ({ code: d.code, range: rangeOf(d.range), message: d.message })),
      );
      const link = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? d.code.target.toString() : undefined);
      assert.deepStrictEqual(diagnostics.map(link), expected.map((d) => d.codeDescription?.href));
    });

    it('updates after an edit, and again after the edit is undone', async () => {
      const original = bad.getText();
      try {
        await setText(bad, `${original}ccmsetup.exe /mp:smsmp01.contoso.com SMSSITECODE:ABC\n`);
        const edited = await waitForDiagnostics(bad.uri, hasCode('property-uses-colon'), 'property-uses-colon on the new line');
        const added = edited.find((d) => codeOf(d) === 'property-uses-colon');
        assert.deepStrictEqual(rangeOf(added!.range), [4, 48, 4, 49]);
        assert.strictEqual(edited.length, BAD_PROBLEMS.length + 1, describeDiagnostics(edited));
      } finally {
        // Later tests expect the fixture's text, whatever happened here.
        await setText(bad, original);
      }
      const restored = await waitForDiagnostics(bad.uri, lacksCode('property-uses-colon'), 'the new line\'s problem to go');
      assert.strictEqual(restored.length, BAD_PROBLEMS.length, describeDiagnostics(restored));
    });

    it('reports nothing for good.ccmsetup', async () => {
      const good = await openFixture('good.ccmsetup');
      assert.deepStrictEqual(core(good).diagnostics(), [], 'the fixture itself should be clean');
      // good.ccmsetup was sent to the server before this edit; its (empty) answer came first.
      await roundTripThroughServer(bad);
      assert.deepStrictEqual(vscode.languages.getDiagnostics(good.uri), []);
    });

    it('leaves a .txt file alone, even one with ccmsetup mistakes in it', async () => {
      assert.ok(notes.getText().includes('/mp='), 'notes.txt should contain a mistake the checker would flag');
      await roundTripThroughServer(bad);
      assert.deepStrictEqual(vscode.languages.getDiagnostics(notes.uri), []);
    });
  });

  describe('language features', () => {
    it('hovers a parameter with the server\'s text', async () => {
      const position = new vscode.Position(1, 14); // inside /mp
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', bad.uri, position);
      const expected = core(bad).hover(position);
      assert.ok(expected, 'the core should have a hover for /mp');
      const ours = hovers.find((h) => hoverText(h).includes('**/mp**'));
      assert.ok(ours, `no hover for /mp among ${hovers.length} hover(s)`);
      const value = typeof expected.contents === 'object' && 'value' in expected.contents ? expected.contents.value : '';
      assert.strictEqual(hoverText(ours), value);
      assert.deepStrictEqual(rangeOf(ours.range!), rangeOf(expected.range!));
    });

    it('completes parameters and properties as the server does', async () => {
      const position = new vscode.Position(2, 13); // start of "/mp:" on the third line
      const list = await vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider', bad.uri, position);
      const labels = new Set(list.items.map(labelOf));
      const expected = core(bad).completion(position).items.map((item) => item.label);
      assert.ok(expected.length > 10, `the core offered only ${expected.length} items`);
      assert.deepStrictEqual(expected.filter((label) => !labels.has(label)), [], 'items the server offers but VS Code lacks');
      assert.ok(['/logon', '/UsePKICert', 'SMSMP', 'CCMHOSTNAME'].every((label) => labels.has(label)));
    });

    it('shows an item\'s documentation once VS Code resolves it (completionItem/resolve)', async () => {
      const position = new vscode.Position(2, 13);
      const list = await vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider', bad.uri, position, undefined, 1_000);
      const smsmp = list.items.find((item) => labelOf(item) === 'SMSMP');
      const documentation = smsmp?.documentation;
      const text = typeof documentation === 'string' ? documentation : documentation?.value ?? '';
      assert.match(text, /learn\.microsoft\.com/, 'SMSMP has no documentation after resolving');
    });

    it('offers the contributed snippets on an empty line', async () => {
      const good = await openFixture('good.ccmsetup');
      const emptyLine = good.lineCount - 1;
      assert.strictEqual(good.lineAt(emptyLine).text, '');
      const list = await vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider', good.uri, new vscode.Position(emptyLine, 0));
      const snippet = list.items.find((item) => labelOf(item) === 'ccm-intune-cmg-entra');
      assert.ok(snippet, `no ccm-intune-cmg-entra among ${list.items.length} items`);
      assert.strictEqual(snippet.kind, vscode.CompletionItemKind.Snippet);
      const body = snippet.insertText instanceof vscode.SnippetString ? snippet.insertText.value : String(snippet.insertText);
      assert.match(body, /^CCMSETUPCMD="CCMHOSTNAME=/);
    });

    it('lists each command line and its entries in the outline', async () => {
      const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', bad.uri);
      type Shape = { name: string; range: number[]; children: Shape[] };
      const shape = (s: { name: string; range: vscode.Range | Parameters<typeof rangeOf>[0]; children?: unknown[] }): Shape => ({
        name: s.name,
        range: rangeOf(s.range),
        children: ((s.children ?? []) as typeof s[]).map(shape),
      });
      assert.ok(symbols?.length, 'VS Code returned no document symbols');
      const expected = core(bad).symbols().map(shape);
      assert.strictEqual(expected.length, 3, 'bad.ccmsetup has three command lines');
      assert.deepStrictEqual(symbols.map(shape), expected);
    });
  });

  describe('quick fixes', () => {
    it('offers the server\'s fixes for /mp= and applying one writes /mp:', async () => {
      const original = bad.getText();
      const diagnostic = vscode.languages.getDiagnostics(bad.uri).find((d) => codeOf(d) === 'parameter-uses-equals');
      assert.ok(diagnostic, 'parameter-uses-equals should be reported on line 2');
      const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
        'vscode.executeCodeActionProvider', bad.uri, diagnostic.range);
      const titles = actions.map((a) => a.title);
      const expected = core(bad).codeActions(diagnostic.range);
      assert.ok(expected.length > 0, 'the core should offer a fix');
      assert.deepStrictEqual(expected.map((a) => a.title).filter((t) => !titles.includes(t)), [], `VS Code offered ${JSON.stringify(titles)}`);

      // VS Code's command doesn't return an action's diagnostics; the core says which action fixes this one.
      const fixTitle = expected.find((a) => a.diagnostics?.some((d) => d.code === 'parameter-uses-equals'))?.title;
      assert.ok(fixTitle, 'the core links no fix to parameter-uses-equals');
      const fix = actions.find((a): a is vscode.CodeAction => a.title === fixTitle && 'edit' in a);
      assert.ok(fix?.edit, `VS Code has no "${fixTitle}" action with an edit: ${JSON.stringify(actions)}`);
      assert.strictEqual(fix.kind?.value, vscode.CodeActionKind.QuickFix.value);
      try {
        assert.ok(await vscode.workspace.applyEdit(fix.edit));
        assert.strictEqual(bad.lineAt(1).text, 'ccmsetup.exe /mp:smsmp01.contoso.com SMSSITECODE=ABC');
        const after = await waitForDiagnostics(bad.uri, lacksCode('parameter-uses-equals'), 'the fixed problem to go');
        assert.strictEqual(after.length, BAD_PROBLEMS.length - 1, describeDiagnostics(after));
      } finally {
        await setText(bad, original);
      }
    });
  });
});
