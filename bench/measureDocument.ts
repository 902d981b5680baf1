// Everything measured on one input with one server, in a fresh server process: first open and the
// memory after it, repeated opens, one-character edits, hovers and completions at fixed positions,
// and whether a request that arrives while a big document is being validated has to wait.
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { BenchInput, Probe } from './inputs';
import { BenchTimeout, LspSession, Published, ServerSpec } from './lspSession';
import { Summary, repeat, sleep, summarize } from './stats';

export interface Plan {
  open: number;
  change: number;
  /** Repetitions per hover or completion position. */
  probe: number;
  /** Edits with a request sent while their validation runs (0: not measured). */
  blocking: number;
  /** Upper bound for one series (one row of the table) before it stops repeating. */
  budgetMs: number;
  /** Upper bound for one request or one wait for diagnostics. */
  timeoutMs: number;
  probes: boolean;
}

export interface DocumentResult {
  server: string;
  input: string;
  firstOpenMs?: number;
  diagnostics?: number;
  /** False when the server declined the file (document-too-large) instead of checking it. */
  analysed?: boolean;
  /** Publishes during the session that said the analysis stopped early (analysis-cut-short). */
  cutShort?: number;
  rssMiB?: number;
  peakRssMiB?: number;
  /** After the repeated opens, every copy closed again: what the server kept. */
  rssAfterReopensMiB?: number;
  open?: Summary;
  change?: Summary;
  hover?: Record<string, Summary | undefined>;
  completion?: Record<string, Summary | undefined>;
  hoverAll?: Summary;
  completionAll?: Summary;
  /** Size of each answer as JSON (the last one), by method and position: big answers cost time on both sides. */
  answerBytes?: Record<string, number>;
  /** A hover sent 10 ms after validation of an edit has started, and that edit's diagnostics. */
  hoverDuringValidation?: Summary;
  changeWithHover?: Summary;
  error?: string;
}

const INIT_TIMEOUT_MS = 20_000;
/** Uncounted opens before the measured ones. */
export const WARM_UP_OPENS = 10;

/**
 * The workspace folder each session opens: an empty one. The inputs live beside it, so a server
 * that checks a workspace's closed files (comanage does, in the background) measures the document
 * at hand, not the other inputs the run has written.
 */
function emptyWorkspace(workDir: string): string {
  const dir = path.join(workDir, 'workspace');
  mkdirSync(dir, { recursive: true });
  return pathToFileURL(dir).href;
}

export async function measureDocument(spec: ServerSpec, input: BenchInput, workDir: string, plan: Plan): Promise<DocumentResult> {
  const result: DocumentResult = { server: spec.id, input: input.id };
  const docDir = path.join(workDir, 'inputs');
  const uriOf = (sub: string) => {
    const dir = path.join(docDir, sub);
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, input.fileName);
    writeFileSync(file, input.text);
    return pathToFileURL(file).href;
  };
  const session = LspSession.spawn(spec);
  try {
    await session.initialize(emptyWorkspace(workDir), INIT_TIMEOUT_MS);
    // Let the server pull its settings (yaml.schemas) before the first document arrives.
    await sleep(300);

    const main = uriOf('main');
    const t0 = performance.now();
    const first = session.nextDiagnostics(main, plan.timeoutMs);
    await session.open(main, input.kind, input.text);
    const published = await first;
    result.firstOpenMs = round(published.at - t0);
    result.diagnostics = published.diagnostics.length;
    result.analysed = !published.diagnostics.some((d) => d.code === 'document-too-large');
    await sleep(200);
    const memory = session.memory();
    if (memory) { result.rssMiB = round(memory.rssMiB); result.peakRssMiB = round(memory.peakMiB); }

    // Each repetition opens the same text under a new name, so no server can answer from a cache.
    // A few uncounted opens first: a long-running server has compiled its hot code by then (the
    // first open above is the cold number).
    for (let i = 0; i < Math.min(plan.open, WARM_UP_OPENS); i++) {
      const uri = uriOf(`warm-${i}`);
      const wait = session.nextDiagnostics(uri, plan.timeoutMs);
      await session.open(uri, input.kind, input.text);
      await wait;
      await session.close(uri);
    }
    result.open = await repeat({ reps: plan.open, budgetMs: plan.budgetMs }, async (i) => {
      const uri = uriOf(`open-${i}`);
      const wait = session.nextDiagnostics(uri, plan.timeoutMs);
      const start = performance.now();
      await session.open(uri, input.kind, input.text);
      const ms = (await wait).at - start;
      await session.close(uri);
      await sleep(20);
      return ms;
    });
    await sleep(200);
    result.rssAfterReopensMiB = round(session.memory()?.rssMiB ?? NaN);

    let toggled = false;
    const edit = async () => {
      const text = toggled ? input.edit.from : input.edit.to;
      toggled = !toggled;
      const version = session.versionOf(main) + 1;
      // Our server tags diagnostics with the version; yaml-language-server doesn't, so any publish
      // after the change is its answer (one change at a time, so there is no earlier one pending).
      const wait = session.nextDiagnostics(main, plan.timeoutMs, (p: Published) => p.version === undefined || p.version === version);
      const start = performance.now();
      await session.replaceChar(main, input.edit.line, input.edit.character, text);
      return { start, wait };
    };
    result.change = await repeat({ reps: plan.change, budgetMs: plan.budgetMs }, async () => {
      const { start, wait } = await edit();
      const ms = (await wait).at - start;
      await sleep(20);
      return ms;
    });

    if (plan.probes) {
      const probe = async (method: string, probes: Probe[]) => {
        const byLabel: Record<string, Summary | undefined> = {};
        const all: number[] = [];
        for (const at of probes) {
          const params = { textDocument: { uri: main }, position: { line: at.line, character: at.character } };
          let warmUpMs: number;
          try {
            const warmUp = await session.timedRequest(method, params, plan.timeoutMs); // not counted
            warmUpMs = warmUp.ms;
            (result.answerBytes ??= {})[`${method.replace('textDocument/', '')}: ${at.label}`] = JSON.stringify(warmUp.result ?? null).length;
          } catch (error) {
            if (!(error instanceof BenchTimeout)) throw error;
            byLabel[at.label] = summarize([], error.message);
            continue;
          }
          // Requests that take seconds get fewer repetitions, so one slow server can't eat the run.
          const minReps = warmUpMs > 1000 ? 2 : 3;
          byLabel[at.label] = await repeat({ reps: plan.probe, budgetMs: plan.budgetMs / probes.length, minReps }, async () => {
            const { ms } = await session.timedRequest(method, params, plan.timeoutMs);
            all.push(ms);
            return ms;
          });
        }
        return { byLabel, all: summarize(all) };
      };
      const hovers = await probe('textDocument/hover', input.hovers);
      result.hover = hovers.byLabel;
      result.hoverAll = hovers.all;
      const completions = await probe('textDocument/completion', input.completions);
      result.completion = completions.byLabel;
      result.completionAll = completions.all;
    }

    if (plan.blocking > 0) {
      const hoverAt = input.hovers[0];
      const hoverMs: number[] = [];
      result.changeWithHover = await repeat({ reps: plan.blocking, budgetMs: plan.budgetMs, minReps: 2 }, async () => {
        const { start, wait } = await edit();
        // The validation starts after the server's fixed delay; ask 10 ms into it.
        await sleep(spec.fixedDelayMs + 10);
        const hover = session.timedRequest('textDocument/hover', {
          textDocument: { uri: main }, position: { line: hoverAt.line, character: hoverAt.character },
        }, plan.timeoutMs);
        const diagnosticsAt = (await wait).at;
        hoverMs.push((await hover).ms);
        await sleep(20);
        return diagnosticsAt - start;
      });
      result.hoverDuringValidation = summarize(hoverMs);
    }
  } catch (error) {
    result.error = error instanceof Error ? error.message : String(error);
  } finally {
    result.cutShort = session.codesSeen.get('analysis-cut-short') ?? 0;
    await session.stop();
  }
  return result;
}

/**
 * Makes sure a server really checks manifests before it is timed: a policy whose target type
 * the schema rejects must get a diagnostic. Without it, a server that silently applies no schema
 * (yaml-language-server with a glob that doesn't match) would look fast for nothing.
 */
export async function checkSetup(spec: ServerSpec, workDir: string): Promise<void> {
  const dir = path.join(workDir, 'inputs', 'setup-check');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'setup-check.comanage.yaml');
  const text = 'version: 1\ncomanagement:\n  policies:\n    - name: Pilot\n      targetGroupType: devices\n';
  writeFileSync(file, text);
  const uri = pathToFileURL(file).href;
  const session = LspSession.spawn(spec);
  try {
    await session.initialize(emptyWorkspace(workDir), INIT_TIMEOUT_MS);
    await sleep(300);
    const published = session.nextDiagnostics(uri, 30_000, (p) => p.diagnostics.length > 0);
    await session.open(uri, 'manifest', text);
    const { diagnostics } = await published;
    if (!diagnostics.some((d) => d.range.start.line === 4)) {
      throw new Error(`${spec.id} did not report the invalid targetGroupType; got ${JSON.stringify(diagnostics.map((d) => d.message))}`);
    }
  } catch (error) {
    throw new Error(`${spec.id} is not checking manifests, so timing it would mean nothing: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await session.stop();
  }
}

/** Spawn to `initialize` result, each in a new process. */
export async function measureColdStart(spec: ServerSpec, reps: number, workDir: string): Promise<Summary | undefined> {
  const once = async () => {
    const session = LspSession.spawn(spec);
    try {
      return await session.initialize(emptyWorkspace(workDir), INIT_TIMEOUT_MS);
    } finally {
      await session.stop();
    }
  };
  await once(); // warm the file-system cache; not counted
  return repeat({ reps, budgetMs: 60_000 }, once);
}

/**
 * The round trip of a request with nothing to do (a hover on a document that isn't open): the
 * floor under every hover and completion time, from JSON-RPC and the two event loops.
 */
export async function measureFloor(spec: ServerSpec, reps: number, workDir: string): Promise<Summary | undefined> {
  const session = LspSession.spawn(spec);
  try {
    await session.initialize(emptyWorkspace(workDir), INIT_TIMEOUT_MS);
    await sleep(300);
    const params = { textDocument: { uri: pathToFileURL(path.join(workDir, 'not-open.comanage.yaml')).href }, position: { line: 0, character: 0 } };
    await session.timedRequest('textDocument/hover', params, 10_000);
    return await repeat({ reps, budgetMs: 10_000 }, async () => (await session.timedRequest('textDocument/hover', params, 10_000)).ms);
  } finally {
    await session.stop();
  }
}

const round = (ms: number) => Math.round(ms * 100) / 100;
