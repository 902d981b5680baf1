// `--format text`: one `path:line:col: severity code: message` line per diagnostic (the form
// terminals and editors turn into links), then a summary line.
import { oneLine } from './safeText';
import type { Diagnostic } from '../../core/languageTypes';
import { FileResult, codeOf, countBySeverity, severityOf } from './types';

export { oneLine };

export interface TextOptions {
  /** ANSI colour; the caller decides (TTY and NO_COLOR). */
  color: boolean;
}

const SEVERITY_NAMES = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' } as const;
const SEVERITY_COLORS = { 1: 31, 2: 33, 3: 36, 4: 2 } as const; // red, yellow, cyan, dim

export function formatText(results: readonly FileResult[], options: TextOptions): string {
  const paint = painter(options);
  const lines = results.flatMap((result) => result.diagnostics.map((d) => diagnosticLine(result.file, d, paint)));
  lines.push(summaryLine(results, paint));
  return `${lines.join('\n')}\n`;
}

export type Paint = (code: number, s: string) => string;
export const painter = (options: TextOptions): Paint => (code, s) => (options.color ? `\u001b[${code}m${s}\u001b[0m` : s);

/** `path:line:col: severity code: message`, the form terminals and editors turn into links. */
export function diagnosticLine(file: string, d: Diagnostic, paint: Paint): string {
  const severity = severityOf(d);
  const where = `${oneLine(file)}:${d.range.start.line + 1}:${d.range.start.character + 1}`;
  const code = codeOf(d);
  const label = paint(SEVERITY_COLORS[severity], SEVERITY_NAMES[severity]) + (code ? ` ${paint(2, oneLine(code))}` : '');
  return `${paint(1, where)}: ${label}: ${oneLine(d.message)}`;
}

export function summaryLine(results: readonly FileResult[], paint: Paint): string {
  const { errors, warnings } = countBySeverity(results);
  const summary = `${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(results.length, 'file')}`;
  return errors ? paint(31, summary) : warnings ? paint(33, summary) : summary;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
