// `comanage check --readiness <manifests>`: the readiness report of each workload manifest,
// grouped by area, as text or JSON. The checks come from the core; this only lays them out.
import * as path from 'path';
import { pathToFileURL } from 'url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { LanguageService, ReadinessCheck } from '../core/languageService';
import { SERVICE_CODES } from '../core/diagnosticCodes';
import { AREA_TITLES } from '../core/manifest/rules/types';
import { documentKindOf } from '../core/languageTypes';
import { openEntry } from './check';
import { FileEntry, comparePaths } from './files';
import { oneLine } from './format/safeText';
import { FileResult, severityOf, toSafeJson } from './format/types';
import { UsageError } from './usageError';
import { readExportSourcesSync } from '../node/readExports';

/** A finding about the file itself (it could not be read or decoded cleanly), shown before its checks. */
export interface FileProblem { severity: 'error' | 'warning' | 'information' | 'hint'; code: string; message: string; line: number }
export interface ReadinessReport { file: string; problems: FileProblem[]; checks: ReadinessCheck[] }
export interface ReadinessRun { reports: ReadinessReport[]; unreadable: number; read: number }

const MARK = { pass: '✔', info: 'i', warn: '!', fail: '✖', unknown: '?' } as const;
const SEVERITY_NAMES = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' } as const;

/**
 * `against`: the exports (files or folders, relative to `cwd`) every plan is compared with; absent,
 * each plan's own `sources:` (relative to the plan's folder), read here: the core has no file system.
 */
export function readinessReports(entries: readonly FileEntry[], cwd: string, service: LanguageService, against?: readonly string[]): ReadinessRun {
  const given = against?.length ? readExportSourcesSync(against, cwd) : undefined;
  // Manifests, and folders that could not be read (they may have held some).
  const wanted = entries.filter((e) => documentKindOf(e.absolute) === 'manifest' || e.faults.some((f) => f.code === SERVICE_CODES.folderUnreadable));
  if (wanted.length === 0) throw new UsageError('--readiness needs at least one workload manifest (*.comanage.yaml or *.comanage.yml)');
  let unreadable = 0;
  let read = 0;
  const reports = wanted.map((entry): ReadinessReport => {
    const opened = openEntry(entry, cwd);
    if (opened.unreadable) unreadable++;
    if (opened.read) read++;
    const problems = opened.diagnostics.map((d): FileProblem => ({ severity: SEVERITY_NAMES[severityOf(d)], code: String(d.code), message: d.message, line: d.range.start.line + 1 }));
    const document = opened.document;
    if (!document) return { file: opened.file, problems, checks: [] };
    const sources = given ? [] : service.getSources(document);
    const exports = given ?? (sources.length ? readExportSourcesSync(sources, path.dirname(entry.absolute)) : undefined);
    return { file: opened.file, problems, checks: service.getReadiness(document, exports ? { exports } : undefined) };
  }).sort((a, b) => comparePaths(a.file, b.file));
  return { reports, unreadable, read };
}

/** Exit 1 material: a failed check or a file that could not be read or decoded. */
export function readinessFailed(reports: readonly ReadinessReport[]): boolean {
  return reports.some((r) => r.problems.some((p) => p.severity === 'error') || r.checks.some((c) => c.status === 'fail'));
}

export function formatReadinessText(reports: readonly ReadinessReport[]): string {
  const out: string[] = [];
  for (const report of reports) {
    const count = (status: ReadinessCheck['status']) => report.checks.filter((c) => c.status === status).length;
    out.push(`${oneLine(report.file)}: ${count('pass')} pass, ${count('info')} info, ${count('warn')} warn, ${count('fail')} fail, ${count('unknown')} unknown`);
    for (const problem of report.problems) out.push(`  ${problem.severity} ${problem.code} (line ${problem.line}): ${oneLine(problem.message)}`);
    const areas = [...new Set(report.checks.map((c) => c.area))];
    for (const area of areas) {
      out.push(`  ${AREA_TITLES[area]}`);
      for (const check of report.checks.filter((c) => c.area === area)) {
        const where = check.range ? ` (line ${check.range.start.line + 1})` : '';
        out.push(`    ${MARK[check.status]} ${check.status.padEnd(7)} ${check.id}${where}: ${oneLine(check.message)}`);
        if (check.status === 'fail' || check.status === 'warn' || check.status === 'info') out.push(`      ${check.docUrl}`);
      }
    }
    out.push('');
  }
  return `${out.join('\n')}`;
}

export function formatReadinessJson(reports: readonly ReadinessReport[]): string {
  return `${toSafeJson(reports)}\n`;
}

/** A checked manifest's readiness, for `check --overview` (the same document `check` analysed, so nothing runs twice). */
export function readinessOfResult(result: FileResult, service: LanguageService): ReadinessCheck[] | undefined {
  if (result.path === undefined || result.text === undefined) return undefined;
  const uri = pathToFileURL(result.path).href;
  return documentKindOf(uri) === 'manifest' ? service.getReadiness(TextDocument.create(uri, 'comanage-manifest', 1, result.text)) : undefined;
}
