// The one renderer of manifest keys: hover, completion documentation and the README use it.
import { MANIFEST_SCHEMA } from './manifestSchema';
import { Field, FieldType } from './schemaTypes';

/** The schema field at a key path; list indices are skipped. */
export function fieldAt(steps: (string | number)[]): Field | undefined {
  let field: Field | undefined = MANIFEST_SCHEMA;
  for (const step of steps) {
    if (!field) return undefined;
    if (field.type.kind === 'array') { field = field.type.items; if (typeof step === 'number') continue; }
    if (typeof step === 'number') continue;
    // Own keys only: a key named "constructor" must not find Object's constructor.
    field = field.type.kind === 'object' && Object.hasOwn(field.type.fields, step) ? field.type.fields[step] : undefined;
  }
  return field;
}

export function describeFieldType(type: FieldType): string {
  switch (type.kind) {
    case 'object': return type.none ? 'mapping, or none' : 'mapping';
    case 'array': return `list of ${describeFieldType(type.items.type)}`;
    case 'string': return type.patternHint ? `text (${type.patternHint})` : 'text';
    case 'integer': return type.min !== undefined && type.max !== undefined ? (type.min === type.max ? `${type.min}` : `whole number ${type.min}–${type.max}`) : type.min !== undefined ? `whole number ≥ ${type.min}` : 'whole number';
    case 'boolean': return 'true or false';
    case 'enum': return type.values.map((v) => v.value).join(' | ');
    case 'commandLine': return 'ccmsetup command line';
    case 'code': return 'error code (hex or decimal)';
  }
}

export function describeField(key: string, field: Field): string {
  const lines = [`**${key}** — ${describeFieldType(field.type)}${field.required ? ' (required)' : ''}`, '', field.description];
  if (field.type.kind === 'enum') {
    lines.push('');
    for (const v of field.type.values) lines.push(`- \`${v.value}\`: ${v.description}`);
  }
  if (field.type.kind === 'object') lines.push('', `Keys: ${Object.keys(field.type.fields).map((k) => `\`${k}\``).join(', ')}`);
  if (field.type.kind === 'object' && field.type.none) lines.push('', `\`none\`: ${field.type.none}`);
  if (field.docUrl) lines.push('', `[Documentation](${field.docUrl})`);
  return lines.join('\n');
}
