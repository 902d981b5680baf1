// Services next to co-management: a third-party MDM (coexistence, where no workloads are balanced),
// Conditional Access based on Intune compliance, and Windows Autopatch.
import { WORKLOAD_KEYS, WorkloadKey } from '../manifestSchema';
import { Plan } from '../plan';
import { DOCS, SLIDER_PATHS, authorityOf, hasThirdPartyMdm, mdmName, overridesAllToIntune, usesAutopatch } from './scope';
import { Finding, defineReadinessRule } from './types';
import { WORKLOAD_NAMES, authorityPath, isSwitched, manifest, moveToIntune, pilotOf, switchedWorkloads, workloadsYaml } from './workloads';

const COEXISTENCE = `${DOCS}/coexistence`;
const SRC_COEXISTENCE = 'intune/configmgr/comanage/coexistence.md (newer copy)';
const AUTOPATCH = 'https://learn.microsoft.com/windows/deployment/windows-autopatch/prepare/windows-autopatch-prerequisites#configuration-manager-co-management-requirements';
const SRC_AUTOPATCH = 'windows-itpro-docs windows/deployment/windows-autopatch/prepare/windows-autopatch-prerequisites.md @0eac40b8 (newer copy)';

/** What the client stops doing for each workload when it detects a third-party MDM. */
const TURNED_OFF: Record<WorkloadKey, string> = {
  compliancePolicies: 'compliance evaluation for Conditional Access', windowsUpdatePolicies: 'software update scanning and installation',
  resourceAccessPolicies: 'resource access policies', endpointProtection: 'Endpoint Protection (Defender antimalware)',
  deviceConfiguration: 'device configuration', officeClickToRunApps: 'Office Click-to-Run management', clientApps: 'application management, packages included',
};

/** The slider keys a check needs: none when every policy overrides to Intune (then the sliders don't apply). */
const slidersNeeded = (plan: Plan, keys: WorkloadKey[]) => overridesAllToIntune(plan) ? [] : keys.map(authorityPath);
/** A workload's slider is stated, or a policy that overrides to Intune decides it. */
const known = (plan: Plan, key: WorkloadKey) => overridesAllToIntune(plan) || plan.has(authorityPath(key));

// ---------------------------------------------------------------------------------------------
// Third-party MDM coexistence

export const coexistenceNoSliders = defineReadinessRule({
  id: 'coexistence-no-workload-sliders', area: 'workloads', severity: 'warning', source: `${SRC_COEXISTENCE}; intune/configmgr/comanage/overview.md (newer copy)`,
  basis: { words: 'limitations with the management capabilities', page: 'https://learn.microsoft.com/intune/configmgr/comanage/overview', override: 'Read in context (docs map P1#19): With a third-party MDM (coexistence) there is no workload orchestration' },
  title: 'Devices in a third-party MDM are not planned as co-managed (no workload sliders, no Intune enrollment)',
  docUrl: COEXISTENCE,
  appliesWhen: hasThirdPartyMdm,
  needsToPass: () => [...SLIDER_PATHS, 'comanagement.autoEnroll'],
  check(plan) {
    const findings: Finding[] = [];
    const switched = switchedWorkloads(plan);
    if (switched.length > 0) {
      findings.push({
        message: `With ${mdmName(plan)} managing these devices there is coexistence, not co-management: nothing balances workloads, so switching ${switched.join(', ')} has no meaning for them.`,
        path: switched.length === 1 ? authorityPath(switched[0]) : 'workloads',
      });
    }
    const enroll = plan.choice('comanagement.autoEnroll');
    if (enroll === 'all' || enroll === 'pilot') {
      findings.push({
        message: `These devices are enrolled in ${mdmName(plan)}; automatic Intune enrollment (${enroll}) can't also make them co-managed, as a device has one MDM. Exclude them or set autoEnroll to none.`,
        path: 'comanagement.autoEnroll',
      });
    }
    return findings;
  },
  examples: {
    fail: [manifest('thirdPartyMdm:\n  enabled: true', workloadsYaml({ clientApps: 'intune' })), manifest('thirdPartyMdm:\n  enabled: true', 'comanagement:\n  autoEnroll: all')],
    pass: [manifest('thirdPartyMdm:\n  enabled: true', 'comanagement:\n  autoEnroll: none')],
  },
});

export const coexistenceDeactivatesConfigMgr = defineReadinessRule({
  id: 'coexistence-configmgr-functions-deactivated', area: 'workloads', severity: 'warning', source: SRC_COEXISTENCE,
  basis: { words: 'limitations with the management capabilities', page: 'https://learn.microsoft.com/intune/configmgr/comanage/overview', override: 'Read in context (docs map P1#19): With a third-party MDM (coexistence) there is no workload orchestration' },
  title: 'With a third-party MDM the plan expects only read-only functions (inventory, metering) from Configuration Manager',
  docUrl: COEXISTENCE,
  appliesWhen: hasThirdPartyMdm,
  needsToPass: () => [...SLIDER_PATHS, 'configmgr.office365Apps', 'configmgr.resourceAccessProfiles', 'clientSettings.softwareUpdatesEnabled'],
  check(plan) {
    const findings: Finding[] = [];
    const name = mdmName(plan);
    const off = (what: string, path: string) => findings.push({
      message: `When the Configuration Manager client detects ${name} it turns off ${what}; only inventory, Asset Intelligence, software metering and power reporting keep running.`, path,
    });
    for (const key of WORKLOAD_KEYS) {
      if (plan.has(authorityPath(key)) && authorityOf(plan, key) === 'configmgr') off(`${TURNED_OFF[key]}, so nothing manages this workload from Configuration Manager`, authorityPath(key));
    }
    if (plan.bool('configmgr.office365Apps') === true) off('application management, so its Microsoft 365 Apps deployments stop', 'configmgr.office365Apps');
    if (plan.bool('configmgr.resourceAccessProfiles') === true) off('resource access profiles', 'configmgr.resourceAccessProfiles');
    if (plan.bool('clientSettings.softwareUpdatesEnabled') === true) off('software update scanning and installation', 'clientSettings.softwareUpdatesEnabled');
    return findings;
  },
  examples: {
    fail: [manifest('thirdPartyMdm:\n  enabled: true', workloadsYaml({ windowsUpdatePolicies: 'configmgr' })), manifest('thirdPartyMdm:\n  enabled: true', 'configmgr:\n  office365Apps: true')],
    pass: [manifest('thirdPartyMdm:\n  enabled: true')],
  },
});

// ---------------------------------------------------------------------------------------------
// Compliance and Conditional Access

export const conditionalAccessNeedsCompliance = defineReadinessRule({
  id: 'conditional-access-needs-compliance-workload', area: 'workloads', severity: 'error',
  basis: { words: 'It requires moving the Compliance Policies workload', page: 'https://learn.microsoft.com/intune/configmgr/comanage/quickstart-conditional-access#configure' },
  source: 'intune/configmgr/comanage/quickstart-conditional-access.md (newer copy)',
  title: 'Conditional Access that requires a compliant device has the compliance policies workload on Intune',
  docUrl: `${DOCS}/quickstart-conditional-access#configure`,
  appliesWhen: (plan) => plan.bool('conditionalAccess.requireCompliantDevice') === true,
  // A left-out slider is unknown, not Configuration Manager.
  needsEach: (plan) => slidersNeeded(plan, ['compliancePolicies']),
  check(plan) {
    if (isSwitched(plan, 'compliancePolicies')) return undefined;
    return {
      message: 'Conditional Access based on Intune device compliance needs the compliance policies workload moved to Intune; it is on Configuration Manager.',
      path: authorityPath('compliancePolicies'), fixes: moveToIntune(plan, 'compliancePolicies'),
    };
  },
  examples: {
    fail: [manifest('conditionalAccess:\n  requireCompliantDevice: true', workloadsYaml({ compliancePolicies: 'configmgr' }))],
    pass: [manifest('conditionalAccess:\n  requireCompliantDevice: true', workloadsYaml({ compliancePolicies: 'intune' }))],
  },
});

export const conditionalAccessPilotScope = defineReadinessRule({
  id: 'conditional-access-pilot-compliance-scope', area: 'workloads', severity: 'warning', source: `intune/configmgr/comanage/how-to-switch-workloads.md (newer copy); intune/configmgr/comanage/quickstart-conditional-access.md (newer copy)`,
  basis: { words: 'It requires moving the Compliance Policies workload', page: 'https://learn.microsoft.com/intune/configmgr/comanage/quickstart-conditional-access#configure', override: 'Required for the devices Conditional Access covers; a pilot that leaves some out may be deliberate, so a warning' },
  title: 'Conditional Access requiring compliance targets the devices whose compliance Intune evaluates',
  docUrl: `${DOCS}/how-to-switch-workloads#switch-workloads`,
  appliesWhen: (plan) => plan.bool('conditionalAccess.requireCompliantDevice') === true && authorityOf(plan, 'compliancePolicies') === 'pilot-intune',
  check(plan) {
    const pilot = pilotOf(plan, 'compliancePolicies');
    return {
      message: `Compliance is on Pilot Intune, so Intune evaluates only the devices in ${pilot ? `"${pilot}"` : 'the pilot collection'}; scope the Conditional Access policy to the same devices, or move compliance fully to Intune.`,
      path: authorityPath('compliancePolicies'),
    };
  },
  examples: {
    fail: [manifest('conditionalAccess:\n  requireCompliantDevice: true', workloadsYaml({ compliancePolicies: 'pilot-intune:CA pilot' }))],
    pass: [manifest('conditionalAccess:\n  requireCompliantDevice: true', workloadsYaml({ compliancePolicies: 'intune' }))],
  },
});

export const configMgrComplianceBridge = defineReadinessRule({
  id: 'configmgr-compliance-in-intune-policy-needs-switch', area: 'policy', severity: 'information',
  basis: { words: 'You can add evaluation', page: 'https://learn.microsoft.com/intune/configmgr/comanage/workloads#compliance-policies' },
  source: 'intune/configmgr/comanage/faq.yml (newer copy); intune/device-security/compliance/ref-windows-settings.md (newer copy)',
  title: '"Require device compliance from Configuration Manager" is used with the compliance workload on Intune',
  docUrl: 'https://learn.microsoft.com/intune/device-security/compliance/ref-windows-settings#configuration-manager-compliance',
  appliesWhen: (plan) => plan.bool('intune.requireConfigMgrCompliance') === true,
  needsEach: (plan) => slidersNeeded(plan, ['compliancePolicies']),
  check(plan) {
    if (isSwitched(plan, 'compliancePolicies')) return undefined;
    return {
      message: 'Advice: "Require device compliance from Configuration Manager" is how Configuration Manager results count in Intune compliance once the compliance workload is on Intune; with the workload on Configuration Manager it does nothing for these devices.',
      path: 'intune.requireConfigMgrCompliance',
    };
  },
  examples: {
    fail: [manifest('intune:\n  requireConfigMgrCompliance: true', workloadsYaml({ compliancePolicies: 'configmgr' }))],
    pass: [manifest('intune:\n  requireConfigMgrCompliance: true', workloadsYaml({ compliancePolicies: 'intune' }))],
  },
});

// ---------------------------------------------------------------------------------------------
// Windows Autopatch

const AUTOPATCH_WORKLOADS: WorkloadKey[] = ['windowsUpdatePolicies', 'deviceConfiguration', 'officeClickToRunApps'];

export const autopatchWorkloads = defineReadinessRule({
  id: 'autopatch-needs-workloads', area: 'workloads', severity: 'error', source: `${SRC_AUTOPATCH}; intune/configmgr/comanage/workloads.md (newer copy)`,
  basis: { words: 'Must have the following co-management workloads', page: AUTOPATCH },
  title: 'Windows Autopatch devices have Windows Update policies, device configuration and Office Click-to-Run apps on Intune or Pilot Intune',
  docUrl: AUTOPATCH,
  appliesWhen: usesAutopatch,
  // Stated sliders on Configuration Manager fail; a pass needs all three stated (absent is unknown).
  needsToPass: (plan) => slidersNeeded(plan, AUTOPATCH_WORKLOADS),
  check(plan) {
    return AUTOPATCH_WORKLOADS
      .filter((key) => known(plan, key) && !isSwitched(plan, key))
      .map((key) => ({
        message: `Windows Autopatch accepts co-managed devices only with the ${WORKLOAD_NAMES[key]} workload on Pilot Intune or Intune; it is on Configuration Manager.`,
        path: authorityPath(key), fixes: moveToIntune(plan, key),
      }));
  },
  examples: {
    fail: [manifest('services:\n  windowsAutopatch: true', workloadsYaml({ windowsUpdatePolicies: 'configmgr', deviceConfiguration: 'intune', officeClickToRunApps: 'intune' })),
      manifest('services:\n  windowsAutopatch: true', workloadsYaml({ windowsUpdatePolicies: 'intune', deviceConfiguration: 'configmgr', officeClickToRunApps: 'intune' })),
      manifest('services:\n  windowsAutopatch: true', workloadsYaml({ windowsUpdatePolicies: 'intune', deviceConfiguration: 'intune', officeClickToRunApps: 'configmgr' }))],
    pass: [manifest('services:\n  windowsAutopatch: true', workloadsYaml({ windowsUpdatePolicies: 'intune', deviceConfiguration: 'intune', officeClickToRunApps: 'pilot-intune:Autopatch' }))],
  },
});

export const autopatchPilotMembership = defineReadinessRule({
  id: 'autopatch-pilot-collection-membership', area: 'workloads', severity: 'information', source: SRC_AUTOPATCH,
  basis: { words: 'the device must be in the collections', page: AUTOPATCH, override: 'Required by the page, but no plan key states collection membership, so the rule can only remind (information) whenever Pilot Intune is used' },
  title: 'Windows Autopatch devices are members of every pilot collection of the workloads Autopatch needs',
  docUrl: AUTOPATCH,
  appliesWhen: usesAutopatch,
  needsToPass: (plan) => slidersNeeded(plan, AUTOPATCH_WORKLOADS),
  check(plan) {
    const piloted = AUTOPATCH_WORKLOADS.filter((key) => authorityOf(plan, key) === 'pilot-intune');
    if (piloted.length === 0) return undefined;
    const collections = [...new Set(piloted.map((key) => pilotOf(plan, key)).filter((name): name is string => !!name))];
    return {
      message: `Advice: with ${piloted.map((key) => WORKLOAD_NAMES[key]).join(', ')} on Pilot Intune, every Autopatch device must be in ${collections.length ? collections.map((c) => `"${c}"`).join(' and ') : 'the pilot collection'}; Autopatch doesn't add devices to these collections for you.`,
      path: authorityPath(piloted[0]),
    };
  },
  examples: {
    fail: [manifest('services:\n  windowsAutopatch: true', workloadsYaml({ windowsUpdatePolicies: 'pilot-intune:WU pilot', deviceConfiguration: 'intune', officeClickToRunApps: 'intune' }))],
    pass: [manifest('services:\n  windowsAutopatch: true', workloadsYaml({ windowsUpdatePolicies: 'intune', deviceConfiguration: 'intune', officeClickToRunApps: 'intune' }))],
  },
});

export const autopatchSoftwareUpdatesOff = defineReadinessRule({
  id: 'autopatch-software-updates-client-setting-off', area: 'workloads', severity: 'error', source: `${SRC_AUTOPATCH}; intune/configmgr/comanage/workloads.md (newer copy)`,
  basis: { words: 'Create a Custom client setting', page: AUTOPATCH, override: 'A row of the page\'s table of Configuration Manager co-management requirements' },
  title: 'Windows Autopatch devices get a client setting that turns Configuration Manager software updates off',
  docUrl: AUTOPATCH,
  appliesWhen: usesAutopatch,
  needs: ['clientSettings.softwareUpdatesEnabled'],
  check(plan) {
    if (plan.bool('clientSettings.softwareUpdatesEnabled') === false) return undefined;
    return {
      message: 'For Windows Autopatch, Configuration Manager must be out of the update path: deploy a custom client setting with "Enable software updates on clients" set to No to these devices. (The older workloads page asked only for the workload switch.)',
      path: 'clientSettings.softwareUpdatesEnabled',
    };
  },
  examples: {
    fail: [manifest('services:\n  windowsAutopatch: true', 'clientSettings:\n  softwareUpdatesEnabled: true')],
    pass: [manifest('services:\n  windowsAutopatch: true', 'clientSettings:\n  softwareUpdatesEnabled: false')],
  },
});

export const autopatchCorporateOwned = defineReadinessRule({
  id: 'autopatch-corporate-owned', area: 'workloads', severity: 'error', source: SRC_AUTOPATCH,
  basis: { words: 'Devices must be corporate-owned', page: 'https://learn.microsoft.com/windows/deployment/windows-autopatch/prepare/windows-autopatch-prerequisites#general-infrastructure-requirements' },
  title: 'Windows Autopatch devices are corporate-owned',
  docUrl: 'https://learn.microsoft.com/windows/deployment/windows-autopatch/prepare/windows-autopatch-prerequisites#general-infrastructure-requirements',
  appliesWhen: usesAutopatch,
  needs: ['windows.ownership'],
  check(plan) {
    const ownership = plan.choice('windows.ownership');
    if (ownership === 'corporate') return undefined;
    return {
      message: `Windows Autopatch registers corporate-owned devices only; its registration check blocks personally owned (BYOD) devices, and this plan has ${ownership === 'personal' ? 'only personal devices' : 'some personal devices'} in scope. Keep them out of the Autopatch groups.`,
      path: 'windows.ownership',
    };
  },
  examples: {
    fail: [manifest('services:\n  windowsAutopatch: true', 'windows:\n  ownership: mixed')],
    pass: [manifest('services:\n  windowsAutopatch: true', 'windows:\n  ownership: corporate')],
  },
});
