// The status bar item's text for the active manifest: its readiness in a few words.
import { Counts, countChecks, summarize } from './readinessTree';
import { ReadinessCheck } from './protocol';

export interface StatusSummary {
  /** With $(icon) syntax. */
  text: string;
  tooltip: string;
  /** Whether the item should catch the eye (a check fails). */
  alert: boolean;
}

function longSummary(counts: Counts): string {
  const parts = [`${counts.fail} failing`, `${counts.warn} with warnings`, `${counts.unknown} unknown`, `${counts.pass} passing`];
  return parts.join(', ');
}

export function statusSummary(fileName: string, checks: readonly ReadinessCheck[]): StatusSummary {
  const counts = countChecks(checks);
  const icon = counts.fail ? '$(error)' : counts.warn ? '$(warning)' : '$(pass)';
  const hint = 'Click to open the Readiness view.';
  if (!checks.length) {
    return { text: '$(checklist) Readiness: no checks', tooltip: `${fileName} gives no readiness checks yet. ${hint}`, alert: false };
  }
  return {
    text: `${icon} Readiness: ${summarize(counts)}`,
    tooltip: `Readiness of ${fileName}: ${longSummary(counts)}. ${hint}`,
    alert: counts.fail > 0,
  };
}
