// `--format sarif`: SARIF 2.1.0 as GitHub code scanning accepts it. Rules come from the rule
// registry so every alert links to its documentation; positions become 1-based regions; paths are
// relative to the repository root (`%SRCROOT%`); each result carries a fingerprint that survives
// edits elsewhere in the file.
import { createHash } from 'crypto';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type * as Sarif from 'sarif';
import type { Severity } from '../../core/languageTypes';
import { MASK, maskText } from '../../core/secrets';
import { FileResult, codeOf, severityOf, toSafeJson } from './types';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** The uriBaseId every artifact location is relative to: the repository root (or `--base`). */
export const SRCROOT = '%SRCROOT%';

/** Our partialFingerprints key (versioned, as SARIF asks). Code scanning adds its own line hash beside it. */
export const FINGERPRINT_KEY = 'comanageFindingHash/v1';

/** What SARIF needs from a rule; the registry's rules have these fields and more. */
export interface RuleInfo {
  id: string;
  severity: Severity;
  title: string;
  docUrl: string;
  /** 'rule' codes can be configured and suppressed; 'service' codes report limits and faults. */
  origin?: 'rule' | 'service';
  language?: 'ccmsetup' | 'manifest' | 'any';
}

export interface SarifTool {
  name: string;
  version: string;
  informationUri: string;
  rules: readonly RuleInfo[];
}

export interface SarifOptions {
  /** Absolute folder that artifact URIs are relative to; without it, the shown paths are used as they are. */
  base?: string;
}

const LEVEL_BY_SEVERITY: Record<Severity, Sarif.ReportingConfiguration.level> = {
  error: 'error', warning: 'warning', information: 'note', hint: 'note',
};
const LEVEL_BY_LSP = { 1: 'error', 2: 'warning', 3: 'note', 4: 'note' } as const;
/** Code scanning's own ranking for non-security alerts. */
const PROBLEM_SEVERITY: Record<Severity, string> = {
  error: 'error', warning: 'warning', information: 'recommendation', hint: 'recommendation',
};
const SEVERITY_WORDS: Record<Severity, string> = {
  error: 'an error', warning: 'a warning', information: 'information', hint: 'a hint',
};
const APPLIES_TO = {
  ccmsetup: 'ccmsetup command lines (*.ccmsetup files and the command lines in manifests)',
  manifest: 'co-management manifests (*.comanage.yaml)',
  any: 'every file comanage checks',
} as const;

export function buildSarif(results: readonly FileResult[], tool: SarifTool, options: SarifOptions = {}): Sarif.Log {
  const ruleIndex = new Map(tool.rules.map((rule, index) => [rule.id, index]));
  const sarifResults: Sarif.Result[] = [];
  for (const file of results) {
    const artifactLocation = artifactLocationOf(file, options.base);
    const fingerprints = new Fingerprints(file.text);
    for (const d of file.diagnostics) {
      const ruleId = codeOf(d);
      const index = ruleId === undefined ? undefined : ruleIndex.get(ruleId);
      sarifResults.push({
        ...(ruleId !== undefined ? { ruleId } : {}),
        ...(index !== undefined ? { ruleIndex: index } : {}),
        level: LEVEL_BY_LSP[severityOf(d)],
        message: { text: d.message },
        locations: [{
          physicalLocation: {
            artifactLocation,
            // SARIF counts from 1 and its endColumn is exclusive, like LSP's end character.
            region: {
              startLine: d.range.start.line + 1,
              startColumn: d.range.start.character + 1,
              endLine: d.range.end.line + 1,
              endColumn: d.range.end.character + 1,
            },
          },
        }],
        partialFingerprints: { [FINGERPRINT_KEY]: fingerprints.next(ruleId ?? '', d.range.start.line) },
      });
    }
  }
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: tool.name,
          informationUri: tool.informationUri,
          version: tool.version,
          semanticVersion: tool.version,
          rules: tool.rules.map(describeRule),
        },
      },
      ...(options.base !== undefined ? {
        originalUriBaseIds: {
          [SRCROOT]: { uri: folderUri(options.base), description: { text: 'The root of the repository (or the folder given with --base).' } },
        },
      } : {}),
      // LSP characters are UTF-16 code units; say so, so columns after non-ASCII text line up.
      columnKind: 'utf16CodeUnits',
      results: sarifResults,
    }],
  };
}

/** Reads the real paths of the checked files (symbolic links resolved) and prints the log. */
export function formatSarif(results: readonly FileResult[], tool: SarifTool, options: SarifOptions & { realPath?: (p: string) => string } = {}): string {
  const { realPath, ...rest } = options;
  const resolved = realPath ? results.map((r) => (r.path === undefined ? r : { ...r, path: realPath(r.path) })) : results;
  return toSafeJson(buildSarif(resolved, tool, rest));
}

/** A rule as code scanning shows it: the title, what it applies to, how to change it, the doc link. */
export function describeRule(rule: RuleInfo): Sarif.ReportingDescriptor {
  const appliesTo = `Checks ${APPLIES_TO[rule.language ?? 'any']}.`;
  const severity = `Reported as ${SEVERITY_WORDS[rule.severity]} by default.`;
  const configure = rule.origin === 'service'
    ? 'comanage reports this about the check itself, so it cannot be turned off.'
    : `Change its severity or turn it off in .comanage.json: { "rules": { "${rule.id}": "off" } }.`;
  const full = `${sentence(rule.title)} ${appliesTo} ${severity}`;
  return {
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: { text: rule.title },
    fullDescription: { text: full },
    helpUri: rule.docUrl,
    help: {
      text: `${full} ${configure}\nDocumentation: ${rule.docUrl}`,
      markdown: [
        `**${escapeMarkdown(rule.title)}**`,
        '',
        `${appliesTo} ${severity}`,
        '',
        rule.origin === 'service' ? configure : `Change its severity or turn it off in \`.comanage.json\`: \`{ "rules": { "${rule.id}": "off" } }\`.`,
        '',
        `[Documentation](${rule.docUrl})`,
      ].join('\n'),
    },
    defaultConfiguration: { level: LEVEL_BY_SEVERITY[rule.severity] },
    properties: {
      tags: ['co-management', ...(rule.language && rule.language !== 'any' ? [rule.language] : [])],
      'problem.severity': PROBLEM_SEVERITY[rule.severity],
    },
  };
}

/** A relative path as a URI reference: each segment percent-encoded, slashes kept. */
export function toUriReference(relativePath: string): string {
  return relativePath.split('/').map((segment) => encodeURIComponent(segment)).join('/');
}

function artifactLocationOf(file: FileResult, base: string | undefined): Sarif.ArtifactLocation {
  if (base === undefined || file.path === undefined) return { uri: toUriReference(file.file) };
  // A token saved as a file name is masked like every other output (file.file is masked already).
  const relative = maskText(path.relative(base, file.path));
  // A file outside the repository keeps an absolute file: URI; code scanning ignores it, others can open it.
  if (relative === '' || path.isAbsolute(relative) || relative === '..' || relative.startsWith(`..${path.sep}`)) {
    return { uri: pathToFileURL(maskText(file.path)).href };
  }
  return { uri: toUriReference(relative.split(path.sep).join('/')), uriBaseId: SRCROOT };
}

function folderUri(folder: string): string {
  const href = pathToFileURL(folder).href;
  return href.endsWith('/') ? href : `${href}/`;
}

/** The value after `/regtoken:` or `REGTOKEN=`, whatever its shape, so a rotated token keeps the fingerprint. */
const REGTOKEN_VALUE = /(regtoken\s*[:=]\s*)("[^"]*"?|[^\s"]+)/gi;

/**
 * partialFingerprints: a hash of the rule, the finding's line (tokens masked, whitespace collapsed) and how
 * many identical (rule, line) findings came before it in the file. Moving the line, editing other
 * lines or renewing a token keeps it; changing the line otherwise gives a new one. Only the hash of
 * the masked line is written, never its text.
 */
class Fingerprints {
  private readonly lines: string[];
  private readonly seen = new Map<string, number>();

  constructor(text: string | undefined) {
    this.lines = text === undefined ? [] : text.split(/\r\n|\r|\n/);
  }

  next(ruleId: string, line: number): string {
    const normalised = maskText((this.lines[line] ?? '').replace(REGTOKEN_VALUE, `$1${MASK}`)).trim().replace(/\s+/g, ' ');
    const key = `${ruleId}\n${normalised}`;
    const occurrence = this.seen.get(key) ?? 0;
    this.seen.set(key, occurrence + 1);
    return createHash('sha256').update(`${key}\n${occurrence}`).digest('hex').slice(0, 32);
  }
}

function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

function pascalCase(id: string): string {
  return id.split(/[^A-Za-z0-9]+/).filter(Boolean).map((w) => w[0].toUpperCase() + w.slice(1)).join('');
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>]/g, (c) => `\\${c}`);
}
