// Template placeholders: a value written `<site code>` stands for a fact of the tenant that nobody
// has stated yet. The structure check doesn't judge it, the `unreplaced-placeholder` finding flags
// it, and every readiness check that reads it is unknown (reason 'placeholder'), never pass.
import type { Severity } from '../languageTypes';

/** Angle brackets round words, the whole value: valid YAML text that no real value looks like. */
const PLACEHOLDER = /^<[^<>\r\n]+>$/;

export function isPlaceholder(value: string): boolean {
  return PLACEHOLDER.test(value);
}

/** Not a Microsoft rule: our own advice, so a warning, and its doc link is our README. */
export const PLACEHOLDER_CODE = {
  id: 'unreplaced-placeholder',
  severity: 'warning' as Severity,
  title: 'A template placeholder (<…>) the plan still holds instead of the tenant\'s value',
  docUrl: 'https://github.com/comanage/comanage#templates-and-placeholders',
  examples: {
    fail: ['version: 1\nsite:\n  code: <site code>'],
    pass: ['version: 1\nsite:\n  code: ABC'],
  },
};

export function placeholderMessage(path: string, value: string): string {
  return `"${path}" still holds the template placeholder ${value}: replace it with the tenant's value; until then the checks that read it are unknown.`;
}
