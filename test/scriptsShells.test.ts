// Scripts through the shells: the stdio server (as an editor sees it) and the built CLI (as CI
// sees it). Needs `node esbuild.mjs` first, like protocol.test.ts and cli.test.ts.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CodeAction, CompletionList, Diagnostic, Hover, InitializeResult } from 'vscode-languageserver';
import { LspClient } from './helpers/lspClient';
import { assertBuilt, runCli, runCliJson } from './helpers/cli';

const SERVER = path.resolve(__dirname, '..', 'dist', 'server.js');
const SCRIPT = "$MP = 'cm01.contoso.com'\nStart-Process -FilePath .\\ccmsetup.exe -ArgumentList \"/mp:$MP\", 'SMSSITECODE:ABC' -Wait\n";

describe('scripts over the language server protocol', function () {
  let client: LspClient;
  before(async () => {
    client = LspClient.start(SERVER);
    await client.request<InitializeResult>('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: false } } });
    await client.notify('initialized', {});
  });
  after(async () => { if (client?.alive) await client.stop(); });

  it('publishes a finding at the script characters, hovers and fixes there', async () => {
    const uri = 'file:///tmp/scripts/install.ps1';
    const published = client.nextDiagnostics(uri);
    await client.open(uri, SCRIPT, 'powershell');
    const { diagnostics } = await published;
    assert.deepEqual(diagnostics.map((d: Diagnostic) => d.code), ['property-uses-colon']);
    const colon = SCRIPT.split('\n')[1].indexOf('SMSSITECODE:') + 'SMSSITECODE'.length;
    assert.deepEqual(diagnostics[0].range, { start: { line: 1, character: colon }, end: { line: 1, character: colon + 1 } });
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: colon - 3 } });
    assert.match(JSON.stringify(hover.contents), /SMSSITECODE/);
    const outside = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 3 } });
    assert.equal(outside, null);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics } });
    const edit = actions.find((a) => a.kind === 'quickfix')?.edit?.changes?.[uri]?.[0];
    assert.equal(edit?.newText, '=');
    const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 2 } });
    assert.deepEqual(list.items, [], 'no completion outside an invocation');
  });

  it('completes inside the argument string, its text escaped for the string', async () => {
    const uri = 'file:///tmp/scripts/msi.ps1';
    const text = 'Start-Process msiexec.exe -ArgumentList "/i ccmsetup.msi /qn SMSSI" -Wait\n';
    const published = client.nextDiagnostics(uri);
    await client.open(uri, text, 'powershell');
    await published;
    const at = text.indexOf('/qn ') + 4;
    const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: at } });
    const cmd = list.items.find((i) => i.label === 'CCMSETUPCMD');
    assert.ok(cmd?.textEdit && 'range' in cmd.textEdit, `no CCMSETUPCMD among ${list.items.length} items`);
    assert.deepEqual(cmd.textEdit, { range: { start: { line: 0, character: at }, end: { line: 0, character: at } }, newText: 'CCMSETUPCMD=`"$1`"' });
    const end = text.indexOf('SMSSI') + 5;
    const typed = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: end } });
    const site = typed.items.find((i) => i.label === 'SMSSITECODE');
    assert.deepEqual(site?.textEdit && 'range' in site.textEdit ? site.textEdit.range : undefined, { start: { line: 0, character: end - 5 }, end: { line: 0, character: end } });
  });

  it('checks a batch file (CRLF, ^ continuation): findings, hover, completion and fix at the script characters', async () => {
    const uri = 'file:///tmp/scripts/install.cmd';
    const text = '@echo off\r\n"%~dp0ccmsetup.exe" /mp:cm01.contoso.com ^\r\n  /logon SMSSITECODE:ABC\r\nexit /b %ERRORLEVEL%\r\n';
    const published = client.nextDiagnostics(uri);
    await client.open(uri, text, 'bat');
    const { diagnostics } = await published;
    const colon = '  /logon SMSSITECODE:ABC'.indexOf(':');
    assert.deepEqual(diagnostics.map((d: Diagnostic) => [d.code, d.range]), [['property-uses-colon', { start: { line: 2, character: colon }, end: { line: 2, character: colon + 1 } }]]);
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 22 } });
    assert.match(JSON.stringify(hover.contents), /\*\*\/mp\*\*/);
    assert.equal(await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 2 } }), null);
    const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line: 2, character: 2 } });
    assert.ok(list.items.some((i) => i.label === 'SMSMP'), `${list.items.length} items at the continued line's start`);
    const none = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line: 3, character: 4 } });
    assert.deepEqual(none.items, []);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics } });
    assert.deepEqual(actions.find((a) => a.kind === 'quickfix')?.edit?.changes?.[uri], [{ range: diagnostics[0].range, newText: '=' }]);
  });

  it('publishes an empty list for a batch file without an invocation', async () => {
    const uri = 'file:///tmp/scripts/other.cmd';
    const published = client.nextDiagnostics(uri);
    await client.open(uri, '@echo off\r\nREM ccmsetup.exe /mp=x is run by another script\r\necho %DATE%\r\n', 'bat');
    assert.deepEqual((await published).diagnostics, []);
  });

  it('stays silent on a script without an invocation', async () => {
    const uri = 'file:///tmp/scripts/other.ps1';
    const published = client.nextDiagnostics(uri);
    await client.open(uri, 'Get-Service | Where-Object Status -eq Running\n', 'powershell');
    assert.deepEqual((await published).diagnostics, []);
  });
});

describe('scripts in the CLI', () => {
  let root: string;
  before(() => {
    assertBuilt();
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'comanage-scripts-'));
    fs.mkdirSync(path.join(root, 'deploy'));
    fs.writeFileSync(path.join(root, 'deploy', 'install.ps1'), SCRIPT);
    fs.writeFileSync(path.join(root, 'deploy', 'Module.psm1'), 'function Get-X { 1 }\n');
    // Windows PowerShell 5.1 scripts are often Windows-1252: without an invocation, no warning either.
    fs.writeFileSync(path.join(root, 'deploy', 'legacy.ps1'), Buffer.from([0x23, 0x20, 0xe9, 0x0a]));
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('finds scripts in folders and reports only those with findings', () => {
    const { status, files } = runCliJson(root, ['check', 'deploy']);
    assert.equal(status, 1);
    const withFindings = files.filter((f) => f.diagnostics.length).map((f) => f.file.replace(/\\/g, '/'));
    assert.deepEqual(withFindings, ['deploy/install.ps1']);
    assert.deepEqual(files.find((f) => f.file.endsWith('install.ps1'))!.diagnostics.map((d) => [d.code, d.range.start.line]), [['property-uses-colon', 1]]);
  });

  it('explains the script rules', () => {
    const run = runCli(root, ['explain', 'start-process-split-argument']);
    assert.equal(run.status, 0);
    assert.match(run.stdout, /start-process#-argumentlist/);
  });

  it('takes a script named on the command line; one without an invocation prints nothing', () => {
    const clean = runCli(root, ['check', path.join('deploy', 'Module.psm1')]);
    assert.equal(clean.status, 0);
    assert.doesNotMatch(clean.stdout, /Module\.psm1/);
  });
});
