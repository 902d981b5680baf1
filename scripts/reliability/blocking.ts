// RELIABILITY.md section "Blocking": the longest validation step on the inputs that once blocked
// the server (measured in-process, step by step), and the outline of the largest of them over
// stdio against dist/server.js (time and JSON size). Needs `node esbuild.mjs` first.
import * as path from 'node:path';
import { LONGEST_STEP_TARGET_MS, measureLongestSteps } from '../../bench/longestStep';
import { MAX_SYMBOLS } from '../../server/src/core/limits';
import { UNITS_PER_STEP } from '../../server/src/core/steps';
import { blockingInputs } from '../../test/helpers/blockingInputs';
import { LspClient } from '../../test/helpers/lspClient';

const SERVER = path.join(__dirname, '..', '..', 'dist', 'server.js');
const n = (x: number) => Math.round(x).toLocaleString('en-US');
const ms = (x: number) => `${x < 10 ? x.toFixed(1) : n(x)} ms`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** documentSymbol over stdio on an open document whose diagnostics are out: times (ms) and the answer's size. */
async function outline(fileName: string, text: string, reps: number): Promise<{ times: number[]; bytes: number; entries: number; last: string }> {
  const client = LspClient.start(SERVER);
  try {
    await client.request('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
    await client.notify('initialized', {});
    const uri = `file:///reliability/blocking/${fileName}`;
    const published = client.nextDiagnostics(uri, () => true, 120_000);
    await client.open(uri, text);
    await published;
    const times: number[] = [];
    let answer: unknown = [];
    for (let i = 0; i < reps; i++) {
      const start = performance.now();
      answer = await client.request('textDocument/documentSymbol', { textDocument: { uri } });
      times.push(performance.now() - start);
    }
    const symbols = answer as { name: string; children?: unknown[] }[];
    const count = (list: { children?: unknown[] }[]): number => list.reduce((sum, s) => sum + 1 + count((s.children ?? []) as { children?: unknown[] }[]), 0);
    return { times, bytes: Buffer.byteLength(JSON.stringify(answer)), entries: count(symbols), last: symbols.at(-1)?.name ?? '' };
  } finally {
    await client.stop();
  }
}

export async function blockingSection(): Promise<string[]> {
  const inputs = blockingInputs();
  const lines = [
    '## Blocking',
    '',
    `The server validates in steps and answers other requests between them (8 ms slices). A step pauses once it has done ${n(UNITS_PER_STEP)} units of counted work (about a character read once each; core/steps.ts); what can't be cut is one command line's parse and, for a manifest the pieces parser can't cut, composing its YAML document. Longest step per input: the core's validation driven step by step in-process, every step timed, a fresh service per run after one warm-up run; median and slowest of 5 runs, on the wall clock and in CPU time of the process (which also counts garbage collection on other threads; on a shared machine the wall clock also counts other processes' turns). The analysis runs without its 1 s budget, so every run does the same steps; a step's own cost is its least CPU time over the runs (without the garbage-collection pauses and scheduler turns that land on it in one run and not another), and the column gives the largest such cost. test/steps.test.ts bounds the work of every step on these inputs without a clock. The target, ${LONGEST_STEP_TARGET_MS} ms, is judged on the median CPU time, as the bench does (bench/longestStep.ts): the wall clock of a shared machine counts other processes' turns.`,
    '',
    `| Input | Characters | Steps | Longest step, wall clock (median / slowest run) | Longest step, CPU time (median / slowest run) | Longest step's own cost (CPU) | Whole validation (median) | Within ${LONGEST_STEP_TARGET_MS} ms CPU |`,
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  ];
  for (const step of measureLongestSteps(inputs, 5)) {
    lines.push(step.longest?.n
      ? `| ${step.description} | ${n(step.chars)} | ${n(step.steps)} | ${ms(step.longest.median)} / ${ms(step.longest.max)} | ${step.longestCpu?.n ? `${ms(step.longestCpu.median)} / ${ms(step.longestCpu.max)}` : '–'} | ${step.ownCpu !== undefined ? ms(step.ownCpu) : '–'} | ${step.total?.n ? ms(step.total.median) : '–'} | ${step.longestCpu?.n && step.longestCpu.median <= LONGEST_STEP_TARGET_MS ? 'held' : '**FAILED**'} |`
      : `| ${step.description} | ${n(step.chars)} | – | failed: ${step.error} | – | – | – | **FAILED** |`);
  }
  lines.push('', `The outline (\`textDocument/documentSymbol\`) lists at most ${n(MAX_SYMBOLS)} entries and ends with an "outline truncated" entry saying how many more there are. Over stdio against dist/server.js, once the document's diagnostics are out (median of 5 requests):`, '',
    '| Input | Time | JSON | Entries | Last entry |', '| --- | ---: | ---: | ---: | --- |');
  for (const input of inputs.slice(0, 2)) {
    const result = await outline(input.fileName, input.text, 5);
    lines.push(`| ${input.description} | ${ms(median(result.times))} | ${n(result.bytes / 1024)} KB | ${n(result.entries)} | ${result.last.replace(/\|/g, '\\|')} |`);
  }
  lines.push('');
  return lines;
}

if (require.main === module) {
  blockingSection().then((lines) => process.stdout.write(`${lines.join('\n')}\n`), (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  });
}
