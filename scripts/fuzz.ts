// The long fuzz run (`npm run fuzz`): the properties of test/fuzz/properties.ts with many more
// cases than `npm test` runs. Prints the seed first, so any run can be replayed exactly.
//
//   npm run fuzz                                   1,000,000 cases, a random seed
//   npm run fuzz -- --runs 50000 --seed 42         replay or size a run
//   npm run fuzz -- --time-limit 600               stop after 10 minutes (still a pass if nothing failed)
//   npm run fuzz -- --only manifest                only the properties whose name contains "manifest"
//
// Exit codes: 0 every property held, 1 a property failed (the counterexample and the replay
// command are printed), 2 usage error.
import fc from 'fast-check';
import { PROPERTIES } from '../test/fuzz/properties';

interface Options { runs: number; seed: number; timeLimitS?: number; only?: string }

function parseOptions(argv: string[]): Options | string {
  const options: Options = { runs: 1_000_000, seed: Date.now() ^ (Math.random() * 0x7fffffff) };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    const number = Number(value);
    switch (flag) {
      case '--runs': if (!Number.isInteger(number) || number < 1) return `--runs needs a positive whole number, not ${value}`; options.runs = number; i++; break;
      case '--seed': if (!Number.isInteger(number)) return `--seed needs a whole number, not ${value}`; options.seed = number; i++; break;
      case '--time-limit': if (!(number > 0)) return `--time-limit needs seconds, not ${value}`; options.timeLimitS = number; i++; break;
      case '--only': if (!value) return '--only needs part of a property name'; options.only = value; i++; break;
      default: return `unknown option ${flag}`;
    }
  }
  return options;
}

function main(argv: string[]): number {
  const options = parseOptions(argv);
  if (typeof options === 'string') {
    console.error(`fuzz: ${options}\nusage: npm run fuzz -- [--runs N] [--seed S] [--time-limit SECONDS] [--only NAME]`);
    return 2;
  }
  const chosen = PROPERTIES.filter((p) => !options.only || p.name.includes(options.only));
  if (chosen.length === 0) { console.error(`fuzz: no property name contains "${options.only}"`); return 2; }
  const totalShare = chosen.reduce((sum, p) => sum + p.share, 0);
  const deadline = options.timeLimitS === undefined ? Infinity : Date.now() + options.timeLimitS * 1000;
  console.log(`fuzz: seed ${options.seed}, ${options.runs.toLocaleString('en-US')} cases${options.timeLimitS ? `, at most ${options.timeLimitS} s` : ''}`);

  let failed = false;
  let total = 0;
  for (const [index, { name, share, property }] of chosen.entries()) {
    const runs = Math.max(1, Math.round((options.runs * share) / totalShare));
    // Split the time left evenly over the properties still to run.
    const left = deadline - Date.now();
    const budget = Number.isFinite(left) ? Math.max(1000, left / (chosen.length - index)) : undefined;
    const started = Date.now();
    // Each property gets its own seed derived from the run's, so --only replays the same cases.
    const seed = (options.seed + PROPERTIES.indexOf(chosen[index]) * 7919) | 0;
    const details = fc.check(property as fc.IProperty<unknown[]>, {
      numRuns: runs, seed, endOnFailure: false, includeErrorInReport: true, ...(budget ? { interruptAfterTimeLimit: budget } : {}),
    });
    total += details.numRuns;
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (details.failed) {
      failed = true;
      console.log(`✗ ${name}\n${fc.defaultReportMessage(details)}`);
      console.log(`  replay: npm run fuzz -- --seed ${options.seed} --runs ${options.runs} --only "${name.slice(0, 30)}"`);
    } else {
      console.log(`✓ ${name}: ${details.numRuns.toLocaleString('en-US')} cases in ${seconds} s${details.interrupted ? ' (time limit)' : ''}`);
    }
  }
  console.log(`fuzz: ${total.toLocaleString('en-US')} cases, seed ${options.seed}: ${failed ? 'FAILED' : 'all properties held'}`);
  return failed ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
