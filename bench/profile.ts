// CPU profiles (`node --cpu-prof`) of the server and the CLI, summarised as the functions that take
// the time. Runs unminified bundles so the names are the source's; esbuild writes a
// `// server/src/…` comment above each module, which maps a bundle line back to its source file.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { BenchInput } from './inputs';
import { LspSession } from './lspSession';
import { ROOT, comanageSpec } from './servers';
import { sleep } from './stats';

export interface ProfileLine { fn: string; file: string; selfMs: number; totalMs: number }
export interface ProfileSummary {
  scenario: string; wallMs: number; sampledMs: number;
  /** By self time, everything. */
  top: ProfileLine[];
  /** By total time, our own functions only (server/src): where in the core the time goes. */
  ownByTotal?: ProfileLine[];
  error?: string;
}

interface CpuProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
interface CpuProfile { nodes: CpuProfileNode[]; samples: number[]; timeDeltas: number[] }

/** Builds dist-like bundles without minification (names kept) into `outDir`. */
export async function buildUnminified(outDir: string): Promise<{ server: string; cli: string }> {
  const server = path.join(outDir, 'server.js');
  const cli = path.join(outDir, 'cli.js');
  const common: esbuild.BuildOptions = {
    bundle: true, format: 'cjs', platform: 'node', target: 'node18', minify: false, keepNames: true,
    mainFields: ['module', 'main'], logLevel: 'warning', absWorkingDir: ROOT,
  };
  await esbuild.build({ ...common, entryPoints: ['server/src/node/serverMain.ts'], outfile: server });
  await esbuild.build({ ...common, entryPoints: ['server/src/cli.ts'], outfile: cli });
  return { server, cli };
}

/** For each bundle line, the source module it came from (from esbuild's `// path` comments). */
function moduleMap(bundle: string): (line: number) => string {
  const starts: { line: number; file: string }[] = [];
  readFileSync(bundle, 'utf8').split('\n').forEach((text, line) => {
    const m = /^\/\/ ((?:server|client|node_modules)\/\S+\.[cm]?[jt]s)$/.exec(text);
    if (m) starts.push({ line, file: m[1] });
  });
  return (line) => {
    let lo = 0;
    let hi = starts.length - 1;
    let found = '';
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid].line <= line) { found = starts[mid].file; lo = mid + 1; } else hi = mid - 1;
    }
    return found;
  };
}

/** Self and inclusive time per function; recursion is counted once per sample. */
export function summarizeProfile(file: string, bundle: string | undefined, limit = 15): { sampledMs: number; top: ProfileLine[]; ownByTotal: ProfileLine[] } {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const moduleOf = bundle ? moduleMap(bundle) : () => '';
  const keyOf = (n: CpuProfileNode) => {
    const { functionName, url, lineNumber } = n.callFrame;
    const source = url && bundle && url.endsWith(path.basename(bundle)) ? moduleOf(lineNumber) : url.replace(/^file:\/\//, '').replace(`${ROOT}/`, '');
    return `${functionName || '(anonymous)'}\u0000${source}`;
  };
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let sampledMs = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    sampledMs += ms;
    const node = byId.get(id);
    if (!node) return;
    const key = keyOf(node);
    self.set(key, (self.get(key) ?? 0) + ms);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const k = keyOf(byId.get(at)!);
      if (!seen.has(k)) { seen.add(k); total.set(k, (total.get(k) ?? 0) + ms); }
    }
  });
  const idle = new Set(['(idle)', '(program)', '(root)']);
  const line = (key: string): ProfileLine => {
    const [fn, source] = key.split('\u0000');
    return { fn, file: source, selfMs: Math.round(self.get(key) ?? 0), totalMs: Math.round(total.get(key) ?? 0) };
  };
  const top = [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .filter(([key]) => !idle.has(key.split('\u0000')[0]))
    .slice(0, limit)
    .map(([key]) => line(key));
  const ownByTotal = [...total.entries()]
    .filter(([key]) => key.split('\u0000')[1].startsWith('server/src/'))
    .sort((a, b) => b[1] - a[1])
    .slice(0, 12)
    .map(([key]) => line(key));
  return { sampledMs: Math.round(sampledMs), top, ownByTotal };
}

function newestProfile(dir: string): string | undefined {
  const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).sort();
  return files.length ? path.join(dir, files[files.length - 1]) : undefined;
}

/** Profiles the server over LSP: open `input`, then `edits` one-character edits, each to its diagnostics. */
export async function profileServer(serverJs: string, input: BenchInput, edits: number, dir: string, timeoutMs: number): Promise<ProfileSummary> {
  const scenario = `server: open ${input.id} (${input.lines.toLocaleString('en-US')} lines), then ${edits} one-character edits`;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const session = LspSession.spawn(comanageSpec(false, serverJs, ['--cpu-prof', `--cpu-prof-dir=${dir}`]));
  const start = performance.now();
  try {
    await session.initialize(pathToFileURL(dir).href, 20_000);
    const uri = pathToFileURL(path.join(dir, input.fileName)).href;
    const opened = session.nextDiagnostics(uri, timeoutMs);
    await session.open(uri, input.kind, input.text);
    await opened;
    for (let i = 0; i < edits; i++) {
      const version = session.versionOf(uri) + 1;
      const wait = session.nextDiagnostics(uri, timeoutMs, (p) => p.version === version);
      await session.replaceChar(uri, input.edit.line, input.edit.character, i % 2 ? input.edit.from : input.edit.to);
      await wait;
      await sleep(10);
    }
  } catch (error) {
    session.kill();
    return { scenario, wallMs: Math.round(performance.now() - start), sampledMs: 0, top: [], error: String(error) };
  }
  const wallMs = Math.round(performance.now() - start);
  await session.stop(10_000); // the profile is written on a clean exit
  const file = newestProfile(dir);
  if (!file) return { scenario, wallMs, sampledMs: 0, top: [], error: 'no .cpuprofile written' };
  return { scenario, wallMs, ...summarizeProfile(file, serverJs) };
}

/** Profiles `node cli.js check <folder>`. */
export function profileCli(cliJs: string, folder: string, files: number, dir: string, timeoutMs: number): ProfileSummary {
  const scenario = `CLI: check ${files.toLocaleString('en-US')} small files`;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const start = performance.now();
  const run = spawnSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, cliJs, 'check', folder, '--format', 'json'], {
    encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, timeout: timeoutMs,
  });
  const wallMs = Math.round(performance.now() - start);
  const file = newestProfile(dir);
  if (run.error || !file) return { scenario, wallMs, sampledMs: 0, top: [], error: run.error?.message ?? 'no .cpuprofile written' };
  return { scenario, wallMs, ...summarizeProfile(file, cliJs) };
}

/** Profiles start-up: spawn to `initialize` result, then exit. */
export async function profileStartup(serverJs: string, dir: string): Promise<ProfileSummary> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const session = LspSession.spawn(comanageSpec(false, serverJs, ['--cpu-prof', `--cpu-prof-dir=${dir}`]));
  const start = performance.now();
  try {
    await session.initialize(pathToFileURL(dir).href, 20_000);
  } catch (error) {
    session.kill();
    return { scenario: 'server start-up', wallMs: 0, sampledMs: 0, top: [], error: String(error) };
  }
  const wallMs = Math.round(performance.now() - start);
  await session.stop(10_000);
  const file = newestProfile(dir);
  if (!file) return { scenario: 'server start-up', wallMs, sampledMs: 0, top: [], error: 'no .cpuprofile written' };
  return { scenario: 'server: start-up to the initialize result', wallMs, ...summarizeProfile(file, serverJs) };
}
