// Licensing: what the tenant and the administrator's own account must hold before co-management.
import { DOCS } from './scope';
import { defineReadinessRule } from './types';

const OVERVIEW_SOURCE = 'intune/configmgr/comanage/overview.md (newer copy)';

export const entraPremium = defineReadinessRule({
  id: 'licensing-entra-premium-required', area: 'licensing', severity: 'error',
  basis: { words: 'you must assign ... P1', page: 'https://learn.microsoft.com/intune/device-enrollment/configure-multifactor-authentication#requirements' },
  source: `${OVERVIEW_SOURCE}; intune/device-enrollment/windows/enable-automatic-mdm.md (newest copy)`,
  title: 'The tenant has Microsoft Entra ID P1 or P2',
  docUrl: `${DOCS}/overview#licensing`,
  needs: ['licensing.entraId'],
  check(plan) {
    if (plan.choice('licensing.entraId') !== 'none') return undefined;
    return { message: 'Co-management and Windows automatic MDM enrollment need Microsoft Entra ID P1 or P2 (older pages call it Azure AD Premium); the free tier isn\'t enough.', path: 'licensing.entraId' };
  },
  examples: {
    fail: ['version: 1\nlicensing:\n  entraId: none\n  intune: true'],
    pass: ['version: 1\nlicensing:\n  entraId: P1\n  intune: true'],
  },
});

// The tutorials list an Intune subscription; the newer overview (seed 004) adds that users may not
// need licences of their own, so a plan without user licences is a risk to confirm, not an error.
export const intuneSubscription = defineReadinessRule({
  id: 'licensing-intune-subscription-required', area: 'licensing', severity: 'error',
  basis: { words: 'You must have an Intune license', page: 'https://learn.microsoft.com/windows-365/enterprise/requirements#licensing-requirements' },
  source: 'intune/configmgr/comanage/tutorial-co-manage-clients.md (newer copy); tutorial-co-manage-new-devices.md (newer copy); overview.md (newer copy)',
  title: 'The tenant has an Intune subscription for the co-managed devices',
  docUrl: `${DOCS}/tutorial-co-manage-clients#azure-services-and-environment`,
  needs: ['licensing.intune'],
  check(plan) {
    if (plan.bool('licensing.intune') !== false) return undefined;
    return { message: 'Co-management enrolls devices in Intune, so the tenant needs an Intune subscription. The overview adds that Configuration Manager licensing may cover co-managed devices without a licence per user; confirm which case applies before rollout.', path: 'licensing.intune' };
  },
  examples: {
    fail: ['version: 1\nlicensing:\n  entraId: P1\n  intune: false'],
    pass: ['version: 1\nlicensing:\n  entraId: P2\n  intune: true'],
  },
});

export const adminIntuneLicense = defineReadinessRule({
  id: 'licensing-admin-needs-intune-license', area: 'licensing', severity: 'error', source: OVERVIEW_SOURCE,
  basis: { words: 'Otherwise, sign in fails', page: 'https://learn.microsoft.com/intune/configmgr/comanage/overview#licensing' },
  title: 'The administrator account that signs in to the tenant has an Intune licence',
  docUrl: `${DOCS}/overview#licensing`,
  needs: ['licensing.adminIntuneLicense'],
  check(plan) {
    if (plan.bool('licensing.adminIntuneLicense') !== false) return undefined;
    return { message: 'Give the administrator account an Intune licence of its own; without one, signing in to the tenant fails with a generic error.', path: 'licensing.adminIntuneLicense' };
  },
  examples: {
    fail: ['version: 1\nlicensing:\n  adminIntuneLicense: false'],
    pass: ['version: 1\nlicensing:\n  adminIntuneLicense: true'],
  },
});
