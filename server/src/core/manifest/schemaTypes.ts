// The shape of the manifest format's typed definitions. One definition (manifestSchema.ts) feeds
// the structural checks, completion, hover, the generated JSON Schema and the README.

export interface FieldValue {
  value: string;
  description: string;
}

export type FieldType =
  /** `none`: the meaning of writing the word `none` instead of the mapping ("there is none"); absent stays unknown. */
  | { kind: 'object'; fields: Record<string, Field>; none?: string }
  | { kind: 'string'; pattern?: string; patternHint?: string }
  | { kind: 'integer'; min?: number; max?: number }
  | { kind: 'boolean' }
  | { kind: 'enum'; values: FieldValue[] }
  | { kind: 'array'; items: Field }
  | { kind: 'commandLine' }
  /** An error code as a device shows it: hex text (0x80180014) or a whole number (2149056532, -2145910764). */
  | { kind: 'code' };

export interface Field {
  type: FieldType;
  /** What the key means, in our words. */
  description: string;
  docUrl?: string;
  required?: boolean;
  /** An example value for completion snippets and the JSON Schema. */
  example?: unknown;
}

export const COMANAGE_DOCS = 'https://learn.microsoft.com/intune/configmgr/comanage';
