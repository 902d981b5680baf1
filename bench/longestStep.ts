// The longest validation step per input: the core's validation generator driven step by step in
// this process (the same code the server runs in 8 ms slices), timing every step. A step is
// what runs between two pauses; the server can answer nothing else while one runs.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../server/src/core/languageService';
import { summarize, Summary } from './stats';

export interface StepResult {
  input: string;
  description: string;
  chars: number;
  /** The longest step of each run (ms). */
  longest?: Summary;
  /** Steps per run (the last run). */
  steps: number;
  /** The whole validation (ms), all steps together. */
  total?: Summary;
  error?: string;
}

/** Target for every input: no step longer than this. */
export const LONGEST_STEP_TARGET_MS = 20;

function run(text: string, fileName: string, n: number): { longest: number; total: number; steps: number } {
  // A fresh service and document name: nothing is reused from an earlier run.
  const service = getLanguageService();
  const document = TextDocument.create(`file:///bench/steps/${n}/${fileName}`, 'x', 1, text);
  const steps = service.validationSteps(document);
  let longest = 0;
  let total = 0;
  let count = 0;
  for (;;) {
    const start = performance.now();
    const next = steps.next();
    const took = performance.now() - start;
    total += took;
    count++;
    if (took > longest) longest = took;
    if (next.done) return { longest, total, steps: count };
  }
}

export function measureLongestSteps(inputs: { id: string; fileName: string; description: string; text: string }[], reps: number): StepResult[] {
  return inputs.map((input) => {
    try {
      run(input.text, input.fileName, -1); // warm-up: the first run compiles the code paths
      const runs = Array.from({ length: reps }, (_, i) => run(input.text, input.fileName, i));
      return {
        input: input.id, description: input.description, chars: input.text.length,
        longest: summarize(runs.map((r) => r.longest)), total: summarize(runs.map((r) => r.total)), steps: runs[runs.length - 1].steps,
      };
    } catch (error) {
      return { input: input.id, description: input.description, chars: input.text.length, steps: 0, error: error instanceof Error ? error.message : String(error) };
    }
  });
}
