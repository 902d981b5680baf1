// The seven workloads and what each authority needs.
import { WORKLOAD_KEYS } from '../manifestSchema';
import { DOCS } from './scope';
import { defineReadinessRule } from './types';

export const pilotNeedsCollection = defineReadinessRule({
  id: 'pilot-intune-needs-collection', area: 'workloads', severity: 'error',
  source: 'intune/configmgr/comanage/how-to-switch-workloads.md',
  title: 'Every workload on Pilot Intune has a pilot collection',
  docUrl: `${DOCS}/how-to-switch-workloads`,
  appliesWhen: (plan) => WORKLOAD_KEYS.some((key) => plan.choice(`workloads.${key}.authority`) === 'pilot-intune'),
  check(plan) {
    return WORKLOAD_KEYS
      .filter((key) => plan.choice(`workloads.${key}.authority`) === 'pilot-intune')
      .filter((key) => !plan.has(`workloads.${key}.pilotCollection`) && !plan.has('comanagement.pilotCollection'))
      .map((key) => ({ message: `${key} is on Pilot Intune but names no pilot collection (workloads.${key}.pilotCollection or comanagement.pilotCollection); Pilot Intune applies only to the devices in it.`, path: `workloads.${key}.authority` }));
  },
  examples: { fail: ['version: 1\nworkloads:\n  compliancePolicies:\n    authority: pilot-intune'], pass: ['version: 1\nworkloads:\n  compliancePolicies:\n    authority: pilot-intune\n    pilotCollection: Co-management pilot'] },
});
