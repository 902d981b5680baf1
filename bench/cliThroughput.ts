// `comanage check` over many small files, as CI would run it: wall time of the whole process
// (start-up included) and files per second.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { smallCcmsetupFile } from './inputs';
import { Summary, summarize } from './stats';

export interface CliResult {
  files: number;
  what: string;
  runs?: Summary;
  filesPerSecond?: number;
  exitCodes: number[];
  diagnostics?: number;
  error?: string;
}

/** Writes `count` files into `dir` (100 per folder) with `body(i)`; returns the folder. */
export function writeFiles(dir: string, count: number, name: (i: number) => string, body: (i: number) => string): string {
  rmSync(dir, { recursive: true, force: true });
  for (let i = 0; i < count; i++) {
    const folder = path.join(dir, `d${String(Math.floor(i / 100)).padStart(3, '0')}`);
    if (i % 100 === 0) mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, name(i)), body(i));
  }
  return dir;
}

export function smallCcmsetupFiles(dir: string, count: number): string {
  return writeFiles(dir, count, (i) => `f${String(i).padStart(5, '0')}.ccmsetup`, smallCcmsetupFile);
}

/** Runs `node cli check <dir> --format json` `reps` times after one warm-up run. */
export function measureCli(cli: string, dir: string, files: number, what: string, reps: number, timeoutMs: number): CliResult {
  const exitCodes: number[] = [];
  const samples: number[] = [];
  let diagnostics: number | undefined;
  for (let i = 0; i <= reps; i++) {
    const start = performance.now();
    const run = spawnSync(process.execPath, [cli, 'check', dir, '--format', 'json'], {
      encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, timeout: timeoutMs,
    });
    const ms = performance.now() - start;
    if (run.error || run.status === null || run.status === 2) {
      return { files, what, exitCodes, error: `comanage check failed: ${run.error?.message ?? run.stderr.slice(0, 300) ?? `signal ${run.signal}`}` };
    }
    exitCodes.push(run.status);
    const report = JSON.parse(run.stdout) as { diagnostics: unknown[] }[];
    if (report.length !== files) return { files, what, exitCodes, error: `comanage check reported ${report.length} files, expected ${files}` };
    diagnostics = report.reduce((n, file) => n + file.diagnostics.length, 0);
    if (i > 0) samples.push(ms); // the first run warms the file-system cache
  }
  const runs = summarize(samples);
  return { files, what, runs, filesPerSecond: runs ? Math.round(files / (runs.median / 1000)) : undefined, exitCodes, diagnostics };
}
