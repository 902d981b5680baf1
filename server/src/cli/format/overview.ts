// `check --overview` (what `npm start` prints): every file checked with its counts and findings, and
// for each workload manifest its readiness per area, then the usual summary line. A newcomer sees
// what was checked and where the plan stands, not only the problems.
import type { ReadinessCheck } from '../../core/languageService';
import { AREA_TITLES } from '../../core/manifest/rules/types';
import { TextOptions, diagnosticLine, painter, plural, summaryLine } from './text';
import { oneLine } from './safeText';
import { FileResult, severityOf } from './types';

export interface OverviewFile extends FileResult {
  /** A manifest's readiness checks; undefined for anything else. */
  readiness?: ReadinessCheck[];
}

const STATUSES = ['pass', 'info', 'warn', 'fail', 'unknown'] as const;

export function formatOverview(files: readonly OverviewFile[], options: TextOptions): string {
  const paint = painter(options);
  const lines: string[] = [];
  for (const file of files) {
    const count = (severity: number) => file.diagnostics.filter((d) => severityOf(d) === severity).length;
    const counts = [plural(count(1), 'error'), plural(count(2), 'warning')];
    if (count(3)) counts.push(`${count(3)} information`);
    if (count(4)) counts.push(plural(count(4), 'hint'));
    lines.push(`${paint(1, oneLine(file.file))}: ${counts.join(', ')}`);
    for (const d of file.diagnostics) lines.push(`  ${diagnosticLine(file.file, d, paint)}`);
    if (file.readiness) lines.push(...readinessLines(file.readiness));
  }
  lines.push(summaryLine(files, paint));
  return `${lines.join('\n')}\n`;
}

/** `readiness: …` for the whole plan, then one aligned line per area, in the core's area order. */
function readinessLines(checks: readonly ReadinessCheck[]): string[] {
  const tally = (of: readonly ReadinessCheck[]) => STATUSES.map((status) => `${of.filter((c) => c.status === status).length} ${status}`).join(', ');
  const areas = [...new Set(checks.map((c) => c.area))];
  const width = Math.max(0, ...areas.map((area) => AREA_TITLES[area].length));
  return [
    `  readiness: ${checks.length ? tally(checks) : 'no checks'}`,
    ...areas.map((area) => `    ${`${AREA_TITLES[area]}:`.padEnd(width + 1)} ${tally(checks.filter((c) => c.area === area))}`),
  ];
}
