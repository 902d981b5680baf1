// The seven workloads: what each slider position needs, how the sliders depend on each other, the
// resource access deprecation, and the Windows Update workload. Apps live in apps.ts; third-party
// MDM, Conditional Access and Windows Autopatch in coexistence.ts.
import { Fix } from '../../languageTypes';
import { WORKLOAD_KEYS, WorkloadKey } from '../manifestSchema';
import { Plan } from '../plan';
import { DOCS, SLIDER_PATHS, authorityOf } from './scope';
import { Finding, defineReadinessRule } from './types';

// ---------------------------------------------------------------------------------------------
// Helpers shared with apps.ts and coexistence.ts

export type Authority = 'configmgr' | 'pilot-intune' | 'intune';
export const RANK: Record<Authority, number> = { configmgr: 0, 'pilot-intune': 1, intune: 2 };

export const WORKLOAD_NAMES: Record<WorkloadKey, string> = {
  compliancePolicies: 'compliance policies', windowsUpdatePolicies: 'Windows Update policies', resourceAccessPolicies: 'resource access policies',
  endpointProtection: 'Endpoint Protection', deviceConfiguration: 'device configuration', officeClickToRunApps: 'Office Click-to-Run apps', clientApps: 'client apps',
};

export const AUTHORITY_NAMES: Record<Authority, string> = { configmgr: 'Configuration Manager', 'pilot-intune': 'Pilot Intune', intune: 'Intune' };

/** 0 = Configuration Manager, 1 = Pilot Intune, 2 = Intune (an absent workload is Configuration Manager). */
export function rankOf(plan: Plan, key: WorkloadKey): number {
  return RANK[authorityOf(plan, key)];
}

/** The workloads whose sliders decide one's real position: switching device configuration also moves Endpoint Protection and resource access. */
export const rankSources = (key: WorkloadKey): WorkloadKey[] =>
  key === 'endpointProtection' || key === 'resourceAccessPolicies' ? [key, 'deviceConfiguration'] : [key];

/** The position a workload really has (see rankSources). */
export function effectiveRank(plan: Plan, key: WorkloadKey): number {
  return Math.max(...rankSources(key).map((source) => rankOf(plan, source)));
}

/**
 * The authority keys a check of `effectiveRank(key) >= atLeast` needs: none once a stated slider
 * reaches it, else those the plan leaves out (a left-out slider is unknown, not Configuration Manager).
 */
export function unstatedRankPaths(plan: Plan, key: WorkloadKey, atLeast: number): string[] {
  const sources = rankSources(key);
  if (sources.some((source) => plan.has(authorityPath(source)) && rankOf(plan, source) >= atLeast)) return [];
  return sources.map(authorityPath).filter((path) => !plan.has(path));
}

export const isSwitched = (plan: Plan, key: WorkloadKey) => rankOf(plan, key) >= 1;
export const switchedWorkloads = (plan: Plan) => WORKLOAD_KEYS.filter((key) => isSwitched(plan, key));
export const authorityName = (plan: Plan, key: WorkloadKey) => AUTHORITY_NAMES[authorityOf(plan, key)];
export const authorityPath = (key: WorkloadKey) => `workloads.${key}.authority`;

/** The pilot collection a piloted workload uses: its own, else the shared comanagement.pilotCollection. */
export function pilotOf(plan: Plan, key: WorkloadKey): string | undefined {
  return plan.str(`workloads.${key}.pilotCollection`)?.trim() || plan.str('comanagement.pilotCollection')?.trim() || undefined;
}

const sameCollection = (a: string | undefined, b: string | undefined) => (a ?? '').toLowerCase() === (b ?? '').toLowerCase();

/** A quick fix that moves a declared workload to Intune (nothing to offer when the key is absent). */
export function moveToIntune(plan: Plan, key: WorkloadKey): Fix[] | undefined {
  const node = plan.node(authorityPath(key));
  if (node?.kind !== 'scalar') return undefined;
  return [{ title: `Set ${key} to intune`, edits: [{ span: node.span, newText: 'intune' }] }];
}

/** Fixture text: `manifest(workloadsYaml({ clientApps: 'pilot-intune:Apps pilot' }), 'site:\n  version: 2403')`. */
export function manifest(...parts: string[]): string {
  return `version: 1\n${parts.map((part) => (part.endsWith('\n') ? part : `${part}\n`)).join('')}`;
}

export function workloadsYaml(spec: Partial<Record<WorkloadKey, string>>): string {
  const lines = ['workloads:'];
  for (const [key, value] of Object.entries(spec)) {
    const [authority, pilot] = value.split(':');
    lines.push(`  ${key}:`, `    authority: ${authority}`);
    if (pilot) lines.push(`    pilotCollection: ${pilot}`);
  }
  return lines.join('\n');
}

const WORKLOADS = `${DOCS}/workloads`;
const SWITCH = `${DOCS}/how-to-switch-workloads#switch-workloads`;
const ENABLE_2107 = `${DOCS}/how-to-enable#enable-co-management-for-versions-2107-and-earlier`;
const RESOURCE_FAQ = 'https://learn.microsoft.com/intune/configmgr/protect/plan-design/resource-access-deprecation-faq';
const SRC_WORKLOADS = 'intune/configmgr/comanage/workloads.md (newer copy)';
const SRC_SWITCH = 'intune/configmgr/comanage/how-to-switch-workloads.md (newer copy)';
const SRC_RESOURCE_FAQ = 'intune/configmgr/protect/plan-design/resource-access-deprecation-faq.yml (newer copy)';

const siteVersionIn = (plan: Plan, from: number, below = Infinity) => {
  const version = plan.num('site.version');
  return version === undefined || (version >= from && version < below);
};

// ---------------------------------------------------------------------------------------------
// Pilot Intune and pilot collections

export const pilotNeedsCollection = defineReadinessRule({
  id: 'pilot-intune-needs-collection', area: 'workloads', severity: 'error',
  basis: { words: 'only for the devices', page: 'https://learn.microsoft.com/intune/configmgr/comanage/how-to-switch-workloads#switch-workloads' },
  source: SRC_SWITCH,
  title: 'Every workload on Pilot Intune has a pilot collection',
  docUrl: SWITCH,
  appliesWhen: (plan) => WORKLOAD_KEYS.some((key) => plan.choice(`workloads.${key}.authority`) === 'pilot-intune'),
  // A left-out slider may be on Pilot Intune too, unless the shared collection covers every one.
  needsToPass: (plan) => plan.has('comanagement.pilotCollection') ? [] : [...SLIDER_PATHS],
  check(plan) {
    return WORKLOAD_KEYS
      .filter((key) => plan.choice(`workloads.${key}.authority`) === 'pilot-intune')
      .filter((key) => !plan.has(`workloads.${key}.pilotCollection`) && !plan.has('comanagement.pilotCollection'))
      .map((key) => ({ message: `${key} is on Pilot Intune but names no pilot collection (workloads.${key}.pilotCollection or comanagement.pilotCollection); Pilot Intune applies only to the devices in it.`, path: `workloads.${key}.authority` }));
  },
  examples: { fail: ['version: 1\nworkloads:\n  compliancePolicies:\n    authority: pilot-intune'], pass: ['version: 1\nworkloads:\n  compliancePolicies:\n    authority: pilot-intune\n    pilotCollection: Co-management pilot'] },
});

export const pilotCollectionIgnored = defineReadinessRule({
  id: 'pilot-collection-ignored-without-pilot', area: 'workloads', severity: 'information',
  basis: { words: 'only for the devices', page: 'https://learn.microsoft.com/intune/configmgr/comanage/how-to-switch-workloads#switch-workloads', override: 'A fact: a pilot collection on a workload that isn\'t on Pilot Intune has no effect' },
  source: 'intune/configmgr/comanage/includes/enable-co-management-1906-2107.md (newer copy)',
  title: 'Pilot collections are set only on workloads that are on Pilot Intune',
  docUrl: ENABLE_2107,
  appliesWhen: (plan) => WORKLOAD_KEYS.some((key) => plan.has(`workloads.${key}.pilotCollection`)),
  check(plan) {
    return WORKLOAD_KEYS
      .filter((key) => plan.has(`workloads.${key}.pilotCollection`) && authorityOf(plan, key) !== 'pilot-intune')
      .map((key) => ({
        message: `Advice: ${key} is on ${authorityName(plan, key)}, so its pilot collection has no effect; the staging collection only matters while a workload is on Pilot Intune.`,
        path: `workloads.${key}.pilotCollection`,
      }));
  },
  examples: { fail: [manifest(workloadsYaml({ clientApps: 'intune:Apps pilot' }))], pass: [manifest(workloadsYaml({ clientApps: 'intune' })), manifest(workloadsYaml({ clientApps: 'pilot-intune:Apps pilot' }))] },
});

export const perWorkloadPilotsNeed1906 = defineReadinessRule({
  id: 'per-workload-pilot-collections-need-1906', area: 'site', severity: 'error',
  basis: { words: 'different pilot collections for each', page: 'https://learn.microsoft.com/intune/configmgr/comanage/how-to-switch-workloads#switch-workloads', override: 'Read in context (docs map P7#2): Each workload can have its own pilot collection' },
  source: 'memdocs/configmgr/comanage/includes/enable-co-management-1902-and-earlier.md (older copy)',
  title: 'Different pilot collections per workload need Configuration Manager 1906 or later',
  docUrl: SWITCH,
  appliesWhen: (plan) => WORKLOAD_KEYS.filter((key) => authorityOf(plan, key) === 'pilot-intune').length >= 2,
  needs: ['site.version'],
  needsToPass: () => [...SLIDER_PATHS],
  check(plan) {
    const version = plan.num('site.version')!;
    if (version >= 1906) return undefined;
    const piloted = WORKLOAD_KEYS.filter((key) => authorityOf(plan, key) === 'pilot-intune');
    const collections = new Set(piloted.map((key) => (pilotOf(plan, key) ?? '').toLowerCase()));
    if (collections.size < 2) return undefined;
    return {
      message: `Before 1906 every piloted workload shares one pilot collection; this site runs ${version} but the plan uses ${collections.size} different ones. Use a single collection or upgrade the site.`,
      path: 'site.version',
    };
  },
  examples: {
    fail: [manifest('site:\n  version: 1902', workloadsYaml({ compliancePolicies: 'pilot-intune:A', clientApps: 'pilot-intune:B' }))],
    pass: [manifest('site:\n  version: 2403', workloadsYaml({ compliancePolicies: 'pilot-intune:A', clientApps: 'pilot-intune:B' })),
      manifest('site:\n  version: 1902', workloadsYaml({ compliancePolicies: 'pilot-intune:A', clientApps: 'pilot-intune:A' }))],
  },
});

export const pilotsInsideEnrollmentScope = defineReadinessRule({
  id: 'pilot-collections-inside-autoenroll-scope', area: 'workloads', severity: 'warning',
  basis: { words: 'should contain all of the clients', page: 'https://learn.microsoft.com/intune/configmgr/comanage/how-to-enable#enable-co-management-for-versions-2107-and-earlier' },
  source: 'intune/configmgr/comanage/includes/enable-co-management-1906-2107.md (newer copy)',
  title: 'Workload pilot collections are inside the automatic enrollment collection',
  docUrl: ENABLE_2107,
  appliesWhen: (plan) => plan.choice('comanagement.autoEnroll') === 'pilot' && plan.has('comanagement.pilotCollection'),
  check(plan) {
    const enrollment = plan.str('comanagement.pilotCollection');
    return WORKLOAD_KEYS
      .filter((key) => authorityOf(plan, key) === 'pilot-intune' && plan.has(`workloads.${key}.pilotCollection`))
      .filter((key) => !sameCollection(plan.str(`workloads.${key}.pilotCollection`), enrollment))
      .map((key) => ({
        message: `Advice: only members of the enrollment collection "${enrollment}" become co-managed; make sure every device in the ${key} pilot collection "${plan.str(`workloads.${key}.pilotCollection`)}" is also in it, or the piloted workload does nothing for them.`,
        path: `workloads.${key}.pilotCollection`,
      }));
  },
  examples: {
    fail: [manifest('comanagement:\n  autoEnroll: pilot\n  pilotCollection: Enroll pilot', workloadsYaml({ clientApps: 'pilot-intune:Apps pilot' }))],
    pass: [manifest('comanagement:\n  autoEnroll: pilot\n  pilotCollection: Enroll pilot', workloadsYaml({ clientApps: 'pilot-intune:Enroll pilot' }))],
  },
});

// ---------------------------------------------------------------------------------------------
// When each workload became switchable

const INTRODUCED: Record<WorkloadKey, number> = {
  compliancePolicies: 1710, windowsUpdatePolicies: 1710, resourceAccessPolicies: 1710, endpointProtection: 1802,
  deviceConfiguration: 1806, officeClickToRunApps: 1806, clientApps: 1806,
};

export const workloadIntroducedInVersion = defineReadinessRule({
  id: 'workload-introduced-in-version', area: 'site', severity: 'error',
  basis: { words: 'requires a supported version', page: 'https://learn.microsoft.com/intune/configmgr/comanage/overview#configuration-manager' },
  source: 'sccm/core/clients/manage/co-management-overview.md @5b516290 (older copy)',
  title: 'The site version offers every workload the plan switches',
  docUrl: `${DOCS}/overview#configuration-manager`,
  appliesWhen: (plan) => switchedWorkloads(plan).length > 0,
  needs: ['site.version'],
  check(plan) {
    const version = plan.num('site.version')!;
    // Below 1710 there is no co-management at all; the site version floor rule reports that.
    if (version < 1710) return undefined;
    return switchedWorkloads(plan)
      .filter((key) => version < INTRODUCED[key])
      .map((key) => ({ message: `The ${WORKLOAD_NAMES[key]} workload can only be switched from version ${INTRODUCED[key]}; this site runs ${version}.`, path: authorityPath(key) }));
  },
  examples: { fail: [manifest('site:\n  version: 1802', workloadsYaml({ officeClickToRunApps: 'intune' }))], pass: [manifest('site:\n  version: 1806', workloadsYaml({ officeClickToRunApps: 'intune' }))] },
});

export const clientAppsPrerelease = defineReadinessRule({
  id: 'client-apps-prerelease-before-2002', area: 'site', severity: 'information',
  basis: { words: 'may appear in the list of features', page: 'https://learn.microsoft.com/intune/configmgr/comanage/workloads#client-apps' },
  source: 'sccm/comanage/workloads.md @00194f9e (older copy)',
  title: 'Before 2002 the client apps workload needs its pre-release feature turned on',
  docUrl: `${WORKLOADS}#client-apps`,
  appliesWhen: (plan) => isSwitched(plan, 'clientApps') && siteVersionIn(plan, 1806, 2002),
  needs: ['site.version'],
  check(plan) {
    return {
      message: `Advice: on ${plan.num('site.version')} the client apps workload is still a pre-release feature: turn on "Mobile apps for co-managed devices" under Updates and Servicing > Features before the slider appears (generally available from 2002).`,
      path: 'site.version',
    };
  },
  examples: { fail: [manifest('site:\n  version: 1910', workloadsYaml({ clientApps: 'intune' }))], pass: [manifest('site:\n  version: 2002', workloadsYaml({ clientApps: 'intune' }))] },
});

// ---------------------------------------------------------------------------------------------
// Dependencies between sliders: device configuration carries Endpoint Protection and resource access

function carriedByDeviceConfiguration(key: 'endpointProtection' | 'resourceAccessPolicies', label: string) {
  return (plan: Plan): Finding | undefined => {
    // Left out of the plan, the slider simply moves along with device configuration (see effectiveRank).
    if (!plan.has(authorityPath(key))) return undefined;
    const device = rankOf(plan, 'deviceConfiguration');
    const own = rankOf(plan, key);
    const bothPiloted = device === 1 && own === 1 && !sameCollection(pilotOf(plan, key), pilotOf(plan, 'deviceConfiguration'));
    if (own >= device && !bothPiloted) return undefined;
    if (bothPiloted) {
      return { message: `Device configuration and ${label} are both piloted but with different collections; switching device configuration moves ${label} for its pilot collection too. Use the same collection.`, path: `workloads.${key}.pilotCollection` };
    }
    return {
      message: `Device configuration is on ${authorityName(plan, 'deviceConfiguration')}, which takes ${label} along with it, so ${key} can't stay on ${authorityName(plan, key)}. Set it to at least the same position.`,
      path: authorityPath(key),
      fixes: authorityOf(plan, 'deviceConfiguration') === 'intune' ? moveToIntune(plan, key) : undefined,
    };
  };
}

export const deviceConfigurationMovesEndpointProtection = defineReadinessRule({
  id: 'device-configuration-moves-endpoint-protection', area: 'workloads', severity: 'error', source: SRC_WORKLOADS,
  basis: { words: 'also moves the Resource Access', page: 'https://learn.microsoft.com/intune/configmgr/comanage/workloads#device-configuration', override: 'Read in context (docs map P6#12): Switching device configuration also moves resource access and Endpoint Protection' },
  title: 'Endpoint Protection is declared at least where device configuration is (switching device configuration moves it)',
  docUrl: `${WORKLOADS}#device-configuration`,
  appliesWhen: (plan) => isSwitched(plan, 'deviceConfiguration'),
  check: carriedByDeviceConfiguration('endpointProtection', 'Endpoint Protection'),
  examples: {
    fail: [manifest(workloadsYaml({ deviceConfiguration: 'intune', endpointProtection: 'configmgr' })),
      manifest(workloadsYaml({ deviceConfiguration: 'pilot-intune:A', endpointProtection: 'pilot-intune:B' }))],
    pass: [manifest(workloadsYaml({ deviceConfiguration: 'intune', endpointProtection: 'intune' }))],
  },
});

export const deviceConfigurationMovesResourceAccess = defineReadinessRule({
  id: 'device-configuration-moves-resource-access', area: 'workloads', severity: 'error', source: SRC_WORKLOADS,
  basis: { words: 'managed by Intune when you switch', page: 'https://learn.microsoft.com/intune/configmgr/comanage/workloads#resource-access-policies', override: 'Read in context (docs map P6#6): Resource access moves with device configuration' },
  title: 'Resource access is declared at least where device configuration is (switching device configuration moves it)',
  docUrl: `${WORKLOADS}#resource-access-policies`,
  appliesWhen: (plan) => isSwitched(plan, 'deviceConfiguration'),
  check: carriedByDeviceConfiguration('resourceAccessPolicies', 'resource access'),
  examples: {
    fail: [manifest(workloadsYaml({ deviceConfiguration: 'pilot-intune:P', resourceAccessPolicies: 'configmgr' }))],
    pass: [manifest(workloadsYaml({ deviceConfiguration: 'pilot-intune:P', resourceAccessPolicies: 'pilot-intune:P' }))],
  },
});

export const endpointProtectionWithoutDeviceConfiguration = defineReadinessRule({
  id: 'endpoint-protection-without-device-configuration', area: 'workloads', severity: 'information', source: SRC_WORKLOADS,
  basis: { words: 'will apply from both', page: 'https://learn.microsoft.com/intune/configmgr/comanage/workloads#endpoint-protection' },
  title: 'Device configuration moves together with Endpoint Protection (settings clean-up, Windows Information Protection)',
  docUrl: `${WORKLOADS}#device-configuration`,
  appliesWhen: (plan) => isSwitched(plan, 'endpointProtection'),
  check(plan) {
    if (rankOf(plan, 'deviceConfiguration') >= rankOf(plan, 'endpointProtection')) return undefined;
    const wip = authorityOf(plan, 'deviceConfiguration') === 'configmgr'
      ? ' Windows Information Protection policy also keeps coming from both Configuration Manager and Intune until device configuration moves.' : '';
    return {
      message: `Advice: Endpoint Protection settings left on devices are only removed once device configuration is switched as well.${wip}`,
      path: authorityPath('deviceConfiguration'),
    };
  },
  examples: {
    fail: [manifest(workloadsYaml({ endpointProtection: 'intune', deviceConfiguration: 'configmgr' }))],
    pass: [manifest(workloadsYaml({ endpointProtection: 'intune', deviceConfiguration: 'intune' }))],
  },
});

export const pilotNoPolicyRemoval = defineReadinessRule({
  id: 'pilot-intune-no-policy-removal', area: 'workloads', severity: 'warning', source: SRC_SWITCH,
  basis: { words: 'also needs to be switched', page: 'https://learn.microsoft.com/intune/configmgr/comanage/workloads#device-configuration', override: 'Read in context (docs map P6#17): Removing ("tattoo") Endpoint Protection settings needs device configuration switched too' },
  title: 'Endpoint Protection and device configuration are not left on Pilot Intune when policies must be removable',
  docUrl: SWITCH,
  appliesWhen: (plan) => (['endpointProtection', 'deviceConfiguration'] as const).some((key) => authorityOf(plan, key) === 'pilot-intune'),
  check(plan) {
    return (['endpointProtection', 'deviceConfiguration'] as const)
      .filter((key) => authorityOf(plan, key) === 'pilot-intune')
      .map((key) => ({
        message: `While ${WORKLOAD_NAMES[key]} is on Pilot Intune, Intune only adds policies: unassigning one doesn't remove it from the device until the workload is fully on Intune.`,
        path: authorityPath(key),
      }));
  },
  examples: { fail: [manifest(workloadsYaml({ endpointProtection: 'pilot-intune:EP pilot' }))], pass: [manifest(workloadsYaml({ endpointProtection: 'intune' }))] },
});

// ---------------------------------------------------------------------------------------------
// Endpoint Protection and device configuration: which Intune policies reach the devices

export const antivirusNeedsEndpointProtection = defineReadinessRule({
  id: 'antivirus-endpoint-security-needs-ep-workload', area: 'workloads', severity: 'error',
  basis: { words: 'must be set to Intune', page: 'https://learn.microsoft.com/intune/intune-service/protect/endpoint-security-antivirus-policy#windows' },
  source: 'intune/intune-service/protect/endpoint-security-antivirus-policy.md (newer copy)',
  title: 'Intune endpoint security antivirus policies reach co-managed devices (Endpoint Protection workload switched)',
  docUrl: 'https://learn.microsoft.com/intune/intune-service/protect/endpoint-security-antivirus-policy#windows',
  appliesWhen: (plan) => plan.bool('intune.endpointSecurityAntivirus') === true,
  needsEach: (plan) => unstatedRankPaths(plan, 'endpointProtection', 1),
  check(plan) {
    if (effectiveRank(plan, 'endpointProtection') >= 1) return undefined;
    return {
      message: 'Intune antivirus policies only apply to co-managed devices once the Endpoint Protection workload is on Intune; with it on Configuration Manager they never arrive.',
      path: authorityPath('endpointProtection'), fixes: moveToIntune(plan, 'endpointProtection'),
    };
  },
  examples: {
    fail: [manifest('intune:\n  endpointSecurityAntivirus: true', workloadsYaml({ endpointProtection: 'configmgr', deviceConfiguration: 'configmgr' }))],
    pass: [manifest('intune:\n  endpointSecurityAntivirus: true', workloadsYaml({ endpointProtection: 'intune' }))],
  },
});

export const defenderInDeviceRestrictions = defineReadinessRule({
  id: 'defender-device-restrictions-outside-ep-slider', area: 'workloads', severity: 'warning', source: SRC_WORKLOADS,
  basis: { words: 'are not included in scope', page: 'https://learn.microsoft.com/intune/configmgr/comanage/workloads#endpoint-protection', override: 'Read in context (docs map P6#10): Defender settings in device-restriction profiles are outside the EP slider; use endpoint security antivirus policies' },
  title: 'Defender Antivirus for co-managed devices comes from endpoint security antivirus policies, not device restriction profiles',
  docUrl: `${WORKLOADS}#endpoint-protection`,
  appliesWhen: (plan) => plan.bool('intune.defenderInDeviceRestrictions') === true && isSwitched(plan, 'endpointProtection'),
  check(plan) {
    if (rankOf(plan, 'deviceConfiguration') >= rankOf(plan, 'endpointProtection')) return undefined;
    return {
      message: 'Defender settings in a device restrictions profile follow the device configuration slider, not Endpoint Protection, so they don\'t reach these devices; move them to an Endpoint security > Antivirus policy.',
      path: 'intune.defenderInDeviceRestrictions',
    };
  },
  examples: {
    fail: [manifest('intune:\n  defenderInDeviceRestrictions: true', workloadsYaml({ endpointProtection: 'intune', deviceConfiguration: 'configmgr' }))],
    pass: [manifest('intune:\n  defenderInDeviceRestrictions: false\n  endpointSecurityAntivirus: true', workloadsYaml({ endpointProtection: 'intune' }))],
  },
});

export const bitlockerIgnoredAfterSwitch = defineReadinessRule({
  id: 'bitlocker-configmgr-ignored-after-ep-switch', area: 'workloads', severity: 'warning',
  basis: { words: 'For more information on the behavior', page: 'https://learn.microsoft.com/intune/configmgr/comanage/workloads#endpoint-protection', override: 'Read in context (docs map P6#11): BitLocker management with co-management follows the BitLocker page' },
  source: 'intune/configmgr/protect/deploy-use/bitlocker/deploy-management-agent.md (newer copy)',
  title: 'Configuration Manager BitLocker management is not relied on for devices whose Endpoint Protection moved to Intune',
  docUrl: 'https://learn.microsoft.com/intune/configmgr/protect/deploy-use/bitlocker/deploy-management-agent#co-management-and-intune',
  appliesWhen: (plan) => plan.bool('configmgr.bitlockerManagement') === true,
  needsToPass: () => rankSources('endpointProtection').map(authorityPath),
  check(plan) {
    if (effectiveRank(plan, 'endpointProtection') === 0) return undefined;
    const via = isSwitched(plan, 'endpointProtection') ? 'Endpoint Protection is' : 'device configuration (which carries Endpoint Protection) is';
    return {
      message: `${via[0].toUpperCase()}${via.slice(1)} switched, so these clients ignore Configuration Manager BitLocker management and take encryption policy from Intune; recreate it there (drives are re-encrypted if the algorithm changes).`,
      path: 'configmgr.bitlockerManagement',
    };
  },
  examples: {
    fail: [manifest('configmgr:\n  bitlockerManagement: true', workloadsYaml({ endpointProtection: 'intune' })),
      manifest('configmgr:\n  bitlockerManagement: true', workloadsYaml({ deviceConfiguration: 'intune', endpointProtection: 'intune' }))],
    pass: [manifest('configmgr:\n  bitlockerManagement: true', workloadsYaml({ endpointProtection: 'configmgr' }))],
  },
});

export const settingsCatalogNeedsDeviceConfiguration = defineReadinessRule({
  id: 'settings-catalog-needs-device-configuration-workload', area: 'workloads', severity: 'error', source: SRC_WORKLOADS,
  basis: { words: 'controlled by the Device Configuration workload', page: 'https://learn.microsoft.com/intune/configmgr/comanage/workloads#device-configuration', override: 'The slider controls them: with device configuration on Configuration Manager they don\'t apply to co-managed devices' },
  title: 'Intune settings catalog policies reach co-managed devices (device configuration workload switched)',
  docUrl: `${WORKLOADS}#device-configuration`,
  appliesWhen: (plan) => plan.bool('intune.settingsCatalogPolicies') === true,
  check(plan) {
    if (isSwitched(plan, 'deviceConfiguration')) return undefined;
    return {
      message: 'Every settings catalog policy follows the device configuration slider, whatever it configures; with device configuration on Configuration Manager these policies don\'t apply to co-managed devices.',
      path: authorityPath('deviceConfiguration'),
    };
  },
  examples: {
    fail: [manifest('intune:\n  settingsCatalogPolicies: true', workloadsYaml({ deviceConfiguration: 'configmgr' }))],
    pass: [manifest('intune:\n  settingsCatalogPolicies: true', workloadsYaml({ deviceConfiguration: 'intune' }))],
  },
});

export const baselinesAlwaysApply = defineReadinessRule({
  id: 'configmgr-baselines-need-always-apply', area: 'workloads', severity: 'information', source: SRC_WORKLOADS,
  basis: { words: 'Enable the option to Always apply', page: 'https://learn.microsoft.com/intune/configmgr/comanage/workloads#device-configuration' },
  title: 'Configuration baselines meant for co-managed devices have "Always apply this baseline even for co-managed clients"',
  docUrl: `${WORKLOADS}#device-configuration`,
  appliesWhen: (plan) => isSwitched(plan, 'deviceConfiguration'),
  needs: ['configmgr.configurationBaselines'],
  check(plan) {
    const findings: Finding[] = [];
    for (let i = 0; i < plan.count('configmgr.configurationBaselines'); i++) {
      const item = `configmgr.configurationBaselines[${i}]`;
      if (plan.bool(`${item}.alwaysApplyForCoManaged`) === true) continue;
      const name = plan.str(`${item}.name`);
      findings.push({
        message: `Advice: with device configuration switched, the baseline${name ? ` "${name}"` : ''} stops applying to co-managed devices unless "Always apply this baseline even for co-managed clients" is on.`,
        path: plan.has(`${item}.alwaysApplyForCoManaged`) ? `${item}.alwaysApplyForCoManaged` : item,
      });
    }
    return findings;
  },
  examples: {
    fail: [manifest(workloadsYaml({ deviceConfiguration: 'intune' }), 'configmgr:\n  configurationBaselines:\n    - name: Legacy GPO\n      alwaysApplyForCoManaged: false')],
    pass: [manifest(workloadsYaml({ deviceConfiguration: 'intune' }), 'configmgr:\n  configurationBaselines:\n    - name: Legacy GPO\n      alwaysApplyForCoManaged: true')],
  },
});

// ---------------------------------------------------------------------------------------------
// Resource access: deprecated in 2103, unsupported from 2203, gone (forced to Intune) in 2403.
// The 2403 check on the slider itself lives in site.ts (site-resource-access-workload-2403).

export const resourceAccessDeprecated = defineReadinessRule({
  id: 'resource-access-workload-deprecated', area: 'workloads', severity: 'information', source: SRC_RESOURCE_FAQ,
  basis: { words: 'features are deprecated', page: RESOURCE_FAQ },
  title: 'Resource access profiles are planned in Intune (deprecated in Configuration Manager since 2103)',
  docUrl: RESOURCE_FAQ,
  appliesWhen: (plan) => plan.has('workloads') && siteVersionIn(plan, 2103, 2203),
  needs: ['site.version'],
  needsEach: (plan) => unstatedRankPaths(plan, 'resourceAccessPolicies', 2),
  check(plan) {
    if (effectiveRank(plan, 'resourceAccessPolicies') === 2) return undefined;
    return {
      message: `Advice: on ${plan.num('site.version')} the Configuration Manager resource access features and this workload are deprecated and lose support in 2203; plan VPN, Wi-Fi, email and certificate profiles in Intune and move the workload.`,
      path: authorityPath('resourceAccessPolicies'),
    };
  },
  examples: { fail: [manifest('site:\n  version: 2107', workloadsYaml({ resourceAccessPolicies: 'configmgr', deviceConfiguration: 'configmgr' }))], pass: [manifest('site:\n  version: 2107', workloadsYaml({ resourceAccessPolicies: 'intune' }))] },
});

export const resourceAccessUnsupported = defineReadinessRule({
  id: 'resource-access-configmgr-unsupported-2203', area: 'workloads', severity: 'error', source: `${SRC_WORKLOADS}; ${SRC_RESOURCE_FAQ}`,
  basis: { words: 'no longer supported', page: 'https://learn.microsoft.com/intune/configmgr/comanage/workloads#resource-access-policies' },
  title: 'From 2203 the resource access workload is on Intune (Configuration Manager resource access is unsupported)',
  docUrl: `${WORKLOADS}#resource-access-policies`,
  appliesWhen: (plan) => plan.has('workloads') && siteVersionIn(plan, 2203, 2403),
  needs: ['site.version'],
  needsEach: (plan) => unstatedRankPaths(plan, 'resourceAccessPolicies', 2),
  check(plan) {
    if (effectiveRank(plan, 'resourceAccessPolicies') === 2) return undefined;
    return {
      message: `From 2203 resource access left with Configuration Manager is unsupported, and upgrading to 2403 forces the workload to Intune; this plan keeps it on ${authorityName(plan, 'resourceAccessPolicies')}. (Older copies of the FAQ said removal came in 2211; the current one says 2403.)`,
      path: authorityPath('resourceAccessPolicies'),
      fixes: moveToIntune(plan, 'resourceAccessPolicies'),
    };
  },
  examples: {
    fail: [
      manifest('site:\n  version: 2303', workloadsYaml({ resourceAccessPolicies: 'configmgr', deviceConfiguration: 'configmgr' })),
      manifest('site:\n  version: 2303', workloadsYaml({ resourceAccessPolicies: 'pilot-intune', deviceConfiguration: 'pilot-intune' })),
    ],
    pass: [manifest('site:\n  version: 2303', workloadsYaml({ resourceAccessPolicies: 'intune' })), manifest('site:\n  version: 2303', workloadsYaml({ deviceConfiguration: 'intune', resourceAccessPolicies: 'intune' }))],
  },
});

export const configMgrResourceProfilesUnsupported = defineReadinessRule({
  id: 'configmgr-resource-access-profiles-unsupported', area: 'site', severity: 'error', source: SRC_RESOURCE_FAQ,
  basis: { words: 'no longer supported', page: 'https://learn.microsoft.com/intune/configmgr/comanage/workloads#resource-access-policies' },
  title: 'The site no longer relies on its own resource access profiles (unsupported from 2203)',
  docUrl: `${RESOURCE_FAQ}#what-happens-if-i-dont-enable-co-management`,
  appliesWhen: (plan) => plan.bool('configmgr.resourceAccessProfiles') === true && siteVersionIn(plan, 2203, 2403),
  needs: ['site.version'],
  check(plan) {
    return {
      message: `On ${plan.num('site.version')} Configuration Manager VPN, Wi-Fi, email, certificate and Windows Hello for Business profiles are unsupported (no new ones from 2207) and block the 2403 upgrade; profiles left on devices go unmanaged, so recreate them in Intune.`,
      path: 'configmgr.resourceAccessProfiles',
    };
  },
  examples: { fail: [manifest('site:\n  version: 2309', 'configmgr:\n  resourceAccessProfiles: true')], pass: [manifest('site:\n  version: 2309', 'configmgr:\n  resourceAccessProfiles: false')] },
});

export const configMgrResourceProfilesBlock2403 = defineReadinessRule({
  id: 'configmgr-resource-access-profiles-block-2403', area: 'site', severity: 'error',
  basis: { words: 'upgrade is blocked', page: 'https://learn.microsoft.com/intune/configmgr/comanage/workloads#resource-access-policies' },
  source: `${SRC_RESOURCE_FAQ}; intune/configmgr/core/servers/deploy/install/list-of-prerequisite-checks.md (newer copy)`,
  title: 'No Configuration Manager resource access profiles remain on a 2403 or later site',
  docUrl: `${RESOURCE_FAQ}#what-happens-when-you-upgrade-to-cm-2403`,
  appliesWhen: (plan) => plan.bool('configmgr.resourceAccessProfiles') === true && siteVersionIn(plan, 2403),
  needs: ['site.version'],
  check() {
    return {
      message: 'The 2403 prerequisite check blocks the upgrade while resource access profiles, their deployments or a certificate registration point remain; delete them and move the resource access workload to Intune first.',
      path: 'configmgr.resourceAccessProfiles',
    };
  },
  examples: { fail: [manifest('site:\n  version: 2403', 'configmgr:\n  resourceAccessProfiles: true')], pass: [manifest('site:\n  version: 2403', 'configmgr:\n  resourceAccessProfiles: false')] },
});

export const intuneResourceProfilesAfter2403 = defineReadinessRule({
  id: 'intune-resource-profiles-enforced-after-2403', area: 'workloads', severity: 'information', source: SRC_RESOURCE_FAQ,
  basis: { words: 'now applicable and enforced', page: RESOURCE_FAQ },
  title: 'Intune resource access profiles are ready to apply to every co-managed device after 2403',
  docUrl: RESOURCE_FAQ,
  appliesWhen: (plan) => plan.bool('intune.resourceAccessProfiles') === true && siteVersionIn(plan, 2403)
    && plan.has(authorityPath('resourceAccessPolicies')) && authorityOf(plan, 'resourceAccessPolicies') !== 'intune',
  needs: ['site.version'],
  check(plan) {
    return {
      message: `The 2403 upgrade moves resource access to Intune for every co-managed device, so the Intune resource access profiles this plan targets will start applying to devices the ${authorityName(plan, 'resourceAccessPolicies')} slider kept them from. Check their assignments first.`,
      path: 'intune.resourceAccessProfiles',
    };
  },
  examples: {
    fail: [manifest('site:\n  version: 2403', 'intune:\n  resourceAccessProfiles: true', workloadsYaml({ resourceAccessPolicies: 'configmgr' }))],
    pass: [manifest('site:\n  version: 2403', 'intune:\n  resourceAccessProfiles: true', workloadsYaml({ resourceAccessPolicies: 'intune' }))],
  },
});

// ---------------------------------------------------------------------------------------------
// Windows Update policies workload (Windows Autopatch is in coexistence.ts)

export const windowsUpdateClientSettings = defineReadinessRule({
  id: 'windows-update-client-settings-review', area: 'workloads', severity: 'information',
  basis: { words: 'need to be adjusted manually', page: 'https://learn.microsoft.com/intune/configmgr/comanage/workloads#windows-update-policies', override: 'The right value depends on whether Configuration Manager still delivers third-party updates, which the plan doesn\'t state: advice' },
  source: `${SRC_WORKLOADS}; intune/configmgr/sum/deploy-use/integrate-windows-update-client-policies.md (newer copy)`,
  title: 'The Software Updates client setting is chosen deliberately for devices whose Windows Update workload moved',
  docUrl: `${WORKLOADS}#windows-update-policies`,
  appliesWhen: (plan) => isSwitched(plan, 'windowsUpdatePolicies') && plan.bool('services.windowsAutopatch') !== true,
  needs: ['clientSettings.softwareUpdatesEnabled'],
  check(plan) {
    if (plan.bool('clientSettings.softwareUpdatesEnabled') === false) return undefined;
    return { message: 'Advice: the Software Updates client setting is still on for these devices, so Configuration Manager keeps scanning and installing; keep it only if it delivers third-party updates, otherwise deploy a custom client setting that turns it off.', path: 'clientSettings.softwareUpdatesEnabled' };
  },
  examples: {
    fail: [manifest(workloadsYaml({ windowsUpdatePolicies: 'intune' }), 'clientSettings:\n  softwareUpdatesEnabled: true')],
    pass: [manifest(workloadsYaml({ windowsUpdatePolicies: 'intune' }), 'clientSettings:\n  softwareUpdatesEnabled: false')],
  },
});

export const featureUpdatePolicyBeforeSwitch = defineReadinessRule({
  id: 'windows-update-feature-update-policy-before-switch', area: 'workloads', severity: 'information',
  basis: { words: 'can initially result in devices updating', page: 'https://learn.microsoft.com/intune/device-updates/windows/feature-updates#limitations-for-feature-updates-for-windows-10-and-later-policy' },
  source: 'intune/device-updates/windows/feature-updates.md (newer copy)',
  title: 'An Intune feature update policy is in place before the Windows Update workload moves',
  docUrl: 'https://learn.microsoft.com/intune/device-updates/windows/feature-updates#limitations-for-feature-updates-for-windows-10-and-later-policy',
  appliesWhen: (plan) => isSwitched(plan, 'windowsUpdatePolicies'),
  needs: ['intune.featureUpdatePolicy'],
  check(plan) {
    if (plan.bool('intune.featureUpdatePolicy') === true) return undefined;
    return {
      message: 'Advice: right after the Windows Update workload moves, devices can take a newer feature update than intended; assign an Intune feature update policy first and wait until devices report it ready before moving the slider.',
      path: 'intune.featureUpdatePolicy',
    };
  },
  examples: {
    fail: [manifest(workloadsYaml({ windowsUpdatePolicies: 'intune' }), 'intune:\n  featureUpdatePolicy: false')],
    pass: [manifest(workloadsYaml({ windowsUpdatePolicies: 'intune' }), 'intune:\n  featureUpdatePolicy: true')],
  },
});

// ---------------------------------------------------------------------------------------------
// Order and preparation of switches

export const complianceFirst = defineReadinessRule({
  id: 'compliance-first-advice', area: 'workloads', severity: 'information',
  basis: { words: 'most customers switch first', page: 'https://learn.microsoft.com/intune/configmgr/comanage/faq#ive-enabled-co-management-which-workload-should-i-switch-first' },
  source: 'intune/configmgr/comanage/faq.yml (newer copy)',
  title: 'Compliance policies move first, before other workloads',
  docUrl: `${DOCS}/faq#ive-enabled-co-management-which-workload-should-i-switch-first`,
  appliesWhen: (plan) => switchedWorkloads(plan).some((key) => key !== 'compliancePolicies'),
  // The FAQ states an order most customers take, for the sake of Conditional Access on Intune
  // compliance; any order is supported, so only a plan that relies on that Conditional Access hears it.
  needs: [authorityPath('compliancePolicies')],
  needsEach: (plan) => isSwitched(plan, 'compliancePolicies') ? [] : ['conditionalAccess.requireCompliantDevice'],
  check(plan) {
    if (isSwitched(plan, 'compliancePolicies') || plan.bool('conditionalAccess.requireCompliantDevice') !== true) return undefined;
    return {
      message: 'Advice: most organisations move compliance policies first, which enables Conditional Access with Intune compliance while Configuration Manager checks can still count; this plan requires compliant devices and switches other workloads but keeps compliance on Configuration Manager.',
      path: authorityPath('compliancePolicies'),
    };
  },
  examples: {
    fail: [manifest('conditionalAccess:\n  requireCompliantDevice: true', workloadsYaml({ compliancePolicies: 'configmgr', clientApps: 'intune' }))],
    pass: [
      manifest('conditionalAccess:\n  requireCompliantDevice: true', workloadsYaml({ compliancePolicies: 'intune', clientApps: 'intune' })),
      // Windows Update first, without Conditional Access on compliance: a supported order.
      manifest('conditionalAccess:\n  requireCompliantDevice: false', workloadsYaml({ compliancePolicies: 'configmgr', windowsUpdatePolicies: 'intune' })),
    ],
  },
});


// ---- The Intune side is ready before a workload moves ----

/** Workloads the plan moves to Pilot Intune or Intune, as written. */
const movedWorkloads = (plan: Plan) => WORKLOAD_KEYS.filter((key) => {
  const authority = plan.choice(authorityPath(key));
  return authority === 'pilot-intune' || authority === 'intune';
});

export const workloadIntuneSideReady = defineReadinessRule({
  id: 'workload-intune-side-ready', area: 'workloads', severity: 'error', source: `${SRC_SWITCH}; includes/enable-co-management-1906-2107.md (newer copy)`,
  basis: { words: 'make sure you properly configure and deploy', page: 'https://learn.microsoft.com/intune/configmgr/comanage/how-to-switch-workloads#switch-workloads' },
  title: 'Every workload moved to Intune has its Intune side configured and deployed first',
  docUrl: SWITCH,
  appliesWhen: (plan) => movedWorkloads(plan).length > 0,
  // One intuneReady per moved workload: a workload whose readiness the plan doesn't state is unknown.
  needsEach: (plan) => movedWorkloads(plan).map((key) => `workloads.${key}.intuneReady`),
  check(plan) {
    return movedWorkloads(plan)
      .filter((key) => plan.bool(`workloads.${key}.intuneReady`) === false)
      .map((key) => ({
        message: `${key} moves to ${authorityName(plan, key)}, but its Intune side (the ${WORKLOAD_NAMES[key]} in Intune) isn't configured and deployed yet; the devices would then get that workload from neither tool. Deploy it in Intune first, or keep the workload on configmgr.`,
        path: `workloads.${key}.intuneReady`,
      }));
  },
  examples: {
    fail: ['version: 1\nworkloads:\n  compliancePolicies:\n    authority: intune\n    intuneReady: false'],
    pass: ['version: 1\nworkloads:\n  compliancePolicies:\n    authority: intune\n    intuneReady: true'],
  },
});
