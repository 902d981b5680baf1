// Intune enrollment: the MDM authority, the MDM and MAM user scopes of Windows automatic
// enrollment, and the automatic enrollment choice on the Configuration Manager side.
import { Plan } from '../plan';
import { DOCS, WINDOWS_VERSION_KEYS, isExistingClientsPath, oldestWindows, windowsRank } from './scope';
import { defineReadinessRule } from './types';

const AUTO_ENROLL = `${DOCS}/tutorial-co-manage-clients#configure-auto-enrollment-of-devices-to-intune`;
const TUTORIAL_SOURCE = 'intune/configmgr/comanage/tutorial-co-manage-clients.md (newer copy)';
const WINDOWS_ENROLL = 'https://learn.microsoft.com/intune/device-enrollment/windows/enable-automatic-mdm#enable-windows-automatic-enrollment';
const WINDOWS_ENROLL_SOURCE = 'intune/device-enrollment/windows/enable-automatic-mdm.md (newest copy, 03/2026; moved from intune/intune-service/enrollment/windows-enroll.md)';
const ENABLE_2107 = `${DOCS}/how-to-enable#enable-co-management-for-versions-2107-and-earlier`;
const ENABLE_2107_SOURCE = 'intune/configmgr/comanage/includes/enable-co-management-1906-2107.md (newer copy)';


// ---- Tenant side: MDM authority and automatic enrollment scopes ----

export const mdmAuthorityIntune = defineReadinessRule({
  id: 'enrollment-mdm-authority-intune', area: 'enrollment', severity: 'error',
  basis: { words: 'must be set to Intune', page: 'https://learn.microsoft.com/intune/configmgr/comanage/tutorial-co-manage-clients#on-premises-infrastructure' },
  source: `${TUTORIAL_SOURCE}; tutorial-co-manage-new-devices.md (newer copy)`,
  title: 'The tenant\'s MDM authority is Intune',
  docUrl: `${DOCS}/tutorial-co-manage-clients#on-premises-infrastructure`,
  needs: ['intune.mdmAuthority'],
  check(plan) {
    const authority = plan.choice('intune.mdmAuthority');
    if (authority === 'intune') return undefined;
    return { message: `Co-management needs Intune as the tenant's MDM authority, not ${authority === 'none' ? 'an unset one' : authority}; set it to Intune.`, path: 'intune.mdmAuthority' };
  },
  examples: { fail: ['version: 1\nintune:\n  mdmAuthority: configmgr'], pass: ['version: 1\nintune:\n  mdmAuthority: intune'] },
});

export const mdmScopeNone = defineReadinessRule({
  id: 'mdm-user-scope-none', area: 'enrollment', severity: 'error',
  basis: { words: 'you still need to change', page: 'https://learn.microsoft.com/intune/configmgr/comanage/tutorial-co-manage-clients#configure-auto-enrollment-of-devices-to-intune' },
  source: `${TUTORIAL_SOURCE}; ${WINDOWS_ENROLL_SOURCE}`,
  title: 'Windows automatic enrollment is on (MDM user scope All or Some)',
  docUrl: AUTO_ENROLL,
  needs: ['intune.mdmUserScope'],
  check(plan) {
    if (plan.choice('intune.mdmUserScope') === 'none') {
      return { message: 'MDM user scope None turns Windows automatic enrollment off, so devices don\'t enroll in Intune; use All, or Some with the users\' groups. This holds even when Configuration Manager enrolls the devices (the 2021 tutorial said the scope could stay as it was; the current one says to set it).', path: 'intune.mdmUserScope' };
    }
    return undefined;
  },
  examples: { fail: ['version: 1\nintune:\n  mdmUserScope: none'], pass: ['version: 1\nintune:\n  mdmUserScope: all'] },
});

export const mdmScopeSomeNeedsGroups = defineReadinessRule({
  id: 'mdm-user-scope-groups', area: 'enrollment', severity: 'error',
  basis: { words: 'None: Disable MDM automatic enrollment', page: 'https://learn.microsoft.com/intune/configmgr/comanage/tutorial-co-manage-clients#configure-auto-enrollment-of-devices-to-intune', override: 'Read in context (docs map P3#16): MDM user scope is Some (with groups) or All; None turns automatic enrollment off' },
  source: `${TUTORIAL_SOURCE}; ${WINDOWS_ENROLL_SOURCE}`,
  title: 'MDM user scope Some names at least one group',
  docUrl: WINDOWS_ENROLL,
  appliesWhen: (plan) => plan.choice('intune.mdmUserScope') === 'some',
  check(plan) {
    if (plan.count('intune.mdmGroups') === 0) return { message: 'MDM user scope Some enrolls only the members of the chosen groups, so with none it enrolls nobody; list groups of users in intune.mdmGroups.', path: 'intune.mdmUserScope' };
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

/** Who is in both scopes, in words; undefined when nobody is. */
function scopeOverlap(mdm: Set<string> | 'all', mam: Set<string> | 'all'): string | undefined {
  if (mdm === 'all' && mam === 'all') return 'all users';
  const shared = mdm === 'all' ? [...(mam as Set<string>)] : mam === 'all' ? [...mdm] : [...mdm].filter((g) => mam.has(g));
  return shared.length ? `the group${shared.length > 1 ? 's' : ''} ${shared.join(', ')}` : undefined;
}

export const mamAndMdmOverlap = defineReadinessRule({
  id: 'mam-and-mdm-same-users', area: 'enrollment', severity: 'warning',
  basis: { words: 'The MDM user scope takes precedence', page: 'https://learn.microsoft.com/intune/device-enrollment/windows/enable-automatic-mdm#enable-windows-automatic-enrollment', override: 'On corporate devices MDM wins; personal devices of users in both scopes get only MAM and can\'t be co-managed: a documented consequence, so a warning', contradiction: { page: 'https://learn.microsoft.com/intune/configmgr/comanage/tutorial-co-manage-clients#configure-auto-enrollment-of-devices-to-intune', says: 'users in both scopes get only MAM' } },
  source: `${WINDOWS_ENROLL_SOURCE}; ${TUTORIAL_SOURCE}`,
  title: 'MDM and MAM (WIP) user scopes don\'t cover the same users',
  docUrl: WINDOWS_ENROLL,
  needs: ['intune.mdmUserScope', 'intune.mamUserScope'],
  check(plan) {
    const mdm = scopeGroups(plan, 'mdm');
    const mam = scopeGroups(plan, 'mam');
    if (!mdm || !mam) return undefined;
    const overlap = scopeOverlap(mdm, mam);
    if (!overlap) return undefined;
    return { message: `Both the MDM and the MAM (now "WIP") user scope cover ${overlap}: their personal devices get MAM and aren't MDM-enrolled, so they can't be co-managed (corporate-owned devices follow the MDM scope). Put the two scopes on separate groups. (The older co-management tutorial says such users get only MAM; the newer enrollment page is followed here.)`, path: 'intune.mamUserScope' };
  },
  examples: {
    fail: ['version: 1\nintune:\n  mdmUserScope: all\n  mamUserScope: all', 'version: 1\nintune:\n  mdmUserScope: all\n  mamUserScope: some\n  mamGroups: [Sales]'],
    pass: ['version: 1\nintune:\n  mdmUserScope: all\n  mamUserScope: none', 'version: 1\nintune:\n  mdmUserScope: some\n  mdmGroups: [IT]\n  mamUserScope: some\n  mamGroups: [Sales]'],
  },
});

// ---- Configuration Manager side: automatic enrollment of existing clients ----

export const autoEnrollNone = defineReadinessRule({
  id: 'enrollment-auto-enroll-none-existing-clients', area: 'enrollment', severity: 'error',
  basis: { words: 'Pilot / All / None', page: 'https://learn.microsoft.com/intune/configmgr/comanage/how-to-enable#enable-co-management-for-versions-2107-and-earlier', override: 'Read in context (docs map P2#8): Automatic enrollment is Pilot, All or None; Pilot uses the Intune Auto Enrollment collection' },
  source: `intune/configmgr/cloud-attach/enable.md (newer copy); ${ENABLE_2107_SOURCE}`,
  title: 'On the existing-clients path, automatic enrollment in Intune is All or Pilot',
  docUrl: 'https://learn.microsoft.com/intune/configmgr/cloud-attach/enable#cloud-attach-using-custom-settings',
  appliesWhen: isExistingClientsPath,
  needs: ['comanagement.autoEnroll'],
  check(plan) {
    if (plan.choice('comanagement.autoEnroll') !== 'none') return undefined;
    return { message: 'With automatic enrollment None, co-management isn\'t turned on and no existing client enrolls in Intune; choose Pilot or All.', path: 'comanagement.autoEnroll' };
  },
  examples: {
    fail: ['version: 1\npath: existing-clients\ncomanagement:\n  autoEnroll: none'],
    pass: ['version: 1\npath: existing-clients\ncomanagement:\n  autoEnroll: all'],
  },
});

export const pilotEnrollmentNeedsCollection = defineReadinessRule({
  id: 'enrollment-pilot-needs-collection', area: 'enrollment', severity: 'error', source: ENABLE_2107_SOURCE,
  basis: { words: 'Pilot / All / None', page: 'https://learn.microsoft.com/intune/configmgr/comanage/how-to-enable#enable-co-management-for-versions-2107-and-earlier', override: 'Read in context (docs map P2#8): Automatic enrollment is Pilot, All or None; Pilot uses the Intune Auto Enrollment collection' },
  title: 'Automatic enrollment Pilot names its collection',
  docUrl: ENABLE_2107,
  appliesWhen: (plan) => plan.choice('comanagement.autoEnroll') === 'pilot',
  check(plan) {
    if (plan.has('comanagement.pilotCollection') && plan.str('comanagement.pilotCollection')?.trim()) return undefined;
    return { message: 'With Pilot, only the members of the Intune auto enrollment collection enroll; name it in comanagement.pilotCollection, and include every client you plan to onboard (all workload pilot collections too).', path: 'comanagement.autoEnroll' };
  },
  examples: {
    fail: ['version: 1\ncomanagement:\n  autoEnroll: pilot'],
    pass: ['version: 1\ncomanagement:\n  autoEnroll: pilot\n  pilotCollection: Co-management pilot'],
  },
});

export const chinaDefaultEnrollment = defineReadinessRule({
  id: 'cloudattach-china-default-enrollment', area: 'enrollment', severity: 'error',
  basis: { words: 'the only one currently available', page: 'https://learn.microsoft.com/intune/configmgr/cloud-attach/enable#bkmk_attach' },
  source: 'intune/configmgr/cloud-attach/enable.md (newer copy)',
  title: 'In Azure China, automatic enrollment uses the default (all eligible devices)',
  docUrl: 'https://learn.microsoft.com/intune/configmgr/cloud-attach/enable#bkmk_attach',
  appliesWhen: (plan) => plan.choice('site.azureEnvironment') === 'china',
  needs: ['comanagement.autoEnroll'],
  check(plan) {
    if (plan.choice('comanagement.autoEnroll') !== 'pilot') return undefined;
    return { message: 'For the Azure China cloud the cloud attach page says enrolling all eligible devices is currently the only option; a pilot collection may not be available there.', path: 'comanagement.autoEnroll' };
  },
  examples: {
    fail: ['version: 1\nsite:\n  azureEnvironment: china\ncomanagement:\n  autoEnroll: pilot\n  pilotCollection: Pilot'],
    pass: ['version: 1\nsite:\n  azureEnvironment: china\ncomanagement:\n  autoEnroll: all'],
  },
});

const WINDOWS_10_1803 = windowsRank('10 1803')!;

export const deviceTokenNeeds1803 = defineReadinessRule({
  id: 'enrollment-device-token-windows-1803', area: 'enrollment', severity: 'error', source: ENABLE_2107_SOURCE,
  basis: { words: 'needs to be running ... 1803', page: 'https://learn.microsoft.com/intune/configmgr/comanage/how-to-monitor#co-management-enrollment-status', contradiction: { page: 'https://learn.microsoft.com/intune/configmgr/comanage/how-to-enable#enable-co-management-for-versions-2107-and-earlier', says: 'asks only for a supported Windows version' } },
  title: 'Existing clients run Windows 10 1803 or later, so they enroll with their device token',
  docUrl: ENABLE_2107,
  appliesWhen: isExistingClientsPath,
  needsAny: WINDOWS_VERSION_KEYS,
  check(plan) {
    const oldest = oldestWindows(plan);
    if (!oldest || oldest.rank >= WINDOWS_10_1803) return undefined;
    return { message: `Enrollment with the device's Entra token needs Windows 10 1803 or later; devices on ${oldest.text} wait in "Pending user sign in" until a user signs in. (The newer enablement page asks only for a supported Windows version, which 1803 no longer is.)`, path: oldest.path };
  },
  examples: {
    fail: ['version: 1\npath: existing-clients\nwindows:\n  minimumVersion: "10 1709"'],
    pass: ['version: 1\npath: existing-clients\nwindows:\n  minimumVersion: "10 20H2"'],
  },
});

/** Enrollments that aren't user-driven, so Intune holds them to the default restriction only; in words, or undefined. */
function enrollmentsNotUserDriven(plan: Plan): string | undefined {
  const kinds: string[] = [];
  if (isExistingClientsPath(plan)) kinds.push('co-management enrolls existing clients with a device token, not a user token');
  if (plan.bool('windows.cloudPCs') === true) kinds.push('Windows 365 Cloud PCs enroll without a user');
  const mode = plan.choice('autopilot.deploymentMode');
  if ((mode === 'self-deploying' || mode === 'pre-provisioning') && plan.bool('autopilot.enabled') !== false) kinds.push(`Autopilot ${mode} enrollments have no enrolling user`);
  return kinds.length ? kinds.join('; ') : undefined;
}

export const defaultRestrictionOnly = defineReadinessRule({
  id: 'enrollment-default-restriction-only', area: 'enrollment', severity: 'information', source: `${TUTORIAL_SOURCE}; intune/device-enrollment/restrictions.md (newer copy)`,
  basis: { words: 'applies the default policy to all', page: 'https://learn.microsoft.com/intune/device-enrollment/restrictions' },
  title: 'Enrollments that aren\'t user-driven are held only to the default Intune enrollment restriction (advice)',
  docUrl: 'https://learn.microsoft.com/intune/device-enrollment/restrictions#limitations',
  appliesWhen: (plan) => enrollmentsNotUserDriven(plan) !== undefined,
  needs: ['intune.customEnrollmentRestrictions'],
  check(plan) {
    if (plan.bool('intune.customEnrollmentRestrictions') !== true) return undefined;
    return { message: `Advice: ${enrollmentsNotUserDriven(plan)}; such enrollments aren't user-driven, so only the default enrollment restriction applies to them and custom user-targeted restrictions won't.`, path: 'intune.customEnrollmentRestrictions' };
  },
  examples: {
    fail: ['version: 1\npath: existing-clients\nintune:\n  customEnrollmentRestrictions: true', 'version: 1\nwindows:\n  cloudPCs: true\nintune:\n  customEnrollmentRestrictions: true'],
    pass: ['version: 1\npath: existing-clients\nintune:\n  customEnrollmentRestrictions: false'],
  },
});

// ---- Automatic enrollment URLs and the default enrollment restriction ----

export const mdmUrlsDefault = defineReadinessRule({
  id: 'mdm-urls-default', area: 'enrollment', severity: 'error', source: `${TUTORIAL_SOURCE}; intune/device-enrollment/windows/enable-automatic-mdm.md (newer copy)`,
  basis: { words: 'accept the defaults for the URL values', page: 'https://learn.microsoft.com/intune/configmgr/comanage/tutorial-co-manage-clients#configure-auto-enrollment-of-devices-to-intune', override: 'A setup step; a changed MDM URL makes enrollment fail (0x8000FFFF on the monitoring page), so the step is required' },
  title: 'Windows automatic enrollment keeps the default MDM URLs',
  docUrl: AUTO_ENROLL,
  // With the MDM user scope None there is no automatic enrollment for the URLs to serve.
  appliesWhen: (plan) => plan.choice('intune.mdmUserScope') !== 'none',
  needs: ['intune.mdmUrls'],
  check(plan) {
    if (plan.choice('intune.mdmUrls') !== 'custom') return undefined;
    return { message: 'Keep the default MDM terms of use, discovery and compliance URLs: the site checks that a client belongs to the expected Intune tenant with the MDM URLs it stores, and a wrong enrollment URL makes enrollment fail.', path: 'intune.mdmUrls' };
  },
  examples: {
    fail: ['version: 1\nintune:\n  mdmUserScope: all\n  mdmUrls: custom'],
    pass: ['version: 1\nintune:\n  mdmUserScope: all\n  mdmUrls: default'],
  },
});

export const defaultRestrictionBlocksWindows = defineReadinessRule({
  id: 'default-restriction-blocks-windows', area: 'enrollment', severity: 'error',
  basis: { words: 'Intune enforces the default policy', page: 'https://learn.microsoft.com/intune/device-enrollment/restrictions#limitations', override: 'The page states which restriction applies (co-managed enrollments aren\'t user-driven); a default that blocks Windows blocks the enrollment (0x80180014, "check device restrictions"), so it fails' },
  source: 'intune/device-enrollment/restrictions.md (newer copy); comanage/tutorial-co-manage-clients.md (newer copy); windows-365/enterprise/requirements.md',
  title: 'The default enrollment restriction allows Windows (MDM)',
  docUrl: 'https://learn.microsoft.com/intune/device-enrollment/restrictions#limitations',
  needs: ['intune.defaultRestriction.windows'],
  check(plan) {
    if (plan.choice('intune.defaultRestriction.windows') !== 'block') return undefined;
    return { message: 'Co-managed enrollments (like Windows 365 Cloud PCs and self-deploying or pre-provisioned Autopilot devices) aren\'t user-driven, so only the default device platform restriction applies to them; while it blocks Windows (MDM), these devices can\'t enroll. Allow Windows in the default restriction.', path: 'intune.defaultRestriction.windows' };
  },
  examples: {
    fail: ['version: 1\nintune:\n  defaultRestriction:\n    windows: block'],
    pass: ['version: 1\nintune:\n  defaultRestriction:\n    windows: allow'],
  },
});
