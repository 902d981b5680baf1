// `npm test`: the generated files are current, the build compiles, then the unit tests (mocha) and the
// end-to-end tests (VS Code). Each step's output passes through as it comes; the run stops at the
// first failing step and ends with one line, `tests: N passed, M failed`, summing every runner's own
// counts (testCount.ts). .ci/run ends with the same line.
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { Tally, countStep, sum, summaryLine } from './testCount';

const ROOT = path.resolve(__dirname, '..');
const STEPS: { name: string; command: string }[] = [
  { name: 'generated files', command: 'tsx scripts/generate.ts --check' },
  { name: 'build', command: 'npm run compile' },
  { name: 'unit tests', command: 'mocha' },
  { name: 'end-to-end tests', command: 'npm run test:e2e' },
];

function run(command: string): Promise<{ output: string; code: number | null }> {
  return new Promise((resolve) => {
    // The package's own binaries (tsx, mocha), as npm scripts find them.
    const env = { ...process.env, PATH: `${path.join(ROOT, 'node_modules', '.bin')}${path.delimiter}${process.env.PATH ?? ''}` };
    const child = spawn(command, { cwd: ROOT, env, shell: true, stdio: ['inherit', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => { output += chunk; process.stdout.write(chunk); });
    child.stderr.on('data', (chunk: Buffer) => { output += chunk; process.stderr.write(chunk); });
    child.on('error', (error) => { output += String(error); });
    child.on('close', (code) => resolve({ output, code }));
  });
}

async function main(): Promise<number> {
  const tallies: Tally[] = [];
  let exitCode = 0;
  for (const step of STEPS) {
    const { output, code } = await run(step.command);
    tallies.push(countStep(output, code));
    if (code !== 0) {
      process.stdout.write(`\n${step.name} failed (${step.command}, exit code ${code}); the remaining steps did not run\n`);
      exitCode = code || 1;
      break;
    }
  }
  process.stdout.write(`${summaryLine(sum(tallies))}\n`);
  return exitCode;
}

main().then((code) => { process.exitCode = code; }, (error: unknown) => {
  console.error(error);
  process.stdout.write(`${summaryLine({ passed: 0, failed: 1 })}\n`);
  process.exitCode = 1;
});
