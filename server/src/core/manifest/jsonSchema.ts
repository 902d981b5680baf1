// Turns the manifest format's typed definitions into a JSON Schema (draft-07), so that the Red Hat
// YAML extension and other tools validate *.comanage.yaml files with the same keys we check.
import { MANIFEST_SCHEMA } from './manifestSchema';
import { Field } from './schemaTypes';

type JsonSchema = Record<string, unknown>;

/** The text forms parseCode accepts (the range of a decimal is checked by the server only). */
const CODE_PATTERN = '^\\s*(0[xX][0-9a-fA-F]{1,8}|[0-9a-fA-F]{8}|-?[0-9]{1,10})\\s*$';

export function toJsonSchema(field: Field = MANIFEST_SCHEMA): JsonSchema {
  const base: JsonSchema = { description: field.description };
  if (field.docUrl) base.markdownDescription = `${field.description}\n\n[Documentation](${field.docUrl})`;
  if (field.example !== undefined) base.examples = [field.example];
  const type = field.type;
  switch (type.kind) {
    case 'object': {
      const required = Object.entries(type.fields).filter(([, f]) => f.required).map(([k]) => k);
      const mapping = {
        type: 'object', additionalProperties: false,
        properties: Object.fromEntries(Object.entries(type.fields).map(([k, f]) => [k, nullable(toJsonSchema(f))])),
        ...(required.length ? { required } : {}),
      };
      // A mapping, or the word none (there is none); null stays "not given" (nullable below).
      if (type.none) return { ...base, anyOf: [mapping, { type: ['string', 'null'], enum: ['none', null], description: type.none }] };
      return { ...base, ...mapping };
    }
    case 'array': return { ...base, type: 'array', items: nullable(toJsonSchema(type.items)) };
    // Text only: YAML reads `code: 012` as the number 12, and the server asks for quotes there.
    case 'string': return { ...base, type: 'string', ...(type.pattern ? { pattern: type.pattern } : {}) };
    case 'commandLine': return { ...base, type: 'string' };
    case 'integer': return { ...base, type: 'integer', ...(type.min !== undefined ? { minimum: type.min } : {}), ...(type.max !== undefined ? { maximum: type.max } : {}) };
    case 'boolean': return { ...base, type: 'boolean' };
    // YAML reads unquoted 0x80180014 as an integer; quoted, it is text in hex or decimal.
    case 'code': return { ...base, type: ['integer', 'string'], minimum: -2147483648, maximum: 4294967295, pattern: CODE_PATTERN };
    case 'enum': return { ...base, enum: type.values.map((v) => v.value), markdownEnumDescriptions: type.values.map((v) => v.description) };
  }
}

/**
 * A key written without a value (`name:`, `name: ~`) or an empty list item means "not given" to the
 * structure check (the plan leaves it unknown), so the schema lets null through there too.
 */
function nullable(schema: JsonSchema): JsonSchema {
  if (Array.isArray(schema.anyOf)) return schema;
  if (Array.isArray(schema.enum)) return { ...schema, enum: [...schema.enum, null] };
  const type = schema.type;
  return { ...schema, type: Array.isArray(type) ? [...type, 'null'] : [type, 'null'] };
}

export function manifestJsonSchema(): JsonSchema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://comanage.dev/schemas/comanage-manifest.schema.json',
    title: 'Co-management workload manifest (comanage, version 1)',
    ...toJsonSchema(MANIFEST_SCHEMA),
  };
}
