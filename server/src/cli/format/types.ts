// What every output format receives: the checked files in output order, each with the core's
// LSP diagnostics.
import type { Diagnostic } from '../../core/languageTypes';

export interface FileResult {
  /** The path as shown to users: relative to the current folder, forward slashes. */
  file: string;
  diagnostics: Diagnostic[];
  /** The absolute path on disk, for SARIF's repository-relative URIs. */
  path?: string;
  /** The text that was checked, for SARIF's fingerprints (only ever hashed, after masking). */
  text?: string;
}

export type OutputFormat = 'text' | 'json' | 'sarif';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif'];

/** LSP leaves severity optional; the core always sets it, and a missing one is treated as an error. */
export function severityOf(diagnostic: Diagnostic): 1 | 2 | 3 | 4 {
  return diagnostic.severity ?? 1;
}

export function codeOf(diagnostic: Diagnostic): string | undefined {
  return diagnostic.code === undefined ? undefined : String(diagnostic.code);
}

export function countBySeverity(results: readonly FileResult[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const result of results) {
    for (const diagnostic of result.diagnostics) {
      const severity = severityOf(diagnostic);
      if (severity === 1) errors++;
      else if (severity === 2) warnings++;
    }
  }
  return { errors, warnings };
}

/**
 * JSON.stringify leaves DEL, C1 controls and line/paragraph separators raw; escape them too, so
 * text quoted from a damaged file cannot act on a terminal that shows the output.
 */
export function toSafeJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2).replace(/[\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
}
