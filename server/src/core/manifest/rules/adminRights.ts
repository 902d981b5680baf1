// Admin rights beyond the Configuration Manager and Entra roles in permissions.ts: the on-premises
// Active Directory and AD FS rights hybrid join set-up takes, and the site server rights creating a
// bulk registration token takes. (The Full Administrator role, which importing pre-created Entra apps
// and the token tool need too, is permissions-full-admin-all-scopes in permissions.ts: one report.)
import { Plan } from '../plan';
import { domainTypeOf } from './hybridJoin';
import { roles } from './permissions';
import { DOCS, isExistingClientsPath, isHybridJoined, scpStillToConfigure } from './scope';
import { defineReadinessRule } from './types';

const TUTORIAL = `${DOCS}/tutorial-co-manage-clients`;
const TUTORIAL_SOURCE = 'intune/configmgr/comanage/tutorial-co-manage-clients.md (newer copy)';
const CONFIGURE = 'https://learn.microsoft.com/entra/identity/devices/how-to-hybrid-join';
const CONFIGURE_SOURCE = 'entra-docs docs/identity/devices/how-to-hybrid-join.md (newest copy)';
const AD_ROLES = 'permissions.activeDirectoryRoles';

/** Entra Connect still has to write the SCP into Active Directory: the enterprise admin rule applies. */
const enterpriseAdminAsked = (plan: Plan): boolean => scpStillToConfigure(plan) && plan.bool('identity.hybridJoin.scpOnDevices') !== true;

export const domainAdminHybridJoin = defineReadinessRule({
  id: 'permissions-domain-admin-hybrid-join', area: 'permissions', severity: 'error',
  basis: { words: 'An account that\'s a domain admin', page: `${TUTORIAL}#permissions`, override: 'The tutorial\'s Permissions list: the accounts its steps need' },
  source: TUTORIAL_SOURCE,
  title: 'On the existing-clients path, a domain admin account takes part in the set-up',
  docUrl: `${TUTORIAL}#permissions`,
  // While the SCP is still to be written, permissions-enterprise-admin-scp asks for an enterprise admin
  // (who is a domain admin in every domain of the forest): one report on the same key.
  appliesWhen: (plan) => isExistingClientsPath(plan) && isHybridJoined(plan) && !enterpriseAdminAsked(plan),
  needs: [AD_ROLES],
  check(plan) {
    const held = roles(plan, AD_ROLES)!;
    if (held.has('domain-admin') || held.has('enterprise-admin')) return undefined;
    return { message: 'The existing-clients tutorial asks for a domain admin account on the on-premises side, and the plan\'s Active Directory rights include neither domain-admin nor enterprise-admin; have a domain admin take part.', path: AD_ROLES };
  },
  examples: {
    fail: ['version: 1\npath: existing-clients\nidentity:\n  deviceJoin: hybrid-joined\npermissions:\n  activeDirectoryRoles: [adfs-admin]'],
    pass: ['version: 1\npath: existing-clients\nidentity:\n  deviceJoin: hybrid-joined\npermissions:\n  activeDirectoryRoles: [domain-admin]'],
  },
});

export const enterpriseAdminScp = defineReadinessRule({
  id: 'permissions-enterprise-admin-scp', area: 'permissions', severity: 'error',
  basis: { words: 'Enterprise administrator credentials for each', page: `${CONFIGURE}#prerequisites`, override: 'Listed as a prerequisite: Entra Connect asks for them to write the SCP in each forest' },
  source: `${CONFIGURE_SOURCE}; ${TUTORIAL_SOURCE}`,
  title: 'An enterprise admin of each forest configures the hybrid join SCP',
  docUrl: `${CONFIGURE}#prerequisites`,
  appliesWhen: enterpriseAdminAsked,
  needs: [AD_ROLES],
  check(plan) {
    if (roles(plan, AD_ROLES)!.has('enterprise-admin')) return undefined;
    return { message: 'Entra Connect writes the service connection point into each forest that holds the devices and asks for that forest\'s enterprise administrator credentials; the plan\'s Active Directory rights don\'t include enterprise-admin. Have an enterprise admin of each forest enter them.', path: AD_ROLES };
  },
  examples: {
    fail: ['version: 1\nidentity:\n  deviceJoin: hybrid-joined\n  hybridJoin:\n    scpConfigured: false\npermissions:\n  activeDirectoryRoles: [domain-admin]'],
    pass: ['version: 1\nidentity:\n  deviceJoin: hybrid-joined\n  hybridJoin:\n    scpConfigured: false\npermissions:\n  activeDirectoryRoles: [domain-admin, enterprise-admin]'],
  },
});

export const adfsAdminFederated = defineReadinessRule({
  id: 'permissions-adfs-admin-federated', area: 'permissions', severity: 'error',
  basis: { words: 'credentials of your AD FS administrator', page: `${CONFIGURE}#federated-domains`, override: 'A step of the federated set-up that can\'t be done without them' },
  source: `${CONFIGURE_SOURCE}; ${TUTORIAL_SOURCE}`,
  title: 'In a federated domain, an AD FS administrator takes part in configuring hybrid join',
  docUrl: `${CONFIGURE}#federated-domains`,
  appliesWhen: (plan) => scpStillToConfigure(plan) && domainTypeOf(plan) === 'federated',
  needs: [AD_ROLES],
  check(plan) {
    if (roles(plan, AD_ROLES)!.has('adfs-admin')) return undefined;
    return { message: 'For a federated domain Entra Connect\'s hybrid join wizard has a Federation configuration page that asks for AD FS administrator credentials; the plan\'s Active Directory rights (permissions.activeDirectoryRoles) don\'t include adfs-admin. Have an administrator of the AD FS farm enter them.', path: AD_ROLES };
  },
  examples: {
    fail: ['version: 1\nidentity:\n  deviceJoin: hybrid-joined\n  domainType: federated\n  hybridJoin:\n    scpConfigured: false\npermissions:\n  activeDirectoryRoles: [enterprise-admin]'],
    pass: ['version: 1\nidentity:\n  deviceJoin: hybrid-joined\n  domainType: federated\n  hybridJoin:\n    scpConfigured: false\npermissions:\n  activeDirectoryRoles: [enterprise-admin, adfs-admin]'],
  },
});

export const bulkTokenCreator = defineReadinessRule({
  id: 'permissions-bulk-token-creator', area: 'permissions', severity: 'error',
  basis: { words: 'member of the local Administrators group', page: 'https://learn.microsoft.com/intune/configmgr/core/clients/deploy/deploy-clients-cmg-token#bulk-registration-token', override: 'The sign-in step names the account the token tool needs: without it the tool can\'t be run' },
  source: 'intune/configmgr/core/clients/deploy/deploy-clients-cmg-token.md (newer copy)',
  title: 'The admin who creates the bulk registration token is a local administrator on the top-level site server',
  docUrl: 'https://learn.microsoft.com/intune/configmgr/core/clients/deploy/deploy-clients-cmg-token#bulk-registration-token',
  appliesWhen: (plan) => plan.has('site.bulkRegistrationToken'),
  // The Full Administrator role the same step names is checked once, by permissions-full-admin-all-scopes.
  needs: ['permissions.siteServerLocalAdmin'],
  check(plan) {
    if (plan.bool('permissions.siteServerLocalAdmin') !== false) return undefined;
    return { message: 'BulkRegistrationTokenTool.exe is run on the top-level site server from an elevated command prompt, by a Full Administrator who is in that server\'s local Administrators group; the plan says the admin isn\'t (permissions.siteServerLocalAdmin). Add the account to the group, or have another Full Administrator create the token.', path: 'permissions.siteServerLocalAdmin' };
  },
  examples: {
    fail: ['version: 1\nsite:\n  bulkRegistrationToken:\n    lifetimeMinutes: 4320\npermissions:\n  configMgrRole: full-administrator\n  siteServerLocalAdmin: false'],
    pass: ['version: 1\nsite:\n  bulkRegistrationToken:\n    lifetimeMinutes: 4320\npermissions:\n  configMgrRole: full-administrator\n  siteServerLocalAdmin: true'],
  },
});
