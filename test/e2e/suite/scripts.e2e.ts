// ccmsetup inside PowerShell and batch scripts in a real VS Code with no PowerShell extension: the
// squiggle on the script's own characters, hovers only inside an invocation's arguments, and quick
// fixes that leave valid PowerShell. Runs after ccmsetup.e2e.ts (files run in name order).
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { findPowerShellLines } from '../../../server/src/core/hosts/powershell';
import {
  codeOf, core, describeDiagnostics, extension, hoverText, lacksCode, openFixture, rangeOf, setText, waitForDiagnostics,
} from './helpers';

/** The document range of the first `needle` on `line` (after `from` characters). */
function rangeOfText(document: vscode.TextDocument, line: number, needle: string, from = 0): number[] {
  const start = document.lineAt(line).text.indexOf(needle, from);
  assert.ok(start >= 0, `"${needle}" is not on line ${line + 1} of ${document.uri.path}`);
  return [line, start, line, start + needle.length];
}

const hoversAt = (document: vscode.TextDocument, position: vscode.Position) =>
  vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);

/** Applies the quick fix titled `title` that VS Code offers for a diagnostic; returns the changed line. */
async function applyFix(document: vscode.TextDocument, diagnostic: vscode.Diagnostic, title: string): Promise<void> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider', document.uri, diagnostic.range);
  const fix = actions.find((a): a is vscode.CodeAction => a.title === title && 'edit' in a);
  assert.ok(fix?.edit, `no "${title}" among ${JSON.stringify(actions.map((a) => a.title))}`);
  assert.strictEqual(fix.kind?.value, vscode.CodeActionKind.QuickFix.value);
  assert.ok(await vscode.workspace.applyEdit(fix.edit), `VS Code refused the "${title}" edit`);
}

const CMG = 'contoso.cloudapp.net/CCM_Proxy_MutualAuth/72186325152220500';
/** The Start-Process line of install.ps1 (0-based). */
const INVOCATION = 1;

describe('scripts in VS Code (no PowerShell extension)', function () {
  let script: vscode.TextDocument;

  before(async () => {
    script = await openFixture('install.ps1');
  });

  it('runs without the PowerShell extension, with VS Code\'s own language id for .ps1', async () => {
    const ids = vscode.extensions.all.map((e) => e.id.toLowerCase());
    assert.ok(!ids.includes('ms-vscode.powershell'), 'the PowerShell extension is installed in the test VS Code');
    assert.ok(!ids.includes('ms-vscode.powershell-preview'), 'the PowerShell Preview extension is installed in the test VS Code');
    assert.strictEqual(script.languageId, 'powershell');
    const activation = (extension().packageJSON as { activationEvents: string[] }).activationEvents;
    assert.ok(activation.includes('onLanguage:powershell') && activation.includes('onLanguage:bat'), JSON.stringify(activation));
    // Only the running server can put a comanage diagnostic on the script.
    await waitForDiagnostics(script.uri, (d) => d.length > 0, 'the script\'s first diagnostics');
    assert.strictEqual(extension().isActive, true);
  });

  it('underlines exactly the misspelt names inside the -ArgumentList string', async () => {
    const diagnostics = await waitForDiagnostics(script.uri, (d) => d.length >= 2);
    const actual = [...diagnostics].sort((a, b) => a.range.start.compareTo(b.range.start)).map((d) => [codeOf(d), ...rangeOf(d.range)]);
    assert.deepStrictEqual(actual, [
      ['unknown-parameter', ...rangeOfText(script, INVOCATION, '/CCMHOSTNAME')],
      ['unknown-property', ...rangeOfText(script, INVOCATION, 'SMSSITECODEE')],
    ], describeDiagnostics(diagnostics));
    assert.deepStrictEqual(diagnostics.map((d) => script.getText(d.range)).sort(), ['/CCMHOSTNAME', 'SMSSITECODEE']);
    for (const d of diagnostics) assert.strictEqual(d.source, 'comanage');
    // Messages and links as the server computes them.
    const expected = core(script).diagnostics();
    assert.deepStrictEqual(
      [...diagnostics].sort((a, b) => a.range.start.compareTo(b.range.start)).map((d) => [codeOf(d), d.message]),
      expected.map((d) => [d.code, d.message]),
    );
    assert.match(diagnostics.find((d) => codeOf(d) === 'unknown-property')!.message, /Did you mean SMSSITECODE\?/);
  });

  it('hovers a name inside the argument string, and a variable with where its value came from', async () => {
    const [line, mpStart] = rangeOfText(script, INVOCATION, '/mp:');
    const mp = await hoversAt(script, new vscode.Position(line, mpStart + 2));
    const ours = mp.find((h) => hoverText(h).includes('**/mp**'));
    assert.ok(ours, `no hover for /mp among ${mp.length}`);
    assert.deepStrictEqual(rangeOf(ours.range!), rangeOfText(script, INVOCATION, '/mp'));
    assert.match(hoverText(ours), /learn\.microsoft\.com/);

    const [, siteStart] = rangeOfText(script, INVOCATION, '$SiteCode');
    const site = await hoversAt(script, new vscode.Position(line, siteStart + 3));
    assert.ok(site.some((h) => hoverText(h).includes('`$SiteCode` is `ABC`, set on line 1')), site.map(hoverText).join(' | '));
  });

  it('says nothing when hovering outside the invocation\'s arguments', async () => {
    const outside = [
      new vscode.Position(INVOCATION, 3), // Start-Process
      new vscode.Position(INVOCATION, script.lineAt(INVOCATION).text.indexOf('-FilePath') + 2),
      new vscode.Position(INVOCATION, script.lineAt(INVOCATION).text.indexOf('-Wait') + 2),
      new vscode.Position(3, 3), // Write-Host
      new vscode.Position(3, script.lineAt(3).text.indexOf('ccmsetup.log') + 2),
    ];
    for (const position of outside) {
      assert.strictEqual(core(script).hover(position), null, `the core hovers at ${position.line}:${position.character}`);
      // No PowerShell extension: whatever hover VS Code shows there would be ours.
      const hovers = await hoversAt(script, position);
      assert.deepStrictEqual(hovers.map(hoverText), [], `a hover at ${position.line}:${position.character}`);
    }
  });

  it('fixes the misspelt property, leaving the string as it was around it', async () => {
    const original = script.getText();
    const before = script.lineAt(INVOCATION).text;
    const diagnostic = vscode.languages.getDiagnostics(script.uri).find((d) => codeOf(d) === 'unknown-property');
    assert.ok(diagnostic);
    try {
      await applyFix(script, diagnostic, 'Change to SMSSITECODE');
      assert.strictEqual(script.lineAt(INVOCATION).text, before.replace('SMSSITECODEE=', 'SMSSITECODE='));
      const after = await waitForDiagnostics(script.uri, lacksCode('unknown-property'), 'unknown-property to go');
      assert.deepStrictEqual(after.map(codeOf), ['unknown-parameter']);
    } finally {
      await setText(script, original);
    }
    await waitForDiagnostics(script.uri, (d) => d.length === 2, 'the fixture\'s two problems again');
  });

  it('escapes the quotes a fix writes into a double-quoted PowerShell string', async () => {
    const original = script.getText();
    const before = script.lineAt(INVOCATION).text;
    const diagnostic = vscode.languages.getDiagnostics(script.uri).find((d) => codeOf(d) === 'unknown-parameter');
    assert.ok(diagnostic);
    try {
      await applyFix(script, diagnostic, 'Write it as the property CCMHOSTNAME');
      // `"` inside "…" is written `"; the rest of the line, its quotes included, is untouched.
      const expected = before.replace(`/CCMHOSTNAME:""${CMG}""`, `CCMHOSTNAME=\`"${CMG}\`"`);
      assert.notStrictEqual(expected, before);
      assert.strictEqual(script.lineAt(INVOCATION).text, expected);
      // Still one Start-Process whose -ArgumentList string closes where it did: ccmsetup gets the fixed line.
      const lines = findPowerShellLines(script.getText());
      assert.deepStrictEqual(lines.map((l) => l.source.text), [`ccmsetup.exe /mp:cm01.contoso.com CCMHOSTNAME="${CMG}" SMSSITECODEE=ABC`]);
      assert.ok(script.lineAt(INVOCATION).text.endsWith('$SiteCode" -Wait'));
      const after = await waitForDiagnostics(script.uri, lacksCode('unknown-parameter'), 'unknown-parameter to go');
      // Now a CMG line, it lacks SMSSITECODE (still misspelt): reported on the program's name in its path.
      const sorted = [...after].sort((a, b) => a.range.start.compareTo(b.range.start));
      assert.deepStrictEqual(sorted.map((d) => [codeOf(d), script.getText(d.range)]), [
        ['missing-required-for-intune', 'ccmsetup.exe'], ['unknown-property', 'SMSSITECODEE'],
      ]);
    } finally {
      await setText(script, original);
    }
    await waitForDiagnostics(script.uri, (d) => d.length === 2, 'the fixture\'s two problems again');
  });

  it('leaves a script that only mentions ccmsetup without a finding, even one with a mistake in a comment', async () => {
    const logs = await openFixture('logs.ps1');
    assert.strictEqual(logs.languageId, 'powershell');
    assert.match(logs.getText(), /ccmsetup\.exe \/mp=/, 'the fixture should hold a ccmsetup mistake in a comment');
    assert.deepStrictEqual(core(logs).diagnostics(), []);
    // The server answers in order: once an edit to install.ps1 is reported, logs.ps1's answer has come.
    const original = script.getText();
    try {
      await setText(script, original.replace('SMSSITECODEE=', 'SMSSITECODE:'));
      await waitForDiagnostics(script.uri, (d) => d.some((x) => codeOf(x) === 'property-uses-colon'), 'the edit\'s property-uses-colon');
    } finally {
      await setText(script, original);
    }
    assert.deepStrictEqual(vscode.languages.getDiagnostics(logs.uri), []);
    const hovers = await hoversAt(logs, new vscode.Position(2, logs.lineAt(2).text.indexOf('/mp') + 1));
    assert.deepStrictEqual(hovers.map(hoverText), []);
  });

  it('underlines the right characters of a .cmd file and hovers there', async () => {
    const batch = await openFixture('install.cmd');
    assert.strictEqual(batch.languageId, 'bat');
    assert.strictEqual(batch.eol, vscode.EndOfLine.CRLF);
    const diagnostics = await waitForDiagnostics(batch.uri, (d) => d.length > 0, 'the batch file\'s diagnostics');
    const colon = rangeOfText(batch, 2, ':', batch.lineAt(2).text.indexOf('SMSSITECODE'));
    assert.deepStrictEqual(diagnostics.map((d) => [codeOf(d), ...rangeOf(d.range)]), [['property-uses-colon', ...colon]]);
    const [line, mpStart] = rangeOfText(batch, 2, '/mp');
    const hovers = await hoversAt(batch, new vscode.Position(line, mpStart + 1));
    assert.ok(hovers.some((h) => hoverText(h).includes('**/mp**')), hovers.map(hoverText).join(' | '));
    assert.deepStrictEqual((await hoversAt(batch, new vscode.Position(3, 2))).map(hoverText), [], 'a hover on exit /b');
  });
});
