// The server's check of closed workspace files (server/src/workspaceDiagnostics.ts), over stdio
// like an editor: problems for files nobody opened, an open document's text winning over the disk,
// file events, readiness of a closed manifest, and the bounds of the folder walk.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-types';
import { ALWAYS_SKIPPED, excludedNames, walkWorkspace } from '../server/src/node/workspaceWalk';
import { LspClient, Published } from './helpers/lspClient';

const SERVER = path.resolve(__dirname, '..', 'dist', 'server.js');
const EXAMPLES = path.resolve(__dirname, '..', 'examples');
const BAD = 'ccmsetup.exe /mp=server SMSSITECODE:ABC /UsePKICrt\n';
const CLEAN = 'ccmsetup.exe /mp:https://mp.contoso.com SMSSITECODE=ABC\n';
const BAD_SCRIPT = "Start-Process -FilePath 'ccmsetup.exe' -ArgumentList '/mp=server SMSSITECODE=ABC' -Wait\n";
const codes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => String(d.code));
const uriOf = (file: string) => pathToFileURL(file).href;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function startIn(folder: string, initializationOptions?: unknown, beforeInitialized?: (client: LspClient) => Promise<void>): Promise<LspClient> {
  const client = LspClient.start(SERVER);
  await client.request('initialize', {
    processId: process.pid,
    rootUri: null,
    workspaceFolders: [{ uri: uriOf(folder), name: 'ws' }],
    initializationOptions,
    capabilities: { workspace: { configuration: false, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } } },
  });
  await beforeInitialized?.(client);
  await client.notify('initialized', {});
  return client;
}

/** The diagnostics last published for `uri`, if any. */
const last = (client: LspClient, uri: string): Published | undefined => client.published.filter((p) => p.uri === uri).at(-1);

describe('workspace diagnostics: closed files (dist/server.js --stdio)', function () {
  this.timeout(30_000);
  let dir: string;
  let client: LspClient | undefined;
  const file = (name: string) => path.join(dir, name);

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'comanage-ws-'));
    mkdirSync(path.join(dir, 'plans', 'deep'), { recursive: true });
    mkdirSync(path.join(dir, 'node_modules', 'pkg'), { recursive: true });
    mkdirSync(path.join(dir, '.git'), { recursive: true });
    writeFileSync(file('broken.ccmsetup'), BAD);
    writeFileSync(file('clean.ccmsetup'), CLEAN);
    writeFileSync(file('opened.ccmsetup'), BAD);
    writeFileSync(file('plans/deep/install.ps1'), BAD_SCRIPT);
    writeFileSync(file('plans/unrelated.ps1'), 'Get-ChildItem C:\\ | Out-Null\n');
    writeFileSync(file('node_modules/pkg/vendored.ccmsetup'), BAD);
    writeFileSync(file('.git/stray.ccmsetup'), BAD);
    copyFileSync(path.join(EXAMPLES, 'new-internet-devices-cmg.comanage.yaml'), file('plans/cmg.comanage.yaml'));
    writeFileSync(file('huge.ccmsetup'), BAD.repeat(6000)); // about 300 KB: checked only when opened
  });

  afterEach(async () => {
    if (client?.alive) await client.stop();
    client = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists the problems of closed files, skips node_modules and .git, and an open document wins over its file', async () => {
    const opened = uriOf(file('opened.ccmsetup'));
    // Editors spell URIs their own way (VS Code escapes more than Node): the same file either way.
    const openedAsEditor = opened.replace(/opened\.ccmsetup$/, 'op%65ned.ccmsetup');
    client = await startIn(dir, undefined, (c) => c.open(openedAsEditor, CLEAN));
    const broken = client.nextDiagnostics(uriOf(file('broken.ccmsetup')));
    const script = client.nextDiagnostics(uriOf(file('plans/deep/install.ps1')));
    assert.ok(codes((await broken).diagnostics).includes('parameter-uses-equals'), 'the closed broken file is listed');
    assert.ok(codes((await script).diagnostics).includes('parameter-uses-equals'), 'a closed script that starts ccmsetup is listed');
    await sleep(500); // the scripts come last: by now the walk is done
    const uris = new Set(client.published.map((p) => p.uri));
    assert.ok(!uris.has(uriOf(file('node_modules/pkg/vendored.ccmsetup'))), 'node_modules is skipped');
    assert.ok(!uris.has(uriOf(file('.git/stray.ccmsetup'))), '.git is skipped');
    assert.ok(!uris.has(uriOf(file('clean.ccmsetup'))), 'a clean closed file publishes nothing');
    assert.ok(!uris.has(uriOf(file('huge.ccmsetup'))), 'a closed file over 256 KB is not read');
    assert.ok(client.logMessages.some((m) => /1 workspace file is over 256 KB/.test(m)), client.logMessages.join('\n'));
    assert.ok(!uris.has(uriOf(file('plans/unrelated.ps1'))), 'a script that never starts ccmsetup publishes nothing');
    for (const p of client.published.filter((q) => q.uri === opened || q.uri === openedAsEditor)) assert.deepEqual(p.diagnostics, [], 'the open text is clean; the broken disk text must not show');

    // Closing it makes the file on disk count again.
    const fromDisk = client.nextDiagnostics(opened, (p) => p.diagnostics.length > 0);
    await client.notify('textDocument/didClose', { textDocument: { uri: openedAsEditor } });
    assert.ok(codes((await fromDisk).diagnostics).includes('parameter-uses-equals'));
  });

  it('follows file events: a deleted file disappears, a fixed one clears, a new one is listed', async () => {
    client = await startIn(dir);
    const brokenUri = uriOf(file('broken.ccmsetup'));
    const openedUri = uriOf(file('opened.ccmsetup'));
    await client.nextDiagnostics(uriOf(file('plans/deep/install.ps1')));
    assert.ok(last(client, brokenUri)?.diagnostics.length && last(client, openedUri)?.diagnostics.length);

    const cleared = client.nextDiagnostics(brokenUri);
    unlinkSync(file('broken.ccmsetup'));
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: brokenUri, type: 3 }] });
    assert.deepEqual((await cleared).diagnostics, [], 'a deleted file leaves the Problems panel');

    const fixed = client.nextDiagnostics(openedUri);
    writeFileSync(file('opened.ccmsetup'), CLEAN);
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: openedUri, type: 2 }] });
    assert.deepEqual((await fixed).diagnostics, [], 'a file fixed on disk clears');

    const createdUri = uriOf(file('plans/new.ccmsetup'));
    const created = client.nextDiagnostics(createdUri);
    writeFileSync(file('plans/new.ccmsetup'), BAD);
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: createdUri, type: 1 }] });
    assert.ok(codes((await created).diagnostics).includes('parameter-uses-equals'), 'a new file is listed');

    // A deleted folder is one event: the problems of every file under it go.
    const scriptUri = uriOf(file('plans/deep/install.ps1'));
    const scriptCleared = client.nextDiagnostics(scriptUri);
    const newCleared = client.nextDiagnostics(createdUri);
    rmSync(file('plans'), { recursive: true });
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(file('plans')), type: 3 }] });
    assert.deepEqual((await scriptCleared).diagnostics, []);
    assert.deepEqual((await newCleared).diagnostics, []);

    // A file outside the workspace folders is not ours to list.
    const outside = mkdtempSync(path.join(tmpdir(), 'comanage-out-'));
    try {
      writeFileSync(path.join(outside, 'x.ccmsetup'), BAD);
      await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(path.join(outside, 'x.ccmsetup')), type: 1 }] });
      await sleep(500);
      assert.ok(!client.published.some((p) => p.uri.startsWith(uriOf(outside))));
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('follows workspace folder changes: a removed folder\'s files leave, an added folder\'s are listed', async () => {
    const other = mkdtempSync(path.join(tmpdir(), 'comanage-ws2-'));
    try {
      writeFileSync(path.join(other, 'elsewhere.ccmsetup'), BAD);
      client = await startIn(dir);
      const brokenUri = uriOf(file('broken.ccmsetup'));
      await client.nextDiagnostics(uriOf(file('plans/deep/install.ps1')));
      const cleared = client.nextDiagnostics(brokenUri);
      const added = client.nextDiagnostics(uriOf(path.join(other, 'elsewhere.ccmsetup')));
      await client.notify('workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: uriOf(other), name: 'other' }], removed: [{ uri: uriOf(dir), name: 'ws' }] } });
      assert.deepEqual((await cleared).diagnostics, [], 'the removed folder\'s problems go');
      assert.ok(codes((await added).diagnostics).includes('parameter-uses-equals'), 'the added folder\'s file is listed');
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('respects comanage.scripts.enabled = false', async () => {
    client = await startIn(dir, { comanage: { scripts: { enabled: false } } });
    await client.nextDiagnostics(uriOf(file('broken.ccmsetup')));
    await sleep(800);
    assert.ok(!client.published.some((p) => p.uri.endsWith('.ps1')), 'no script is listed when script checks are off');
  });

  it('answers comanage/readiness for a closed manifest from its file', async () => {
    client = await startIn(dir);
    const checks = await client.request<{ id: string; status: string }[]>('comanage/readiness', { uri: uriOf(file('plans/cmg.comanage.yaml')) });
    assert.ok(checks.length > 10, `a closed manifest has its checks (got ${checks.length})`);
    assert.ok(checks.some((c) => c.status === 'pass'));
    // Asked again after the file changed on disk: the new text's answer, not the last one.
    writeFileSync(file('plans/cmg.comanage.yaml'), 'version: 1\npath: new-internet-devices\n');
    const again = await client.request<{ id: string; status: string }[]>('comanage/readiness', { uri: uriOf(file('plans/cmg.comanage.yaml')) });
    const passes = (list: { status: string }[]) => list.filter((c) => c.status === 'pass').length;
    assert.ok(passes(again) < passes(checks), `a plan that states almost nothing passes less (${passes(again)} vs ${passes(checks)})`);
    const missing = await client.request<unknown[]>('comanage/readiness', { uri: uriOf(file('plans/none.comanage.yaml')) });
    assert.deepEqual(missing, [], 'a manifest that is not there has no checks');
    assert.deepEqual(await client.request('comanage/readiness', { uri: uriOf(file('broken.ccmsetup')) }), [], 'only manifests have readiness');
  });

  it('checks at most 2,000 files of a huge folder, and says so', async () => {
    mkdirSync(path.join(dir, 'many'));
    for (let i = 0; i < 2100; i++) writeFileSync(path.join(dir, 'many', `f${String(i).padStart(4, '0')}.ccmsetup`), BAD);
    client = await startIn(path.join(dir, 'many'));
    const listed = () => new Set(client!.published.map((p) => p.uri)).size;
    const deadline = Date.now() + 25_000;
    while (listed() < 2000 && Date.now() < deadline) await sleep(250);
    assert.equal(listed(), 2000, 'the cap of files is listed');
    await sleep(1500);
    assert.equal(listed(), 2000, 'and no more');
    assert.ok(client.logMessages.some((m) => /more files than the background check takes/.test(m)), client.logMessages.join('\n'));
  });
});

describe('workspace walk (server/src/node/workspaceWalk.ts)', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'comanage-walk-'));
    for (const sub of ['a', 'b/c', 'node_modules/x', 'dist']) mkdirSync(path.join(dir, sub), { recursive: true });
    for (let i = 0; i < 5; i++) writeFileSync(path.join(dir, 'a', `${i}.ccmsetup`), 'x'.repeat(100));
    writeFileSync(path.join(dir, 'b/c/deep.ccmsetup'), 'x');
    writeFileSync(path.join(dir, 'node_modules/x/no.ccmsetup'), 'x');
    writeFileSync(path.join(dir, 'dist/no.ccmsetup'), 'x');
    writeFileSync(path.join(dir, 'big.ccmsetup'), 'x'.repeat(5000));
    writeFileSync(path.join(dir, 'readme.txt'), 'x');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const walk = (limits: Partial<{ maxEntries: number; maxFiles: number; maxBytes: number }>, skipped = ALWAYS_SKIPPED) => walkWorkspace([dir], {
    wanted: (f) => f.endsWith('.ccmsetup'), skipped: new Set(skipped), maxFileBytes: 1000,
    limits: { maxEntries: 1000, maxFiles: 1000, maxBytes: 1_000_000, ...limits },
  });
  const names = (files: { path: string }[]) => files.map((f) => path.relative(dir, f.path).split(path.sep).join('/'));

  it('finds our files, breadth first, skipping node_modules, excluded names and files over the size limit', async () => {
    const { files, truncated } = await walk({}, [...ALWAYS_SKIPPED, 'dist']);
    assert.equal(truncated, undefined);
    assert.deepEqual(names(files), ['a/0.ccmsetup', 'a/1.ccmsetup', 'a/2.ccmsetup', 'a/3.ccmsetup', 'a/4.ccmsetup', 'b/c/deep.ccmsetup']);
  });

  it('stops at the file, byte and entry caps', async () => {
    const byFiles = await walk({ maxFiles: 2 });
    assert.equal(byFiles.files.length, 2);
    assert.match(byFiles.truncated ?? '', /2 files/);
    const byBytes = await walk({ maxBytes: 250 });
    assert.equal(byBytes.files.length, 2);
    assert.ok(byBytes.truncated);
    const byEntries = await walk({ maxEntries: 3 });
    assert.ok(byEntries.truncated && byEntries.files.length === 0);
  });

  it('reads the files.exclude names it can honour without a glob engine', () => {
    assert.deepEqual(excludedNames({ '**/.git': true, '**/dist/**': true, '**/build': false, 'src/*.tmp': true, '**/*.log': true }), ['.git', 'dist']);
    assert.deepEqual(excludedNames(null), []);
  });
});
