// Graph exports through the shells (issue #15, item 3): the stdio server as an editor sees it, and
// the built CLI as CI sees it. Needs `node esbuild.mjs` first, like protocol.test.ts and cli.test.ts.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CompletionList, Diagnostic, Hover, InitializeResult } from 'vscode-languageserver';
import { LspClient } from './helpers/lspClient';
import { assertBuilt, runCliJson } from './helpers/cli';

const SERVER = path.resolve(__dirname, '..', 'dist', 'server.js');
const FIXTURES = path.resolve(__dirname, 'fixtures', 'graph-host');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

describe('Graph exports over the language server protocol', function () {
  let client: LspClient;
  before(async () => {
    client = LspClient.start(SERVER);
    await client.request<InitializeResult>('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: false } } });
    await client.notify('initialized', {});
  });
  after(async () => { if (client?.alive) await client.stop(); });

  it('publishes the finding on the character inside the JSON string, hovers there, and fixes it as JSON', async () => {
    const uri = 'file:///tmp/graph/Co-management%20settings.json';
    const text = fixture('policy-single.json');
    const doc = TextDocument.create(uri, 'json', 1, text);
    const published = client.nextDiagnostics(uri);
    await client.open(uri, text, 'json');
    const { diagnostics } = await published;
    assert.deepEqual(diagnostics.map((d: Diagnostic) => d.code), ['property-uses-colon']);
    const colon = text.indexOf('SMSSITECODE:') + 'SMSSITECODE'.length;
    assert.deepEqual(diagnostics[0].range, { start: doc.positionAt(colon), end: doc.positionAt(colon + 1) });

    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: doc.positionAt(colon - 3) });
    assert.match(JSON.stringify(hover.contents), /SMSSITECODE/);
    const outside = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: doc.positionAt(text.indexOf('displayName')) });
    assert.equal(outside, null);

    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics } });
    const fix = actions.find((a) => a.kind === 'quickfix' && a.edit?.changes?.[uri]);
    assert.ok(fix, `no quick fix among ${actions.map((a) => a.title)}`);
    const fixed = TextDocument.applyEdits(doc, fix.edit!.changes![uri]);
    assert.equal(JSON.parse(fixed).configurationManagerAgentCommandLineArgument, JSON.parse(text).configurationManagerAgentCommandLineArgument.replace('SMSSITECODE:', 'SMSSITECODE='));
  });

  it('completes inside the command line with the text escaped for JSON', async () => {
    const uri = 'file:///tmp/graph/complete.json';
    const text = '{"@odata.type": "#microsoft.graph.deviceComanagementAuthorityConfiguration", "configurationManagerAgentCommandLineArgument": "CCMSETUPCMD=\\"SMSSITECODE=ABC \\""}';
    const doc = TextDocument.create(uri, 'json', 1, text);
    const published = client.nextDiagnostics(uri);
    await client.open(uri, text, 'json');
    await published;
    const at = text.indexOf('ABC ') + 4;
    const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: doc.positionAt(at) });
    const fsp = list.items.find((i) => i.label === 'FSP');
    assert.ok(fsp, `no FSP among ${list.items.length} items`);
    const outside = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: doc.positionAt(3) });
    assert.deepEqual(outside.items, []);
  });

  it('reports malformed JSON once, with its position', async () => {
    const uri = 'file:///tmp/graph/malformed.json';
    const text = fixture('malformed.json');
    const published = client.nextDiagnostics(uri);
    await client.open(uri, text, 'json');
    const { diagnostics } = await published;
    assert.deepEqual(diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character]), [['graph-export-json-syntax', 3, 2]]);
  });

  it('stays silent on JSON that is not a co-management export', async () => {
    for (const [name, text] of [['package.json', '{ "name": "x", "scripts": { "i": "ccmsetup.exe SMSSITECODE:ABC" } }'], ['broken.json', '{ "a": [1,'], ['other.json', fixture('other-graph-type.json')]]) {
      const uri = `file:///tmp/graph/${name}`;
      const published = client.nextDiagnostics(uri);
      await client.open(uri, text, 'json');
      assert.deepEqual((await published).diagnostics, [], name);
      const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 4 } });
      assert.equal(hover, null);
    }
  });
});

describe('Graph exports in the CLI', () => {
  let root: string;
  before(() => {
    assertBuilt();
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'comanage-graph-'));
    fs.cpSync(FIXTURES, path.join(root, 'exports'), { recursive: true });
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('counts a .json file only when it holds a recognised object, and fails on a bad command line', () => {
    const { status, files } = runCliJson(root, ['check', 'exports']);
    assert.equal(status, 1);
    const listed = files.map((f) => f.file.replace(/\\/g, '/')).sort();
    assert.deepEqual(listed, [
      'exports/folder-export/deviceEnrollmentConfigurations/Co-management settings - servers.json',
      'exports/folder-export/deviceEnrollmentConfigurations/Enrollment limit.json',
      'exports/malformed.json',
      'exports/policies-list.json',
      'exports/policy-single.json',
    ]);
    const codes = (name: string) => files.find((f) => f.file.endsWith(name))!.diagnostics.map((d) => d.code);
    assert.deepEqual(codes('policy-single.json'), ['property-uses-colon']);
    assert.deepEqual(codes('policies-list.json'), ['graph-export-agent-without-command-line']);
    assert.deepEqual(codes('malformed.json'), ['graph-export-json-syntax']);
    assert.deepEqual(codes('Enrollment limit.json'), []);
  });

  it('takes a .json file named on the command line; one that is not an export prints nothing and passes', () => {
    const single = runCliJson(root, ['check', path.join('exports', 'policy-single.json')]);
    assert.equal(single.status, 1);
    assert.equal(single.files.length, 1);
    const other = runCliJson(root, ['check', path.join('exports', 'not-an-export.json')]);
    assert.equal(other.status, 0);
    assert.deepEqual(other.files, []);
  });
});
