// runSafe/tryRun: the server's guard around every handler (server/src/utils/runSafe.ts).
import assert from 'node:assert/strict';
import { CancellationTokenSource, Connection, LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import { describeError, runSafe, tryRun } from '../server/src/utils/runSafe';

const SECRET = 'S3cr3tT0kenValue0123456789';

function fakeConnection(): { connection: Connection; logged: string[] } {
  const logged: string[] = [];
  const connection = { console: { error: (m: string) => logged.push(m) } } as unknown as Connection;
  return { connection, logged };
}

describe('runSafe', () => {
  it('returns what the work returns', async () => {
    const { connection, logged } = fakeConnection();
    assert.deepEqual(await runSafe(connection, 'hover', () => ({ ok: 1 }), null), { ok: 1 });
    assert.deepEqual(logged, []);
  });

  it('turns an exception into the fallback and logs it once, without the input', async () => {
    const { connection, logged } = fakeConnection();
    const result = await runSafe(connection, 'hover', () => { throw new Error(`bad token /regtoken:${SECRET}`); }, []);
    assert.deepEqual(result, []);
    assert.equal(logged.length, 1);
    assert.match(logged[0], /hover failed: Error/);
    assert.ok(!logged[0].includes(SECRET));
  });

  it('keeps engine messages but blanks what they quote', () => {
    let caught: unknown;
    try { JSON.parse(SECRET); } catch (error) { caught = error; } // V8 quotes the input in this message
    const text = describeError(caught);
    assert.match(text, /^SyntaxError: /);
    assert.ok(!text.includes(SECRET.slice(0, 8)), text);
    assert.match(describeError(new TypeError("Cannot read properties of undefined (reading 'span')")), /reading '…'/);
    assert.equal(describeError('a string'), 'thrown string');
  });

  it('answers "cancelled" without running the work when the client gave up', async () => {
    const { connection } = fakeConnection();
    const source = new CancellationTokenSource();
    source.cancel();
    let ran = false;
    const result = await runSafe(connection, 'completion', () => { ran = true; return 1; }, 0, source.token);
    assert.ok(result instanceof ResponseError);
    assert.equal(result.code, LSPErrorCodes.RequestCancelled);
    assert.equal(ran, false);
  });

  it('answers "cancelled" when the client gives up while the work runs', async () => {
    const { connection } = fakeConnection();
    const source = new CancellationTokenSource();
    const result = await runSafe(connection, 'completion', () => { source.cancel(); return 1; }, 0, source.token);
    assert.ok(result instanceof ResponseError && result.code === LSPErrorCodes.RequestCancelled);
  });

  it('tryRun is the synchronous variant', () => {
    const { connection, logged } = fakeConnection();
    assert.equal(tryRun(connection, 'validation', () => 2, 0), 2);
    assert.equal(tryRun(connection, 'validation', () => { throw new RangeError('Invalid string length'); }, 0), 0);
    assert.match(logged[0], /validation failed: RangeError: Invalid string length/);
  });
});
