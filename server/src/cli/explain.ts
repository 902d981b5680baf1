// `comanage explain <name>`: a rule's title, default severity and doc link, or a parameter's or
// property's catalog entry through the shared renderer (the same words as the hover), or the
// meaning of a ccmsetup.exe return code. Every diagnostic code comanage reports can be explained
// (explainableRules: ccmsetup, script and JSON host rules, readiness rules, the Tenant export
// checks, structure and service codes).
import { suggest } from '../core/suggest';
import type { Catalog } from '../core/catalog';
import { describeEntry } from '../core/catalog/describe';
import type { RuleInfo } from './format/sarif';
import { UsageError } from './usageError';
import { describeCode, findCode, hex, parseCode } from '../core/knowledge/codes';
import { describeReturnCode } from '../core/catalog/returnCodes';
import { CCMSETUP_RULES } from '../core/ccmsetup/rules';
import { HOST_RULES } from '../core/hosts/rules';
import { MANIFEST_RULES } from '../core/manifest/rules';
import { AREA_TITLES } from '../core/manifest/rules/types';
import { DIAGNOSTIC_CODES } from '../core/diagnosticCodes';
import { DRIFT_CHECKS } from '../core/graph/driftChecks';

export interface ExplainableRule extends RuleInfo {
  examples?: { fail: string[]; pass: string[]; intent?: { authentication?: string } };
  /** Where the finding is reported, when that isn't a file's squiggle (a readiness area, say). */
  about?: string[];
}

const DRIFT_IDS = new Set<string>(Object.values(DRIFT_CHECKS).map((check) => check.id));

/**
 * Every code comanage reports, each once: the rules with their fixtures first, then the rest of
 * the diagnostic codes (the Tenant export checks, structure and service codes) by their metadata.
 */
export function explainableRules(): ExplainableRule[] {
  const rules: ExplainableRule[] = [
    ...CCMSETUP_RULES,
    ...HOST_RULES.map((rule): ExplainableRule => (rule.host === 'json'
      ? { ...rule, about: ['Reported in an Intune Graph export (a .json file holding a co-management settings policy), by the editor and by \'comanage check\'.'] }
      : rule)),
    ...MANIFEST_RULES.map((rule): ExplainableRule => ({
      id: rule.id, severity: rule.severity, title: rule.title, docUrl: rule.docUrl, examples: rule.examples,
      about: [`A readiness rule, in the "${AREA_TITLES[rule.area]}" area of the Readiness view and of 'comanage check --readiness'.`, `From: ${rule.source}`],
    })),
  ];
  const seen = new Set(rules.map((rule) => rule.id));
  for (const code of DIAGNOSTIC_CODES) {
    if (seen.has(code.id)) continue;
    seen.add(code.id);
    rules.push(DRIFT_IDS.has(code.id)
      ? { ...code, about: [`A check of the "${AREA_TITLES['tenant-export']}" area: the plan's value against the tenant's, read from the exports the plan lists under sources: (or named with 'comanage check --readiness <plan> --against <exports>'). It fails with both values, on the plan's key; the quick fix takes the tenant's value.`] }
      : code);
  }
  return rules;
}

export function explain(query: string, rules: readonly ExplainableRule[], catalog: Catalog): string {
  const wanted = query.trim();
  const rule = rules.find((r) => r.id.toLowerCase() === wanted.toLowerCase());
  if (rule) return describeRule(rule);
  // An error code (0x800705b4, 2147943860, -2147023436): the documented table, never a guess.
  if (/^(-?\d+|0x[0-9a-f]+|[0-9a-f]{8})$/i.test(wanted)) return explainCode(wanted);

  // Accept what people paste: `/mp:https://…`, `SMSSITECODE=ABC`, `/UsePKICert`.
  const isParameter = /^[/-]/.test(wanted);
  const name = wanted.replace(/^[/-]/, '').split(/[:=]/)[0];
  const found = isParameter ? catalog.find('parameter', name) : catalog.findAnyKind(name);
  if (found && name) return `${describeEntry(found.entry, 'plaintext')}\n`;

  // Name only, never the value: a pasted `/regtoken:…` with a typo must not echo the token.
  const shown = isParameter ? `/${name}` : name;
  throw new UsageError(`no rule, parameter or property named '${shown}'${suggestion(name, isParameter, rules, catalog)}`);
}

function describeRule(rule: ExplainableRule): string {
  const lines = [
    `${rule.id}: ${rule.title}`,
    '',
    `Default severity: ${rule.severity}`,
    `Documentation: ${rule.docUrl}`,
  ];
  if (rule.about?.length) lines.push('', ...rule.about);
  // A rule about the generator's choices never fires on a file: say when its examples apply.
  const intent = rule.examples?.intent?.authentication;
  if (intent) lines.push('', `Only in the command-line generator, after choosing this authentication: ${intent}.`);
  if (rule.examples?.fail.length) lines.push('', 'Reported on:', ...examples(rule.examples.fail));
  if (rule.examples?.pass.length) lines.push('', 'Not reported on:', ...examples(rule.examples.pass));
  const other = rule.severity === 'error' ? 'warning' : 'error';
  // Service codes (limits, unreadable files) are not rules: settings don't change them.
  if (rule.origin !== 'service') lines.push('', `Change its severity in .comanage.json: { "rules": { "${rule.id}": "${other}" } } (or "off").`);
  return `${lines.join('\n')}\n`;
}

/** One line each, indented; a whole-file example (a plan, a JSON export) indented line by line, set apart by a blank line. */
function examples(list: readonly string[]): string[] {
  const multiLine = list.some((e) => e.includes('\n'));
  if (!multiLine) return list.map((e) => `  ${e}`);
  return list.flatMap((e, i) => [...(i > 0 ? [''] : []), ...e.replace(/\s+$/, '').split(/\r?\n/).map((line) => (line ? `  ${line}` : ''))]);
}

function suggestion(name: string, isParameter: boolean, rules: readonly ExplainableRule[], catalog: Catalog): string {
  const nearRule = isParameter ? undefined : suggest(name, rules.map((r) => r.id));
  if (nearRule) return `; did you mean '${nearRule}'?`;
  const parameter = catalog.suggest('parameter', name);
  if (parameter) return `; did you mean '/${parameter}'?`;
  const property = isParameter ? undefined : catalog.suggest('property', name);
  return property ? `; did you mean '${property}'?` : '';
}

function explainCode(wanted: string): string {
  const value = parseCode(wanted);
  if (value === undefined) throw new UsageError(`'${wanted}' is not a 32-bit error code (write it in hex, 0x80180014, or decimal, 2149056532)`);
  const code = findCode(value);
  if (code) return `${describeCode(code)}\n`;
  const returnCode = describeReturnCode(String(value));
  if (returnCode) return `${returnCode}\n`;
  throw new UsageError(`${hex(value)} (${value}) is not a code the co-management documentation explains; comanage doesn't guess its meaning`);
}
