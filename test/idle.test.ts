// Nothing pins a core after the user stops typing: the server's only timers are the validation
// debounce, one per document, and they are gone once diagnostics are published. Runs startServer
// in this process over in-memory streams, so Node's list of active timers can be read directly.
import * as assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { MessageConnection, createMessageConnection } from 'vscode-jsonrpc/node';
import { ProposedFeatures, StreamMessageReader, StreamMessageWriter, createConnection } from 'vscode-languageserver/node';
import { startServer } from '../server/src/server';

const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Timers active once this test is under way (mocha sets its timeout timer after the first await). */
const settledTimers = async () => { await sleep(1); return timers(); };

describe('idle server', () => {
  let client: MessageConnection;
  let published = 0;
  /** Timers before the server existed (with mocha's own timeout timer for the hook, as a test has one). */
  let baseline: number;

  before(async () => {
    baseline = await settledTimers();
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    // Reader and writer objects (not streams), so closing them can't end this test process.
    const server = createConnection(ProposedFeatures.all, new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
    startServer(server);
    server.listen();
    client = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    client.onRequest(() => null);
    client.onNotification('textDocument/publishDiagnostics', () => { published++; });
    client.listen();
    // processId null: vscode-languageserver's 3-second parent check is the one timer an editor's pid adds.
    await client.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {} });
    await client.sendNotification('initialized', {});
  });

  after(() => client?.dispose());

  it('keeps one debounce timer per document while typing and none once diagnostics are out', async () => {
    assert.equal(await settledTimers(), baseline, `a timer runs before any document is open: ${process.getActiveResourcesInfo().join(', ')}`);
    const docs = ['a.ccmsetup', 'b.ccmsetup', 'c.comanage.yaml'].map((name) => `file:///idle/${name}`);
    for (const uri of docs) await client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'x', version: 1, text: 'ccmsetup.exe /mp=x' } });
    for (let version = 2; version <= 300; version++) {
      for (const uri of docs) await client.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text: `ccmsetup.exe /mp=x ${version}` }] });
    }
    await sleep(20);
    // One pending validation per document at most, not one per edit (none if the delay is 0).
    assert.ok(timers() - baseline <= docs.length, `${timers() - baseline} timers for ${docs.length} documents`);
    await sleep(600);
    assert.equal(published, docs.length, 'one publication per document');
    assert.equal(timers() - baseline, 0, `timers still active: ${process.getActiveResourcesInfo().join(', ')}`);
  });

  it('starts no timer for requests', async () => {
    assert.equal(await settledTimers(), baseline, `a timer outlived the edits above: ${process.getActiveResourcesInfo().join(', ')}`);
    const uri = 'file:///idle/a.ccmsetup';
    for (let i = 0; i < 50; i++) {
      await client.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 3 } });
      await client.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 14 } });
    }
    await sleep(20);
    assert.equal(timers() - baseline, 0);
  });
});
