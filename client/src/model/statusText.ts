// The status bar item's text for the active manifest: its readiness in a few words.
import { Counts, countChecks, parseErrorSummary, summarize } from './readinessTree';
import { ReadinessCheck, ReadinessState } from './protocol';

export interface StatusSummary {
  /** With $(icon) syntax. */
  text: string;
  tooltip: string;
  /** Whether the item should catch the eye (a check fails, or the plan can't be read). */
  alert: boolean;
}

function longSummary(counts: Counts): string {
  const parts = [`${counts.fail} failing`, `${counts.warn} with warnings`, `${counts.unknown} unknown`, `${counts.info} to note`, `${counts.pass} passing`];
  return parts.join(', ');
}

/** The pass icon only when every check passes: an unknown is a question, never a tick. */
function iconOf(counts: Counts): string {
  return counts.fail ? '$(error)' : counts.warn ? '$(warning)' : counts.unknown ? '$(question)' : counts.info ? '$(info)' : '$(pass)';
}

export function statusSummary(fileName: string, checks: readonly ReadinessCheck[], parseError?: ReadinessState['parseError']): StatusSummary {
  const counts = countChecks(checks);
  const hint = 'Click to open the Readiness view.';
  if (parseError) {
    return {
      text: `$(error) Readiness: ${parseErrorSummary(parseError)}`,
      tooltip: `${fileName}: ${parseError.message} The readiness checks come back once the YAML can be read. ${hint}`,
      alert: true,
    };
  }
  if (!checks.length) {
    return { text: '$(checklist) Readiness: no checks', tooltip: `${fileName} gives no readiness checks yet. ${hint}`, alert: false };
  }
  return {
    text: `${iconOf(counts)} Readiness: ${summarize(counts)}`,
    tooltip: `Readiness of ${fileName}: ${longSummary(counts)}. ${hint}`,
    alert: counts.fail > 0,
  };
}
