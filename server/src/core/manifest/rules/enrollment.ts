// Intune automatic enrollment: the MDM and MAM user scopes.
import { Plan } from '../plan';
import { defineReadinessRule } from './types';

const ENROLL = 'https://learn.microsoft.com/intune/configmgr/comanage/how-to-prepare-win10';

export const mdmScopeNone = defineReadinessRule({
  id: 'mdm-user-scope-none', area: 'enrollment', severity: 'error',
  source: 'intune/configmgr/comanage/tutorial-co-manage-clients.md (seed 001)',
  title: 'Windows automatic enrollment is on (MDM user scope All or Some)',
  docUrl: 'https://learn.microsoft.com/intune/configmgr/comanage/tutorial-co-manage-clients#configure-auto-enrollment-of-devices-to-intune',
  needs: ['intune.mdmUserScope'],
  check(plan) {
    if (plan.choice('intune.mdmUserScope') === 'none') {
      return { message: 'MDM user scope None turns Windows automatic enrollment off, so devices never enroll in Intune and can\'t become co-managed. Use All, or Some with the pilot users\' group.', path: 'intune.mdmUserScope' };
    }
    return undefined;
  },
  examples: { fail: ['version: 1\nintune:\n  mdmUserScope: none'], pass: ['version: 1\nintune:\n  mdmUserScope: all'] },
});

export const mdmScopeSomeNeedsGroups = defineReadinessRule({
  id: 'mdm-user-scope-groups', area: 'enrollment', severity: 'error',
  source: 'intune/configmgr/comanage/tutorial-co-manage-clients.md (seed 001)',
  title: 'MDM user scope Some names at least one group',
  docUrl: 'https://learn.microsoft.com/intune/configmgr/comanage/tutorial-co-manage-clients#configure-auto-enrollment-of-devices-to-intune',
  appliesWhen: (plan) => plan.choice('intune.mdmUserScope') === 'some',
  check(plan) {
    if (plan.count('intune.mdmGroups') === 0) return { message: 'MDM user scope Some enrolls only the members of the chosen groups; list them in intune.mdmGroups.', path: 'intune.mdmUserScope' };
    return undefined;
  },
  examples: { fail: ['version: 1\nintune:\n  mdmUserScope: some'], pass: ['version: 1\nintune:\n  mdmUserScope: some\n  mdmGroups: [Co-management pilot users]'] },
});

/** Groups a scope covers: every user for "all", the named groups for "some". */
function scopeGroups(plan: Plan, scope: 'mdm' | 'mam'): Set<string> | 'all' | undefined {
  const choice = plan.choice(`intune.${scope}UserScope`);
  if (choice === 'all') return 'all';
  if (choice !== 'some') return undefined;
  const groups = new Set<string>();
  for (let i = 0; i < plan.count(`intune.${scope}Groups`); i++) {
    const name = plan.str(`intune.${scope}Groups[${i}]`);
    if (name) groups.add(name.toLowerCase());
  }
  return groups;
}

export const mamAndMdmOverlap = defineReadinessRule({
  id: 'mam-and-mdm-same-users', area: 'enrollment', severity: 'warning',
  source: 'intune/configmgr/comanage/tutorial-co-manage-clients.md (seed 001)',
  title: 'MDM and MAM user scopes don\'t cover the same users',
  docUrl: ENROLL,
  needs: ['intune.mdmUserScope', 'intune.mamUserScope'],
  check(plan) {
    const mdm = scopeGroups(plan, 'mdm');
    const mam = scopeGroups(plan, 'mam');
    if (!mdm || !mam) return undefined;
    const overlap = mdm === 'all' || mam === 'all' ? (mdm === 'all' && mam === 'all' ? 'all users' : undefined)
      : [...mdm].filter((g) => mam.has(g)).join(', ') || undefined;
    if (!overlap) return undefined;
    return { message: `Both the MDM and the MAM user scope cover ${overlap}; for users in both, Windows uses MAM and the device is not enrolled for MDM, so it can't be co-managed.`, path: 'intune.mamUserScope' };
  },
  examples: { fail: ['version: 1\nintune:\n  mdmUserScope: all\n  mamUserScope: all'], pass: ['version: 1\nintune:\n  mdmUserScope: all\n  mamUserScope: none'] },
});
