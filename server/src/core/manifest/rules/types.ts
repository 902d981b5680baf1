// What a readiness rule is: a documented requirement or unsupported combination, checked against
// a plan. A rule says when it applies, which keys it needs (absent → "unknown", never a guess),
// and returns findings when the plan breaks it. Fixtures: whole manifests that fail and pass.
import type { Span } from '../../ccmsetup/ast';
import type { Fix, Severity } from '../../languageTypes';
import type { SeverityBasis } from '../../severityBasis';
import type { Plan } from '../plan';

export type Area =
  | 'licensing' | 'site' | 'cmg' | 'identity' | 'enrollment' | 'autopilot' | 'esp' | 'policy'
  | 'installation' | 'workloads' | 'command-line' | 'windows' | 'permissions' | 'tenant-export';

export const AREA_TITLES: Record<Area, string> = {
  licensing: 'Licensing', site: 'Configuration Manager site', cmg: 'Cloud management gateway', identity: 'Identity',
  enrollment: 'Intune enrollment', autopilot: 'Windows Autopilot', esp: 'Enrollment Status Page', policy: 'Co-management settings policy',
  installation: 'Client installation', workloads: 'Workloads', 'command-line': 'Command line', windows: 'Windows versions', permissions: 'Permissions',
  'tenant-export': 'Tenant export',
};

export interface Finding {
  message: string;
  /** The key path the finding is about; its value (or nearest key) is the range. */
  path?: string;
  span?: Span;
  fixes?: Fix[];
}

export interface ReadinessRule {
  id: string;
  area: Area;
  /** error: documented as required or unsupported; warning: documented risk; information: advice. */
  severity: Severity;
  /** The requirement, stated as a plain sentence (shown when the check passes). */
  title: string;
  docUrl: string;
  /** The documentation page (and copy) the rule comes from, e.g. "intune/configmgr/comanage/workloads.md". */
  source: string;
  /** When false the rule is not applicable and left out of the report. Absent: always applies. */
  appliesWhen?(plan: Plan): boolean;
  /** Key paths the check reads; any of them absent makes the outcome "unknown". */
  needs?: string[];
  /** Key paths the check reads that depend on the plan (one per switched workload, say); like `needs`. */
  needsEach?(plan: Plan): string[];
  /**
   * Key paths the plan must state before the check may pass: a failure on stated facts is reported
   * without them, but "none of the seven sliders is on Pilot Intune" is no pass while some are left out.
   */
  needsToPass?(plan: Plan): string[];
  /** Key paths of which at least one must be present, else the outcome is "unknown". */
  needsAny?: string[];
  /** The words of the docs the severity rests on (ARCHITECTURE.md, "Severity from the words of the docs"). */
  basis?: SeverityBasis;
  check(plan: Plan): Finding[] | Finding | undefined;
  examples: { fail: string[]; pass: string[] };
}

export function defineReadinessRule(rule: ReadinessRule): ReadinessRule {
  return rule;
}
