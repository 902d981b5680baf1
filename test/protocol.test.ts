// Talks to the bundled server (dist/server.js) over stdio exactly like an editor would.
// Needs `npm run build` first; `npm test` does that.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  CodeAction, CompletionItem, CompletionList, Diagnostic, DocumentSymbol, Hover, InitializeResult, MarkupContent, Position,
} from 'vscode-languageserver';
import { LspClient } from './helpers/lspClient';

const SERVER = path.resolve(__dirname, '..', 'dist', 'server.js');
const BAD = 'ccmsetup.exe /mp=server SMSSITECODE:ABC /UsePKICrt';
const CLEAN = 'ccmsetup.exe /mp:https://mp.contoso.com SMSSITECODE=ABC';
const SECRET = 'S3cr3tT0kenValue0123456789';
const uriA = 'file:///tmp/x/a.ccmsetup';

const codes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => String(d.code));
const at = (line: number, character: number) => ({ line, character });

describe('language server protocol (dist/server.js --stdio)', function () {
  let client: LspClient;
  let init: InitializeResult;

  before(async () => {
    client = LspClient.start(SERVER);
    init = await client.request<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: { workspace: { configuration: false }, textDocument: { hover: { contentFormat: ['markdown'] } } },
    });
    await client.notify('initialized', {});
  });

  after(async () => {
    if (client?.alive) await client.stop();
  });

  it('announces its capabilities', () => {
    const caps = init.capabilities;
    assert.equal(caps.textDocumentSync, 2, 'incremental sync');
    assert.deepEqual([...(caps.completionProvider?.triggerCharacters ?? [])].sort(), [' ', '/', ':', '='].sort());
    assert.equal(caps.hoverProvider, true);
    assert.deepEqual((caps.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds, ['quickfix', 'source.fixAll.comanage']);
    assert.equal(caps.documentSymbolProvider, true);
  });

  let equalsDiagnostic: Diagnostic;

  it('publishes diagnostics with codes and exact ranges for a bad line', async () => {
    const published = client.nextDiagnostics(uriA);
    await client.open(uriA, BAD);
    const { diagnostics, version } = await published;
    assert.equal(version, 1);
    assert.ok(codes(diagnostics).includes('parameter-uses-equals'), `got ${codes(diagnostics)}`);
    assert.ok(codes(diagnostics).includes('property-uses-colon'), `got ${codes(diagnostics)}`);
    const eq = BAD.indexOf('=');
    equalsDiagnostic = diagnostics.find((d) => d.code === 'parameter-uses-equals')!;
    assert.deepEqual(equalsDiagnostic.range, { start: at(0, eq), end: at(0, eq + 1) });
    const colon = diagnostics.find((d) => d.code === 'property-uses-colon')!;
    assert.deepEqual(colon.range, { start: at(0, BAD.indexOf(':')), end: at(0, BAD.indexOf(':') + 1) });
    assert.ok(diagnostics.every((d) => d.source === 'comanage'));
  });

  it('offers a quick fix that turns = into :', async () => {
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: uriA }, range: equalsDiagnostic.range, context: { diagnostics: [equalsDiagnostic] },
    });
    const fix = actions.find((a) => a.kind === 'quickfix' && a.edit?.changes?.[uriA]);
    assert.ok(fix, `no quick fix among ${actions.map((a) => a.title)}`);
    const doc = TextDocument.create(uriA, 'ccmsetup', 1, BAD);
    const fixed = TextDocument.applyEdits(doc, fix.edit!.changes![uriA]);
    assert.equal(fixed, BAD.replace('/mp=server', '/mp:server'));
  });

  it('clears diagnostics after an incremental edit makes the line clean', async () => {
    const published = client.nextDiagnostics(uriA, (p) => p.version === 2);
    await client.notify('textDocument/didChange', {
      textDocument: { uri: uriA, version: 2 },
      contentChanges: [{ range: { start: at(0, 0), end: at(0, BAD.length) }, text: CLEAN }],
    });
    assert.deepEqual((await published).diagnostics, []);
  });

  it('publishes only the latest of quick successive edits', async () => {
    const published = client.nextDiagnostics(uriA, (p) => p.version === 4);
    const full = (version: number, text: string) => client.notify('textDocument/didChange', {
      textDocument: { uri: uriA, version }, contentChanges: [{ text }],
    });
    await full(3, BAD);
    await full(4, `${BAD}\n${BAD}`);
    const latest = await published;
    assert.ok(latest.diagnostics.some((d) => d.range.start.line === 1), 'diagnostics for the second line');
    assert.ok(!client.published.some((p) => p.uri === uriA && p.version === 3), 'version 3 was superseded');
  });

  it('re-validates open documents when settings change', async () => {
    const published = client.nextDiagnostics(uriA);
    await client.notify('workspace/didChangeConfiguration', {
      settings: { comanage: { rules: { 'parameter-uses-equals': 'off', 'property-uses-colon': 'warning' } } },
    });
    const { diagnostics } = await published;
    assert.ok(!codes(diagnostics).includes('parameter-uses-equals'), `got ${codes(diagnostics)}`);
    assert.ok(diagnostics.filter((d) => d.code === 'property-uses-colon').every((d) => d.severity === 2));
    // Settings without our section fall back to the defaults.
    const restored = client.nextDiagnostics(uriA);
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    assert.ok(codes((await restored).diagnostics).includes('parameter-uses-equals'));
  });

  it('completes parameter names after /', async () => {
    const uri = 'file:///tmp/x/complete.ccmsetup';
    const text = 'ccmsetup.exe /';
    await client.open(uri, text);
    const list = await client.request<CompletionList>('textDocument/completion', {
      textDocument: { uri }, position: at(0, text.length), context: { triggerKind: 2, triggerCharacter: '/' },
    });
    const labels = list.items.map((i) => i.label.toLowerCase());
    assert.ok(labels.some((l) => /^\/?mp\b/.test(l)), `no /mp among ${labels.slice(0, 10)}`);
    assert.ok(labels.some((l) => /^\/?usepkicert\b/.test(l)), 'no /UsePKICert');
    // Documentation comes with completionItem/resolve, for the item the editor shows.
    const mp = list.items.find((i) => /^\/?mp\b/i.test(i.label))!;
    assert.equal(mp.documentation, undefined);
    const resolved = await client.request<CompletionItem>('completionItem/resolve', mp);
    assert.match(JSON.stringify(resolved.documentation), /learn\.microsoft\.com/);
  });

  it('explains SMSSITECODE on hover with a Microsoft Learn link', async () => {
    const hover = await client.request<Hover | null>('textDocument/hover', {
      textDocument: { uri: uriA }, position: at(0, BAD.indexOf('SMSSITECODE') + 3),
    });
    assert.ok(hover, 'no hover');
    const contents = hover.contents as MarkupContent;
    assert.equal(contents.kind, 'markdown');
    assert.match(contents.value, /https:\/\/learn\.microsoft\.com\//);
  });

  it('returns one symbol per command line', async () => {
    const uri = 'file:///tmp/x/symbols.ccmsetup';
    await client.open(uri, `# two lines\n${CLEAN}\n\n${BAD}\n`);
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.equal(symbols.length, 2);
    assert.deepEqual(symbols.map((s) => s.range.start.line), [1, 3]);
  });

  it('decides the language by file name, not languageId', async () => {
    const txt = 'file:///tmp/x/x.txt';
    const plain = 'file:///tmp/x/foo.ccmsetup';
    await client.open(txt, BAD, 'ccmsetup');
    const published = client.nextDiagnostics(plain);
    await client.open(plain, BAD, 'plaintext');
    assert.ok(codes((await published).diagnostics).includes('parameter-uses-equals'));
    // Both were opened together and share the debounce delay, so x.txt's turn has passed.
    assert.ok(!client.published.some((p) => p.uri === txt && p.diagnostics.length > 0), 'x.txt got diagnostics');
    const hover = await client.request('textDocument/hover', { textDocument: { uri: txt }, position: at(0, 30) });
    assert.equal(hover, null);
    const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: txt }, position: at(0, 14) });
    assert.deepEqual(list.items, []);
  });

  it('checks an untitled document by its language id (the generator\'s new editor), and only an untitled one', async () => {
    const untitled = 'untitled:Untitled-7';
    const published = client.nextDiagnostics(untitled);
    await client.open(untitled, BAD, 'ccmsetup');
    assert.ok(codes((await published).diagnostics).includes('parameter-uses-equals'));
    const plain = 'untitled:Untitled-8';
    await client.open(plain, BAD, 'plaintext');
    const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: plain }, position: at(0, 14) });
    assert.deepEqual(list.items, []);
  });

  it('answers the generator\'s requests: insertion point, plan facts (open or sent as text), a policy\'s command line', async () => {
    const manifest = 'file:///tmp/x/gen.comanage.yaml';
    const text = 'version: 1\nsite:\n  code: XYZ\n  clientAuthentication: entra-id\ncomanagement:\n  policies:\n    - name: Pilot  # keep\n';
    await client.open(manifest, text, 'yaml');
    const point = await client.request<{ kind: string; text?: string; refused?: string }>('comanage/insertionPoint', { uri: manifest, position: at(2, 8), text: 'CCMSETUPCMD="x"' });
    assert.equal(point.kind, 'manifest');
    assert.equal(point.text, undefined);
    assert.deepEqual(await client.request('comanage/insertionPoint', { uri: uriA, position: at(0, 0), text: 'CCMSETUPCMD="x"' }), { kind: 'ccmsetup', text: 'CCMSETUPCMD="x"' });
    assert.deepEqual(await client.request('comanage/planFacts', { uri: manifest }), { siteCode: 'XYZ', authentication: 'entra-id' });
    assert.deepEqual(await client.request('comanage/planFacts', { uri: 'file:///tmp/x/closed.comanage.yaml', text: 'site:\n  code: QRS\n' }), { siteCode: 'QRS' });
    assert.deepEqual(await client.request('comanage/planFacts', { uri: 'file:///tmp/x/closed.txt', text: 'site:\n  code: QRS\n' }), {});
    const set = await client.request<{ edits: { range: unknown; newText: string }[] }>('comanage/setPolicyCommandLine', { uri: manifest, index: 0, commandLine: 'CCMSETUPCMD="SMSSITECODE=XYZ"' });
    assert.deepEqual(set.edits, [{ range: { start: at(7, 0), end: at(7, 0) }, newText: '      commandLine: CCMSETUPCMD="SMSSITECODE=XYZ"\n' }]);
    const refused = await client.request<{ refused?: string }>('comanage/setPolicyCommandLine', { uri: manifest, index: '0', commandLine: 'x' });
    assert.ok(refused.refused);
    const checked = await client.request<{ problems: Diagnostic[] }>('comanage/checkCommandLine', { text: 'ccmsetup.exe /UsePKICert SMSSITECODE=ABC', context: 'exe', intent: { authentication: 'entra-id' } });
    assert.ok(checked.problems.some((p) => p.code === 'contradicts-chosen-authentication'));
  });

  it('checks a workload manifest (even as languageId yaml) and answers comanage/readiness', async () => {
    const manifest = 'file:///tmp/x/plan.comanage.yaml';
    const text = 'version: 1\npath: autopilot\nsite:\n  version: 2107\n';
    const published = client.nextDiagnostics(manifest);
    await client.open(manifest, text, 'yaml');
    assert.ok(codes((await published).diagnostics).includes('autopilot-site-version'));
    const checks = await client.request<{ id: string; status: string; range?: unknown }[]>('comanage/readiness', { uri: manifest });
    const check = checks.find((c) => c.id === 'autopilot-site-version');
    assert.equal(check?.status, 'fail');
    assert.deepEqual(check?.range, { start: at(3, 11), end: at(3, 15) });
    assert.ok(checks.some((c) => c.status === 'unknown'));
    assert.deepEqual(await client.request('comanage/readiness', { uri: 'file:///never/opened.comanage.yaml' }), []);
    assert.deepEqual(await client.request('comanage/readiness', {}), []);
  });

  it('says why a manifest the YAML parser can\'t read has no readiness checks (comanage/readiness, detailed)', async () => {
    const manifest = 'file:///tmp/x/broken.comanage.yaml';
    await client.open(manifest, 'version: 1\nlicensing:\n  entraId: P1: x\n', 'yaml');
    const state = await client.request<{ checks: unknown[]; parseError?: { message: string; line: number; range: unknown } }>('comanage/readiness', { uri: manifest, detailed: true });
    assert.deepEqual(state.checks, []);
    assert.ok(state.parseError, 'no parseError');
    assert.equal(state.parseError.line, 3);
    assert.match(state.parseError.message, /YAML/);
    // The plain request keeps its old shape for other editors.
    assert.deepEqual(await client.request('comanage/readiness', { uri: manifest }), []);
    const clean = 'file:///tmp/x/clean.comanage.yaml';
    await client.open(clean, 'version: 1\npath: autopilot\n', 'yaml');
    const ok = await client.request<{ checks: unknown[]; parseError?: unknown }>('comanage/readiness', { uri: clean, detailed: true });
    assert.ok(ok.checks.length > 0);
    assert.equal(ok.parseError, undefined);
  });

  it('writes answers into an open manifest as minimal edits (comanage/setValues)', async () => {
    const manifest = 'file:///tmp/x/answers.comanage.yaml';
    await client.open(manifest, '# keep me\nversion: 1\nlicensing:\n  intune: true\n', 'yaml');
    const result = await client.request<{ edits: { range: { start: Position; end: Position }; newText: string }[]; refused?: string }>(
      'comanage/setValues', { uri: manifest, values: [{ path: 'licensing.entraId', value: 'P1' }, { path: 'licensing.adminIntuneLicense', value: 'true' }] });
    assert.equal(result.refused, undefined);
    assert.deepEqual(result.edits, [{ range: { start: at(4, 0), end: at(4, 0) }, newText: '  entraId: P1\n  adminIntuneLicense: true\n' }]);
    const refused = await client.request<{ refused?: string }>('comanage/setValues', { uri: 'file:///never/opened.comanage.yaml', values: [] });
    assert.ok(refused.refused);
    const bad = await client.request<{ refused?: string }>('comanage/setValues', { uri: manifest, values: [{ path: 1 }] });
    assert.ok(bad.refused);
  });

  it('merges Graph exports into an open manifest for a preview, masking tokens (comanage/importGraphExport)', async () => {
    const manifest = 'file:///tmp/x/imported.comanage.yaml';
    const plan = '# keep me\nversion: 1\nautopilot:\n  esp:\n    timeoutMinutes: 60\n';
    await client.open(manifest, plan, 'yaml');
    const fixture = (rel: string) => ({ name: rel, base64: fs.readFileSync(path.join(__dirname, 'fixtures/graph', rel)).toString('base64') });
    type Import = { text?: string; refused?: string; objects: number; files: number; written: number; conflicts: { path: string; plan: string; export: string; source: string }[]; leftOut: string[]; skipped: string[]; errors: string[]; notes: string[] };
    const files = [fixture('enrollment-page1.json'), fixture('odd/utf16.json'), fixture('odd/malformed.json'), fixture('odd/token.json')];
    const result = await client.request<Import>('comanage/importGraphExport', { uri: manifest, files });
    assert.equal(result.refused, undefined);
    assert.equal(result.files, 4);
    assert.match(result.text!, /^# keep me\nversion: 1\n/);
    assert.match(result.text!, /timeoutMinutes: 60\n/, 'the hand-written value is kept');
    assert.match(result.text!, /name: Saved by PowerShell 5\.1 \(UTF-16\)/, 'bytes are decoded as the CLI does');
    assert.deepEqual(result.conflicts.map((c) => [c.path, c.plan, c.export]), [['autopilot.esp.timeoutMinutes', '60', '90']]);
    assert.match(result.errors.join('\n'), /odd\/malformed\.json:5:1/);
    assert.ok(!JSON.stringify(result).includes('eyJ0eXAiOiJKV1Qi'), 'no piece of the token in any answer');
    // The server writes nothing: the document is as it was; the editor previews and applies.
    const again = await client.request<Import>('comanage/importGraphExport', { uri: manifest, files: [fixture('enrollment-page1.json')], preferImport: true });
    assert.deepEqual(again.conflicts, []);
    assert.match(again.text!, /timeoutMinutes: 90/);
    for (const params of [
      { uri: 'file:///never/opened.comanage.yaml', files },
      { uri: manifest, files: [] },
      { uri: manifest, files: [{ name: 'a.json', base64: 1 }] },
      { uri: manifest, files: [{ name: 'a.json', base64: Buffer.from('{"x": 1}').toString('base64') }] },
      { uri: uriA, files },
    ]) {
      const refused = await client.request<Import>('comanage/importGraphExport', params);
      assert.ok(refused.refused && refused.text === undefined, JSON.stringify(refused));
    }
  });

  it('clears diagnostics when a document closes', async () => {
    const published = client.nextDiagnostics(uriA);
    await client.notify('textDocument/didClose', { textDocument: { uri: uriA } });
    assert.deepEqual((await published).diagnostics, []);
  });

  it('survives garbage and never logs document text', async () => {
    const garbage = 'file:///tmp/x/garbage.ccmsetup';
    const noise = randomBytes(2 * 1024 * 1024).toString('latin1');
    const nasty = `ccmsetup.exe /regtoken:${SECRET} "unterminated ${noise}\n/mp:"x CCMSETUPCMD="/mp:\\"a ""b\n\u0000\uffff\ud800 =:=:/ "`;
    const published = client.nextDiagnostics(garbage, () => true, 15000);
    await client.open(garbage, nasty);
    await published;
    for (const [method, params] of [
      ['textDocument/hover', { textDocument: { uri: garbage }, position: at(0, 5) }],
      ['textDocument/completion', { textDocument: { uri: garbage }, position: at(1, 3) }],
      ['textDocument/documentSymbol', { textDocument: { uri: garbage } }],
      ['textDocument/hover', { textDocument: { uri: 'file:///never/opened.ccmsetup' }, position: at(0, 0) }],
    ] as const) {
      await client.request(method, params); // must answer, whatever the answer
    }
    const uri = 'file:///tmp/x/after.ccmsetup';
    await client.open(uri, BAD);
    const hover = await client.request<Hover | null>('textDocument/hover', {
      textDocument: { uri }, position: at(0, BAD.indexOf('SMSSITECODE') + 1),
    });
    assert.ok(hover && JSON.stringify(hover.contents).includes('learn.microsoft.com'));
    assert.ok(client.alive, 'server process exited');
    const logs = client.logMessages.join('\n') + client.stderr;
    assert.ok(!logs.includes(SECRET), 'a log message contains document text');
  });

  it('shuts down and exits cleanly', async () => {
    assert.equal(await client.stop(), 0);
    assert.equal(client.alive, false);
  });
});

describe('language server start-up settings', () => {
  it('takes rule settings from initializationOptions and ignores malformed values', async () => {
    const client = LspClient.start(SERVER);
    try {
      await client.request('initialize', {
        processId: process.pid, rootUri: null, capabilities: {},
        initializationOptions: { settings: { comanage: { rules: { 'parameter-uses-equals': 'off', 'property-uses-colon': 42 } } } },
      });
      await client.notify('initialized', {});
      const published = client.nextDiagnostics(uriA);
      await client.open(uriA, BAD);
      const found = codes((await published).diagnostics);
      assert.ok(!found.includes('parameter-uses-equals'), `got ${found}`);
      assert.ok(found.includes('property-uses-colon'), `got ${found}`);
    } finally {
      await client.stop();
    }
  });
});
