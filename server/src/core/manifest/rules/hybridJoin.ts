// Microsoft Entra hybrid join as the Entra documentation plans and configures it: federated and
// managed domains, the service connection point, domain controllers, Windows releases and network.
// (The SCP being configured at all, and UPN support: identity.ts.) A federated domain is one the
// plan states as domainType federated, or, without domainType, as signInMethod federated-adfs.
import { Plan } from '../plan';
import { defineReadinessRule } from './types';
import { WINDOWS_VERSION_KEYS, isHybridJoined, oldestWindows, windowsRank } from './scope';

const PLAN = 'https://learn.microsoft.com/entra/identity/devices/hybrid-join-plan';
const CONFIGURE = 'https://learn.microsoft.com/entra/identity/devices/how-to-hybrid-join';
const PLAN_SOURCE = 'entra-docs docs/identity/devices/hybrid-join-plan.md (newest copy)';
const CONFIGURE_SOURCE = 'entra-docs docs/identity/devices/how-to-hybrid-join.md (newest copy)';

/** The domain type the plan states, or the one its sign-in option implies (PHS or PTA: managed; AD FS: federated). */
export function domainTypeOf(plan: Plan): 'managed' | 'federated' | undefined {
  const domain = plan.choice('identity.domainType');
  if (domain === 'managed' || domain === 'federated') return domain;
  const signIn = plan.choice('identity.signInMethod');
  return signIn === 'phs-sso' || signIn === 'pta-sso' ? 'managed' : signIn === 'federated-adfs' ? 'federated' : undefined;
}

/** A hybrid joined plan whose domain is federated (stated as domainType, or as signInMethod federated-adfs). */
const federated = (plan: Plan): boolean => isHybridJoined(plan) && domainTypeOf(plan) === 'federated';

/** Windows Server releases in the order of the format's values. */
const SERVER_ORDER = ['2003', '2008', '2008-r2', '2012', '2012-r2', '2016', '2019', '2022', '2025'];
const serverName = (value: string): string => `Windows Server ${value.replace('-r2', ' R2')}`;
const serverOlderThan = (value: string, floor: string): boolean => {
  const i = SERVER_ORDER.indexOf(value);
  return i !== -1 && i < SERVER_ORDER.indexOf(floor);
};

// ---- Federated domains ----

export const federatedNeedsAdfsAuthService = defineReadinessRule({
  id: 'identity-federated-needs-adfs-config', area: 'identity', severity: 'error',
  basis: { words: 'You must select AD FS server', page: `${CONFIGURE}#federated-domains` },
  source: `${CONFIGURE_SOURCE}; intune/configmgr/comanage/tutorial-co-manage-clients.md (newer copy)`,
  title: 'In a federated domain the SCP names the AD FS server, unless only Windows 10 or later devices with device sync, or seamless SSO, are involved',
  docUrl: `${CONFIGURE}#federated-domains`,
  appliesWhen: federated,
  needs: ['identity.hybridJoin.authService'],
  // Microsoft Entra ID as the SCP's service passes only when the plan shows an exception holds.
  needsToPass: (plan) => plan.choice('identity.hybridJoin.authService') !== 'entra' || plan.bool('identity.seamlessSso') === true
    || (plan.bool('identity.entraConnect.deviceSync') === true && plan.bool('identity.hybridJoin.downlevelDevices') === false)
    ? [] : ['identity.seamlessSso', 'identity.entraConnect.deviceSync', 'identity.hybridJoin.downlevelDevices'],
  check(plan) {
    if (plan.choice('identity.hybridJoin.authService') !== 'entra' || plan.bool('identity.seamlessSso') !== false) return undefined;
    const why = plan.bool('identity.entraConnect.deviceSync') === false ? 'Microsoft Entra Connect doesn\'t sync the computer accounts'
      : plan.bool('identity.hybridJoin.downlevelDevices') === true ? 'older Windows devices are hybrid joined too' : undefined;
    if (!why) return undefined;
    return { message: `The domain is federated and the SCP's authentication service is Microsoft Entra ID, but ${why} and seamless SSO isn't used; choose the AD FS server as the SCP's authentication service in Entra Connect (identity.hybridJoin.authService: adfs), or use seamless SSO.`, path: 'identity.hybridJoin.authService' };
  },
  examples: {
    fail: [
      'version: 1\nidentity:\n  deviceJoin: hybrid-joined\n  domainType: federated\n  seamlessSso: false\n  hybridJoin:\n    authService: entra\n    downlevelDevices: true\n  entraConnect:\n    deviceSync: true',
      'version: 1\nidentity:\n  deviceJoin: hybrid-joined\n  domainType: federated\n  seamlessSso: false\n  hybridJoin:\n    authService: entra\n    downlevelDevices: false\n  entraConnect:\n    deviceSync: false',
    ],
    pass: [
      'version: 1\nidentity:\n  deviceJoin: hybrid-joined\n  domainType: federated\n  hybridJoin:\n    authService: adfs',
      'version: 1\nidentity:\n  deviceJoin: hybrid-joined\n  domainType: federated\n  seamlessSso: false\n  hybridJoin:\n    authService: entra\n    downlevelDevices: false\n  entraConnect:\n    deviceSync: true',
      'version: 1\nidentity:\n  deviceJoin: hybrid-joined\n  domainType: federated\n  seamlessSso: true\n  hybridJoin:\n    authService: entra\n    downlevelDevices: true\n  entraConnect:\n    deviceSync: false',
    ],
  },
});

export const federatedWsTrust = defineReadinessRule({
  id: 'hybrid-join-federated-ws-trust', area: 'identity', severity: 'error',
  basis: { words: 'This protocol is required', page: `${PLAN}#federated-environment` },
  source: `${PLAN_SOURCE}; ${CONFIGURE_SOURCE}`,
  title: 'A federated domain\'s identity provider has the WS-Trust endpoints that hybrid joined devices authenticate with',
  docUrl: `${PLAN}#federated-environment`,
  appliesWhen: federated,
  needs: ['identity.federation.wsTrustEnabled'],
  check(plan) {
    if (plan.bool('identity.federation.wsTrustEnabled') !== false) return undefined;
    return { message: 'Hybrid joined Windows 10 or later devices authenticate to Microsoft Entra ID over WS-Trust; turn on the windowstransport, usernamemixed and certificatemixed endpoints (2005 and 13) on AD FS, with the windowstransport ones reachable from the intranet only (identity.federation.wsTrustEnabled says they aren\'t on).', path: 'identity.federation.wsTrustEnabled' };
  },
  examples: {
    fail: ['version: 1\nidentity:\n  deviceJoin: hybrid-joined\n  domainType: federated\n  federation:\n    wsTrustEnabled: false',
      'version: 1\nidentity:\n  deviceJoin: hybrid-joined\n  signInMethod: federated-adfs\n  federation:\n    wsTrustEnabled: false'],
    pass: ['version: 1\nidentity:\n  deviceJoin: hybrid-joined\n  domainType: federated\n  federation:\n    wsTrustEnabled: true'],
  },
});

export const adfsServerVersion = defineReadinessRule({
  id: 'hybrid-join-adfs-version', area: 'identity', severity: 'error',
  basis: { words: 'At least Windows Server 2012 R2', page: `${CONFIGURE}#prerequisites`, override: 'A stated minimum in the prerequisites list for federated domains' },
  source: CONFIGURE_SOURCE,
  title: 'In a federated domain, AD FS runs on Windows Server 2012 R2 or later',
  docUrl: `${CONFIGURE}#prerequisites`,
  appliesWhen: federated,
  needs: ['identity.federation.adfsServerVersion'],
  check(plan) {
    const version = plan.choice('identity.federation.adfsServerVersion')!;
    if (!serverOlderThan(version, '2012-r2')) return undefined;
    return { message: `Hybrid join in a federated domain needs AD FS on Windows Server 2012 R2 or later; the AD FS servers run ${serverName(version)}.`, path: 'identity.federation.adfsServerVersion' };
  },
  examples: {
    fail: ['version: 1\nidentity:\n  deviceJoin: hybrid-joined\n  domainType: federated\n  federation:\n    adfsServerVersion: "2012"'],
    pass: ['version: 1\nidentity:\n  deviceJoin: hybrid-joined\n  domainType: federated\n  federation:\n    adfsServerVersion: "2012-r2"'],
  },
});

// ---- On-premises Active Directory ----

export const domainControllerVersion = defineReadinessRule({
  id: 'hybrid-join-dc-version', area: 'identity', severity: 'error',
  basis: { words: 'minimum required domain controller', page: `${PLAN}#prerequisites` },
  source: PLAN_SOURCE,
  title: 'Domain controllers run Windows Server 2008 R2 or later',
  docUrl: `${PLAN}#prerequisites`,
  appliesWhen: isHybridJoined,
  needs: ['identity.oldestDomainController'],
  check(plan) {
    const version = plan.choice('identity.oldestDomainController')!;
    if (!serverOlderThan(version, '2008-r2')) return undefined;
    return { message: `Hybrid join of Windows 10 or later needs domain controllers on Windows Server 2008 R2 or later; the oldest one runs ${serverName(version)}.`, path: 'identity.oldestDomainController' };
  },
  examples: {
    fail: ['version: 1\nidentity:\n  deviceJoin: hybrid-joined\n  oldestDomainController: "2008"'],
    pass: ['version: 1\nidentity:\n  deviceJoin: hybrid-joined\n  oldestDomainController: "2016"'],
  },
});

export const domainControllerLineOfSight = defineReadinessRule({
  id: 'hybrid-join-needs-dc-line-of-sight', area: 'identity', severity: 'error',
  basis: { words: 'require network line of sight', page: `${PLAN}#prerequisites` },
  source: PLAN_SOURCE,
  title: 'Hybrid joined devices reach a domain controller from time to time',
  docUrl: `${PLAN}#prerequisites`,
  appliesWhen: isHybridJoined,
  needs: ['clients.dcLineOfSight'],
  check(plan) {
    if (plan.bool('clients.dcLineOfSight') !== false) return undefined;
    return { message: 'Hybrid joined devices that never reach a domain controller become unusable: device and user password changes and a TPM reset need one. Give them a VPN or regular time on site, or Entra join them instead.', path: 'clients.dcLineOfSight' };
  },
  examples: {
    fail: ['version: 1\nidentity:\n  deviceJoin: hybrid-joined\nclients:\n  dcLineOfSight: false'],
    pass: ['version: 1\nidentity:\n  deviceJoin: hybrid-joined\nclients:\n  dcLineOfSight: true'],
  },
});

export const multiTenantScpOnDevices = defineReadinessRule({
  id: 'hybrid-join-multi-tenant-scp', area: 'identity', severity: 'error',
  basis: { words: 'configuration is done on the devices', page: `${PLAN}#microsoft-entra-hybrid-join-for-single-forest-multiple-microsoft-entra-tenants`, override: 'Preceded by "organizations need to ensure that the SCP": a requirement' },
  source: PLAN_SOURCE,
  title: 'When the devices of one forest join several tenants, the SCP is set on the devices, not in Active Directory',
  docUrl: `${PLAN}#microsoft-entra-hybrid-join-for-single-forest-multiple-microsoft-entra-tenants`,
  appliesWhen: (plan) => isHybridJoined(plan) && (plan.num('identity.tenantsPerForest') ?? 1) > 1,
  needs: ['identity.hybridJoin.scpOnDevices'],
  check(plan) {
    if (plan.bool('identity.hybridJoin.scpOnDevices') !== false) return undefined;
    return { message: `The devices of one forest hybrid join to ${plan.num('identity.tenantsPerForest')} tenants, and one SCP in Active Directory can name only one; set the SCP on the devices (targeted deployment registry values). Device writeback, group writeback, seamless SSO and on-premises password protection don't work in this layout.`, path: 'identity.hybridJoin.scpOnDevices' };
  },
  examples: {
    fail: ['version: 1\nidentity:\n  deviceJoin: hybrid-joined\n  tenantsPerForest: 2\n  hybridJoin:\n    scpOnDevices: false'],
    pass: ['version: 1\nidentity:\n  deviceJoin: hybrid-joined\n  tenantsPerForest: 2\n  hybridJoin:\n    scpOnDevices: true'],
  },
});

// ---- Tenant and network ----

export const usersMayRegisterDevices = defineReadinessRule({
  id: 'entra-users-may-register-devices', area: 'identity', severity: 'error',
  basis: { words: 'Users can register their devices', page: `${CONFIGURE}#prerequisites`, override: 'Listed as a prerequisite of configuring hybrid join' },
  source: CONFIGURE_SOURCE,
  title: 'The tenant lets users register devices with Microsoft Entra ID',
  docUrl: `${CONFIGURE}#prerequisites`,
  appliesWhen: isHybridJoined,
  needs: ['identity.usersMayRegisterDevices'],
  check(plan) {
    if (plan.bool('identity.usersMayRegisterDevices') !== false) return undefined;
    return { message: 'Configuring hybrid join has users being allowed to register their devices with Microsoft Entra ID among its prerequisites, and the plan says they aren\'t (identity.usersMayRegisterDevices); allow it in the tenant\'s device settings (Entra admin center, Devices, Device settings). Once Intune enrollment is configured, the Entra device settings page says the setting is fixed at All, so check the plan\'s value too.', path: 'identity.usersMayRegisterDevices' };
  },
  examples: {
    fail: ['version: 1\nidentity:\n  deviceJoin: hybrid-joined\n  usersMayRegisterDevices: false'],
    pass: ['version: 1\nidentity:\n  deviceJoin: hybrid-joined\n  usersMayRegisterDevices: true'],
  },
});

export const tlsInspectionDeviceLogin = defineReadinessRule({
  id: 'tls-inspection-breaks-device-registration', area: 'identity', severity: 'error',
  basis: { words: 'ensure that traffic ... is excluded', page: `${CONFIGURE}#network-connectivity-requirements` },
  source: CONFIGURE_SOURCE,
  title: 'TLS inspection leaves device.login.microsoftonline.com alone',
  docUrl: `${CONFIGURE}#network-connectivity-requirements`,
  appliesWhen: isHybridJoined,
  needs: ['clients.tlsInspection'],
  check(plan) {
    if (plan.choice('clients.tlsInspection') !== 'device-login-inspected') return undefined;
    return { message: 'A proxy that breaks and inspects TLS to https://device.login.microsoftonline.com can disturb client certificate authentication, device registration and device-based Conditional Access; exclude that address from inspection.', path: 'clients.tlsInspection' };
  },
  examples: {
    fail: ['version: 1\nidentity:\n  deviceJoin: hybrid-joined\nclients:\n  tlsInspection: device-login-inspected'],
    pass: ['version: 1\nidentity:\n  deviceJoin: hybrid-joined\nclients:\n  tlsInspection: device-login-excluded'],
  },
});

// ---- Windows releases ----

const W10_1803 = windowsRank('10 1803')!;
const W10_1903 = windowsRank('10 1903')!;

export const stagedRollout1903 = defineReadinessRule({
  id: 'hybrid-join-staged-rollout-1903', area: 'identity', severity: 'error',
  basis: { words: 'only supported starting at ... 1903', page: `${PLAN}#managed-environment` },
  source: PLAN_SOURCE,
  title: 'Cloud authentication through staged rollout is used only with Windows 10 1903 or later',
  docUrl: `${PLAN}#managed-environment`,
  appliesWhen: (plan) => isHybridJoined(plan) && plan.bool('identity.stagedRollout') === true,
  needsAny: WINDOWS_VERSION_KEYS,
  check(plan) {
    const oldest = oldestWindows(plan);
    if (!oldest || oldest.rank >= W10_1903) return undefined;
    return { message: `Staged rollout of cloud authentication supports hybrid joined devices from Windows 10 1903; ${oldest.text} is older. Update those devices or keep their users out of the staged rollout groups.`, path: oldest.path };
  },
  examples: {
    fail: ['version: 1\nidentity:\n  deviceJoin: hybrid-joined\n  stagedRollout: true\nwindows:\n  minimumVersion: "10 1809"'],
    pass: ['version: 1\nidentity:\n  deviceJoin: hybrid-joined\n  stagedRollout: true\nwindows:\n  minimumVersion: "10 22H2"'],
  },
});

export const registeredDualState = defineReadinessRule({
  id: 'hybrid-join-dual-state', area: 'identity', severity: 'warning',
  basis: { words: 'We recommend upgrading', page: `${PLAN}#handling-devices-with-microsoft-entra-registered-state` },
  source: PLAN_SOURCE,
  title: 'Domain-joined devices that are also Entra registered run Windows 10 1803 or later, which clears the dual state',
  docUrl: `${PLAN}#handling-devices-with-microsoft-entra-registered-state`,
  appliesWhen: (plan) => isHybridJoined(plan) && plan.bool('identity.registeredStatePresent') === true,
  needsAny: WINDOWS_VERSION_KEYS,
  check(plan) {
    const oldest = oldestWindows(plan);
    if (!oldest || oldest.rank >= W10_1803) return undefined;
    return { message: `Devices that are Microsoft Entra registered and then hybrid joined end up in both states; Windows 10 1803 (with KB4489894) or later clears the registered state when the user signs in, but ${oldest.text} doesn't: upgrade, or remove the registered state by hand before hybrid join (the BlockAADWorkplaceJoin policy value keeps it from coming back).`, path: oldest.path };
  },
  examples: {
    fail: ['version: 1\nidentity:\n  deviceJoin: hybrid-joined\n  registeredStatePresent: true\nwindows:\n  minimumVersion: "10 1709"'],
    pass: ['version: 1\nidentity:\n  deviceJoin: hybrid-joined\n  registeredStatePresent: true\nwindows:\n  minimumVersion: "10 1809"'],
  },
});

// ---- On-premises UPNs ----

const W10_1703 = windowsRank('10 1703')!;
const W10_2004 = windowsRank('10 2004')!;

/** The first Windows 10 release that supports hybrid join for this UPN and domain type (undefined: no floor, or unsupported). */
function upnFloor(plan: Plan): { rank: number; release: string } | undefined {
  const upn = plan.choice('identity.onPremisesUpn');
  const domain = plan.choice('identity.domainType');
  if (upn === 'non-routable' && domain === 'federated') return { rank: W10_1803, release: '1803' };
  if (upn === 'routable' && plan.bool('identity.onPremisesUpnDiffers') === true) {
    if (domain === 'federated') return { rank: W10_1703, release: '1703' };
    if (domain === 'managed') return { rank: W10_1803, release: '1803' };
  }
  return undefined;
}

export const upnWindowsFloor = defineReadinessRule({
  id: 'hybrid-join-upn-windows-floor', area: 'identity', severity: 'error',
  basis: { words: 'From 1803 release', page: `${PLAN}#review-on-premises-ad-users-upn-support-for-microsoft-entra-hybrid-join`, override: 'A support table: each UPN and domain type combination is supported from the release it names, so older releases aren\'t' },
  source: PLAN_SOURCE,
  title: 'When the on-premises UPN differs from the Entra UPN, hybrid joined devices run the Windows 10 release that supports the combination (1803 for most)',
  docUrl: `${PLAN}#review-on-premises-ad-users-upn-support-for-microsoft-entra-hybrid-join`,
  appliesWhen: isHybridJoined,
  needs: ['identity.onPremisesUpn', 'identity.domainType'],
  needsEach: (plan) => plan.choice('identity.onPremisesUpn') === 'routable' ? ['identity.onPremisesUpnDiffers'] : [],
  needsAny: WINDOWS_VERSION_KEYS,
  check(plan) {
    const floor = upnFloor(plan);
    const oldest = oldestWindows(plan);
    if (!floor || !oldest || oldest.rank >= floor.rank) return undefined;
    const extra = plan.choice('identity.onPremisesUpn') === 'routable' && plan.choice('identity.domainType') === 'managed'
      ? ' Even then, self-service password reset from the lock screen doesn\'t work, and the on-premises UPN has to be synced to onPremisesUserPrincipalName.' : '';
    return { message: `Hybrid join supports a ${plan.choice('identity.onPremisesUpn')} on-premises UPN that differs from the Entra UPN in a ${plan.choice('identity.domainType')} domain from Windows 10 ${floor.release}; ${oldest.text} is older.${extra}`, path: oldest.path };
  },
  examples: {
    fail: [
      'version: 1\nidentity:\n  deviceJoin: hybrid-joined\n  domainType: federated\n  onPremisesUpn: non-routable\nwindows:\n  minimumVersion: "10 1709"',
      'version: 1\nidentity:\n  deviceJoin: hybrid-joined\n  domainType: managed\n  onPremisesUpn: routable\n  onPremisesUpnDiffers: true\nwindows:\n  minimumVersion: "10 1709"',
    ],
    pass: [
      'version: 1\nidentity:\n  deviceJoin: hybrid-joined\n  domainType: federated\n  onPremisesUpn: non-routable\nwindows:\n  minimumVersion: "10 1809"',
      'version: 1\nidentity:\n  deviceJoin: hybrid-joined\n  domainType: managed\n  onPremisesUpn: routable\n  onPremisesUpnDiffers: false\nwindows:\n  minimumVersion: "10 1709"',
    ],
  },
});

export const upnChanges2004 = defineReadinessRule({
  id: 'hybrid-join-upn-change-2004', area: 'identity', severity: 'error',
  basis: { words: 'only supported starting Windows 10 2004', page: `${PLAN}#other-considerations` },
  source: PLAN_SOURCE,
  title: 'Users\' UPNs change on hybrid joined devices only from Windows 10 2004',
  docUrl: `${PLAN}#other-considerations`,
  appliesWhen: (plan) => isHybridJoined(plan) && plan.bool('identity.upnChanges') === true,
  needsAny: WINDOWS_VERSION_KEYS,
  check(plan) {
    const oldest = oldestWindows(plan);
    if (!oldest || oldest.rank >= W10_2004) return undefined;
    return { message: `A UPN change on a hybrid joined device is supported from Windows 10 2004; on ${oldest.text} the user can lose single sign-on and fail Conditional Access until the device leaves Entra ID (dsregcmd /leave, elevated) and joins again. Users who sign in with Windows Hello for Business aren't affected.`, path: oldest.path };
  },
  examples: {
    fail: ['version: 1\nidentity:\n  deviceJoin: hybrid-joined\n  upnChanges: true\nwindows:\n  minimumVersion: "10 1909"'],
    pass: ['version: 1\nidentity:\n  deviceJoin: hybrid-joined\n  upnChanges: true\nwindows:\n  minimumVersion: "10 22H2"'],
  },
});
