// Identity: how devices join Microsoft Entra ID, whether users are synchronized, and which client
// authentication fits. These decide whether devices can be co-managed and on which path.
import { ON_PREMISES_METHODS } from './installMethods';
import { DOCS, isAutopilotIntoComanagement, isExistingClientsPath, isHybridJoined } from './scope';
import { defineReadinessRule } from './types';

const PATH_1 = `${DOCS}/quickstart-paths#bkmk_path1`;
const PATHS_SOURCE = 'intune/configmgr/comanage/quickstart-paths.md (newer copy)';

// ---- Join type ----

export const registeredDevicesUnsupported = defineReadinessRule({
  id: 'registered-devices-not-comanaged', area: 'identity', severity: 'error',
  basis: { words: 'aren\'t supported with co-management', page: 'https://learn.microsoft.com/intune/configmgr/comanage/overview#azure-ad' },
  source: 'intune/configmgr/comanage/overview.md (newer copy); deploy-clients-cmg-azure.md (newer copy)',
  title: 'Devices must be Microsoft Entra joined or hybrid joined; registered (workplace joined) devices can\'t be co-managed',
  docUrl: `${DOCS}/overview#microsoft-entra-id`,
  needs: ['identity.deviceJoin'],
  check(plan) {
    if (plan.choice('identity.deviceJoin') !== 'registered') return undefined;
    // Entra ID client authentication has the same join requirement; one finding says both.
    const auth = plan.choice('site.clientAuthentication') === 'entra-id' ? ' Microsoft Entra ID client authentication needs joined devices too.' : '';
    return { message: `Co-management needs Microsoft Entra joined or hybrid joined devices; devices that are only registered (workplace joined) can't be co-managed.${auth}`, path: 'identity.deviceJoin' };
  },
  examples: {
    fail: ['version: 1\nidentity:\n  deviceJoin: registered', 'version: 1\nsite:\n  clientAuthentication: entra-id\nidentity:\n  deviceJoin: registered'],
    pass: ['version: 1\nidentity:\n  deviceJoin: hybrid-joined', 'version: 1\nsite:\n  clientAuthentication: entra-id\nidentity:\n  deviceJoin: entra-joined'],
  },
});

// ---- The existing-clients path (path 1) ----

export const existingClientsHybridJoin = defineReadinessRule({
  id: 'identity-existing-clients-hybrid-join', area: 'identity', severity: 'error', source: PATHS_SOURCE,
  basis: { words: 'needs to be hybrid joined before', page: 'https://learn.microsoft.com/intune/configmgr/comanage/faq#is-microsoft-entra-hybrid-join-the-only-option-for-co-management' },
  title: 'Existing clients are Microsoft Entra hybrid joined',
  docUrl: PATH_1,
  appliesWhen: isExistingClientsPath,
  needs: ['identity.deviceJoin'],
  check(plan) {
    if (plan.choice('identity.deviceJoin') !== 'entra-joined') return undefined;
    return { message: 'The existing-clients path is built on hybrid Entra join through Microsoft Entra Connect; for devices that are Entra joined only, follow the path for new internet-based devices.', path: 'identity.deviceJoin' };
  },
  examples: {
    fail: ['version: 1\npath: existing-clients\nidentity:\n  deviceJoin: entra-joined'],
    pass: ['version: 1\npath: existing-clients\nidentity:\n  deviceJoin: hybrid-joined'],
  },
});

export const existingClientsUserSync = defineReadinessRule({
  id: 'identity-existing-clients-user-sync', area: 'identity', severity: 'error',
  basis: { words: 'requires configuration of Microsoft Entra Connect', page: 'https://learn.microsoft.com/intune/configmgr/comanage/tutorial-co-manage-clients#set-up-azure-ad-connect' },
  source: `${PATHS_SOURCE}; tutorial-co-manage-clients.md (newer copy)`,
  title: 'On the existing-clients path, on-premises users are synchronized with Microsoft Entra Connect',
  docUrl: `${DOCS}/tutorial-co-manage-clients#set-up-microsoft-entra-connect`,
  appliesWhen: isExistingClientsPath,
  needs: ['identity.usersSynced'],
  check(plan) {
    if (plan.bool('identity.usersSynced') !== false) return undefined;
    return { message: 'The existing-clients path expects Microsoft Entra Connect to synchronize on-premises identities (password hash sync, pass-through authentication or federation); set it up first.', path: 'identity.usersSynced' };
  },
  examples: {
    fail: ['version: 1\npath: existing-clients\nidentity:\n  deviceJoin: hybrid-joined\n  usersSynced: false'],
    pass: ['version: 1\npath: existing-clients\nidentity:\n  deviceJoin: hybrid-joined\n  usersSynced: true'],
  },
});

export const autoRegisterClientSetting = defineReadinessRule({
  id: 'identity-auto-register-client-setting', area: 'identity', severity: 'error',
  basis: { words: 'set ... to = Yes', page: 'https://learn.microsoft.com/intune/configmgr/comanage/tutorial-co-manage-clients#configure-client-settings-to-direct-clients-to-register-with-azure-ad', override: 'A step the paths page lists among what path 1 needs (P5); the rule speaks only on an explicit No' },
  source: 'intune/configmgr/comanage/tutorial-co-manage-clients.md (newer copy)',
  title: 'The client setting that registers new domain-joined devices with Microsoft Entra ID is on',
  docUrl: `${DOCS}/tutorial-co-manage-clients#configure-client-settings-to-direct-clients-to-register-with-azure-ad`,
  appliesWhen: (plan) => isExistingClientsPath(plan) && isHybridJoined(plan),
  needs: ['clientSettings.autoRegisterWithEntra'],
  check(plan) {
    if (plan.bool('clientSettings.autoRegisterWithEntra') !== false) return undefined;
    return { message: 'Domain-joined clients become hybrid joined by registering with Microsoft Entra ID; set the Cloud Services client setting "Automatically register new Windows 10 or later domain joined devices with Microsoft Entra ID" to Yes.', path: 'clientSettings.autoRegisterWithEntra' };
  },
  examples: {
    fail: ['version: 1\npath: existing-clients\nidentity:\n  deviceJoin: hybrid-joined\nclientSettings:\n  autoRegisterWithEntra: false'],
    pass: ['version: 1\npath: existing-clients\nidentity:\n  deviceJoin: hybrid-joined\nclientSettings:\n  autoRegisterWithEntra: true'],
  },
});

// ---- Hybrid join during Autopilot ----

export const hybridAutopilotClientAfterwards = defineReadinessRule({
  id: 'identity-hybrid-autopilot-client-after-provisioning', area: 'identity', severity: 'error',
  basis: { words: 'You can\'t deploy the ... client', page: 'https://learn.microsoft.com/intune/configmgr/comanage/faq#can-i-use-windows-autopilot-with-co-management' },
  source: 'intune/configmgr/comanage/how-to-prepare-Win10.md (newer copy)',
  title: 'With a hybrid join Autopilot profile, the client is installed after Autopilot finishes',
  docUrl: `${DOCS}/how-to-prepare-win10#windows-autopilot`,
  // Autopilot into co-management rejects hybrid join outright (autopilot-entra-join-only).
  // Client push, group policy, software updates, logon scripts and manual installs reach the device
  // from the site or the domain on their own schedule, which the plan doesn't state: this rule judges
  // the methods Intune runs during enrollment, and after-autopilot.
  appliesWhen: (plan) => plan.bool('autopilot.enabled') === true && !isAutopilotIntoComanagement(plan) && plan.choice('autopilot.joinType') === 'hybrid'
    && !ON_PREMISES_METHODS.has(plan.choice('comanagement.clientInstallMethod') ?? ''),
  needs: ['comanagement.clientInstallMethod'],
  check(plan) {
    if (plan.choice('comanagement.clientInstallMethod') === 'after-autopilot') return undefined;
    return { message: 'The client can\'t be installed while user-driven Autopilot performs a hybrid join, because the device identity changes part way; install it after Autopilot finishes.', path: 'comanagement.clientInstallMethod' };
  },
  examples: {
    fail: ['version: 1\npath: new-internet-devices\nautopilot:\n  enabled: true\n  joinType: hybrid\ncomanagement:\n  clientInstallMethod: intune-win32-app', 'version: 1\npath: new-internet-devices\nautopilot:\n  enabled: true\n  joinType: hybrid\ncomanagement:\n  clientInstallMethod: intune-lob-app'],
    pass: ['version: 1\npath: new-internet-devices\nautopilot:\n  enabled: true\n  joinType: hybrid\ncomanagement:\n  clientInstallMethod: after-autopilot'],
  },
});

// ---- Client authentication over the CMG ----

export const userCentricNeedsEntraAuth = defineReadinessRule({
  id: 'identity-user-centric-needs-entra-auth', area: 'identity', severity: 'error',
  basis: { words: 'the only one that enables user-centric', page: 'https://learn.microsoft.com/intune/configmgr/core/clients/manage/cmg/plan-client-authentication#azure-ad' },
  source: 'intune/configmgr/core/clients/manage/cmg/plan-client-authentication.md (newer copy)',
  title: 'User-targeted deployments to internet clients use Microsoft Entra ID client authentication',
  docUrl: 'https://learn.microsoft.com/intune/configmgr/core/clients/manage/cmg/plan-client-authentication#azure-ad',
  appliesWhen: (plan) => plan.bool('site.userCentricDeployments') === true,
  needs: ['site.clientAuthentication'],
  check(plan) {
    const auth = plan.choice('site.clientAuthentication');
    if (auth !== 'pki' && auth !== 'token') return undefined;
    return { message: `Over a CMG only Microsoft Entra ID authentication supports user scenarios such as apps deployed to user collections; ${auth === 'pki' ? 'PKI certificates' : 'site tokens'} are device-only.`, path: 'site.clientAuthentication' };
  },
  examples: {
    fail: ['version: 1\nsite:\n  clientAuthentication: token\n  userCentricDeployments: true'],
    pass: ['version: 1\nsite:\n  clientAuthentication: entra-id\n  userCentricDeployments: true'],
  },
});

// ---- Hybrid join setup (existing clients) ----

const CLIENTS_TUTORIAL_SOURCE = 'intune/configmgr/comanage/tutorial-co-manage-clients.md (newer copy)';

export const entraConnectDeviceSync = defineReadinessRule({
  id: 'identity-entra-connect-device-sync', area: 'identity', severity: 'error',
  basis: { words: 'requires configuration of Microsoft Entra Connect', page: 'https://learn.microsoft.com/intune/configmgr/comanage/tutorial-co-manage-clients#set-up-azure-ad-connect' },
  source: `${CLIENTS_TUTORIAL_SOURCE}; entra-docs docs/identity/devices/how-to-hybrid-join.md #prerequisites`,
  title: 'Microsoft Entra Connect synchronizes the computer accounts of hybrid joined devices',
  docUrl: `${DOCS}/tutorial-co-manage-clients#set-up-azure-ad-connect`,
  appliesWhen: isHybridJoined,
  needs: ['identity.entraConnect.deviceSync'],
  check(plan) {
    if (plan.bool('identity.entraConnect.deviceSync') !== false) return undefined;
    return { message: 'Hybrid join needs Microsoft Entra Connect to keep the on-premises computer accounts and their Entra device objects in step; put the OUs that hold the devices in its sync scope.', path: 'identity.entraConnect.deviceSync' };
  },
  examples: {
    fail: ['version: 1\nidentity:\n  deviceJoin: hybrid-joined\n  entraConnect:\n    deviceSync: false'],
    pass: ['version: 1\nidentity:\n  deviceJoin: hybrid-joined\n  entraConnect:\n    deviceSync: true'],
  },
});

export const hybridJoinScp = defineReadinessRule({
  id: 'identity-hybrid-join-scp', area: 'identity', severity: 'error', source: CLIENTS_TUTORIAL_SOURCE,
  basis: { words: 'configure the service connection point', page: 'https://learn.microsoft.com/intune/configmgr/comanage/tutorial-co-manage-clients#configure-a-hybrid-azure-ad-join-using-azure-ad-connect', override: "A setup step without a modal verb: without the SCP devices don't find the tenant and hybrid join doesn't happen, so the step is required" },
  title: 'The hybrid join service connection point is configured in every forest that holds the devices',
  docUrl: `${DOCS}/tutorial-co-manage-clients#configure-a-hybrid-azure-ad-join-using-azure-ad-connect`,
  appliesWhen: isHybridJoined,
  needs: ['identity.hybridJoin.scpConfigured'],
  check(plan) {
    if (plan.bool('identity.hybridJoin.scpConfigured') !== false) return undefined;
    return { message: 'Domain-joined devices find the tenant to hybrid join through the service connection point (SCP); configure it for each forest that holds them (Entra Connect, device options; enterprise admin credentials needed).', path: 'identity.hybridJoin.scpConfigured' };
  },
  examples: {
    fail: ['version: 1\nidentity:\n  deviceJoin: hybrid-joined\n  hybridJoin:\n    scpConfigured: false'],
    pass: ['version: 1\nidentity:\n  deviceJoin: hybrid-joined\n  hybridJoin:\n    scpConfigured: true'],
  },
});

export const hybridJoinUpnSupport = defineReadinessRule({
  id: 'hybrid-join-upn-support', area: 'identity', severity: 'error',
  basis: { words: 'Not supported', page: 'https://learn.microsoft.com/entra/identity/devices/hybrid-join-plan#review-on-premises-ad-users-upn-support-for-microsoft-entra-hybrid-join' },
  source: 'entra-docs docs/identity/devices/hybrid-join-plan.md (newest copy)',
  title: 'Hybrid join supports the users\' UPN: a non-routable on-premises UPN needs a federated domain',
  docUrl: 'https://learn.microsoft.com/entra/identity/devices/hybrid-join-plan#review-on-premises-ad-users-upn-support-for-microsoft-entra-hybrid-join',
  appliesWhen: isHybridJoined,
  needs: ['identity.onPremisesUpn', 'identity.domainType'],
  check(plan) {
    if (plan.choice('identity.onPremisesUpn') !== 'non-routable' || plan.choice('identity.domainType') !== 'managed') return undefined;
    return { message: 'Hybrid join doesn\'t support users whose on-premises UPN is non-routable (such as contoso.local) in a managed domain; give them a routable UPN suffix verified in Microsoft Entra ID, or federate the domain.', path: 'identity.onPremisesUpn' };
  },
  examples: {
    fail: ['version: 1\nidentity:\n  deviceJoin: hybrid-joined\n  domainType: managed\n  onPremisesUpn: non-routable'],
    pass: [
      'version: 1\nidentity:\n  deviceJoin: hybrid-joined\n  domainType: managed\n  onPremisesUpn: routable',
      'version: 1\nidentity:\n  deviceJoin: hybrid-joined\n  domainType: federated\n  onPremisesUpn: non-routable',
    ],
  },
});
