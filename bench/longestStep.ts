// The longest validation step per input: the core's validation generator driven step by step in
// this process (the same code the server runs in 8 ms slices), timing every step. A step is
// what runs between two pauses; the server can answer nothing else while one runs. Each step is
// timed twice: wall clock, and CPU time of this process (what the step costs when the machine is
// not shared: on a busy machine the wall clock also counts the time other processes ran).
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

function run(text: string, fileName: string, n: number): { longest: number; longestCpu: number; total: number; steps: number } {
  // A fresh service and document name: nothing is reused from an earlier run.
  const service = getLanguageService();
  const document = TextDocument.create(`file:///bench/steps/${n}/${fileName}`, 'x', 1, text);
  const steps = service.validationSteps(document);
  let longest = 0;
  let longestCpu = 0;
  let total = 0;
  let count = 0;
  for (;;) {
    const cpu = cpuMs();
    const start = performance.now();
    const next = steps.next();
    const took = performance.now() - start;
    const tookCpu = cpuMs() - cpu;
    total += took;
    count++;
    if (took > longest) longest = took;
    if (tookCpu > longestCpu) longestCpu = tookCpu;
    if (next.done) return { longest, longestCpu, total, steps: count };
  }
}

export function measureLongestSteps(inputs: { id: string; fileName: string; description: string; text: string }[], reps: number): StepResult[] {
  return inputs.map((input) => {
    try {
      run(input.text, input.fileName, -1); // warm-up: the first run compiles the code paths
      const runs = Array.from({ length: reps }, (_, i) => run(input.text, input.fileName, i));
      return {
        input: input.id, description: input.description, chars: input.text.length,
        longest: summarize(runs.map((r) => r.longest)), longestCpu: summarize(runs.map((r) => r.longestCpu)), total: summarize(runs.map((r) => r.total)), steps: runs[runs.length - 1].steps,
      };
    } catch (error) {
      return { input: input.id, description: input.description, chars: input.text.length, steps: 0, error: error instanceof Error ? error.message : String(error) };
    }
  });
}
