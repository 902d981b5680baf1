// A minimal LSP client for protocol tests: spawns `node dist/server.js --stdio` and talks JSON-RPC to
// it the way an editor does. Keeps every published diagnostic and log message for assertions.
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import {
  MessageConnection, StreamMessageReader, StreamMessageWriter, createMessageConnection,
} from 'vscode-jsonrpc/node';
import type { Diagnostic } from 'vscode-languageserver-types';

export interface Published { uri: string; version?: number; diagnostics: Diagnostic[] }

interface Waiter { uri: string; accept: (p: Published) => boolean; resolve: (p: Published) => void }

export class LspClient {
  readonly published: Published[] = [];
  readonly logMessages: string[] = [];
  stderr = '';
  private readonly waiters = new Set<Waiter>();
  private readonly exited: Promise<number | null>;

  private constructor(private readonly child: ChildProcess, readonly connection: MessageConnection) {
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    child.stderr!.on('data', (chunk: Buffer) => { this.stderr += chunk.toString(); });
    connection.onNotification('textDocument/publishDiagnostics', (p: Published) => {
      this.published.push(p);
      for (const waiter of [...this.waiters]) {
        if (waiter.uri === p.uri && waiter.accept(p)) { this.waiters.delete(waiter); waiter.resolve(p); }
      }
    });
    connection.onNotification('window/logMessage', (p: { message: string }) => this.logMessages.push(p.message));
    // Answer anything the server asks (registrations, configuration) like a plain editor would.
    connection.onRequest(() => null);
    connection.listen();
  }

  static start(serverPath: string, extraArgs: string[] = []): LspClient {
    if (!existsSync(serverPath)) {
      throw new Error(`${serverPath} is missing: run \`npm run build\` (or \`node esbuild.mjs\`) before the tests`);
    }
    const child = spawn(process.execPath, [serverPath, '--stdio', ...extraArgs], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createMessageConnection(
      new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    return new LspClient(child, connection);
  }

  get alive(): boolean { return this.child.exitCode === null && this.child.signalCode === null; }

  get pid(): number { return this.child.pid!; }

  /** Bytes straight onto the server's stdin, bypassing JSON-RPC framing (for fault tests). */
  writeRaw(data: string | Buffer): Promise<void> {
    return new Promise((resolve, reject) => this.child.stdin!.write(data, (error) => (error ? reject(error) : resolve())));
  }

  /** Closes the server's stdin, as when an editor disappears without shutdown/exit. */
  closeInput(): void {
    this.child.stdin!.end();
  }

  /** The exit code once the server exits, or 'timeout' if it is still running after `ms`. */
  waitForExit(ms: number): Promise<number | null | 'timeout'> {
    return Promise.race([this.exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), ms))]);
  }

  kill(): void {
    if (this.alive) this.child.kill();
    this.connection.dispose();
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.connection.sendNotification(method, params);
  }

  /**
   * The next diagnostics published for `uri` (after this call) that satisfy `accept`.
   * Call it before sending the notification that should cause them, so nothing is missed.
   */
  nextDiagnostics(uri: string, accept: (p: Published) => boolean = () => true, timeoutMs = 8000): Promise<Published> {
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { uri, accept, resolve: (p) => { clearTimeout(timer); resolve(p); } };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; stderr: ${this.stderr.slice(0, 500)}`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  open(uri: string, text: string, languageId = 'ccmsetup', version = 1): Promise<void> {
    return this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  /** Stops the server the polite way and returns its exit code. */
  async stop(): Promise<number | null> {
    if (this.alive) {
      // A server that stopped answering must not hang the test run: give it a few seconds.
      const answered = await Promise.race([this.request('shutdown', null).then(() => true, () => false), new Promise<boolean>((r) => setTimeout(() => r(false), 3000))]);
      if (answered) await this.notify('exit', null);
    }
    const code = await Promise.race([this.exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 5000))]);
    if (code === 'timeout') this.child.kill();
    this.connection.dispose();
    return code === 'timeout' ? null : code;
  }
}
