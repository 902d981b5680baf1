// `comanage check --overview`, what `npm start` prints: every file with its counts and findings, and
// each manifest's readiness per area, counted the same as `check --readiness`.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import pkg from '../package.json';
import { AREA_TITLES } from '../server/src/core/manifest/rules/types';
import { assertBuilt, runCli } from './helpers/cli';

const ROOT = path.resolve(__dirname, '..');
const STATUSES = ['pass', 'info', 'warn', 'fail', 'unknown'] as const;
type Status = (typeof STATUSES)[number];
const tally = (statuses: Status[]) => STATUSES.map((s) => `${statuses.filter((x) => x === s).length} ${s}`).join(', ');

describe('cli: check --overview (npm start)', () => {
  before(assertBuilt);

  it('npm start checks the examples with --overview', () => {
    assert.match(pkg.scripts.start, /node dist\/cli\.js check --overview examples$/);
  });

  it('lists every example file with its counts, and each manifest\'s readiness per area as check --readiness counts it', () => {
    const result = runCli(ROOT, ['check', '--overview', 'examples']);
    assert.equal(result.status, 0, result.stderr);
    const lines = result.stdout.trimEnd().split('\n');
    const examples = fs.readdirSync(path.join(ROOT, 'examples')).sort();
    for (const name of examples) {
      assert.ok(lines.some((l) => new RegExp(`^examples/${name.replace(/\./g, '\\.')}: \\d+ errors?, \\d+ warnings?`).test(l)), `${name} is listed: ${result.stdout}`);
    }
    assert.equal(lines.at(-1), `0 errors, 0 warnings in ${examples.length} files`);

    const reports = JSON.parse(runCli(ROOT, ['check', '--readiness', '--format', 'json', 'examples']).stdout) as { file: string; checks: { area: keyof typeof AREA_TITLES; status: Status }[] }[];
    assert.ok(reports.length >= 4);
    for (const report of reports) {
      const at = lines.indexOf(`${report.file}: 0 errors, 0 warnings`);
      assert.ok(at >= 0, report.file);
      assert.equal(lines[at + 1], `  readiness: ${tally(report.checks.map((c) => c.status))}`);
      const areas = [...new Set(report.checks.map((c) => c.area))];
      areas.forEach((area, i) => {
        const statuses = report.checks.filter((c) => c.area === area).map((c) => c.status);
        assert.match(lines[at + 2 + i], new RegExp(`^    ${AREA_TITLES[area]}: +${tally(statuses)}$`));
      });
      assert.doesNotMatch(lines[at + 2 + areas.length] ?? '', /^    /, 'one line per area, no more');
    }
  });

  it('puts each file\'s findings under it and exits 1 on an error', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'comanage-overview-'));
    try {
      fs.writeFileSync(path.join(dir, 'bad.ccmsetup'), 'ccmsetup.exe /mp=server SMSSITECODE=ABC /UsePKICrt\n');
      fs.writeFileSync(path.join(dir, 'ok.ccmsetup'), 'ccmsetup.exe /mp:https://mp.contoso.com SMSSITECODE=ABC\n');
      const result = runCli(dir, ['check', '--overview', '.']);
      assert.equal(result.status, 1, result.stderr);
      const lines = result.stdout.trimEnd().split('\n');
      assert.match(lines[0], /^bad\.ccmsetup: [1-9]\d* errors?, \d+ warnings?/);
      const findings = lines.slice(1, lines.indexOf('ok.ccmsetup: 0 errors, 0 warnings'));
      assert.ok(findings.length >= 2 && findings.every((l) => /^ {2}bad\.ccmsetup:1:\d+: (error|warning|information|hint) [a-z0-9-]+: \S/.test(l)), result.stdout);
      assert.match(lines.at(-1)!, /^[1-9]\d* errors?, \d+ warnings? in 2 files$/);
      assert.equal(runCli(dir, ['check', '--overview', '--format', 'json', '.']).status, 2, '--overview is text only');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
