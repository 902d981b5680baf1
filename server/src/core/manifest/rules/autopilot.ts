// Windows Autopilot, and Autopilot into co-management (the Intune co-management settings policy
// installs the Configuration Manager client during Autopilot): requirements, limitations and advice.
import { deletionSpan, find, has } from '../../ccmsetup/query';
import { Plan } from '../plan';
import { hasCmg, statesNoCmg } from './cmg';
import { DOCS, SLIDER_PATHS, isAutopilotIntoComanagement, isHybridJoined, isManagedDesktop, policyIndexes, policyName, windowsVersionsInScope, workloadsWithAuthority } from './scope';
import { Finding, defineReadinessRule } from './types';
import { windows10EndedEverywhere, windows11EndedEverywhere } from './windows';

const ENROLLMENT = 'intune/configmgr/comanage/autopilot-enrollment.md (newer copy)';
const AUTOPILOT_REQUIREMENTS = 'autopilot/requirements.md (commit 577a54fd)';
const PREPARE = 'intune/configmgr/comanage/how-to-prepare-Win10.md (newer copy)';
const PROPERTIES = 'intune/configmgr/core/clients/deploy/about-client-installation-properties.md (newer copy)';
const MANAGED_DESKTOP = 'MicrosoftDocs/Managed-Desktop managed-desktop/prepare/autopilot-co-management.md (newer copy)';
const PROPERTIES_URL = 'https://learn.microsoft.com/intune/configmgr/core/clients/deploy/about-client-installation-properties';
const AUTOPILOT_URL = 'https://learn.microsoft.com/autopilot';

const MINIMAL = 'version: 1\npath: autopilot\n';
const COMMAND_LINE = 'CCMSETUPCMD="CCMHOSTNAME=contoso.cloudapp.net/CCM_Proxy_MutualAuth/1 SMSSITECODE=ABC';
/** A plan whose one policy carries `extra` inside CCMSETUPCMD. */
const withLine = (extra = '', prefix = MINIMAL) =>
  `${prefix}comanagement:\n  policies:\n    - name: P\n      installAgent: true\n      commandLine: '${COMMAND_LINE}${extra}"'\n`;

// ---- small local helpers --------------------------------------------------------------------

const normalizeGroup = (group: string) => group.trim().replace(/\s+/g, ' ').toLowerCase();

/** The groups the co-management settings policies are assigned to, as written. */
function policyGroups(plan: Plan): string[] {
  return policyIndexes(plan).map((i) => plan.str(`comanagement.policies[${i}].targetGroup`)?.trim() ?? '').filter((g) => g !== '');
}

const hasProvisionTs = (plan: Plan) => plan.commandLines().some(({ line }) => has(line, 'PROVISIONTS'));

/** The finding for a group mismatch between another profile and the co-management policies. */
function groupMismatch(plan: Plan, path: string, what: string, why: string): Finding | undefined {
  const groups = policyGroups(plan);
  const group = plan.str(path)?.trim() ?? '';
  if (groups.length === 0 || groups.some((g) => normalizeGroup(g) === normalizeGroup(group))) return undefined;
  const list = groups.map((g) => `"${g}"`).join(' or ');
  return { message: `The ${what} is assigned to "${group}", but the co-management policy goes to ${list}; assign both to the same device group${why}.`, path };
}

// ---- Site, cloud management gateway and co-management --------------------------------------

export const autopilotSiteVersion = defineReadinessRule({
  id: 'autopilot-site-version', area: 'autopilot', severity: 'error', source: ENROLLMENT,
  basis: { words: 'version 2111 or later', page: 'https://learn.microsoft.com/intune/configmgr/comanage/autopilot-enrollment#requirements' },
  title: 'Autopilot into co-management needs Configuration Manager 2111 or later',
  docUrl: `${DOCS}/autopilot-enrollment#requirements`,
  appliesWhen: isAutopilotIntoComanagement,
  needs: ['site.version'],
  check(plan) {
    const version = plan.num('site.version')!;
    if (version >= 2111) return undefined;
    // The first version of the page said 2011; every later copy says 2111.
    const note = version >= 2011 ? ' (an early version of the page said 2011, later copies correct it to 2111)' : '';
    return { message: `Autopilot into co-management needs Configuration Manager 2111 or later; this site runs ${version}${note}. Update the site first.`, path: 'site.version' };
  },
  examples: { fail: [`${MINIMAL}site:\n  version: 2107`], pass: [`${MINIMAL}site:\n  version: 2111`] },
});

export const autopilotNeedsCmg = defineReadinessRule({
  id: 'autopilot-needs-cmg', area: 'cmg', severity: 'error', source: ENROLLMENT,
  basis: { words: 'version 2111 or later', page: 'https://learn.microsoft.com/intune/configmgr/comanage/autopilot-enrollment#requirements' },
  title: 'Autopilot into co-management needs a cloud management gateway',
  docUrl: `${DOCS}/autopilot-enrollment#requirements`,
  appliesWhen: isAutopilotIntoComanagement,
  // Left out, site.cmg is unknown; only `site.cmg: none` says there is none.
  needs: ['site.cmg'],
  check(plan) {
    if (!statesNoCmg(plan)) return undefined;
    return { message: 'The device downloads the client from a cloud management gateway and then registers through it, and this plan has no CMG (site.cmg: none); set one up first.', path: 'site.cmg' };
  },
  examples: {
    fail: [`${MINIMAL}site:\n  code: ABC\n  cmg: none`],
    pass: [`${MINIMAL}site:\n  cmg:\n    address: contoso.cloudapp.net/CCM_Proxy_MutualAuth/1`],
  },
});

export const autopilotCmgCertificateTrust = defineReadinessRule({
  id: 'autopilot-cmg-certificate-trusted', area: 'cmg', severity: 'error', source: PREPARE,
  basis: { words: 'Clients must trust the CMG', page: 'https://learn.microsoft.com/intune/configmgr/core/clients/manage/cmg/server-auth-cert#choose-the-certificate-type' },
  title: 'New Autopilot devices trust the CMG server authentication certificate',
  docUrl: `${DOCS}/how-to-prepare-win10#install-the-configuration-manager-client`,
  appliesWhen: (plan) => isAutopilotIntoComanagement(plan) && hasCmg(plan),
  needs: ['site.cmg.serverCertificate'],
  needsEach: (plan) => plan.choice('site.cmg.serverCertificate') === 'private-pki' ? ['site.cmg.serverCertificateTrustedByDevices'] : [],
  check(plan) {
    if (plan.choice('site.cmg.serverCertificate') !== 'private-pki') return undefined;
    if (plan.bool('site.cmg.serverCertificateTrustedByDevices') !== false) return undefined;
    return {
      message: 'The CMG uses a certificate from your own PKI and brand-new devices don\'t trust its root; without that trust ccmsetup fails with WINHTTP_CALLBACK_STATUS_FLAG_INVALID_CA. Get the root onto the devices before the client installs (for example in the provisioning package or image), or use a public certificate.',
      path: 'site.cmg.serverCertificateTrustedByDevices',
    };
  },
  examples: {
    fail: [
      `${MINIMAL}site:\n  cmg:\n    address: contoso.cloudapp.net/CCM_Proxy_MutualAuth/1\n    serverCertificate: private-pki\n    serverCertificateTrustedByDevices: false`,
    ],
    pass: [
      `${MINIMAL}site:\n  cmg:\n    address: contoso.cloudapp.net/CCM_Proxy_MutualAuth/1\n    serverCertificate: public`,
      `${MINIMAL}site:\n  cmg:\n    address: contoso.cloudapp.net/CCM_Proxy_MutualAuth/1\n    serverCertificate: private-pki\n    serverCertificateTrustedByDevices: true`,
    ],
  },
});

export const autopilotComanagementEnabled = defineReadinessRule({
  id: 'autopilot-comanagement-enabled', area: 'site', severity: 'error', source: ENROLLMENT,
  basis: { words: 'version 2111 or later', page: 'https://learn.microsoft.com/intune/configmgr/comanage/autopilot-enrollment#requirements' },
  title: 'Co-management is enabled in Configuration Manager before Autopilot devices enroll into it',
  docUrl: `${DOCS}/autopilot-enrollment#requirements`,
  appliesWhen: isAutopilotIntoComanagement,
  needs: ['comanagement.enabled'],
  check(plan) {
    if (plan.bool('comanagement.enabled') !== false) return undefined;
    return { message: 'Turn on co-management in the Configuration Manager console (cloud attach) first; the Intune policy can\'t enroll Autopilot devices into co-management that isn\'t enabled.', path: 'comanagement.enabled' };
  },
  examples: { fail: [`${MINIMAL}comanagement:\n  enabled: false`], pass: [`${MINIMAL}comanagement:\n  enabled: true`] },
});

// ---- Autopilot registration, join type, deployment mode and solution ----------------------

export const autopilotRegistration = defineReadinessRule({
  id: 'autopilot-registration', area: 'autopilot', severity: 'error', source: `${ENROLLMENT}; ${AUTOPILOT_REQUIREMENTS}`,
  basis: { words: 'Devices must be added to Windows Autopilot', page: 'https://learn.microsoft.com/autopilot/requirements?tabs=configuration#configuration-requirements' },
  title: 'The devices are registered with Windows Autopilot and get a deployment profile',
  docUrl: `${DOCS}/autopilot-enrollment#requirements`,
  // Any plan that provisions with Autopilot needs registered devices (how-to-prepare-Win10, seed 000).
  appliesWhen: (plan) => ['autopilot', 'managed-desktop'].includes(plan.choice('path') ?? '') || plan.bool('autopilot.enabled') === true,
  needsAny: ['autopilot.enabled', 'autopilot.devicesRegistered'],
  check(plan) {
    const findings: Finding[] = [];
    if (plan.bool('autopilot.enabled') === false) {
      findings.push({ message: `This plan follows the ${plan.choice('path')} path but doesn't use Windows Autopilot; the devices have to go through Autopilot with a deployment profile.`, path: 'autopilot.enabled' });
    }
    if (plan.bool('autopilot.devicesRegistered') === false) {
      findings.push({ message: 'Register the devices with Windows Autopilot (upload their hardware details to Intune) and assign them a deployment profile; unregistered devices get neither the Autopilot setup nor a co-management policy during it.', path: 'autopilot.devicesRegistered' });
    }
    return findings;
  },
  examples: {
    fail: [`${MINIMAL}autopilot:\n  enabled: false`, `${MINIMAL}autopilot:\n  enabled: true\n  devicesRegistered: false`, 'version: 1\npath: new-internet-devices\nautopilot:\n  enabled: true\n  devicesRegistered: false'],
    pass: [`${MINIMAL}autopilot:\n  enabled: true`, `${MINIMAL}autopilot:\n  enabled: true\n  devicesRegistered: true`, 'version: 1\npath: new-internet-devices\nautopilot:\n  enabled: true\n  devicesRegistered: true'],
  },
});

export const autopilotEntraJoinOnly = defineReadinessRule({
  id: 'autopilot-entra-join-only', area: 'identity', severity: 'error', source: ENROLLMENT,
  basis: { words: 'Microsoft Entra joined only"; "User-driven scenario only', page: 'https://learn.microsoft.com/intune/configmgr/comanage/autopilot-enrollment#requirements' },
  title: 'Autopilot into co-management supports Microsoft Entra joined devices only, not hybrid joined',
  docUrl: `${DOCS}/autopilot-enrollment#limitations`,
  appliesWhen: isAutopilotIntoComanagement,
  needsAny: ['autopilot.joinType', 'identity.deviceJoin'],
  check(plan) {
    // The older page had a registry workaround for hybrid join on Windows 11; the newer one drops it.
    const findings: Finding[] = [];
    if (plan.choice('autopilot.joinType') === 'hybrid') {
      findings.push({ message: 'Autopilot into co-management doesn\'t support hybrid join, and a hybrid-join Autopilot run that gets the policy times out on the Enrollment Status Page; use a Microsoft Entra join profile.', path: 'autopilot.joinType' });
    }
    if (isHybridJoined(plan)) {
      findings.push({ message: 'Autopilot into co-management doesn\'t support hybrid joined devices (the older page\'s Windows 11 registry workaround is no longer documented); these devices must be Microsoft Entra joined.', path: 'identity.deviceJoin' });
    }
    return findings;
  },
  examples: {
    fail: [`${MINIMAL}autopilot:\n  joinType: hybrid`, `${MINIMAL}identity:\n  deviceJoin: hybrid-joined`],
    pass: [`${MINIMAL}autopilot:\n  joinType: entra\nidentity:\n  deviceJoin: entra-joined`],
  },
});

export const autopilotUserDrivenOnly = defineReadinessRule({
  id: 'autopilot-user-driven-only', area: 'autopilot', severity: 'error', source: ENROLLMENT,
  basis: { words: 'Microsoft Entra joined only"; "User-driven scenario only', page: 'https://learn.microsoft.com/intune/configmgr/comanage/autopilot-enrollment#requirements' },
  title: 'Autopilot into co-management supports the user-driven mode only (no self-deploying, no pre-provisioning)',
  docUrl: `${DOCS}/autopilot-enrollment#limitations`,
  appliesWhen: isAutopilotIntoComanagement,
  needs: ['autopilot.deploymentMode'],
  check(plan) {
    const mode = plan.choice('autopilot.deploymentMode');
    if (mode === 'user-driven') return undefined;
    const why = mode === 'pre-provisioning' ? 'pre-provisioning (formerly white glove) is listed as unsupported'
      : mode === 'self-deploying' ? 'self-deploying mode isn\'t supported' : `${mode} isn't supported`;
    return { message: `Autopilot into co-management works only in user-driven mode; ${why}. Use a user-driven profile for these devices.`, path: 'autopilot.deploymentMode' };
  },
  examples: {
    fail: [`${MINIMAL}autopilot:\n  deploymentMode: pre-provisioning`, `${MINIMAL}autopilot:\n  deploymentMode: self-deploying`],
    pass: [`${MINIMAL}autopilot:\n  deploymentMode: user-driven`],
  },
});

export const autopilotNotDevicePreparation = defineReadinessRule({
  id: 'autopilot-not-device-preparation', area: 'autopilot', severity: 'error', source: `${ENROLLMENT}; autopilot/device-preparation/compare.md`,
  basis: { words: 'might result in failed deployments', page: 'https://learn.microsoft.com/intune/configmgr/comanage/autopilot-enrollment#limitations', override: 'Read in context (docs map P9#15): Device preparation policy isn\'t supported and may fail' },
  title: 'Autopilot into co-management uses classic Windows Autopilot, not Autopilot device preparation',
  docUrl: `${DOCS}/autopilot-enrollment#limitations`,
  appliesWhen: isAutopilotIntoComanagement,
  needs: ['autopilot.solution'],
  check(plan) {
    if (plan.choice('autopilot.solution') !== 'device-preparation') return undefined;
    return { message: 'Windows Autopilot device preparation doesn\'t support Autopilot into co-management and deployments can fail; use classic Windows Autopilot with a deployment profile and an Enrollment Status Page.', path: 'autopilot.solution' };
  },
  examples: { fail: [`${MINIMAL}autopilot:\n  solution: device-preparation`], pass: [`${MINIMAL}autopilot:\n  solution: classic`] },
});

// Under Autopilot into co-management, autopilot-user-driven-only already rejects self-deploying.
export const autopilotSelfDeployingEntraOnly = defineReadinessRule({
  id: 'autopilot-self-deploying-entra-only', area: 'autopilot', severity: 'error', source: 'autopilot/self-deploying.md (newer copy)',
  basis: { words: 'isn\'t supported for Microsoft Entra hybrid', page: 'https://learn.microsoft.com/autopilot/self-deploying' },
  title: 'Autopilot self-deploying mode is used with Microsoft Entra join only',
  docUrl: `${AUTOPILOT_URL}/self-deploying`,
  appliesWhen: (plan) => plan.has('autopilot') && plan.bool('autopilot.enabled') !== false && !isAutopilotIntoComanagement(plan),
  needs: ['autopilot.deploymentMode', 'autopilot.joinType'],
  check(plan) {
    if (plan.choice('autopilot.deploymentMode') !== 'self-deploying' || plan.choice('autopilot.joinType') !== 'hybrid') return undefined;
    return { message: 'Self-deploying mode supports only Microsoft Entra join, never hybrid join; use a user-driven profile for hybrid join or join these devices to Entra ID.', path: 'autopilot.joinType' };
  },
  examples: {
    fail: ['version: 1\nautopilot:\n  deploymentMode: self-deploying\n  joinType: hybrid'],
    pass: ['version: 1\nautopilot:\n  deploymentMode: self-deploying\n  joinType: entra'],
  },
});

export const autopilotExistingDevicesUserDriven = defineReadinessRule({
  id: 'autopilot-existing-devices-user-driven', area: 'autopilot', severity: 'error', source: 'autopilot/existing-devices.md (commit 7322d36c8403)',
  basis: { words: 'only supports user-driven', page: 'https://learn.microsoft.com/autopilot/existing-devices' },
  title: 'Autopilot for existing devices uses a user-driven profile',
  docUrl: `${AUTOPILOT_URL}/existing-devices`,
  appliesWhen: (plan) => plan.bool('autopilot.existingDevices') === true,
  needs: ['autopilot.deploymentMode'],
  // Whether the devices are registered decides it for the modes the JSON file can't carry.
  needsEach: (plan) => ['self-deploying', 'pre-provisioning'].includes(plan.choice('autopilot.deploymentMode') ?? '') ? ['autopilot.devicesRegistered'] : [],
  check(plan) {
    const mode = plan.choice('autopilot.deploymentMode');
    if (mode !== 'self-deploying' && mode !== 'pre-provisioning') return undefined;
    // A registered device with such a profile assigned gets it from the service, not from the JSON file.
    if (plan.bool('autopilot.devicesRegistered') === true) return undefined;
    return { message: `The JSON file of Autopilot for existing devices supports only user-driven profiles; ${mode} needs TPM attestation and works only for devices already registered with that profile. Use user-driven mode or register the devices first.`, path: 'autopilot.deploymentMode' };
  },
  examples: {
    fail: ['version: 1\nautopilot:\n  existingDevices: true\n  deploymentMode: self-deploying\n  devicesRegistered: false'],
    pass: ['version: 1\nautopilot:\n  existingDevices: true\n  deploymentMode: user-driven'],
  },
});

// ---- Windows versions ------------------------------------------------------------------------

// The newer copy asks for a currently supported Windows 10 and names no version; the older copy's
// 20H2 floor is not claimed as documented. A release out of servicing in every edition certainly
// fails; 1507, 1607, 1809 and 21H2 may be LTSC editions, which only autopilot-windows10-servicing
// asks the admin to confirm.
export const autopilotWindowsMinimum = defineReadinessRule({
  id: 'autopilot-windows-minimum-version', area: 'windows', severity: 'error', source: `${ENROLLMENT}; ${AUTOPILOT_REQUIREMENTS}`,
  basis: { words: 'A currently supported version', page: 'https://learn.microsoft.com/intune/configmgr/comanage/autopilot-enrollment#requirements', override: 'Read in context (docs map P9#8): listed under the components that are required; Windows 10 devices run a currently supported version', contradiction: { page: 'https://learn.microsoft.com/mem/configmgr/comanage/autopilot-enrollment#requirements', says: 'the older copy sets Windows 10 20H2 as the floor' } },
  title: 'Windows 10 and 11 devices run a release that is still serviced (the pages give no version number)',
  docUrl: `${DOCS}/autopilot-enrollment#requirements`,
  appliesWhen: isAutopilotIntoComanagement,
  needsAny: ['windows.versions', 'windows.minimumVersion'],
  check(plan) {
    return windowsVersionsInScope(plan).flatMap((v) => {
      if (v.major === 10 && windows10EndedEverywhere(v.rank)) {
        return [{ message: `Autopilot into co-management asks for a currently supported Windows 10 release, and ${v.text} is out of servicing in every edition; update these devices first. (The page names no version; an older copy set 20H2 as the floor.)`, path: v.path }];
      }
      // The co-management page says only "Windows 11"; Autopilot itself needs a supported release.
      if (v.major === 11 && windows11EndedEverywhere(v.rank)) {
        return [{ message: `Windows Autopilot needs a supported Windows 11 release, and ${v.text} is out of servicing; update these devices first.`, path: v.path }];
      }
      return [];
    });
  },
  examples: {
    fail: [`${MINIMAL}windows:\n  minimumVersion: '10 2004'`, `${MINIMAL}windows:\n  versions: ['10 21H1', '11 23H2']`, `${MINIMAL}windows:\n  versions: ['11 21H2']`],
    pass: [`${MINIMAL}windows:\n  minimumVersion: '10 22H2'`, `${MINIMAL}windows:\n  minimumVersion: '10 1809'`],
  },
});

export const autopilotWindows10Servicing = defineReadinessRule({
  id: 'autopilot-windows10-servicing', area: 'windows', severity: 'information', source: ENROLLMENT,
  basis: { words: 'A currently supported version', page: 'https://learn.microsoft.com/intune/configmgr/comanage/autopilot-enrollment#requirements' },
  title: 'Every Windows 10 release in scope is still serviced for its edition (advice)',
  docUrl: `${DOCS}/autopilot-enrollment#requirements`,
  appliesWhen: isAutopilotIntoComanagement,
  needsAny: ['windows.versions', 'windows.minimumVersion'],
  check(plan) {
    // Releases out of servicing everywhere are errors in autopilot-windows-minimum-version.
    return windowsVersionsInScope(plan).filter((v) => v.major === 10 && !windows10EndedEverywhere(v.rank)).map((v) => ({
      message: `Advice: the page asks for a Windows 10 release that is still serviced; whether ${v.text} is depends on the edition (LTSC, Enterprise, extended security updates) and on today's date, which the plan doesn't say. Check it on Windows release health.`,
      path: v.path,
    }));
  },
  examples: { fail: [`${MINIMAL}windows:\n  minimumVersion: '10 22H2'`], pass: [`${MINIMAL}windows:\n  minimumVersion: '11 23H2'`] },
});

// ---- Workloads and client authentication -----------------------------------------------------

export const autopilotNoPilotIntune = defineReadinessRule({
  id: 'autopilot-no-pilot-intune', area: 'workloads', severity: 'error', source: ENROLLMENT,
  basis: { words: 'currently doesn\'t support', page: 'https://learn.microsoft.com/intune/configmgr/comanage/autopilot-enrollment#limitations' },
  title: 'Autopilot into co-management does not support workloads on Pilot Intune',
  docUrl: `${DOCS}/autopilot-enrollment#limitations`,
  appliesWhen: isAutopilotIntoComanagement,
  needs: ['workloads'],
  needsToPass: () => [...SLIDER_PATHS],
  check(plan) {
    return workloadsWithAuthority(plan, 'pilot-intune').map((key) => ({
      message: `Pilot Intune depends on collection membership, which a new client only gets after Autopilot is done; set ${key} to configmgr or intune for these devices.`,
      path: `workloads.${key}.authority`,
    }));
  },
  examples: { fail: [`${MINIMAL}workloads:\n  clientApps:\n    authority: pilot-intune\n    pilotCollection: Pilot`], pass: [`${MINIMAL}workloads:\n  clientApps:\n    authority: intune`] },
});

export const autopilotNoPki = defineReadinessRule({
  id: 'autopilot-no-pki', area: 'cmg', severity: 'error', source: ENROLLMENT,
  basis: { words: 'currently doesn\'t support', page: 'https://learn.microsoft.com/intune/configmgr/comanage/autopilot-enrollment#limitations' },
  title: 'Autopilot into co-management does not support PKI client authentication',
  docUrl: `${DOCS}/autopilot-enrollment#limitations`,
  appliesWhen: isAutopilotIntoComanagement,
  needs: ['site.clientAuthentication'],
  check(plan) {
    if (plan.choice('site.clientAuthentication') === 'pki') {
      return { message: 'A new Autopilot device has no PKI certificate when the client first talks to the CMG; use Microsoft Entra ID client authentication.', path: 'site.clientAuthentication' };
    }
    return undefined;
  },
  examples: { fail: [`${MINIMAL}site:\n  clientAuthentication: pki`], pass: [`${MINIMAL}site:\n  clientAuthentication: entra-id`] },
});

// The plan's client authentication decides autopilot-no-pki (pki) and command-line-auth-matches
// (entra-id); this catches /UsePKICert when the plan doesn't say, or says token.
export const autopilotNoPkiCommandLine = defineReadinessRule({
  id: 'autopilot-no-pki-command-line', area: 'command-line', severity: 'error', source: `${ENROLLMENT}; ${PREPARE}`,
  basis: { words: 'currently doesn\'t support', page: 'https://learn.microsoft.com/intune/configmgr/comanage/autopilot-enrollment#limitations' },
  title: 'The Autopilot into co-management command line doesn\'t ask for PKI client authentication (/UsePKICert)',
  docUrl: `${DOCS}/autopilot-enrollment#limitations`,
  appliesWhen: (plan) => isAutopilotIntoComanagement(plan) && plan.commandLines().length > 0
    && !['pki', 'entra-id'].includes(plan.choice('site.clientAuthentication') ?? ''),
  check(plan) {
    return plan.commandLines().flatMap(({ line, exact }) => {
      const item = find(line, 'UsePKICert');
      if (!item) return [];
      return [{
        message: 'A new Autopilot device has no PKI certificate when the client first reaches the CMG, so Autopilot into co-management can\'t use /UsePKICert; remove it and let the client authenticate with Microsoft Entra ID.',
        span: item.nameSpan,
        fixes: exact ? [{ title: 'Remove /UsePKICert', edits: [{ span: deletionSpan(plan.document.text, item.span), newText: '' }], preferred: true }] : undefined,
      }];
    });
  },
  examples: { fail: [withLine(' /UsePKICert')], pass: [withLine()] },
});

// ---- The co-management settings policy: assignment and authority ------------------------------

// That the group holds devices, not users, is checked for every plan by policy-target-device-group.
export const autopilotPolicyAssigned = defineReadinessRule({
  id: 'autopilot-policy-assigned', area: 'policy', severity: 'error', source: ENROLLMENT,
  basis: { words: 'select a target _device_ group', page: 'https://learn.microsoft.com/intune/configmgr/comanage/autopilot-enrollment#configure', override: 'Read in context (docs map P9#19): The policy is assigned to a device group' },
  title: 'Each co-management settings policy is assigned to a group',
  docUrl: `${DOCS}/autopilot-enrollment#configure`,
  appliesWhen: (plan) => isAutopilotIntoComanagement(plan) && policyIndexes(plan).some((i) => plan.entry(`comanagement.policies[${i}].targetGroup`)),
  check(plan) {
    return policyIndexes(plan)
      .filter((i) => plan.entry(`comanagement.policies[${i}].targetGroup`) && !plan.str(`comanagement.policies[${i}].targetGroup`)?.trim())
      .map((i) => ({
        message: `Policy ${policyName(plan, i)} isn't assigned to any group, so no Autopilot device gets it; assign it to the device group your Autopilot devices are in.`,
        path: `comanagement.policies[${i}].targetGroup`,
      }));
  },
  examples: {
    fail: [`${MINIMAL}comanagement:\n  policies:\n    - name: P\n      targetGroup: ''`],
    pass: [`${MINIMAL}comanagement:\n  policies:\n    - name: P\n      targetGroup: AP devices`],
  },
});

export const autopilotEspSameGroup = defineReadinessRule({
  id: 'autopilot-esp-same-group', area: 'esp', severity: 'error', source: ENROLLMENT,
  basis: { words: 'assign ... to the same', page: 'https://learn.microsoft.com/intune/configmgr/comanage/autopilot-enrollment#requirements', override: 'Read in context (docs map P9#10): A device group gets the policy, the ESP profile (with progress shown) and the Autopilot profile' },
  title: 'The Enrollment Status Page profile goes to the same device group as the co-management policy',
  docUrl: `${DOCS}/autopilot-enrollment#requirements`,
  appliesWhen: (plan) => isAutopilotIntoComanagement(plan) && plan.bool('autopilot.esp.enabled') !== false,
  needs: ['autopilot.esp.targetGroup', 'comanagement.policies[0].targetGroup'],
  check: (plan) => groupMismatch(plan, 'autopilot.esp.targetGroup', 'Enrollment Status Page profile',
    ', or Autopilot won\'t wait for the client to install and apply the co-management policy'),
  examples: {
    fail: [`${MINIMAL}autopilot:\n  esp:\n    enabled: true\n    targetGroup: Other\ncomanagement:\n  policies:\n    - name: P\n      targetGroup: AP devices`],
    pass: [`${MINIMAL}autopilot:\n  esp:\n    enabled: true\n    targetGroup: ap  devices\ncomanagement:\n  policies:\n    - name: P\n      targetGroup: AP devices`],
  },
});

export const autopilotProfileSameGroup = defineReadinessRule({
  id: 'autopilot-profile-same-group', area: 'autopilot', severity: 'error', source: ENROLLMENT,
  basis: { words: 'You also need to assign', page: 'https://learn.microsoft.com/intune/configmgr/comanage/autopilot-enrollment#requirements' },
  title: 'The Autopilot deployment profile goes to the same device group as the co-management policy',
  docUrl: `${DOCS}/autopilot-enrollment#requirements`,
  appliesWhen: isAutopilotIntoComanagement,
  needs: ['autopilot.profileTargetGroup', 'comanagement.policies[0].targetGroup'],
  check: (plan) => groupMismatch(plan, 'autopilot.profileTargetGroup', 'Autopilot deployment profile', ''),
  examples: {
    fail: [`${MINIMAL}autopilot:\n  profileTargetGroup: Other\ncomanagement:\n  policies:\n    - name: P\n      targetGroup: AP devices`],
    pass: [`${MINIMAL}autopilot:\n  profileTargetGroup: AP devices\ncomanagement:\n  policies:\n    - name: P\n      targetGroup: AP devices`],
  },
});

export const autopilotNoChangeAfterProvisioning = defineReadinessRule({
  id: 'autopilot-no-policy-change-after-provisioning', area: 'policy', severity: 'warning', source: `${ENROLLMENT}; ${MANAGED_DESKTOP}`,
  basis: { words: 'non-deterministic, thus should be avoided', page: 'https://learn.microsoft.com/intune/configmgr/comanage/autopilot-enrollment#advanced-settings' },
  title: 'A policy\'s override and authority stay unchanged once devices were provisioned with it',
  docUrl: `${DOCS}/autopilot-enrollment#advanced-settings`,
  appliesWhen: (plan) => plan.count('comanagement.policies') > 0,
  needs: ['comanagement.policyChangesAfterProvisioning'],
  check(plan) {
    if (plan.bool('comanagement.policyChangesAfterProvisioning') !== true) return undefined;
    return { message: 'Changing a policy\'s override or authority later also reaches every device already in its group, and policy sync timing makes the result unpredictable; settle these settings before devices are provisioned.', path: 'comanagement.policyChangesAfterProvisioning' };
  },
  examples: {
    fail: ['version: 1\ncomanagement:\n  policyChangesAfterProvisioning: true\n  policies:\n    - name: p\n      installAgent: false'],
    pass: ['version: 1\ncomanagement:\n  policyChangesAfterProvisioning: false\n  policies:\n    - name: p\n      installAgent: false'],
  },
});

// Windows 11 without a policy ends Autopilot under Intune authority; a client added later doesn't change that.
export const autopilotWindows11NeedsPolicy = defineReadinessRule({
  id: 'autopilot-windows11-configmgr-authority-needs-policy', area: 'policy', severity: 'warning', source: ENROLLMENT,
  basis: { words: 'will be set to Microsoft Intune', page: 'https://learn.microsoft.com/intune/configmgr/comanage/autopilot-enrollment#requirements', override: 'Read in context (docs map P9#7): Windows 11 without a co-management policy gets Intune as authority; a Win32-app client doesn\'t change that; for Configuration Manager authority use a policy with install=No and override=No' },
  title: 'Windows 11 devices that should stay under Configuration Manager authority get a co-management settings policy during Autopilot',
  docUrl: `${DOCS}/autopilot-enrollment#requirements`,
  appliesWhen: (plan) => plan.bool('autopilot.enabled') === true,
  needs: ['comanagement.clientInstallMethod'],
  needsAny: ['windows.versions', 'windows.minimumVersion'],
  check(plan) {
    // The page says it of a Win32 app; an Intune line-of-business app installs the client the same way.
    const method = plan.choice('comanagement.clientInstallMethod');
    if (method !== 'intune-win32-app' && method !== 'intune-lob-app' && method !== 'after-autopilot') return undefined;
    if (!windowsVersionsInScope(plan).some((v) => v.major === 11)) return undefined;
    // Override defaults to No, so an absent override counts as No.
    const keepsConfigMgr = policyIndexes(plan).some((i) =>
      plan.bool(`comanagement.policies[${i}].installAgent`) === false && plan.bool(`comanagement.policies[${i}].overrideToIntune`) !== true);
    if (keepsConfigMgr) return undefined;
    return {
      message: 'A Windows 11 device that finishes Autopilot without a co-management settings policy has Intune as its authority, and a client installed afterwards doesn\'t move workloads back; assign a policy with "install the agent" and "override to Intune" both set to No.',
      path: 'comanagement.clientInstallMethod',
    };
  },
  examples: {
    fail: ["version: 1\nautopilot:\n  enabled: true\nwindows:\n  minimumVersion: '11 22H2'\ncomanagement:\n  clientInstallMethod: intune-win32-app\n  policies: []", "version: 1\nautopilot:\n  enabled: true\nwindows:\n  minimumVersion: '11 22H2'\ncomanagement:\n  clientInstallMethod: intune-lob-app\n  policies: []"],
    pass: ["version: 1\nautopilot:\n  enabled: true\nwindows:\n  minimumVersion: '11 22H2'\ncomanagement:\n  clientInstallMethod: intune-win32-app\n  policies:\n    - name: CM authority\n      installAgent: false\n      overrideToIntune: false\n      targetGroup: AP devices"],
  },
});

export const autopilotWin32AppNotNeeded = defineReadinessRule({
  id: 'autopilot-win32-app-not-needed', area: 'policy', severity: 'information', source: ENROLLMENT,
  basis: { words: 'timing and policy delays', page: 'https://learn.microsoft.com/intune/configmgr/comanage/quickstart-autopilot' },
  title: 'The co-management settings policy installs the client, not a separate Intune app (advice)',
  docUrl: `${DOCS}/autopilot-enrollment`,
  appliesWhen: isAutopilotIntoComanagement,
  needs: ['comanagement.clientInstallMethod'],
  check(plan) {
    const method = plan.choice('comanagement.clientInstallMethod');
    if (method !== 'intune-win32-app' && method !== 'intune-lob-app') return undefined;
    const app = method === 'intune-lob-app' ? 'line-of-business' : 'Win32';
    return { message: `Advice: let the co-management settings policy install the client (it fetches the content from the CMG); a separate Intune ${app} app for the client is no longer needed, and that method was prone to component timing and policy delays.`, path: 'comanagement.clientInstallMethod' };
  },
  examples: { fail: [`${MINIMAL}comanagement:\n  clientInstallMethod: intune-win32-app`, `${MINIMAL}comanagement:\n  clientInstallMethod: intune-lob-app`], pass: [`${MINIMAL}comanagement:\n  clientInstallMethod: policy`] },
});

// The plan format has no "Company Portal on co-managed devices" key; companyPortal.enabled says the same.
export const autopilotCompanyPortal = defineReadinessRule({
  id: 'autopilot-company-portal', area: 'policy', severity: 'information', source: MANAGED_DESKTOP,
  basis: { words: 'Consider using the Company Portal', page: 'https://learn.microsoft.com/intune/configmgr/comanage/faq#i-want-to-enable-co-management-whats-the-effect' },
  title: 'Co-managed devices use the Company Portal (advice)',
  docUrl: 'https://learn.microsoft.com/managed-desktop/prepare/autopilot-co-management#step-1-configure-co-management-settings',
  appliesWhen: (plan) => isManagedDesktop(plan)
    || (isAutopilotIntoComanagement(plan) && policyIndexes(plan).some((i) => plan.bool(`comanagement.policies[${i}].overrideToIntune`) === true)),
  needs: ['companyPortal.enabled'],
  check(plan) {
    if (plan.bool('companyPortal.enabled') !== false) return undefined;
    return { message: 'Advice: use the Company Portal on these co-managed devices for consistent app delivery and notifications; they can still get Configuration Manager apps with Client apps on Intune.', path: 'companyPortal.enabled' };
  },
  examples: {
    fail: ['version: 1\npath: managed-desktop\ncompanyPortal:\n  enabled: false'],
    pass: ['version: 1\npath: managed-desktop\ncompanyPortal:\n  enabled: true'],
  },
});

// ---- Policy providers and the PROVISIONTS task sequence ---------------------------------------

export const autopilotImeConflict = defineReadinessRule({
  id: 'autopilot-ime-policy-provider-conflict', area: 'autopilot', severity: 'warning', source: ENROLLMENT,
  basis: { words: 'which can cause conflicts', page: 'https://learn.microsoft.com/intune/configmgr/comanage/autopilot-enrollment#recommendations', override: 'Read in context (docs map P9#13): Don\'t combine with other policy providers such as the Intune management extension' },
  title: 'Use either the co-management policy or the Intune management extension as policy provider, not both',
  docUrl: `${DOCS}/autopilot-enrollment#recommendations`,
  appliesWhen: isAutopilotIntoComanagement,
  needs: ['intuneManagementExtensionPolicyProvider'],
  check(plan) {
    if (plan.bool('intuneManagementExtensionPolicyProvider') === true) {
      return { message: 'The Intune management extension and the Configuration Manager policy provider don\'t know about each other and can conflict during Autopilot; pick one.', path: 'intuneManagementExtensionPolicyProvider' };
    }
    return undefined;
  },
  examples: { fail: [`${MINIMAL}intuneManagementExtensionPolicyProvider: true`], pass: [`${MINIMAL}intuneManagementExtensionPolicyProvider: false`] },
});

// Managed Desktop forbids PROVISIONTS (managed-desktop-no-provisionts), so no advice to add it there.
export const autopilotOrderedApps = defineReadinessRule({
  id: 'autopilot-ordered-apps-task-sequence', area: 'policy', severity: 'information', source: ENROLLMENT,
  basis: { words: 'use the co-management policy', page: 'https://learn.microsoft.com/intune/configmgr/comanage/autopilot-enrollment#recommendations' },
  title: 'Apps that must install in order come from a PROVISIONTS task sequence (advice)',
  docUrl: `${DOCS}/autopilot-enrollment#recommendations`,
  appliesWhen: (plan) => isAutopilotIntoComanagement(plan) && !isManagedDesktop(plan),
  needs: ['autopilot.appInstallOrderRequired'],
  check(plan) {
    if (plan.bool('autopilot.appInstallOrderRequired') !== true || hasProvisionTs(plan)) return undefined;
    return { message: 'Advice: to install apps in a fixed order during the Enrollment Status Page, add PROVISIONTS to the policy\'s command line with a task sequence that installs them in that order.', path: 'autopilot.appInstallOrderRequired' };
  },
  examples: {
    fail: [`${withLine()}autopilot:\n  appInstallOrderRequired: true\n`],
    pass: [`${withLine(' PROVISIONTS=ABC20001')}autopilot:\n  appInstallOrderRequired: true\n`],
  },
});

export const autopilotProvisionTsDefaultSettings = defineReadinessRule({
  id: 'autopilot-provisionts-default-client-settings', area: 'command-line', severity: 'information', source: PROPERTIES,
  basis: { words: 'uses the Default Client Settings', page: 'https://learn.microsoft.com/intune/configmgr/core/clients/deploy/about-client-installation-properties#provisionts' },

  title: 'The Default Client Settings let a PROVISIONTS task sequence reach the CMG and cloud content (advice)',
  docUrl: `${PROPERTIES_URL}#provisionts`,
  appliesWhen: hasProvisionTs,
  needsAny: ['site.defaultClientSettings.cmgEnabled', 'site.defaultClientSettings.cloudDistributionPointAccess'],
  check(plan) {
    const settings: [string, string][] = [['cmgEnabled', 'use of the cloud management gateway'], ['cloudDistributionPointAccess', 'access to cloud distribution points']];
    return settings.filter(([key]) => plan.bool(`site.defaultClientSettings.${key}`) === false).map(([key, what]) => ({
      message: `Advice: the PROVISIONTS task sequence starts right after registration, when only the Default Client Settings apply; they turn off ${what}, which the task sequence may need.`,
      path: `site.defaultClientSettings.${key}`,
    }));
  },
  examples: {
    fail: [`${withLine(' PROVISIONTS=ABC20001', 'version: 1\n')}site:\n  defaultClientSettings:\n    cmgEnabled: false\n`],
    pass: [`${withLine(' PROVISIONTS=ABC20001', 'version: 1\n')}site:\n  defaultClientSettings:\n    cmgEnabled: true\n    cloudDistributionPointAccess: true\n`],
  },
});
