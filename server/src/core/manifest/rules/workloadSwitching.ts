// Moving a workload: what a move from one slider position to another does, as the plan states it
// with workloads.<w>.previousAuthority (where the workload is today). Moving back from Intune,
// the sync at the switch, Endpoint Protection policies during the transition and their removal.
// What each position needs and how the sliders depend on each other live in workloads.ts.
import { WORKLOAD_KEYS, WorkloadKey } from '../manifestSchema';
import { Plan } from '../plan';
import { DOCS, authorityOf } from './scope';
import { defineReadinessRule } from './types';
import { AUTHORITY_NAMES, Authority, RANK, authorityName, authorityPath, effectiveRank, rankOf, unstatedRankPaths } from './workloads';

const WORKLOADS = `${DOCS}/workloads`;
const SWITCH = `${DOCS}/how-to-switch-workloads#switch-workloads`;
const SRC_WORKLOADS = 'intune/configmgr/comanage/workloads.md (newer copy)';
const SRC_SWITCH = 'intune/configmgr/comanage/how-to-switch-workloads.md (newer copy)';

const previousPath = (key: WorkloadKey) => `workloads.${key}.previousAuthority`;

/** Where the plan says the workload is today (undefined when it doesn't say). */
function previousOf(plan: Plan, key: WorkloadKey): Authority | undefined {
  const value = plan.choice(previousPath(key));
  return value === 'configmgr' || value === 'pilot-intune' || value === 'intune' ? value : undefined;
}

/** Workloads whose move the plan states both ends of: today's position and the planned one. */
const statedMoves = (plan: Plan) => WORKLOAD_KEYS.filter((key) => previousOf(plan, key) !== undefined && plan.has(authorityPath(key)));

/** Workloads the plan moves back towards Configuration Manager (to a lower slider position). */
const movedBack = (plan: Plan) => statedMoves(plan).filter((key) => RANK[previousOf(plan, key)!] > rankOf(plan, key));

/** Workloads the plan moves from Configuration Manager to Pilot Intune or Intune. */
const movedToIntune = (plan: Plan) => statedMoves(plan).filter((key) => previousOf(plan, key) === 'configmgr' && rankOf(plan, key) >= 1);

const workloadsYaml = (spec: Partial<Record<WorkloadKey, string>>, extra: Partial<Record<WorkloadKey, string>> = {}) => {
  const lines = ['version: 1', 'workloads:'];
  for (const [key, value] of Object.entries(spec)) {
    const [previous, authority, pilot] = value.split('>').flatMap((part, i) => (i === 1 ? part.split(':') : [part]));
    lines.push(`  ${key}:`, `    authority: ${authority}`);
    if (pilot) lines.push(`    pilotCollection: ${pilot}`);
    if (previous) lines.push(`    previousAuthority: ${previous}`);
    const more = extra[key as WorkloadKey];
    if (more) lines.push(...more.split('\n').map((line) => `    ${line}`));
  }
  return `${lines.join('\n')}\n`;
};

export const switchBackEffects = defineReadinessRule({
  id: 'workload-switch-back-effects', area: 'workloads', severity: 'information', source: `${SRC_WORKLOADS}; ${SRC_SWITCH}`,
  basis: { words: 'will remain at a later version', page: 'https://learn.microsoft.com/intune/configmgr/comanage/workloads' },
  title: 'A workload moved back towards Configuration Manager is moved knowing what stays behind',
  docUrl: WORKLOADS,
  appliesWhen: (plan) => movedBack(plan).length > 0,
  check(plan) {
    return movedBack(plan).map((key) => {
      const versions = key === 'windowsUpdatePolicies' ? ' Windows stays at any later feature or quality update Intune installed; Configuration Manager won\'t roll it back.'
        : key === 'officeClickToRunApps' ? ' Microsoft 365 Apps stay at any later version Intune installed; Configuration Manager won\'t roll them back.'
          : '';
      return {
        message: `${key} moves back from ${AUTHORITY_NAMES[previousOf(plan, key)!]} to ${authorityName(plan, key)}. Moving back is allowed, but it isn't an undo: plan for what the devices keep from Intune.${versions}`,
        path: authorityPath(key),
      };
    });
  },
  examples: {
    fail: [workloadsYaml({ windowsUpdatePolicies: 'intune>configmgr' }), workloadsYaml({ clientApps: 'intune>pilot-intune:Apps pilot' })],
    pass: [workloadsYaml({ windowsUpdatePolicies: 'configmgr>intune' }), workloadsYaml({ windowsUpdatePolicies: 'intune>intune' })],
  },
});

export const switchSyncsMdmPolicy = defineReadinessRule({
  id: 'workload-switch-syncs-mdm-policy', area: 'workloads', severity: 'information', source: SRC_SWITCH,
  basis: { words: 'automatically synchronize MDM policy', page: 'https://learn.microsoft.com/intune/configmgr/comanage/how-to-switch-workloads#switch-workloads' },
  title: 'Moving a workload to Intune is timed knowing devices fetch Intune policy at once',
  docUrl: SWITCH,
  appliesWhen: (plan) => movedToIntune(plan).length > 0,
  // With the Intune side stated ready (intuneReady: true) the immediate sync is what the plan wants.
  needsEach: (plan) => movedToIntune(plan).map((key) => `workloads.${key}.intuneReady`),
  check(plan) {
    const moved = movedToIntune(plan).filter((key) => plan.bool(`workloads.${key}.intuneReady`) !== true);
    if (moved.length === 0) return undefined;
    return {
      message: `Moving ${moved.join(', ')} from Configuration Manager makes the co-managed devices${moved.every((key) => authorityOf(plan, key) === 'pilot-intune') ? ' in the pilot collection' : ''} sync MDM policy from Intune straight away, not at their next scheduled check-in: whatever Intune assigns for ${moved.length === 1 ? 'this workload' : 'these workloads'} applies at once, so have it final before moving the slider.`,
      path: authorityPath(moved[0]),
    };
  },
  examples: {
    fail: [
      workloadsYaml({ compliancePolicies: 'configmgr>intune' }, { compliancePolicies: 'intuneReady: false' }),
      workloadsYaml({ clientApps: 'configmgr>pilot-intune:Apps pilot' }, { clientApps: 'intuneReady: false' }),
    ],
    pass: [
      workloadsYaml({ compliancePolicies: 'intune>intune' }), workloadsYaml({ compliancePolicies: 'configmgr>configmgr' }),
      // The Intune side is ready: syncing at once is what the move is for.
      workloadsYaml({ compliancePolicies: 'configmgr>intune' }, { compliancePolicies: 'intuneReady: true' }),
    ],
  },
});

export const endpointProtectionTransition = defineReadinessRule({
  id: 'endpoint-protection-transition-keeps-policies', area: 'workloads', severity: 'information', source: SRC_WORKLOADS,
  basis: { words: 'stay on the device until', page: 'https://learn.microsoft.com/intune/configmgr/comanage/workloads#endpoint-protection' },
  title: 'Moving Endpoint Protection to Intune is planned knowing Configuration Manager settings stay until Intune replaces them',
  docUrl: `${WORKLOADS}#endpoint-protection`,
  // The plan states Endpoint Protection (or device configuration, which carries it) is on Configuration Manager today.
  appliesWhen: (plan) => previousOf(plan, 'endpointProtection') === 'configmgr' || previousOf(plan, 'deviceConfiguration') === 'configmgr',
  needsEach: (plan) => unstatedRankPaths(plan, 'endpointProtection', 1),
  check(plan) {
    if (effectiveRank(plan, 'endpointProtection') === 0) return undefined;
    const via = rankOf(plan, 'endpointProtection') >= 1 ? 'endpointProtection' : 'deviceConfiguration';
    return {
      message: 'When Endpoint Protection moves to Intune, the Configuration Manager antimalware, firewall and other Defender settings stay on the devices until an Intune policy sets the same thing, so devices stay protected meanwhile; a setting Intune never configures keeps its Configuration Manager value. Assign Intune policies covering every setting you rely on.',
      path: authorityPath(via),
    };
  },
  examples: {
    fail: [workloadsYaml({ endpointProtection: 'configmgr>intune' }), workloadsYaml({ deviceConfiguration: 'configmgr>intune' })],
    pass: [workloadsYaml({ endpointProtection: 'configmgr>configmgr', deviceConfiguration: 'configmgr>configmgr' })],
  },
});

export const epRemovalNeedsDeviceConfiguration = defineReadinessRule({
  id: 'ep-removal-needs-device-configuration', area: 'workloads', severity: 'error', source: `${SRC_WORKLOADS}; ${SRC_SWITCH}`,
  basis: { words: 'also needs to be switched', page: 'https://learn.microsoft.com/intune/configmgr/comanage/workloads#device-configuration' },
  title: 'Endpoint Protection settings that must be removable have device configuration on Intune too',
  docUrl: `${WORKLOADS}#device-configuration`,
  // Device configuration on Pilot Intune: pilot-intune-no-policy-removal (workloads.ts) already says
  // policies aren't removed there; one report on the same key.
  appliesWhen: (plan) => plan.bool('workloads.endpointProtection.removePolicies') === true && plan.choice(authorityPath('endpointProtection')) === 'intune'
    && authorityOf(plan, 'deviceConfiguration') !== 'pilot-intune',
  needs: [authorityPath('deviceConfiguration')],
  check(plan) {
    if (authorityOf(plan, 'deviceConfiguration') === 'intune') return undefined;
    return {
      message: `The plan needs Endpoint Protection settings removed from devices (workloads.endpointProtection.removePolicies), but device configuration is on ${authorityName(plan, 'deviceConfiguration')}: Endpoint Protection settings are only taken off ("untattooed") once device configuration is switched to Intune as well. Move device configuration to intune.`,
      path: authorityPath('deviceConfiguration'),
    };
  },
  examples: {
    fail: [workloadsYaml({ endpointProtection: 'configmgr>intune', deviceConfiguration: 'configmgr>configmgr' }, { endpointProtection: 'removePolicies: true' }),
      workloadsYaml({ endpointProtection: '>intune', deviceConfiguration: '>configmgr' }, { endpointProtection: 'removePolicies: true' })],
    pass: [workloadsYaml({ endpointProtection: 'configmgr>intune', deviceConfiguration: 'configmgr>intune' }, { endpointProtection: 'removePolicies: true' })],
  },
});
