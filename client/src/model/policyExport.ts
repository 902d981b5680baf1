// "Export co-management settings policy (Graph JSON)": how the server's answer is presented. The
// body itself, and what goes in it, come from `comanage/exportPolicy`.
import { PolicyExport, PolicySummary } from './protocol';

export const GRAPH_RESOURCE_DOC = 'https://learn.microsoft.com/graph/api/resources/intune-onboarding-devicecomanagementauthorityconfiguration?view=graph-rest-beta';

export type ExportOutcome = { json: string; message: string } | { error: string };

/** The JSON document to open, and the message that goes with it, or why there is none. */
export function presentExport(policy: PolicySummary, result: PolicyExport | null | undefined): ExportOutcome {
  if (!result) return { error: 'The language server gave no answer; see the "Co-management" output channel.' };
  if (result.refused) return { error: `Can't export "${policy.name}": ${result.refused}` };
  if (!result.body) return { error: `Can't export "${policy.name}": the server returned no body.` };
  const notes = result.notes.length ? ` ${result.notes.join(' ')}` : '';
  return {
    json: `${JSON.stringify(result.body, null, 2)}\n`,
    message: `Request body for "${policy.name}" (Microsoft Graph beta, deviceComanagementAuthorityConfiguration).${notes}`,
  };
}

/** Picker entries for a plan's policies; none to pick from when there is just one. */
export function policyChoices(policies: readonly PolicySummary[]): { label: string; description: string; index: number }[] {
  return policies.map((p) => ({ label: p.name, description: `policy ${p.index + 1} of ${policies.length}`, index: p.index }));
}
