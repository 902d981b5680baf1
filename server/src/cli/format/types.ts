// What every output format receives: the checked files in output order, each with the core's
// LSP diagnostics.
import type { Diagnostic } from '../../core/languageTypes';
import { escapeJsonText } from './safeText';

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

/** JSON with every character that could act on a terminal escaped (`safeText.ts`), and a final newline. */
export function toSafeJson(value: unknown): string {
  return `${escapeJsonText(JSON.stringify(value, null, 2))}\n`;
}
