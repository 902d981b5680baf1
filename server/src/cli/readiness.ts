// `comanage check --readiness <manifests>`: the readiness report of each workload manifest,
// grouped by area, as text or JSON. The checks come from the core; this only lays them out.
import { pathToFileURL } from 'url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { LanguageService, ReadinessCheck } from '../core/languageService';
import { AREA_TITLES } from '../core/manifest/rules/types';
import { documentKindOf } from '../core/languageTypes';
import { maskText } from '../core/secrets';
import { comparePaths, displayPath, readSourceFile } from './files';
import { toSafeJson } from './format/types';
import { UsageError } from './usageError';

export interface ReadinessReport { file: string; checks: ReadinessCheck[] }

const MARK = { pass: '✔', warn: '!', fail: '✖', unknown: '?' } as const;

export function readinessReports(absolutePaths: readonly string[], cwd: string, service: LanguageService): ReadinessReport[] {
  const manifests = absolutePaths.filter((p) => documentKindOf(p) === 'manifest');
  if (manifests.length === 0) throw new UsageError('--readiness needs at least one workload manifest (*.comanage.yaml or *.comanage.yml)');
  return manifests.map((absolute) => {
    const file = displayPath(absolute, cwd);
    const document = TextDocument.create(pathToFileURL(absolute).href, 'comanage-manifest', 1, readSourceFile(absolute, file));
    return { file: maskText(file), checks: service.getReadiness(document) };
  }).sort((a, b) => comparePaths(a.file, b.file));
}

export function formatReadinessText(reports: readonly ReadinessReport[]): string {
  const out: string[] = [];
  for (const report of reports) {
    const count = (status: ReadinessCheck['status']) => report.checks.filter((c) => c.status === status).length;
    out.push(`${report.file}: ${count('pass')} pass, ${count('warn')} warn, ${count('fail')} fail, ${count('unknown')} unknown`);
    const areas = [...new Set(report.checks.map((c) => c.area))];
    for (const area of areas) {
      out.push(`  ${AREA_TITLES[area]}`);
      for (const check of report.checks.filter((c) => c.area === area)) {
        const where = check.range ? ` (line ${check.range.start.line + 1})` : '';
        out.push(`    ${MARK[check.status]} ${check.status.padEnd(7)} ${check.id}${where}: ${oneLine(check.message)}`);
        if (check.status === 'fail' || check.status === 'warn') out.push(`      ${check.docUrl}`);
      }
    }
    out.push('');
  }
  return `${out.join('\n')}`;
}

export function formatReadinessJson(reports: readonly ReadinessReport[]): string {
  return `${toSafeJson(reports)}\n`;
}

function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]+/g, ' ');
}
