// Faults an editor (or a broken pipe) can throw at the bundled server, over stdio: corrupt frames,
// malformed JSON-RPC, unknown methods, documents never opened, cancellation, a burst of edits, an
// editor that disappears. After each, the server is still running and its answers are still right.
// Needs `node esbuild.mjs` first; `npm test` builds.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { CancellationTokenSource, ResponseError } from 'vscode-jsonrpc/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionList, Diagnostic, Hover, TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { getLanguageService } from '../server/src/core/languageService';
import { LspClient } from './helpers/lspClient';

const SERVER = path.resolve(__dirname, '..', 'dist', 'server.js');
const BAD = 'ccmsetup.exe /mp=server SMSSITECODE:ABC /UsePKICrt';
const SECRET = 'Zq7PlainTextRegistrationToken00x';
const at = (line: number, character: number) => ({ line, character });
const codes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => String(d.code)).sort();
const frame = (body: string) => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** CPU time (user + system, ms) the process has used so far; undefined where /proc is missing. */
function cpuMs(pid: number): number | undefined {
  const stat = `/proc/${pid}/stat`;
  if (!existsSync(stat)) return undefined;
  const fields = readFileSync(stat, 'utf8').split(') ')[1].split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15 of stat)
  return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
}

async function initialized(client: LspClient, processId: number | null = process.pid): Promise<void> {
  await client.request('initialize', { processId, rootUri: null, capabilities: { workspace: { configuration: false } } });
  await client.notify('initialized', {});
}

/** The check that the server still answers correctly: diagnostics for a fresh document. */
async function answersCorrectly(client: LspClient, name: string): Promise<void> {
  const uri = `file:///tmp/faults/${name}.ccmsetup`;
  const published = client.nextDiagnostics(uri);
  await client.open(uri, BAD);
  const expected = codes(getLanguageService().doValidation(TextDocument.create(uri, 'ccmsetup', 1, BAD)));
  assert.deepEqual(codes((await published).diagnostics), expected);
  const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: at(0, BAD.indexOf('SMSSITECODE') + 2) });
  assert.match(JSON.stringify(hover?.contents), /learn\.microsoft\.com/);
  assert.ok(client.alive, 'the server exited');
}

describe('protocol faults (dist/server.js --stdio)', function () {
  this.timeout(30_000);
  let client: LspClient;

  before(async () => {
    client = LspClient.start(SERVER);
    await initialized(client);
  });

  after(async () => {
    if (client?.alive) await client.stop();
  });

  it('drops garbage bytes and corrupt frames, then answers the next message', async () => {
    const faults: (string | Buffer)[] = [
      Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 151 + 7) % 256)), // binary noise
      'garbage\r\n\r\n',
      'Content-Length: abc\r\n\r\n{}',
      'Content-Length: 99999999999\r\n\r\n', // beyond any sane frame: skipped, not awaited
      'Content-Length: 5\r\n\r\n{"jsonrpc":"2.0","id":9,"method":"shutdown"}', // length too short: the rest is junk
      'Content-Type: application/vscode-jsonrpc\r\n\r\n',
      'Content-Length: -1\r\n\r\n',
      '\r\n\r\n\r\n',
    ];
    for (const [i, fault] of faults.entries()) {
      await client.writeRaw(fault);
      await answersCorrectly(client, `garbage-${i}`);
    }
  });

  it('ignores a well-framed body that is not JSON, or not JSON-RPC', async () => {
    for (const [i, body] of ['{not json', '[]', 'null', '{"hello":1}', '{"jsonrpc":"2.0","id":{},"method":7}', '\u0000\uffff'].entries()) {
      await client.writeRaw(frame(body));
      await answersCorrectly(client, `malformed-${i}`);
    }
  });

  it('answers an unknown request with MethodNotFound and ignores unknown notifications', async () => {
    await assert.rejects(client.request('comanage/noSuchMethod', {}), (error: ResponseError<unknown>) => error.code === -32601);
    await assert.rejects(client.request('textDocument/noSuchFeature', {}), (error: ResponseError<unknown>) => error.code === -32601);
    const logged = client.logMessages.length;
    await client.notify('comanage/noSuchNotification', { x: 1 });
    await client.notify('$/noSuchNotification', { x: 1 });
    await answersCorrectly(client, 'unknown-methods');
    assert.equal(client.logMessages.length, logged, `logged ${client.logMessages.slice(logged).join(' | ')}`);
  });

  it('gives empty answers for documents never opened, and for nonsense parameters', async () => {
    const uri = 'file:///never/opened.ccmsetup';
    const manifest = 'file:///never/opened.comanage.yaml';
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri }, position: at(0, 0) }), null);
    assert.deepEqual((await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: at(3, 9) })).items, []);
    assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri } }), []);
    assert.deepEqual(await client.request('textDocument/codeAction', { textDocument: { uri }, range: { start: at(0, 0), end: at(0, 1) }, context: { diagnostics: [] } }), []);
    assert.deepEqual(await client.request('comanage/readiness', { uri: manifest }), []);
    assert.deepEqual(await client.request('comanage/policies', { uri: manifest }), []);
    assert.ok((await client.request<{ refused?: string }>('comanage/exportPolicy', { uri: manifest, index: 0 })).refused);
    // Changes and closes for documents never opened are ignored, not fatal.
    await client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: 'x' }] });
    await client.notify('textDocument/didClose', { textDocument: { uri: 'file:///never/opened-either.ccmsetup' } });
    for (const params of [null, {}, { textDocument: null }, { textDocument: { uri: 42 }, position: 'x' }]) {
      await client.request('textDocument/hover', params).catch(() => undefined); // any answer, even an error
      await client.request('comanage/checkCommandLine', params).catch(() => undefined);
    }
    await answersCorrectly(client, 'never-opened');
  });

  it('honours $/cancelRequest and keeps answering afterwards', async () => {
    const uri = 'file:///tmp/faults/cancel.ccmsetup';
    await client.open(uri, BAD);
    let cancelled = 0;
    for (let i = 0; i < 20; i++) {
      const source = new CancellationTokenSource();
      const pending = client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: at(0, 14) }, source.token);
      source.cancel();
      // Either the answer (it was done first) or RequestCancelled; never a hang or another error.
      await pending.catch((error: ResponseError<unknown>) => { assert.equal(error.code, -32800); cancelled++; });
    }
    assert.ok(cancelled > 0, 'no request was cancelled');
    await answersCorrectly(client, 'after-cancel');
  });

  it('publishes diagnostics matching the final text after 1,000 quick edits, then goes idle', async () => {
    const uri = 'file:///tmp/faults/burst.ccmsetup';
    let document = TextDocument.create(uri, 'ccmsetup', 1, BAD);
    await client.open(uri, BAD);
    const pieces = [' /mp=x', ' SMSSITECODE:AB', ' /UsePKICert', ' FOO', '"', ' CCMHOSTNAME=https://x', '\n', ' /regtoken:', SECRET];
    let seed = 7;
    const random = (n: number) => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; };
    for (let version = 2; version <= 1001; version++) {
      const length = document.getText().length;
      const start = document.positionAt(random(length + 1));
      const end = document.positionAt(Math.min(length, document.offsetAt(start) + random(4)));
      const change: TextDocumentContentChangeEvent = { range: { start, end }, text: random(3) === 0 ? '' : pieces[random(pieces.length)] };
      document = TextDocument.create(uri, 'ccmsetup', version, TextDocument.applyEdits(document, [{ range: change.range, newText: change.text }]));
      void client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
    }
    const final = await client.nextDiagnostics(uri, (p) => p.version === 1001, 15_000);
    const expected = getLanguageService().doValidation(document);
    assert.deepEqual(final.diagnostics, JSON.parse(JSON.stringify(expected)));
    // Debounced: a handful of publications at most, not one per edit.
    const forBurst = client.published.filter((p) => p.uri === uri);
    assert.ok(forBurst.length <= 5, `${forBurst.length} publications for 1,000 edits`);

    // Nothing keeps working once typing stops: the server's CPU time stands still.
    const before = cpuMs(client.pid);
    if (before === undefined) return; // no /proc (not Linux): the in-process timer test covers this
    await sleep(1500);
    const used = cpuMs(client.pid)! - before;
    assert.ok(used <= 60, `the idle server used ${used} ms of CPU in 1.5 s`);
  });

  it('never logs document text or a token, whatever happened above', () => {
    const logs = client.logMessages.join('\n') + client.stderr;
    assert.ok(!logs.includes(SECRET), 'a log holds the token');
    assert.ok(!logs.includes('UsePKICrt'), 'a log holds document text');
  });
});

describe('server lifetime', function () {
  this.timeout(30_000);

  it('stays up while its editor lives, however long it is idle', async () => {
    const client = LspClient.start(SERVER);
    try {
      await initialized(client, process.pid);
      await sleep(3500); // longer than the 3 s parent-process check
      assert.ok(client.alive);
      await answersCorrectly(client, 'idle');
    } finally {
      await client.stop();
    }
  });

  it('exits when its input closes (the editor went away without shutdown)', async () => {
    const client = LspClient.start(SERVER);
    await initialized(client);
    client.closeInput();
    assert.equal(await client.waitForExit(5000), 1, 'exit code 1: no shutdown request came first');
    client.kill();
  });

  it('exits 0 when its input closes after a shutdown request', async () => {
    const client = LspClient.start(SERVER);
    await initialized(client);
    await client.request('shutdown', null);
    client.closeInput();
    assert.equal(await client.waitForExit(5000), 0);
    client.kill();
  });

  it('exits within seconds when the editor process named in initialize is gone', async () => {
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const deadPid = Number(gone.stdout);
    assert.ok(deadPid > 0);
    const client = LspClient.start(SERVER);
    await initialized(client, deadPid);
    assert.equal(await client.waitForExit(8000), 1, 'still running 8 s after its editor died');
    client.kill();
  });
});
