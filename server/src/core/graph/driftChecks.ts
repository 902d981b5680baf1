// The drift checks' ids, severities and titles (graph/drift.ts runs them), apart so that the list
// of diagnostic codes can name them without loading the Graph reader.
import type { Severity } from '../languageTypes';

export const DRIFT_DOC = 'https://github.com/comanage/comanage#drift-the-plan-against-the-tenants-exports';

export interface DriftCheck { id: string; severity: Severity; title: string }

/** The drift checks, one id per kind of fact (settings may turn each off or change its severity). */
export const DRIFT_CHECKS = {
  readable: { id: 'tenant-export-readable', severity: 'error', title: 'The tenant exports the plan lists can be read' },
  policy: { id: 'tenant-policy-match', severity: 'error', title: 'Each co-management settings policy is in both the plan and the tenant\'s exports' },
  commandLine: { id: 'tenant-command-line', severity: 'error', title: 'The policy\'s command line is the one in the tenant' },
  installAgent: { id: 'tenant-install-agent', severity: 'error', title: 'Whether the policy installs the agent is as in the tenant' },
  authority: { id: 'tenant-authority', severity: 'error', title: 'The policy\'s managedDeviceAuthority is the one in the tenant' },
  priority: { id: 'tenant-priority', severity: 'error', title: 'The policy\'s priority is the one in the tenant' },
  groups: { id: 'tenant-groups', severity: 'error', title: 'The assigned groups are the ones in the tenant' },
  espTimeout: { id: 'tenant-esp-timeout', severity: 'error', title: 'The Enrollment Status Page timeout is the one in the tenant' },
  espProgress: { id: 'tenant-esp-progress', severity: 'error', title: 'Whether the Enrollment Status Page shows progress is as in the tenant' },
  autopilotJoin: { id: 'tenant-autopilot-join', severity: 'error', title: 'The Autopilot join type is the one in the tenant' },
  autopilotMode: { id: 'tenant-autopilot-mode', severity: 'error', title: 'The Autopilot deployment mode and pre-provisioning are as in the tenant' },
} as const satisfies Record<string, DriftCheck>;
