// `comanage explain <name>`: a rule's title, default severity and doc link, or a parameter's or
// property's catalog entry through the shared renderer (the same words as the hover), or the
// meaning of a ccmsetup.exe return code.
import { suggest } from '../core/suggest';
import type { Catalog } from '../core/catalog';
import { describeEntry } from '../core/catalog/describe';
import type { RuleInfo } from './format/sarif';
import { UsageError } from './usageError';
import { describeCode, findCode, hex, parseCode } from '../core/knowledge/codes';
import { describeReturnCode } from '../core/catalog/returnCodes';

export interface ExplainableRule extends RuleInfo {
  examples?: { fail: string[]; pass: string[]; intent?: { authentication?: string } };
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
  // A rule about the generator's choices never fires on a file: say when its examples apply.
  const intent = rule.examples?.intent?.authentication;
  if (intent) lines.push('', `Only in the command-line generator, after choosing this authentication: ${intent}.`);
  if (rule.examples?.fail.length) lines.push('', 'Reported on:', ...rule.examples.fail.map((e) => `  ${e}`));
  if (rule.examples?.pass.length) lines.push('', 'Not reported on:', ...rule.examples.pass.map((e) => `  ${e}`));
  const other = rule.severity === 'error' ? 'warning' : 'error';
  lines.push('', `Change its severity in .comanage.json: { "rules": { "${rule.id}": "${other}" } } (or "off").`);
  return `${lines.join('\n')}\n`;
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
