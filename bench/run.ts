// `npm run bench`: generates the inputs, measures comanage and yaml-language-server side by side
// over stdio JSON-RPC, profiles what misses a target, and writes bench/results.json and BENCHMARKS.md.
// Options: --quick (few repetitions, for trying the harness), --no-profile, --report-only (rewrite
// BENCHMARKS.md from the existing bench/results.json, measuring nothing), --only id,id (measure
// those inputs with comanage and print the medians, writing nothing; for working on one row).
// Run `node esbuild.mjs` first (the npm script does).
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { CCMSETUP_RULES } from '../server/src/core/ccmsetup/rules';
import { MANIFEST_RULES } from '../server/src/core/manifest/rules';
import { measureCli, smallCcmsetupFiles, writeFiles } from './cliThroughput';
import { BenchInput, benchInputs } from './inputs';
import { measureLongestSteps } from './longestStep';
import { blockingInputs } from '../test/helpers/blockingInputs';
import { DocumentResult, Plan, checkSetup, measureColdStart, measureDocument, measureFloor } from './measureDocument';
import { ProfileSummary, buildUnminified, profileCli, profileServer, profileStartup } from './profile';
import { renderReport } from './report';
import { BenchResults, evaluateTargets } from './results';
import {
  COMANAGE, COMANAGE_SERVER, ROOT, YAML_SERVER, comanageSpec, packageVersion, yamlSpec,
} from './servers';

const quick = process.argv.includes('--quick');
const profiling = !process.argv.includes('--no-profile');
// Not a dot-folder: yaml-language-server's `**` globs don't enter those, and its schema wouldn't apply.
const WORK = path.join(ROOT, 'bench', 'work');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const CLI_FILES = quick ? 1_000 : 10_000;

function planFor(input: BenchInput): Plan {
  const scale = quick ? 0.2 : 1;
  const n = (reps: number) => Math.max(2, Math.round(reps * scale));
  if (input.lines > 20_000) return { open: n(3), change: n(5), probe: n(10), blocking: n(3), budgetMs: 40_000, timeoutMs: 120_000, probes: true };
  if (input.lines > 5_000) return { open: n(8), change: n(15), probe: n(30), blocking: n(5), budgetMs: 25_000, timeoutMs: 60_000, probes: true };
  return { open: n(20), change: n(30), probe: n(30), blocking: 0, budgetMs: 15_000, timeoutMs: 30_000, probes: true };
}

/** The inputs the default-debounce row uses: one of each size is enough to show the 200 ms. */
const DEBOUNCED_INPUTS = new Set(['ccmsetup-100', 'manifest-example', 'manifest-1000', 'manifest-50k']);

function log(message: string): void {
  process.stdout.write(`[bench ${(performance.now() / 1000).toFixed(0).padStart(4)} s] ${message}\n`);
}

async function main(): Promise<void> {
  const only = process.argv.indexOf('--only');
  if (only !== -1) {
    const ids = new Set((process.argv[only + 1] ?? '').split(','));
    for (const input of benchInputs().filter((i) => ids.has(i.id))) {
      const result = await measureDocument(comanageSpec(false), input, WORK, planFor(input));
      const row = (s?: { median: number; p95: number; p99: number; n: number }) => (s ? `${s.median.toFixed(1)} / ${s.p95.toFixed(1)} / ${s.p99.toFixed(1)} (n=${s.n})` : '-');
      log(`${input.id}: open ${row(result.open)}; edit ${row(result.change)}; hover ${row(result.hoverAll)}; completion ${row(result.completionAll)}; hover during validation ${row(result.hoverDuringValidation)}; rss ${result.rssMiB} MiB${result.error ? `; error ${result.error}` : ''}`);
    }
    for (const step of measureLongestSteps([...benchInputs(), ...blockingInputs()].filter((i) => ids.has(i.id)), 5)) {
      log(`${step.input}: longest step ${step.longest && step.longestCpu ? `${step.longestCpu.median.toFixed(1)} ms CPU (slowest run ${step.longestCpu.max.toFixed(1)}), wall ${step.longest.median.toFixed(1)} ms (slowest run ${step.longest.max.toFixed(1)}), own cost ${step.ownCpu?.toFixed(1)} ms CPU, n=${step.longest.n}; whole validation ${step.total?.median.toFixed(2)} ms` : step.error}; ${step.steps} steps`);
    }
    return;
  }
  if (process.argv.includes('--report-only')) {
    const saved = JSON.parse(readFileSync(path.join(ROOT, 'bench', 'results.json'), 'utf8')) as BenchResults;
    writeFileSync(path.join(ROOT, 'BENCHMARKS.md'), renderReport(saved));
    return log('rewrote BENCHMARKS.md from bench/results.json');
  }
  for (const file of [COMANAGE_SERVER, CLI, YAML_SERVER]) {
    if (!existsSync(file)) throw new Error(`${path.relative(ROOT, file)} is missing: run \`node esbuild.mjs\` and \`npm install\` first`);
  }
  mkdirSync(WORK, { recursive: true });
  const inputs = benchInputs();
  const comanage = comanageSpec(false);
  const debounced = comanageSpec(true);
  const yaml = yamlSpec();

  log('checking that both servers check manifests');
  await checkSetup(comanage, WORK);
  await checkSetup(yaml, WORK);

  log('cold start');
  const coldReps = quick ? 3 : 10;
  const coldStart = {
    [comanage.id]: await measureColdStart(comanage, coldReps, WORK),
    [yaml.id]: await measureColdStart(yaml, coldReps, WORK),
  };
  const floorReps = quick ? 20 : 100;
  const floor = { [comanage.id]: await measureFloor(comanage, floorReps, WORK), [yaml.id]: await measureFloor(yaml, floorReps, WORK) };

  const documents: DocumentResult[] = [];
  for (const input of inputs) {
    const plan = planFor(input);
    // yaml-language-server is the alternative for manifests only; a .ccmsetup file isn't YAML.
    const specs = input.kind === 'manifest' ? [comanage, yaml] : [comanage];
    for (const spec of specs) {
      log(`${input.id} (${input.lines.toLocaleString('en-US')} lines) with ${spec.id}`);
      documents.push(await measureDocument(spec, input, WORK, plan));
    }
    if (DEBOUNCED_INPUTS.has(input.id)) {
      log(`${input.id} with ${debounced.id}`);
      const small = { ...plan, open: Math.min(plan.open, quick ? 2 : 5), change: Math.min(plan.change, quick ? 2 : 10), probes: false, blocking: 0 };
      documents.push(await measureDocument(debounced, input, WORK, small));
    }
  }

  log('longest validation step per input (in-process)');
  const steps = measureLongestSteps([...inputs, ...blockingInputs()], quick ? 3 : 10);

  log(`CLI over ${CLI_FILES.toLocaleString('en-US')} small .ccmsetup files`);
  const cliDir = smallCcmsetupFiles(path.join(WORK, 'cli-ccmsetup'), CLI_FILES);
  const cli = [measureCli(CLI, cliDir, CLI_FILES, 'small .ccmsetup files (1-3 command lines each)', quick ? 1 : 3, 300_000)];
  const examples = readdirManifests();
  const manifestDir = writeFiles(path.join(WORK, 'cli-manifests'), 1_000, (i) => `m${String(i).padStart(4, '0')}.comanage.yaml`, (i) => examples[i % examples.length]);
  log('CLI over 1,000 example manifests');
  cli.push(measureCli(CLI, manifestDir, 1_000, 'copies of the example manifests (60-90 lines, ~150 readiness rules each)', quick ? 1 : 3, 300_000));

  const bundles = Object.fromEntries(['dist/extension.js', 'dist/server.js', 'dist/cli.js']
    .map((file) => [file, existsSync(path.join(ROOT, file)) ? statSync(path.join(ROOT, file)).size : -1]));

  const results: BenchResults = {
    generatedAt: new Date().toISOString(),
    quick,
    machine: {
      cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? '?', memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version, platform: `${os.platform()} ${os.release()}`,
    },
    servers: {
      comanage: { version: packageVersion(path.join(ROOT, 'package.json')), command: 'node dist/server.js --stdio' },
      'yaml-language-server': {
        version: packageVersion(path.join(ROOT, 'node_modules', 'yaml-language-server', 'package.json')),
        command: 'node node_modules/yaml-language-server/bin/yaml-language-server --stdio',
      },
    },
    rules: { readiness: MANIFEST_RULES.length, ccmsetup: CCMSETUP_RULES.length },
    inputs: inputs.map((i) => ({ id: i.id, fileName: i.fileName, kind: i.kind, description: i.description, lines: i.lines, chars: i.text.length })),
    coldStart,
    floor,
    documents,
    steps,
    cli,
    bundles,
    targets: [],
    profiles: [],
  };
  results.targets = evaluateTargets(results);

  if (profiling) results.profiles = await profileMisses(results, inputs);

  writeFileSync(path.join(ROOT, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(path.join(ROOT, 'BENCHMARKS.md'), renderReport(results));
  log(`wrote bench/results.json and BENCHMARKS.md: ${results.targets.filter((t) => t.met === true).length} targets met, ${results.targets.filter((t) => t.met === false).length} missed`);
}

function readdirManifests(): string[] {
  const dir = path.join(ROOT, 'examples');
  return readdirSync(dir).filter((f) => f.endsWith('.comanage.yaml')).sort().map((f) => readFileSync(path.join(dir, f), 'utf8'));
}

/** A CPU profile of each scenario behind a missed target. */
async function profileMisses(results: BenchResults, inputs: BenchInput[]): Promise<ProfileSummary[]> {
  // Degraded results count too: a file whose analysis was cut short is slow, not fast.
  const missed = new Set(results.targets.filter((t) => t.met === false || t.degraded).map((t) => t.profile).filter(Boolean));
  if (!missed.size) return [];
  log(`profiling: ${[...missed].join(', ')}`);
  const bundles = await buildUnminified(path.join(WORK, 'unminified'));
  const profiles: ProfileSummary[] = [];
  const dir = (name: string) => path.join(WORK, 'profiles', name);
  for (const input of inputs) {
    // A file the server declines has nothing to profile.
    const analysed = results.documents.find((d) => d.input === input.id && d.server === COMANAGE)?.analysed !== false;
    if (analysed && missed.has(`server:${input.id}`)) {
      profiles.push(await profileServer(bundles.server, input, input.lines > 20_000 ? 3 : 10, dir(input.id), 180_000));
    }
  }
  if (missed.has('startup')) profiles.push(await profileStartup(bundles.server, dir('startup')));
  if (missed.has('cli')) profiles.push(profileCli(bundles.cli, path.join(WORK, 'cli-ccmsetup'), CLI_FILES, dir('cli'), 300_000));
  return profiles;
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
