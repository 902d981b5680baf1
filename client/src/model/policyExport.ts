// "Export co-management settings policy (Graph JSON)": how the server's answer is presented. The
// body itself, and what goes in it, come from `comanage/exportPolicy`.
import { PolicyExport, PolicySummary } from './protocol';

export const GRAPH_RESOURCE_DOC = 'https://learn.microsoft.com/graph/api/resources/intune-onboarding-devicecomanagementauthorityconfiguration?view=graph-rest-beta';
/** Copied from the server's graphExport.ts (the client never imports server code). */
export const GRAPH_ENDPOINT = 'https://graph.microsoft.com/beta/deviceManagement/deviceEnrollmentConfigurations';

/** `instructions`: a Markdown note opened beside the JSON, so the steps stay on screen while the body is used. */
export type ExportOutcome = { json: string; message: string; instructions: string } | { error: string };

/** The JSON document to open, and the message that goes with it, or why there is none. */
export function presentExport(policy: PolicySummary, result: PolicyExport | null | undefined): ExportOutcome {
  if (!result) return { error: 'The language server gave no answer; see the "Co-management" output channel.' };
  if (result.refused) return { error: `Can't export "${policy.name}": ${result.refused}` };
  if (!result.body) return { error: `Can't export "${policy.name}": the server returned no body.` };
  const notes = result.notes.length ? ` ${result.notes.join(' ')}` : '';
  return {
    json: `${JSON.stringify(result.body, null, 2)}\n`,
    message: `Request body for "${policy.name}" (Microsoft Graph beta, deviceComanagementAuthorityConfiguration).${notes}`,
    instructions: exportInstructions(policy, result.notes),
  };
}

/** The note beside the exported JSON: what it is, how to send it, and what the server says is left to do. */
export function exportInstructions(policy: PolicySummary, notes: readonly string[]): string {
  return [
    `# Co-management settings policy "${policy.name}": Graph export`,
    '',
    'The JSON beside this note is the request body of a deviceComanagementAuthorityConfiguration (Microsoft Graph beta), built from the plan.',
    '',
    '## Create the policy',
    '',
    `1. Send the JSON as the body of \`POST ${GRAPH_ENDPOINT}\` (Graph Explorer, or Invoke-MgGraphRequest in PowerShell).`,
    '2. Keep the `id` of the policy Graph returns: the assignment needs it.',
    '',
    '## Left to do',
    '',
    ...(notes.length ? notes.map((note) => `- ${note}`) : ['- Nothing the plan leaves open.']),
    '',
    `Reference, with the permissions the request needs: ${GRAPH_RESOURCE_DOC}`,
    '',
  ].join('\n');
}

/** Picker entries for a plan's policies; none to pick from when there is just one. */
export function policyChoices(policies: readonly PolicySummary[]): { label: string; description: string; index: number }[] {
  return policies.map((p) => ({ label: p.name, description: `policy ${p.index + 1} of ${policies.length}`, index: p.index }));
}
