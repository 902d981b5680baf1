// `--format sarif`: SARIF 2.1.0 as GitHub code scanning accepts it. Rules come from the rule
// registry so every alert links to its documentation; positions become 1-based regions.
import type * as Sarif from 'sarif';
import type { Severity } from '../../core/languageTypes';
import { FileResult, codeOf, severityOf, toSafeJson } from './types';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** What SARIF needs from a rule; the registry's rules have these fields and more. */
export interface RuleInfo {
  id: string;
  severity: Severity;
  title: string;
  docUrl: string;
}

export interface SarifTool {
  name: string;
  version: string;
  informationUri: string;
  rules: readonly RuleInfo[];
}

const LEVEL_BY_SEVERITY: Record<Severity, Sarif.ReportingConfiguration.level> = {
  error: 'error', warning: 'warning', information: 'note', hint: 'note',
};
const LEVEL_BY_LSP = { 1: 'error', 2: 'warning', 3: 'note', 4: 'note' } as const;

export function buildSarif(results: readonly FileResult[], tool: SarifTool): Sarif.Log {
  const ruleIndex = new Map(tool.rules.map((rule, index) => [rule.id, index]));
  const sarifResults: Sarif.Result[] = [];
  for (const file of results) {
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
            artifactLocation: { uri: toUriReference(file.file) },
            // SARIF counts from 1 and its endColumn is exclusive, like LSP's end character.
            region: {
              startLine: d.range.start.line + 1,
              startColumn: d.range.start.character + 1,
              endLine: d.range.end.line + 1,
              endColumn: d.range.end.character + 1,
            },
          },
        }],
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
          rules: tool.rules.map((rule) => ({
            id: rule.id,
            shortDescription: { text: rule.title },
            helpUri: rule.docUrl,
            help: { text: `${rule.title}\nDocumentation: ${rule.docUrl}`, markdown: `${rule.title}\n\n[Documentation](${rule.docUrl})` },
            defaultConfiguration: { level: LEVEL_BY_SEVERITY[rule.severity] },
          })),
        },
      },
      // LSP characters are UTF-16 code units; say so, so columns after non-ASCII text line up.
      columnKind: 'utf16CodeUnits',
      results: sarifResults,
    }],
  };
}

export function formatSarif(results: readonly FileResult[], tool: SarifTool): string {
  return toSafeJson(buildSarif(results, tool));
}

/** A relative path as a URI reference: each segment percent-encoded, slashes kept. */
export function toUriReference(relativePath: string): string {
  return relativePath.split('/').map((segment) => encodeURIComponent(segment)).join('/');
}
