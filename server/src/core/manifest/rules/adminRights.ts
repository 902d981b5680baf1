// Admin rights beyond the Configuration Manager and Entra roles in permissions.ts: the on-premises
// Active Directory and AD FS rights hybrid join set-up takes, importing pre-created Entra apps, and
// creating a bulk registration token.
import { Plan } from '../plan';
import { roles } from './permissions';
import { DOCS, isExistingClientsPath } from './scope';
import { Finding, defineReadinessRule } from './types';

const TUTORIAL = `${DOCS}/tutorial-co-manage-clients`;
const TUTORIAL_SOURCE = 'intune/configmgr/comanage/tutorial-co-manage-clients.md (newer copy)';
const CONFIGURE = 'https://learn.microsoft.com/entra/identity/devices/how-to-hybrid-join';
const CONFIGURE_SOURCE = 'entra-docs docs/identity/devices/how-to-hybrid-join.md (newest copy)';
const AD_ROLES = 'permissions.activeDirectoryRoles';

const hybridJoined = (plan: Plan): boolean => plan.choice('identity.deviceJoin') === 'hybrid-joined';
/** Hybrid join is still to be configured in Entra Connect: the plan says the SCP isn't there yet. */
const scpStillToConfigure = (plan: Plan): boolean => hybridJoined(plan) && plan.bool('identity.hybridJoin.scpConfigured') === false;

export const domainAdminHybridJoin = defineReadinessRule({
  id: 'permissions-domain-admin-hybrid-join', area: 'permissions', severity: 'error',
  basis: { words: 'An account that\'s a domain admin', page: `${TUTORIAL}#permissions`, override: 'The tutorial\'s Permissions list: the accounts its steps need' },
  source: TUTORIAL_SOURCE,
  title: 'On the existing-clients path, a domain admin account takes part in the set-up',
  docUrl: `${TUTORIAL}#permissions`,
  appliesWhen: (plan) => isExistingClientsPath(plan) && hybridJoined(plan),
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
  appliesWhen: (plan) => scpStillToConfigure(plan) && plan.bool('identity.hybridJoin.scpOnDevices') !== true,
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
  appliesWhen: (plan) => scpStillToConfigure(plan) && plan.choice('identity.domainType') === 'federated',
  needs: [AD_ROLES],
  check(plan) {
    if (roles(plan, AD_ROLES)!.has('adfs-admin')) return undefined;
    return { message: 'For a federated domain Entra Connect\'s hybrid join wizard has a Federation configuration page that asks for AD FS administrator credentials; the plan\'s Active Directory rights don\'t include adfs-admin.', path: AD_ROLES };
  },
  examples: {
    fail: ['version: 1\nidentity:\n  deviceJoin: hybrid-joined\n  domainType: federated\n  hybridJoin:\n    scpConfigured: false\npermissions:\n  activeDirectoryRoles: [enterprise-admin]'],
    pass: ['version: 1\nidentity:\n  deviceJoin: hybrid-joined\n  domainType: federated\n  hybridJoin:\n    scpConfigured: false\npermissions:\n  activeDirectoryRoles: [enterprise-admin, adfs-admin]'],
  },
});

export const importAppsFullAdmin = defineReadinessRule({
  id: 'permissions-import-apps-full-admin', area: 'permissions', severity: 'error',
  basis: { words: 'Configuration Manager Full Administrator', page: `${DOCS}/overview#permissions-and-roles`, override: 'The role table names the role each action needs' },
  source: 'intune/configmgr/comanage/overview.md (newer copy)',
  title: 'Importing pre-created Entra apps into Configuration Manager takes a Full Administrator',
  docUrl: `${DOCS}/overview#permissions-and-roles`,
  appliesWhen: (plan) => plan.bool('site.entraApps.preCreated') === true,
  needs: ['permissions.configMgrRole'],
  check(plan) {
    const role = plan.choice('permissions.configMgrRole')!;
    if (role === 'full-administrator') return undefined;
    return { message: `Importing the pre-created Entra apps in the Azure Services wizard takes the Full Administrator role in Configuration Manager (no Azure role), not ${role}.`, path: 'permissions.configMgrRole' };
  },
  examples: {
    fail: ['version: 1\nsite:\n  entraApps:\n    preCreated: true\npermissions:\n  configMgrRole: infrastructure-administrator'],
    pass: ['version: 1\nsite:\n  entraApps:\n    preCreated: true\npermissions:\n  configMgrRole: full-administrator'],
  },
});

export const bulkTokenCreator = defineReadinessRule({
  id: 'permissions-bulk-token-creator', area: 'permissions', severity: 'error',
  basis: { words: 'Full Administrator in Configuration Manager', page: 'https://learn.microsoft.com/intune/configmgr/core/clients/deploy/deploy-clients-cmg-token#bulk-registration-token', override: 'The sign-in step names the account the token tool needs' },
  source: 'intune/configmgr/core/clients/deploy/deploy-clients-cmg-token.md (newer copy)',
  title: 'A Full Administrator who is a local administrator on the top-level site server creates the bulk registration token',
  docUrl: 'https://learn.microsoft.com/intune/configmgr/core/clients/deploy/deploy-clients-cmg-token#bulk-registration-token',
  appliesWhen: (plan) => plan.has('site.bulkRegistrationToken'),
  needsAny: ['permissions.configMgrRole', 'permissions.siteServerLocalAdmin'],
  check(plan) {
    const findings: Finding[] = [];
    const role = plan.choice('permissions.configMgrRole');
    if (role !== undefined && role !== 'full-administrator') findings.push({ message: `BulkRegistrationTokenTool.exe is run by a Full Administrator in Configuration Manager, not ${role}.`, path: 'permissions.configMgrRole' });
    if (plan.bool('permissions.siteServerLocalAdmin') === false) findings.push({ message: 'BulkRegistrationTokenTool.exe runs on the top-level site server from an elevated prompt; the account must be in that server\'s local Administrators group.', path: 'permissions.siteServerLocalAdmin' });
    return findings;
  },
  examples: {
    fail: ['version: 1\nsite:\n  bulkRegistrationToken:\n    lifetimeMinutes: 4320\npermissions:\n  configMgrRole: full-administrator\n  siteServerLocalAdmin: false'],
    pass: ['version: 1\nsite:\n  bulkRegistrationToken:\n    lifetimeMinutes: 4320\npermissions:\n  configMgrRole: full-administrator\n  siteServerLocalAdmin: true'],
  },
});
