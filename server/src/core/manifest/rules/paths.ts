// The paths to co-management and the cloud attach wizard's options: what the existing-clients path
// needs on the identity side (a hybrid sign-in option, hybrid join configured), and the Intune side of
// clearing "Enforce Configuration Manager RBAC". The rest of identity lives in identity.ts.
import { domainTypeOf } from './hybridJoin';
import { DOCS, isExistingClientsPath, scpStillToConfigure } from './scope';
import { defineReadinessRule } from './types';
import { manifest } from './workloads';

const PATH_1 = `${DOCS}/quickstart-paths#bkmk_path1`;
const SRC_PATHS = 'intune/configmgr/comanage/quickstart-paths.md (newer copy)';
const CUSTOM_ATTACH = 'https://learn.microsoft.com/intune/configmgr/cloud-attach/enable#cloud-attach-using-custom-settings';

export const hybridSignInMethod = defineReadinessRule({
  id: 'identity-hybrid-signin-method', area: 'identity', severity: 'error', source: SRC_PATHS,
  basis: { words: 'One of the following', page: 'https://learn.microsoft.com/intune/configmgr/comanage/quickstart-paths#bkmk_path1', override: 'Listed under what the existing-clients path needs: one of three hybrid sign-in options is a requirement' },
  title: 'On the existing-clients path, users sign in with a hybrid identity option (password hash sync or pass-through with Seamless SSO, or AD FS)',
  docUrl: PATH_1,
  appliesWhen: isExistingClientsPath,
  needs: ['identity.signInMethod'],
  check(plan) {
    if (plan.choice('identity.signInMethod') !== 'none') return undefined;
    return {
      message: 'Auto-enrolling existing clients needs one hybrid identity sign-in option: password hash synchronization with Seamless SSO, pass-through authentication with Seamless SSO, or federation with AD FS. The plan has none (identity.signInMethod); set one up in Microsoft Entra Connect.',
      path: 'identity.signInMethod',
    };
  },
  examples: {
    fail: [manifest('path: existing-clients', 'identity:\n  signInMethod: none')],
    pass: [manifest('path: existing-clients', 'identity:\n  signInMethod: phs-sso')],
  },
});

export const hybridJoinConfigured = defineReadinessRule({
  id: 'identity-hybrid-join-configured', area: 'identity', severity: 'error', source: SRC_PATHS,
  basis: { words: 'Configure Microsoft Entra hybrid join', page: 'https://learn.microsoft.com/intune/configmgr/comanage/quickstart-paths#bkmk_path1', override: 'Listed under what the existing-clients path needs (one option for managed, one for federated domains): a requirement' },
  title: 'On the existing-clients path, Microsoft Entra hybrid join is configured for the domain (managed or federated)',
  docUrl: PATH_1,
  // One report for one gap: with the SCP stated as not configured, identity-hybrid-join-scp speaks.
  appliesWhen: (plan) => isExistingClientsPath(plan) && !scpStillToConfigure(plan),
  needs: ['identity.hybridJoin.configured'],
  check(plan) {
    if (plan.bool('identity.hybridJoin.configured') !== false) return undefined;
    const domain = domainTypeOf(plan);
    const how = domain === 'federated' ? 'the federated-domain option (AD FS)' : domain === 'managed' ? 'the managed-domain option' : 'the option for your domain type (managed or federated)';
    return {
      message: `Existing clients are auto-enrolled only once they are hybrid joined, and the plan says hybrid join isn't configured yet (identity.hybridJoin.configured): configure it with ${how} in Microsoft Entra Connect (Configure device options) first.`,
      path: 'identity.hybridJoin.configured',
    };
  },
  examples: {
    fail: [manifest('path: existing-clients', 'identity:\n  domainType: managed\n  hybridJoin:\n    configured: false'),
      manifest('path: existing-clients', 'identity:\n  signInMethod: federated-adfs\n  hybridJoin:\n    configured: false')],
    pass: [manifest('path: existing-clients', 'identity:\n  domainType: managed\n  hybridJoin:\n    configured: true')],
  },
});

export const cloudAttachIntuneRbac = defineReadinessRule({
  id: 'cloudattach-intune-rbac-configured', area: 'permissions', severity: 'error',
  source: 'intune/configmgr/cloud-attach/enable.md (newer copy)',
  basis: { words: 'need to be configured too', page: CUSTOM_ATTACH },
  title: 'With "Enforce Configuration Manager RBAC" cleared, Intune role-based access for tenant-attached devices is set up',
  docUrl: CUSTOM_ATTACH,
  appliesWhen: (plan) => plan.bool('site.cloudAttachOptions.enforceConfigMgrRbac') === false,
  needs: ['site.cloudAttachOptions.intuneRbacConfigured'],
  check(plan) {
    if (plan.bool('site.cloudAttachOptions.intuneRbacConfigured') !== false) return undefined;
    return {
      message: 'The plan clears "Enforce Configuration Manager RBAC", which makes Intune the role-based access authority for cloud console actions on tenant-attached devices, but Intune isn\'t set up for it; configure Intune RBAC for tenant-attached clients as well, or keep the option on.',
      path: 'site.cloudAttachOptions.intuneRbacConfigured',
    };
  },
  examples: {
    fail: [manifest('site:\n  cloudAttachOptions:\n    enforceConfigMgrRbac: false\n    intuneRbacConfigured: false')],
    pass: [manifest('site:\n  cloudAttachOptions:\n    enforceConfigMgrRbac: false\n    intuneRbacConfigured: true')],
  },
});
