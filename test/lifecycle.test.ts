// The LSP lifecycle over stdio (dist/server.js): nothing is answered before `initialize` or after
// `shutdown`, notifications then are dropped, and `exit` ends the process with 0 after shutdown,
// 1 without. Plus: diagnostics belong to the exact text they were computed from, even when a
// document is opened again under the same version. Needs `node esbuild.mjs` first.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { ResponseError } from 'vscode-jsonrpc/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../server/src/core/languageService';
import { LspClient } from './helpers/lspClient';

const SERVER = path.resolve(__dirname, '..', 'dist', 'server.js');
const BAD = 'ccmsetup.exe /mp=server SMSSITECODE:ABC /UsePKICrt';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const hover = (uri: string) => ({ textDocument: { uri }, position: { line: 0, character: 30 } });
const failsWith = (code: number) => (error: ResponseError<unknown>) => error.code === code;

async function initialize(client: LspClient): Promise<void> {
  await client.request('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
  await client.notify('initialized', {});
}

/** A server started with no debounce, so a validation starts on the turn after didOpen. */
function startUndebounced(): LspClient {
  const saved = process.env.COMANAGE_VALIDATION_DELAY_MS;
  process.env.COMANAGE_VALIDATION_DELAY_MS = '0';
  try {
    return LspClient.start(SERVER);
  } finally {
    if (saved === undefined) delete process.env.COMANAGE_VALIDATION_DELAY_MS;
    else process.env.COMANAGE_VALIDATION_DELAY_MS = saved;
  }
}

describe('LSP lifecycle (dist/server.js --stdio)', function () {
  this.timeout(30_000);

  it('answers requests before initialize with ServerNotInitialized and drops notifications', async () => {
    const client = LspClient.start(SERVER);
    try {
      const uri = 'file:///tmp/lifecycle/early.ccmsetup';
      await assert.rejects(client.request('textDocument/hover', hover(uri)), failsWith(-32002));
      await assert.rejects(client.request('comanage/checkCommandLine', { text: BAD }), failsWith(-32002));
      await assert.rejects(client.request('shutdown', null), failsWith(-32002));
      await client.open(uri, BAD); // dropped: the document was never opened
      await initialize(client);
      assert.equal(await client.request('textDocument/hover', hover(uri)), null, 'the early didOpen was not dropped');
      assert.equal(client.published.length, 0);
      // initialize may come only once.
      await assert.rejects(client.request('initialize', { processId: null, rootUri: null, capabilities: {} }), failsWith(-32600));
    } finally {
      assert.equal(await client.stop(), 0);
    }
  });

  it('answers requests after shutdown with InvalidRequest, publishes nothing more, and exits 0 on exit', async () => {
    const client = LspClient.start(SERVER);
    await initialize(client);
    const uri = 'file:///tmp/lifecycle/late.ccmsetup';
    const first = client.nextDiagnostics(uri);
    await client.open(uri, BAD);
    await first;
    await client.request('shutdown', null);
    await assert.rejects(client.request('textDocument/hover', hover(uri)), failsWith(-32600));
    await assert.rejects(client.request('comanage/checkCommandLine', { text: BAD }), failsWith(-32600));
    await assert.rejects(client.request('shutdown', null), failsWith(-32600));
    const published = client.published.length;
    await client.open('file:///tmp/lifecycle/after.ccmsetup', BAD);
    await client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: `${BAD} x` }] });
    await sleep(600); // longer than the 200 ms debounce
    assert.equal(client.published.length, published, 'diagnostics were published after shutdown');
    assert.ok(client.alive, 'the server left before exit');
    await client.notify('exit', null);
    assert.equal(await client.waitForExit(5000), 0);
    client.kill();
  });

  it('exits with 1 on exit without shutdown', async () => {
    const client = LspClient.start(SERVER);
    await initialize(client);
    await client.notify('exit', null);
    assert.equal(await client.waitForExit(5000), 1);
    client.kill();
  });

  it('exits with 1 on exit before initialize', async () => {
    const client = LspClient.start(SERVER);
    await client.notify('exit', null);
    assert.equal(await client.waitForExit(5000), 1);
    client.kill();
  });
});

describe('diagnostics for the exact text (dist/server.js --stdio)', function () {
  this.timeout(30_000);

  it('a second didOpen under the same version gets the new text\'s diagnostics, never the old ones', async () => {
    const client = startUndebounced();
    try {
      await initialize(client);
      const uri = 'file:///tmp/lifecycle/reopen.ccmsetup';
      // Long enough to need many 8 ms slices, so the first validation is still running below.
      const big = `${BAD}\n`.repeat(3000);
      await client.open(uri, big, 'ccmsetup', 1);
      // Answered between two slices: the validation of `big` has started when this returns.
      await client.request('textDocument/hover', hover(uri));
      const small = 'ccmsetup.exe /mp:x';
      await client.open(uri, small, 'ccmsetup', 1);
      const expected = getLanguageService().doValidation(TextDocument.create(uri, 'ccmsetup', 1, small));
      await client.nextDiagnostics(uri, (p) => p.diagnostics.length === expected.length);
      // Let the first validation run out (a few hundred ms of work); its result must not appear.
      await sleep(2500);
      const last = client.published.filter((p) => p.uri === uri).at(-1)!;
      assert.deepEqual(last.diagnostics, JSON.parse(JSON.stringify(expected)));
      assert.ok(client.published.every((p) => p.diagnostics.length < 1000), 'the old text\'s findings were published');
    } finally {
      await client.stop();
    }
  });
});
