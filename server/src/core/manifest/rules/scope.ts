// Which parts of the documentation apply to a plan: shared so that rules agree on it.
import { Plan } from '../plan';
import { WORKLOAD_KEYS, WorkloadKey } from '../manifestSchema';

/** The plan provisions devices with Autopilot into co-management (the Intune policy installs the client). */
export function isAutopilotIntoComanagement(plan: Plan): boolean {
  const path = plan.choice('path');
  if (path === 'autopilot' || path === 'managed-desktop') return true;
  if (plan.bool('autopilot.enabled') !== true) return false;
  for (let i = 0; i < plan.count('comanagement.policies'); i++) {
    if (plan.bool(`comanagement.policies[${i}].installAgent`) === true) return true;
  }
  return false;
}

export function isManagedDesktop(plan: Plan): boolean {
  return plan.choice('path') === 'managed-desktop';
}

export function workloadsWithAuthority(plan: Plan, authority: string): WorkloadKey[] {
  return WORKLOAD_KEYS.filter((key) => plan.choice(`workloads.${key}.authority`) === authority);
}

export const DOCS = 'https://learn.microsoft.com/intune/configmgr/comanage';
