// Repetition with bounds, and the numbers we report: median, p95, p99 (nearest rank).
import { performance } from 'node:perf_hooks';
import { BenchTimeout } from './lspSession';

export interface Summary {
  n: number;
  median: number;
  p95: number;
  p99: number;
  min: number;
  max: number;
  /** Set when a repetition ran out of time; the samples before it still count. */
  timeout?: string;
}

/** Nearest-rank percentile of sorted samples: with fewer than 100 samples p99 is the maximum. */
function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

const round = (ms: number) => Math.round(ms * 100) / 100;

export function summarize(samples: number[], timeout?: string): Summary | undefined {
  if (!samples.length) return timeout ? { n: 0, median: NaN, p95: NaN, p99: NaN, min: NaN, max: NaN, timeout } : undefined;
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    n: sorted.length,
    median: round(percentile(sorted, 0.5)),
    p95: round(percentile(sorted, 0.95)),
    p99: round(percentile(sorted, 0.99)),
    min: round(sorted[0]),
    max: round(sorted[sorted.length - 1]),
    ...(timeout ? { timeout } : {}),
  };
}

export interface RepeatOptions {
  reps: number;
  /** Stop starting new repetitions after this long (at least `minReps` run unless one times out). */
  budgetMs: number;
  minReps?: number;
}

/**
 * Runs `measure` up to `reps` times and collects what it returns (milliseconds). A BenchTimeout
 * ends the series and is recorded; any other error propagates.
 */
export async function repeat(options: RepeatOptions, measure: (i: number) => Promise<number>): Promise<Summary | undefined> {
  const samples: number[] = [];
  const start = performance.now();
  const minReps = Math.min(options.minReps ?? 3, options.reps);
  for (let i = 0; i < options.reps; i++) {
    if (i >= minReps && performance.now() - start > options.budgetMs) break;
    try {
      samples.push(await measure(i));
    } catch (error) {
      if (error instanceof BenchTimeout) return summarize(samples, error.message);
      throw error;
    }
  }
  return summarize(samples);
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
