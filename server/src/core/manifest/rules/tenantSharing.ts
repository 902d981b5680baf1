// Several Configuration Manager hierarchies attached to one Intune tenant (docs map P1): allowed,
// so a plan that states it gets a fact, not a conflict.
import { defineReadinessRule } from './types';

const OVERVIEW = 'https://learn.microsoft.com/intune/configmgr/comanage/overview#configuration-manager';

export const tenantSharedByHierarchies = defineReadinessRule({
  id: 'tenant-shared-by-hierarchies', area: 'site', severity: 'information', source: 'intune/configmgr/comanage/overview.md (newer copy)',
  basis: { words: 'connect multiple Configuration Manager instances', page: OVERVIEW },
  title: 'More than one Configuration Manager hierarchy may attach to the same Intune tenant',
  docUrl: OVERVIEW,
  appliesWhen: (plan) => plan.has('tenant.hierarchies'),
  needs: ['tenant.hierarchies'],
  check(plan) {
    const count = plan.num('tenant.hierarchies');
    if (count === undefined || count <= 1) return undefined;
    return {
      message: `${count} Configuration Manager hierarchies attach to this tenant (tenant.hierarchies). That is supported, so comanage doesn't treat it as a conflict; each hierarchy enables co-management for its own clients.`,
      path: 'tenant.hierarchies',
    };
  },
  examples: {
    fail: ['version: 1\ntenant:\n  hierarchies: 2'],
    pass: ['version: 1\ntenant:\n  hierarchies: 1'],
  },
});
