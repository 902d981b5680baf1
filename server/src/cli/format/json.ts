// `--format json`: LSP shapes as they are (0-based ranges, numeric severities), so editors and
// scripts that already speak LSP need no conversion.
import { FileResult, codeOf, severityOf, toSafeJson } from './types';

export function formatJson(results: readonly FileResult[]): string {
  const out = results.map((result) => ({
    file: result.file,
    diagnostics: result.diagnostics.map((d) => ({
      range: d.range,
      severity: severityOf(d),
      code: codeOf(d) ?? null,
      message: d.message,
    })),
  }));
  return toSafeJson(out);
}
