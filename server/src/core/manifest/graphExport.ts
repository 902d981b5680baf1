// Builds the Microsoft Graph (beta) request body for one co-management settings policy of a plan:
// a deviceComanagementAuthorityConfiguration. Only documented fields are filled from the plan;
// anything Graph doesn't document (managedDeviceAuthority's values) is taken only when the plan
// states it, and the notes say what is left to do by hand.
import { find, secretValues } from '../ccmsetup/query';
import { findSecrets } from '../secrets';
import { Plan } from './plan';

export const GRAPH_ENDPOINT = 'https://graph.microsoft.com/beta/deviceManagement/deviceEnrollmentConfigurations';
export const GRAPH_DOC = 'https://learn.microsoft.com/graph/api/resources/intune-onboarding-devicecomanagementauthorityconfiguration?view=graph-rest-beta';

export interface PolicyExport {
  /** The JSON body for POST {GRAPH_ENDPOINT}; absent when the export was refused. */
  body?: Record<string, unknown>;
  notes: string[];
  /** Why the export was refused. */
  refused?: string;
}

/** One co-management policy of a plan, as a picker lists it. */
export interface PolicySummary {
  index: number;
  name: string;
}

/** The plan's co-management policies, in order, each with its name (or a numbered stand-in). */
export function listPolicies(plan: Plan): PolicySummary[] {
  const policies: PolicySummary[] = [];
  for (let index = 0; index < plan.count('comanagement.policies'); index++) {
    policies.push({ index, name: plan.str(`comanagement.policies[${index}].name`) ?? `Co-management settings ${index + 1}` });
  }
  return policies;
}

/** Why an index can't name one of the plan's `count` policies: not a whole number, or out of range. */
function policyIndexRefusal(index: unknown, count: number): string {
  const shown = typeof index === 'string' ? JSON.stringify(index.slice(0, 20)) : String(index).slice(0, 20);
  const range = count === 0 ? 'but the plan has no co-management policies' : count === 1 ? '0 (the plan has one co-management policy)' : `from 0 to ${count - 1}`;
  return `The policy index must be a whole number ${range}; got ${shown}.`;
}

export function exportPolicy(plan: Plan, index: number): PolicyExport {
  const base = `comanagement.policies[${index}]`;
  const count = plan.count('comanagement.policies');
  // The index comes over the wire: a string, a fraction or NaN must not read a policy.
  if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index >= count) {
    return { notes: [], refused: policyIndexRefusal(index, count) };
  }
  const line = plan.commandLines().find((c) => c.policy === index)?.line;
  // Also a misspelt /regtokn: or REGTOKEN=, or a token anywhere in the text (even inside quotes).
  const text = plan.str(`${base}.commandLine`) ?? '';
  if ((line && (find(line, 'regtoken') || secretValues(line).length > 0)) || /regtok/i.test(text) || !findSecrets(text).none) {
    return { notes: [], refused: 'This policy\'s command line holds a bulk registration token; comanage doesn\'t copy secrets into exports. Remove /regtoken from the plan, export, and add the token in the Intune admin center.' };
  }
  const notes: string[] = [];
  const body: Record<string, unknown> = {
    '@odata.type': '#microsoft.graph.deviceComanagementAuthorityConfiguration',
    displayName: plan.str(`${base}.name`) ?? `Co-management settings ${index + 1}`,
    description: plan.str(`${base}.description`) ?? `Exported by comanage from the plan "${plan.str('name') ?? 'unnamed'}".`,
  };
  const priority = plan.num(`${base}.priority`);
  if (priority !== undefined) body.priority = priority;
  const install = plan.bool(`${base}.installAgent`);
  if (install !== undefined) body.installConfigurationManagerAgent = install;
  const commandLine = plan.str(`${base}.commandLine`);
  if (commandLine !== undefined) body.configurationManagerAgentCommandLineArgument = commandLine.trim();
  const authority = plan.num(`${base}.managedDeviceAuthority`);
  if (authority !== undefined) {
    body.managedDeviceAuthority = authority;
  } else if (plan.has(`${base}.overrideToIntune`)) {
    notes.push('managedDeviceAuthority is left out: Graph doesn\'t document its values, so set "Override co-management policy and use Intune for all workloads" in the Intune admin center, or add managedDeviceAuthority to the policy in the plan.');
  }
  if (install === undefined) notes.push('installConfigurationManagerAgent is left out because the plan doesn\'t say installAgent.');
  const group = plan.str(`${base}.targetGroup`);
  notes.push(group
    ? `Assign the policy to "${group}" afterwards (POST …/deviceEnrollmentConfigurations/{id}/assign with that group's ID).`
    : 'The plan names no target group: assign the policy to a device group afterwards.');
  return { body, notes };
}
