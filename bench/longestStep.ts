// The longest validation step per input: the core's validation generator driven step by step in
// this process (the same code the server runs in 8 ms slices), timing every step. A step is
// what runs between two pauses; the server can answer nothing else while one runs. Each step is
// timed twice: wall clock, and CPU time of this process (what the step costs when the machine is
// not shared: on a busy machine the wall clock also counts the time other processes ran). The
// analysis runs without its time budget so every run does the same steps; that lets each step be
// compared with itself across runs: its least CPU time is its own cost, without the garbage
// collection pauses and scheduler turns that land on it in one run and not another.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../server/src/core/languageService';
import { summarize, Summary } from './stats';

export interface StepResult {
  input: string;
  description: string;
  chars: number;
  /** The longest step of each run (ms, wall clock). */
  longest?: Summary;
  /** The longest step of each run (ms of CPU time). */
  longestCpu?: Summary;
  /**
   * The longest step's own cost (ms of CPU time): each step's least CPU time over the runs, then
   * the largest of those. What the code does in one step, apart from pauses that move between runs.
   */
  ownCpu?: number;
  /** Steps per run (the last run). */
  steps: number;
  /** The whole validation (ms), all steps together. */
  total?: Summary;
  error?: string;
}

/** Target for every input: no step longer than this. */
export const LONGEST_STEP_TARGET_MS = 20;

const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

function run(text: string, fileName: string, n: number): { longest: number; longestCpu: number; total: number; steps: number; cpus: number[] } {
  // A fresh service and document name: nothing is reused from an earlier run. No time budget: on
  // a busy machine it would cut some runs short, and the runs' steps would no longer line up.
  const service = getLanguageService({ budget: { ms: 1e9 } });
  const document = TextDocument.create(`file:///bench/steps/${n}/${fileName}`, 'x', 1, text);
  const steps = service.validationSteps(document);
  let longest = 0;
  let longestCpu = 0;
  let total = 0;
  let count = 0;
  const cpus: number[] = [];
  for (;;) {
    const cpu = cpuMs();
    const start = performance.now();
    const next = steps.next();
    const took = performance.now() - start;
    const tookCpu = cpuMs() - cpu;
    total += took;
    count++;
    cpus.push(tookCpu);
    if (took > longest) longest = took;
    if (tookCpu > longestCpu) longestCpu = tookCpu;
    if (next.done) return { longest, longestCpu, total, steps: count, cpus };
  }
}

export function measureLongestSteps(inputs: { id: string; fileName: string; description: string; text: string }[], reps: number): StepResult[] {
  return inputs.map((input) => {
    try {
      run(input.text, input.fileName, -1); // warm-up: the first run compiles the code paths
      const runs = Array.from({ length: reps }, (_, i) => run(input.text, input.fileName, i));
      const steps = Math.min(...runs.map((r) => r.cpus.length));
      let ownCpu = 0;
      for (let k = 0; k < steps; k++) ownCpu = Math.max(ownCpu, Math.min(...runs.map((r) => r.cpus[k])));
      return {
        input: input.id, description: input.description, chars: input.text.length, ownCpu,
        longest: summarize(runs.map((r) => r.longest)), longestCpu: summarize(runs.map((r) => r.longestCpu)), total: summarize(runs.map((r) => r.total)), steps: runs[runs.length - 1].steps,
      };
    } catch (error) {
      return { input: input.id, description: input.description, chars: input.text.length, steps: 0, error: error instanceof Error ? error.message : String(error) };
    }
  });
}
