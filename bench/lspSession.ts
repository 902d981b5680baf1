// One language server process driven over stdio JSON-RPC (vscode-jsonrpc), the way an editor does:
// initialize, answer workspace/configuration, open and edit documents, time requests.
import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import {
  CancellationTokenSource, MessageConnection, StreamMessageReader, StreamMessageWriter, createMessageConnection,
} from 'vscode-jsonrpc/node';
import type { Diagnostic } from 'vscode-languageserver-types';

export interface ServerSpec {
  /** Short id used in results.json ("comanage", "yaml-language-server"). */
  id: string;
  command: string;
  args: string[];
  env?: Record<string, string>;
  languageId: (kind: 'ccmsetup' | 'manifest' | 'powershell' | 'batch') => string;
  /** What `workspace/configuration` answers, by section. */
  settings: Record<string, unknown>;
  /** Fixed wait before validation that cannot be turned off (yaml-language-server's 200 ms). */
  fixedDelayMs: number;
}

export interface Published { uri: string; version?: number; diagnostics: Diagnostic[]; at: number }

interface Waiter { uri: string; after: number; accept: (p: Published) => boolean; resolve: (p: Published) => void }

/** Thrown when a bounded wait runs out; the caller records a timeout and moves on. */
export class BenchTimeout extends Error {}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string, onTimeout?: () => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => { onTimeout?.(); reject(new BenchTimeout(`${what}: no answer within ${ms} ms`)); }, ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export class LspSession {
  private readonly waiters = new Set<Waiter>();
  private readonly exited: Promise<void>;
  private readonly versions = new Map<string, number>();
  /** How often each diagnostic code was published, to spot skipped or cut-short analysis. */
  readonly codesSeen = new Map<string, number>();
  stderr = '';

  private constructor(readonly spec: ServerSpec, readonly child: ChildProcess, readonly connection: MessageConnection, readonly spawnedAt: number) {
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    child.stderr!.on('data', (chunk: Buffer) => { if (this.stderr.length < 20_000) this.stderr += chunk.toString(); });
    // A server that dies mid-run must not take the benchmark with it.
    child.stdin!.on('error', () => undefined);
    connection.onNotification('textDocument/publishDiagnostics', (params: Omit<Published, 'at'>) => {
      const p: Published = { ...params, at: performance.now() };
      for (const d of p.diagnostics) {
        if (d.code !== undefined) this.codesSeen.set(String(d.code), (this.codesSeen.get(String(d.code)) ?? 0) + 1);
      }
      for (const waiter of [...this.waiters]) {
        if (waiter.uri === p.uri && p.at >= waiter.after && waiter.accept(p)) { this.waiters.delete(waiter); waiter.resolve(p); }
      }
    });
    connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
      params.items.map((item) => (item.section ? spec.settings[item.section] ?? null : null)));
    // Registrations, progress and anything else an editor would simply accept.
    connection.onRequest(() => null);
    connection.onNotification(() => undefined);
    connection.onError(() => undefined);
    connection.listen();
  }

  static spawn(spec: ServerSpec): LspSession {
    const spawnedAt = performance.now();
    const child = spawn(spec.command, spec.args, { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...spec.env } });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    return new LspSession(spec, child, connection, spawnedAt);
  }

  get pid(): number { return this.child.pid ?? -1; }

  /** initialize + initialized; returns the milliseconds from spawn to the initialize result. */
  async initialize(rootUri: string, timeoutMs: number): Promise<number> {
    await withTimeout(this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'bench' }],
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, workspaceFolders: true },
        textDocument: {
          synchronization: { dynamicRegistration: false, didSave: false },
          publishDiagnostics: { versionSupport: true, relatedInformation: true },
          completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
          hover: { contentFormat: ['markdown', 'plaintext'] },
        },
      },
      initializationOptions: {},
    }), timeoutMs, `${this.spec.id} initialize`);
    const elapsed = performance.now() - this.spawnedAt;
    await this.connection.sendNotification('initialized', {});
    return elapsed;
  }

  /** The next diagnostics for `uri` published after now that `accept` takes. */
  nextDiagnostics(uri: string, timeoutMs: number, accept: (p: Published) => boolean = () => true): Promise<Published> {
    let waiter: Waiter | undefined;
    const promise = new Promise<Published>((resolve) => {
      waiter = { uri, after: performance.now(), accept, resolve };
      this.waiters.add(waiter);
    });
    return withTimeout(promise, timeoutMs, `${this.spec.id} diagnostics for ${uri}`, () => this.waiters.delete(waiter!));
  }

  async open(uri: string, kind: 'ccmsetup' | 'manifest' | 'powershell' | 'batch', text: string): Promise<void> {
    this.versions.set(uri, 1);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: this.spec.languageId(kind), version: 1, text } });
  }

  async close(uri: string): Promise<void> {
    this.versions.delete(uri);
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** The version the client last sent for `uri`. */
  versionOf(uri: string): number { return this.versions.get(uri) ?? 0; }

  /** Replaces one character; returns the new version. */
  async replaceChar(uri: string, line: number, character: number, text: string): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line, character }, end: { line, character: character + 1 } }, text }],
    });
    return version;
  }

  /** Sends a request and returns its result and latency; cancels it if it runs out of time. */
  async timedRequest<R>(method: string, params: unknown, timeoutMs: number): Promise<{ ms: number; result: R }> {
    const source = new CancellationTokenSource();
    const start = performance.now();
    const result = await withTimeout(this.connection.sendRequest(method, params, source.token) as Promise<R>, timeoutMs,
      `${this.spec.id} ${method}`, () => source.cancel());
    return { ms: performance.now() - start, result };
  }

  /** Resident and peak resident memory from /proc (Linux), in MiB. */
  memory(): { rssMiB: number; peakMiB: number } | undefined {
    try {
      const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
      const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
      return { rssMiB: kib('VmRSS') / 1024, peakMiB: kib('VmHWM') / 1024 };
    } catch {
      return undefined;
    }
  }

  /** shutdown + exit, then SIGKILL if the process is still there after `graceMs`. */
  async stop(graceMs = 3000): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      try {
        await withTimeout(this.connection.sendRequest('shutdown', null), graceMs, `${this.spec.id} shutdown`);
        await this.connection.sendNotification('exit', null);
      } catch {
        // Killed below.
      }
      const gone = await Promise.race([this.exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), graceMs))]);
      if (!gone) this.kill();
    }
    this.connection.dispose();
  }

  kill(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  }
}
