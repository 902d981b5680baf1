// Counting what test runners report, for the closing line of `npm test` (scripts/test.ts) and
// .ci/run: `tests: N passed, M failed`, summed over every runner that ran.

export interface Tally { passed: number; failed: number }

// Mocha colours its report when it writes to a terminal.
const ANSI = /\u001b\[[0-9;]*m/g;

/**
 * One runner's own counts, from mocha's closing lines ("  N passing (2s)", "  M failing"): the last
 * of each in the output, so a test that prints such a line itself isn't counted. A step that failed
 * without reporting a failure (a build, a runner that never started) is one failure.
 */
export function countStep(output: string, exitCode: number | null): Tally {
  let passed = 0;
  let failed = 0;
  for (const line of output.replace(ANSI, '').split(/\r?\n/)) {
    const passing = /^\s*(\d+) passing\b/.exec(line);
    if (passing) passed = Number(passing[1]);
    const failing = /^\s*(\d+) failing\b/.exec(line);
    if (failing) failed = Number(failing[1]);
  }
  if (exitCode !== 0 && failed === 0) failed = 1;
  return { passed, failed };
}

export function sum(tallies: readonly Tally[]): Tally {
  return tallies.reduce((a, b) => ({ passed: a.passed + b.passed, failed: a.failed + b.failed }), { passed: 0, failed: 0 });
}

export const summaryLine = ({ passed, failed }: Tally): string => `tests: ${passed} passed, ${failed} failed`;
