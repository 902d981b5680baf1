// The one renderer of catalog entries: hover, completion documentation, the CLI's `explain` and the
// README tables all describe an entry through these functions, so their wording cannot drift.
import { CatalogEntry, EnumValue, ValueType } from './types';
import { displayName } from './index';

const TARGET_LABEL: Record<CatalogEntry['target'], string> = {
  'ccmsetup.exe': 'ccmsetup.exe parameter',
  'ccmsetup.msi': 'ccmsetup.msi property',
  'client.msi': 'client.msi property',
};

/** A short phrase for a value type: "TRUE or FALSE", "integer 1–1440 (minutes)". */
export function describeValueType(value: ValueType): string {
  switch (value.kind) {
    case 'none': return 'no value';
    case 'boolean': return value.form === '0/1' ? '0 or 1' : 'TRUE or FALSE';
    case 'integer': {
      const range = value.min !== undefined && value.max !== undefined ? `${value.min}–${value.max}`
        : value.min !== undefined ? `≥ ${value.min}` : value.max !== undefined ? `≤ ${value.max}` : '';
      const unit = value.unit ? ` (${value.unit})` : '';
      // A bound the reference doesn't give is never written as the documented range.
      if (value.advice) return `integer${unit}; no documented range (advised: ${range})`;
      return `integer${range ? ` ${range}` : ''}${unit}`;
    }
    case 'enum': return `one of ${value.values.map((v) => v.value).join(', ')}`;
    case 'guid': return 'GUID';
    case 'url': return value.appIdUri ? 'App ID URI (api://… or https://…)' : 'URL';
    case 'host': return 'computer name or FQDN';
    case 'hostOrUrl': return 'computer name, FQDN, or https:// URL';
    case 'cmgHost': return 'FQDN or CMG address, without https://';
    case 'siteCode': return value.allowAuto ? 'three-character site code, or AUTO' : 'three-character site code';
    case 'deploymentId': return 'task sequence deployment ID (e.g. PRI20001)';
    case 'path': return 'local or UNC path';
    case 'list': return `list of ${value.allowed ? value.allowed.map((v) => v.value).join(', ') : describeValueType(value.item)} separated by "${value.separator}"`;
    case 'letters': return `letters from ${value.letters.map((l) => l.value).join('')}`;
    case 'token': return 'bulk registration token (secret)';
    case 'text': return value.undocumented ? 'no documented value (any is accepted)' : 'text';
  }
}

/** The documented choices of a value, if it has a fixed set. */
export function allowedValues(value: ValueType): EnumValue[] | undefined {
  switch (value.kind) {
    case 'enum': return value.values;
    case 'boolean': return value.form === '0/1'
      ? [{ value: '1', description: 'On.' }, { value: '0', description: 'Off.' }]
      : [{ value: 'TRUE', description: 'On.' }, { value: 'FALSE', description: 'Off.' }];
    case 'list': return value.allowed;
    case 'letters': return value.letters;
    default: return undefined;
  }
}

export type DescribeFormat = 'markdown' | 'plaintext';

/** Full description of an entry for hover, completion documentation and `comanage explain`. */
export function describeEntry(entry: CatalogEntry, format: DescribeFormat = 'markdown'): string {
  const md = format === 'markdown';
  const code = (s: string) => (md ? `\`${s}\`` : s);
  const lines: string[] = [];
  lines.push(md ? `**${displayName(entry)}** — ${TARGET_LABEL[entry.target]}` : `${displayName(entry)} (${TARGET_LABEL[entry.target]})`);
  lines.push('', entry.description);
  const facts: string[] = [`Value: ${describeValueType(entry.value)}${entry.valueOptional ? ' (optional)' : ''}`];
  if (entry.defaultValue) facts.push(`Default: ${code(entry.defaultValue)}`);
  if (entry.sinceVersion) facts.push(`Since Configuration Manager ${entry.sinceVersion}`);
  if (entry.clientPushSince) facts.push(`Accepted by client push since Configuration Manager ${entry.clientPushSince}`);
  if (entry.repeatable) facts.push('May be given more than once');
  if (entry.msiOnly) facts.push('Only with ccmsetup.msi');
  lines.push('', ...facts.map((f) => `- ${f}`));
  const allowed = allowedValues(entry.value);
  if (allowed && entry.value.kind !== 'boolean') {
    lines.push('', md ? 'Allowed values:' : 'Allowed values:');
    for (const v of allowed) lines.push(`- ${code(v.value)}${v.isDefault ? ' (default)' : ''}: ${v.description}`);
  }
  for (const note of entry.notes ?? []) lines.push('', note);
  for (const alias of entry.aliases ?? []) lines.push('', `Also written ${code(alias.kind === 'parameter' ? `/${alias.name}` : alias.name)}: ${alias.note}`);
  if (entry.related?.length) {
    lines.push('', `Related: ${entry.related.map((r) => code(relatedName(r))).join(', ')}`);
  }
  lines.push('', md ? `[Documentation](${entry.docUrl})` : `Documentation: ${entry.docUrl}`);
  return lines.join('\n');
}

/** A one-line summary (completion detail, README table). */
export function summarizeEntry(entry: CatalogEntry): string {
  return `${TARGET_LABEL[entry.target]} · ${describeValueType(entry.value)}`;
}

/** Describes one documented value of an entry (hover on a value). */
export function describeValue(entry: CatalogEntry, value: string, format: DescribeFormat = 'markdown'): string | undefined {
  const choice = allowedValues(entry.value)?.find((v) => v.value.toUpperCase() === value.toUpperCase());
  if (!choice) return undefined;
  const name = displayName(entry);
  const head = format === 'markdown' ? `**${name}** = \`${choice.value}\`` : `${name} = ${choice.value}`;
  return `${head}${choice.isDefault ? ' (default)' : ''}\n\n${choice.description}\n\n${format === 'markdown' ? `[Documentation](${entry.docUrl})` : entry.docUrl}`;
}

// Related names are written bare in the data; parameters are lower/mixed case, properties upper case.
function relatedName(name: string): string {
  return name === name.toUpperCase() ? name : `/${name}`;
}
