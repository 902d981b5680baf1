// Multifactor authentication at Intune enrollment: the Conditional Access policy on the Microsoft
// Intune Enrollment app, the app itself (new tenants don't have it), and what co-management's
// device-token enrollment shows users when the policy asks for a second factor.
import { isExistingClientsPath } from './scope';
import { defineReadinessRule } from './types';

const MFA_PAGE = 'https://learn.microsoft.com/intune/device-enrollment/configure-multifactor-authentication';
const MFA_SOURCE = 'intune/device-enrollment/configure-multifactor-authentication.md (newer copy)';
const AUTO_MDM = 'https://learn.microsoft.com/intune/device-enrollment/windows/enable-automatic-mdm';
const MFA_STEPS = `${MFA_PAGE}#configure-intune-to-require-multifactor-authentication-at-device-enrollment`;

export const enrollmentMfaRecommended = defineReadinessRule({
  id: 'enrollment-mfa-recommended', area: 'enrollment', severity: 'warning',
  basis: { words: 'We recommend requiring multifactor authentication', page: `${AUTO_MDM}#multifactor-authentication` },
  source: 'intune/device-enrollment/windows/enable-automatic-mdm.md (newer copy)',
  title: 'Intune enrollment asks for multifactor authentication',
  docUrl: `${AUTO_MDM}#multifactor-authentication`,
  appliesWhen: (plan) => plan.choice('intune.mdmUserScope') !== 'none',
  needs: ['conditionalAccess.enrollmentMfa'],
  check(plan) {
    if (plan.bool('conditionalAccess.enrollmentMfa') !== false) return undefined;
    return {
      message: 'Automatic enrollment doesn\'t ask for a second factor by default; the enrollment page advises requiring multifactor authentication when devices register, with a Conditional Access policy on the Microsoft Intune Enrollment app (set conditionalAccess.enrollmentMfa once it exists).',
      path: 'conditionalAccess.enrollmentMfa',
    };
  },
  examples: {
    fail: ['version: 1\nintune:\n  mdmUserScope: all\nconditionalAccess:\n  enrollmentMfa: false'],
    pass: ['version: 1\nintune:\n  mdmUserScope: all\nconditionalAccess:\n  enrollmentMfa: true'],
  },
});

export const intuneEnrollmentAppMissing = defineReadinessRule({
  id: 'intune-enrollment-app-missing', area: 'enrollment', severity: 'error', source: MFA_SOURCE,
  basis: { words: 'administrator must create a service principal', page: MFA_STEPS },
  title: 'The Microsoft Intune Enrollment app exists before a policy requires MFA at enrollment',
  docUrl: MFA_STEPS,
  appliesWhen: (plan) => plan.bool('conditionalAccess.enrollmentMfa') === true,
  needs: ['intune.enrollmentApp.present'],
  check(plan) {
    if (plan.bool('intune.enrollmentApp.present') !== false) return undefined;
    return {
      message: 'The Conditional Access policy for MFA at enrollment targets the Microsoft Intune Enrollment cloud app, which new tenants don\'t get automatically. Have a Microsoft Entra administrator create its service principal (app ID d4ebce55-015a-49b5-a083-c84d1797ae8c) with PowerShell or Microsoft Graph, then target it.',
      path: 'intune.enrollmentApp.present',
    };
  },
  examples: {
    fail: ['version: 1\nconditionalAccess:\n  enrollmentMfa: true\nintune:\n  enrollmentApp:\n    present: false'],
    pass: ['version: 1\nconditionalAccess:\n  enrollmentMfa: true\nintune:\n  enrollmentApp:\n    present: true'],
  },
});

export const intuneEnrollmentAppScopeAll = defineReadinessRule({
  id: 'intune-enrollment-app-scope-all', area: 'enrollment', severity: 'warning',
  basis: { words: 'For MDM user scope, select All', page: 'https://learn.microsoft.com/intune/configmgr/comanage/tutorial-co-manage-clients#configure-auto-enrollment-of-devices-to-intune', override: 'A setup step of the tutorial with no stated consequence, so a warning, not an error (docs map P3#21)' },
  source: 'intune/configmgr/comanage/tutorial-co-manage-clients.md (newer copy)',
  title: 'Where the tenant has the Microsoft Intune Enrollment app, its MDM user scope is All',
  docUrl: 'https://learn.microsoft.com/intune/configmgr/comanage/tutorial-co-manage-clients#configure-auto-enrollment-of-devices-to-intune',
  appliesWhen: (plan) => isExistingClientsPath(plan) && plan.bool('intune.enrollmentApp.present') !== false,
  needs: ['intune.enrollmentApp.mdmUserScope'],
  check(plan) {
    const scope = plan.choice('intune.enrollmentApp.mdmUserScope');
    if (scope === 'all') return undefined;
    return {
      message: `The co-management tutorial sets the MDM user scope of the Microsoft Intune Enrollment app (Mobility (MDM and MAM)) to All, next to the Microsoft Intune app's scope; it is ${scope === 'some' ? 'Some' : 'None'} here. Set it to All, or check that every user whose device is co-managed is in its scope.`,
      path: 'intune.enrollmentApp.mdmUserScope',
    };
  },
  examples: {
    fail: ['version: 1\npath: existing-clients\nintune:\n  enrollmentApp:\n    present: true\n    mdmUserScope: none'],
    pass: ['version: 1\npath: existing-clients\nintune:\n  enrollmentApp:\n    present: true\n    mdmUserScope: all'],
  },
});

export const comanagementEnrollmentMfaToast = defineReadinessRule({
  id: 'comanagement-enrollment-mfa-toast', area: 'enrollment', severity: 'warning',
  basis: { words: 'Users should use multi-factor authentication', page: 'https://learn.microsoft.com/intune/configmgr/comanage/how-to-monitor#enrollment-errors' },
  source: 'intune/configmgr/comanage/how-to-monitor.md (newer copy)',
  title: 'With MFA at enrollment, users of existing clients sign in to Windows with a second factor',
  docUrl: 'https://learn.microsoft.com/intune/configmgr/comanage/how-to-monitor#enrollment-errors',
  appliesWhen: isExistingClientsPath,
  needs: ['conditionalAccess.enrollmentMfa'],
  // Only users who sign in to Windows without a second factor get the prompt: with Windows Hello
  // for Business (the setup the page asks for) enrollment goes through silently.
  needsEach: (plan) => plan.bool('conditionalAccess.enrollmentMfa') === true ? ['clients.signInWithMfa'] : [],
  check(plan) {
    if (plan.bool('conditionalAccess.enrollmentMfa') !== true || plan.bool('clients.signInWithMfa') !== false) return undefined;
    return {
      message: 'Enrollment requires multifactor authentication and users sign in to Windows without a second factor (clients.signInWithMfa: false): each gets a notification asking to enroll, and if it is ignored the enrollment fails with 0x8018002A until Configuration Manager retries. Have users sign in to Windows with multifactor authentication (Windows Hello for Business, say) and tell them to act on the prompt.',
      path: 'clients.signInWithMfa',
    };
  },
  examples: {
    fail: ['version: 1\npath: existing-clients\nconditionalAccess:\n  enrollmentMfa: true\nclients:\n  signInWithMfa: false'],
    pass: [
      'version: 1\npath: existing-clients\nconditionalAccess:\n  enrollmentMfa: false',
      // MFA at enrollment, and users sign in with Windows Hello for Business: no prompt.
      'version: 1\npath: existing-clients\nconditionalAccess:\n  enrollmentMfa: true\nclients:\n  signInWithMfa: true',
    ],
  },
});
