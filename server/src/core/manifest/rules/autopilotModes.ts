// Windows Autopilot's own prerequisites, by deployment mode and join type (docs map P36–P39):
// user-driven hybrid join (Intune Connector for Active Directory, Domain Join profile, a domain
// controller or a VPN), pre-provisioning and self-deploying (TPM 2.0 attestation, the ESP), and
// the Entra join permission of the user who sets the device up.
// Autopilot into co-management (rules/autopilot.ts) already rejects hybrid join, pre-provisioning
// and self-deploying, so the rules here stay silent there rather than repeat it.
import { Plan } from '../plan';
import { editionPaths, isAutopilotIntoComanagement } from './scope';
import { defineReadinessRule } from './types';

const AUTOPILOT = 'https://learn.microsoft.com/autopilot';
const SRC_USER_DRIVEN = 'autopilot/user-driven.md (commit 00802005)';
const SRC_HYBRID = 'autopilot/windows-autopilot-hybrid.md (newer copy, 02/11/2025) with autopilot/includes/intune-connector.md (10/23/2025)';
const SRC_PRE_PROVISION = 'autopilot/pre-provision.md (newer copy: its "Prerequisites" section is now "Requirements")';
const SRC_REQUIREMENTS = 'autopilot/requirements.md (commit 577a54fd)';

/** Devices go through classic Autopilot, but not Autopilot into co-management. */
const plainAutopilot = (plan: Plan) => plan.bool('autopilot.enabled') === true && !isAutopilotIntoComanagement(plan);
const hybridAutopilot = (plan: Plan) => plainAutopilot(plan) && plan.choice('autopilot.joinType') === 'hybrid';

const ON = 'version: 1\npath: existing-clients\nautopilot:\n  enabled: true\n';
const HYBRID = `${ON}  joinType: hybrid\n`;

// ---- Hybrid join -----------------------------------------------------------------------------

export const hybridNotRecommended = defineReadinessRule({
  id: 'autopilot-hybrid-join-not-recommended', area: 'autopilot', severity: 'warning', source: `${SRC_HYBRID}; ${SRC_USER_DRIVEN}; ${SRC_PRE_PROVISION}`,
  basis: { words: 'isn\'t recommended, including through', page: 'https://learn.microsoft.com/autopilot/windows-autopilot-hybrid' },
  title: 'New Autopilot devices are Microsoft Entra joined rather than hybrid joined',
  docUrl: `${AUTOPILOT}/user-driven#user-driven-mode-for-hybrid-azure-ad-join`,
  appliesWhen: plainAutopilot,
  needs: ['autopilot.joinType'],
  check(plan) {
    if (plan.choice('autopilot.joinType') !== 'hybrid') return undefined;
    return {
      message: 'The Autopilot pages advise against hybrid joining new devices and recommend Microsoft Entra join; hybrid join also needs the Intune Connector for Active Directory, a Domain Join profile and a domain controller (or VPN) during setup. Co-management works with Entra joined devices too.',
      path: 'autopilot.joinType',
    };
  },
  examples: { fail: [HYBRID], pass: [`${ON}  joinType: entra\n`] },
});

export const hybridIntuneConnector = defineReadinessRule({
  id: 'autopilot-hybrid-intune-connector', area: 'autopilot', severity: 'error', source: `${SRC_USER_DRIVEN}; ${SRC_HYBRID}`,
  basis: { words: 'Install the Intune Connector', page: 'https://learn.microsoft.com/autopilot/user-driven#requirements-for-user-driven-mode-with-hybrid-azure-ad', override: 'Listed under the requirements of user-driven hybrid join: the connector is what joins the device to the domain' },
  title: 'Hybrid join Autopilot has an Intune Connector for Active Directory',
  docUrl: `${AUTOPILOT}/windows-autopilot-hybrid#install-the-intune-connector-for-active-directory`,
  appliesWhen: hybridAutopilot,
  needs: ['autopilot.intuneConnector'],
  check(plan) {
    if (plan.choice('autopilot.intuneConnector') !== 'none') return undefined;
    return {
      message: 'A hybrid join Autopilot device is joined to the domain by the Intune Connector for Active Directory, and this plan has none (autopilot.intuneConnector: none). Install the connector on a domain-joined Windows Server 2016 or later in each domain the devices join.',
      path: 'autopilot.intuneConnector',
    };
  },
  examples: { fail: [`${HYBRID}  intuneConnector: none\n`], pass: [`${HYBRID}  intuneConnector: updated\n`] },
});

export const legacyIntuneConnector = defineReadinessRule({
  id: 'autopilot-intune-connector-legacy', area: 'autopilot', severity: 'warning', source: SRC_HYBRID,
  basis: { words: 'update immediately to avoid loss of functionality', page: 'https://learn.microsoft.com/autopilot/windows-autopilot-hybrid#install-the-intune-connector-for-active-directory' },
  title: 'The Intune Connector for Active Directory is the updated connector, not the deprecated legacy one',
  docUrl: `${AUTOPILOT}/windows-autopilot-hybrid#install-the-intune-connector-for-active-directory`,
  // The connector creates computer objects for hybrid join; an Entra join plan doesn't use it.
  appliesWhen: (plan) => plan.bool('autopilot.enabled') === true && plan.choice('autopilot.joinType') !== 'entra',
  needs: ['autopilot.intuneConnector'],
  check(plan) {
    if (plan.choice('autopilot.intuneConnector') !== 'legacy') return undefined;
    return {
      message: 'The legacy Intune Connector for Active Directory is deprecated and will soon stop accepting enrollment requests. Uninstall it by hand (there is no automatic upgrade) and install the updated connector from the Intune admin center (version 6.2501.2000.5 or later).',
      path: 'autopilot.intuneConnector',
    };
  },
  examples: {
    fail: [`${HYBRID}  intuneConnector: legacy\n`],
    pass: [
      `${HYBRID}  intuneConnector: updated\n`,
      // Entra join only: no connector is involved, whatever is installed.
      'version: 1\nautopilot:\n  enabled: true\n  joinType: entra\n  intuneConnector: legacy\n',
    ],
  },
});

export const hybridDomainJoinProfile = defineReadinessRule({
  id: 'autopilot-hybrid-domain-join-profile', area: 'autopilot', severity: 'error', source: SRC_USER_DRIVEN,
  basis: { words: 'create and assign a Domain Join profile', page: 'https://learn.microsoft.com/autopilot/user-driven#requirements-for-user-driven-mode-with-hybrid-azure-ad', override: 'Listed under the requirements of user-driven hybrid join: the profile carries the domain and OU the device joins' },
  title: 'Hybrid join Autopilot devices get an Intune Domain Join profile',
  docUrl: `${AUTOPILOT}/user-driven#requirements-for-user-driven-mode-with-hybrid-azure-ad`,
  appliesWhen: hybridAutopilot,
  needs: ['autopilot.domainJoinProfile'],
  check(plan) {
    if (plan.bool('autopilot.domainJoinProfile') !== false) return undefined;
    return {
      message: 'Hybrid join Autopilot needs an Intune Domain Join configuration profile (the on-premises domain and the OU for the computer objects) assigned to the same devices as the Autopilot profile; create and assign one.',
      path: 'autopilot.domainJoinProfile',
    };
  },
  examples: { fail: [`${HYBRID}  domainJoinProfile: false\n`], pass: [`${HYBRID}  domainJoinProfile: true\n`] },
});

export const hybridDomainController = defineReadinessRule({
  id: 'autopilot-hybrid-dc-or-vpn', area: 'autopilot', severity: 'error', source: `${SRC_HYBRID}; ${SRC_USER_DRIVEN}`,
  basis: { words: 'must follow these requirements', page: 'https://learn.microsoft.com/autopilot/windows-autopilot-hybrid#requirements' },
  title: 'Hybrid join Autopilot devices reach a domain controller, or the profile skips the connectivity check for a VPN',
  docUrl: `${AUTOPILOT}/user-driven#user-driven-mode-for-hybrid-azure-ad-join-with-vpn-support`,
  appliesWhen: hybridAutopilot,
  needs: ['autopilot.devicesReachDomainController'],
  needsEach: (plan) => plan.bool('autopilot.devicesReachDomainController') === false ? ['autopilot.skipDomainConnectivityCheck'] : [],
  check(plan) {
    if (plan.bool('autopilot.devicesReachDomainController') !== false) return undefined;
    if (plan.bool('autopilot.skipDomainConnectivityCheck') === true) return undefined;
    return {
      message: 'Hybrid join Autopilot pings a domain controller during setup, and these devices can\'t reach one. Either set them up on the internal network, or turn on "Skip AD connectivity check" in the Autopilot profile and give them a VPN that connects before sign-in (deployed by Intune; no user-certificate or UWP plug-in VPNs).',
      path: 'autopilot.skipDomainConnectivityCheck',
    };
  },
  examples: {
    fail: [`${HYBRID}  devicesReachDomainController: false\n  skipDomainConnectivityCheck: false\n`],
    pass: [`${HYBRID}  devicesReachDomainController: true\n`, `${HYBRID}  devicesReachDomainController: false\n  skipDomainConnectivityCheck: true\n`],
  },
});

// ---- Pre-provisioning and self-deploying -----------------------------------------------------


export const preProvisioningEsp = defineReadinessRule({
  id: 'pre-provisioning-needs-esp', area: 'esp', severity: 'error', source: SRC_PRE_PROVISION,
  basis: { words: 'must be targeted to the device', page: 'https://learn.microsoft.com/autopilot/pre-provision#requirements' },
  title: 'Pre-provisioned devices get an Enrollment Status Page profile',
  docUrl: `${AUTOPILOT}/pre-provision#requirements`,
  appliesWhen: (plan) => plainAutopilot(plan) && plan.choice('autopilot.deploymentMode') === 'pre-provisioning',
  needs: ['autopilot.esp.enabled'],
  check(plan) {
    if (plan.bool('autopilot.esp.enabled') !== false) return undefined;
    return {
      message: 'Pre-provisioning needs an Enrollment Status Page profile targeted to the device: without it the technician may see Reseal before apps and policies have finished, and ship an unfinished device.',
      path: 'autopilot.esp.enabled',
    };
  },
  examples: {
    fail: [`${ON}  deploymentMode: pre-provisioning\n  esp:\n    enabled: false\n`],
    pass: [`${ON}  deploymentMode: pre-provisioning\n  esp:\n    enabled: true\n`],
  },
});

export const preProvisioningAllowed = defineReadinessRule({
  id: 'pre-provisioning-profile-allows', area: 'autopilot', severity: 'error', source: SRC_PRE_PROVISION,
  basis: { words: 'profile setting must be configured', page: 'https://learn.microsoft.com/autopilot/pre-provision#preparation' },
  title: 'The Autopilot profile of pre-provisioned devices allows pre-provisioned deployment',
  docUrl: `${AUTOPILOT}/pre-provision#preparation`,
  appliesWhen: (plan) => plainAutopilot(plan) && plan.choice('autopilot.deploymentMode') === 'pre-provisioning',
  needs: ['autopilot.preProvisioningAllowed'],
  check(plan) {
    if (plan.bool('autopilot.preProvisioningAllowed') !== false) return undefined;
    return {
      message: 'These devices are to be pre-provisioned, but their Autopilot deployment profile doesn\'t allow it, so the technician can\'t start pre-provisioning from the out-of-box experience. Set "Allow pre-provisioned deployment" to Yes in the profile (autopilot.preProvisioningAllowed: true).',
      path: 'autopilot.preProvisioningAllowed',
    };
  },
  examples: {
    fail: [`${ON}  deploymentMode: pre-provisioning\n  preProvisioningAllowed: false\n`],
    pass: [`${ON}  deploymentMode: pre-provisioning\n  preProvisioningAllowed: true\n`],
  },
});

// ---- Entra join permission -------------------------------------------------------------------

export const usersCanJoinEntra = defineReadinessRule({
  id: 'autopilot-users-can-join-entra', area: 'identity', severity: 'error', source: `${SRC_REQUIREMENTS}; ${SRC_USER_DRIVEN}`,
  basis: { words: 'needs to have Microsoft Entra join permissions', page: 'https://learn.microsoft.com/autopilot/requirements?tabs=configuration#configuration-requirements' },
  title: 'The users who set up Microsoft Entra join Autopilot devices may join devices to Microsoft Entra ID',
  docUrl: `${AUTOPILOT}/requirements?tabs=configuration#configuration-requirements`,
  appliesWhen: (plan) => (plan.bool('autopilot.enabled') === true || isAutopilotIntoComanagement(plan)) && plan.choice('autopilot.joinType') === 'entra',
  needs: ['identity.usersCanJoinDevices', 'autopilot.deploymentMode'],
  check(plan) {
    // Self-deploying mode runs without a user, so nobody's join permission matters there.
    if (plan.choice('autopilot.deploymentMode') === 'self-deploying') return undefined;
    if (plan.bool('identity.usersCanJoinDevices') !== false) return undefined;
    return {
      message: 'Outside self-deploying mode, Autopilot needs the first user who signs in on a Microsoft Entra join device to be allowed to join devices to Microsoft Entra ID, and these users aren\'t. Allow them in Entra ID > Devices > Device settings ("Users may join devices to Microsoft Entra": All, or a group that holds them).',
      path: 'identity.usersCanJoinDevices',
    };
  },
  examples: {
    fail: [`${ON}  joinType: entra\n  deploymentMode: user-driven\nidentity:\n  usersCanJoinDevices: false\n`, 'version: 1\npath: autopilot\nautopilot:\n  joinType: entra\n  deploymentMode: user-driven\nidentity:\n  usersCanJoinDevices: false\n'],
    pass: [`${ON}  joinType: entra\n  deploymentMode: user-driven\nidentity:\n  usersCanJoinDevices: true\n`, `${ON}  joinType: entra\n  deploymentMode: self-deploying\nidentity:\n  usersCanJoinDevices: false\n`],
  },
});

// ---- Windows edition -------------------------------------------------------------------------

export const windowsEdition = defineReadinessRule({
  id: 'autopilot-windows-edition', area: 'windows', severity: 'error', source: `${SRC_REQUIREMENTS}; ${SRC_PRE_PROVISION}`,
  basis: { words: 'some software requirements must be met', page: 'https://learn.microsoft.com/autopilot/requirements?tabs=software#software-requirements' },
  title: 'Autopilot devices run an edition Windows Autopilot supports (Pro, Enterprise, Education and their variants, not Home)',
  docUrl: `${AUTOPILOT}/requirements?tabs=software#software-requirements`,
  appliesWhen: (plan) => plan.bool('autopilot.enabled') === true || isAutopilotIntoComanagement(plan),
  needs: ['windows.editions'],
  check(plan) {
    return editionPaths(plan, 'home').map((path) => ({
      message: 'Windows Autopilot supports the Pro, Pro Education, Pro for Workstations, Enterprise, Education and Enterprise LTSC editions; Home isn\'t one of them. Upgrade these devices (for example to Pro) or set them up without Autopilot.',
      path,
    }));
  },
  examples: {
    fail: [`${ON}windows:\n  editions: [pro, home]\n`],
    pass: [`${ON}windows:\n  editions: [pro, enterprise]\n`],
  },
});
