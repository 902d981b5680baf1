// Which devices the co-management policy and a third-party MDM coexistence can take, and what
// enabling co-management does to a large estate: coexistence's Windows
// and join floor, personally owned devices, the Azure China client version and the enrollment
// spread over days (Windows Server is in deviceKinds.ts). Workload sliders live in workloads.ts; the rest of coexistence in coexistence.ts.
import { Plan } from '../plan';
import { DOCS, oldestWindows, windowsRank } from './scope';
import { Finding, defineReadinessRule } from './types';
import { manifest } from './workloads';

const COEXISTENCE = `${DOCS}/coexistence`;
const SRC_COEXISTENCE = 'intune/configmgr/comanage/coexistence.md (newer copy)';
const ENABLE_2107 = `${DOCS}/how-to-enable#enable-co-management-for-versions-2107-and-earlier`;
const SRC_ENABLE_2107 = 'intune/configmgr/comanage/includes/enable-co-management-1906-2107.md (newer copy)';
const WINDOWS_10_1709 = windowsRank('10 1709')!;

const hasThirdPartyMdm = (plan: Plan) => plan.bool('thirdPartyMdm.enabled') === true;
const mdmName = (plan: Plan) => plan.str('thirdPartyMdm.name') ?? 'the third-party MDM';

export const coexistenceWindowsAndJoin = defineReadinessRule({
  id: 'coexistence-windows-and-join', area: 'workloads', severity: 'error', source: SRC_COEXISTENCE,
  basis: { words: 'version 1709 or later', page: 'https://learn.microsoft.com/intune/configmgr/comanage/coexistence' },
  title: 'Devices in a third-party MDM run Windows 10 1709 or later and are Entra joined or hybrid joined',
  docUrl: COEXISTENCE,
  appliesWhen: hasThirdPartyMdm,
  needsAny: ['windows.minimumVersion', 'windows.versions', 'identity.deviceJoin'],
  needsToPass: (plan) => [...(oldestWindows(plan) ? [] : ['windows.minimumVersion']), 'identity.deviceJoin'],
  check(plan) {
    const findings: Finding[] = [];
    const oldest = oldestWindows(plan);
    if (oldest && oldest.rank < WINDOWS_10_1709) {
      findings.push({ message: `The Configuration Manager client coexists with ${mdmName(plan)} only on Windows 10 1709 or later; Windows ${oldest.text} is in scope. Update those devices or leave them out.`, path: oldest.path });
    }
    if (plan.choice('identity.deviceJoin') === 'registered') {
      findings.push({ message: `Coexistence with ${mdmName(plan)} needs devices joined to Microsoft Entra ID (Entra joined or hybrid joined); registered-only devices don't qualify.`, path: 'identity.deviceJoin' });
    }
    return findings;
  },
  examples: {
    fail: [manifest('thirdPartyMdm:\n  enabled: true', 'windows:\n  minimumVersion: "10 1703"', 'identity:\n  deviceJoin: entra-joined'),
      manifest('thirdPartyMdm:\n  enabled: true', 'windows:\n  minimumVersion: "10 22H2"', 'identity:\n  deviceJoin: registered')],
    pass: [manifest('thirdPartyMdm:\n  enabled: true', 'windows:\n  minimumVersion: "10 1709"', 'identity:\n  deviceJoin: hybrid-joined')],
  },
});

export const coexistenceNoPersonalDevices = defineReadinessRule({
  id: 'coexistence-no-personal-devices', area: 'workloads', severity: 'error', source: SRC_COEXISTENCE,
  basis: { words: 'It doesn\'t support personally-owned devices', page: 'https://learn.microsoft.com/intune/configmgr/comanage/coexistence' },
  title: 'Devices in a third-party MDM alongside Configuration Manager are corporate-owned',
  docUrl: COEXISTENCE,
  appliesWhen: hasThirdPartyMdm,
  needs: ['windows.ownership'],
  check(plan) {
    const ownership = plan.choice('windows.ownership');
    if (ownership !== 'personal' && ownership !== 'mixed') return undefined;
    return {
      message: `Coexistence of the Configuration Manager client with ${mdmName(plan)} isn't supported on personally owned devices, and this plan has ${ownership === 'mixed' ? 'some' : 'only'} personal devices in scope. Keep coexistence to corporate-owned devices.`,
      path: 'windows.ownership',
    };
  },
  examples: {
    fail: [manifest('thirdPartyMdm:\n  enabled: true', 'windows:\n  ownership: mixed')],
    pass: [manifest('thirdPartyMdm:\n  enabled: true', 'windows:\n  ownership: corporate')],
  },
});

export const chinaLatestClient = defineReadinessRule({
  id: 'china-latest-client', area: 'site', severity: 'error', source: SRC_ENABLE_2107,
  basis: { words: 'Update the Configuration Manager client', page: 'https://learn.microsoft.com/intune/configmgr/comanage/how-to-enable#enable-co-management-for-versions-2107-and-earlier', override: 'An instruction to complete before onboarding to Azure China (docs map P2 #5): a precondition of that step' },
  title: 'Before onboarding to Azure China, clients run the latest Configuration Manager client version',
  docUrl: ENABLE_2107,
  appliesWhen: (plan) => plan.choice('site.azureEnvironment') === 'china',
  needs: ['clients.latestVersion'],
  check(plan) {
    if (plan.bool('clients.latestVersion') !== false) return undefined;
    return {
      message: 'The site onboards to the Azure China cloud but the clients don\'t all run the latest Configuration Manager client version; update them first (promote the latest client to production), then onboard.',
      path: 'clients.latestVersion',
    };
  },
  examples: {
    fail: [manifest('site:\n  azureEnvironment: china', 'clients:\n  latestVersion: false')],
    pass: [manifest('site:\n  azureEnvironment: china', 'clients:\n  latestVersion: true')],
  },
});

/** Above this many clients the spread of automatic enrollment is worth a word (the page's example is 100,000 over several days). */
export const ENROLLMENT_SPREAD_FROM = 10_000;

export const enrollmentRolloutTakesDays = defineReadinessRule({
  id: 'enrollment-rollout-takes-days', area: 'enrollment', severity: 'information', source: SRC_ENABLE_2107,
  basis: { words: 'isn\'t immediate for all clients', page: 'https://learn.microsoft.com/intune/configmgr/comanage/how-to-enable#enable-co-management-for-versions-2107-and-earlier' },
  title: 'The schedule allows for automatic enrollment spreading over days in a large estate',
  docUrl: ENABLE_2107,
  appliesWhen: (plan) => ['all', 'pilot'].includes(plan.choice('comanagement.autoEnroll') ?? ''),
  needs: ['clients.count'],
  check(plan) {
    const count = plan.num('clients.count')!;
    if (count < ENROLLMENT_SPREAD_FROM) return undefined;
    return {
      message: `Advice: with about ${count.toLocaleString('en-US')} clients, automatic enrollment doesn't happen at once: Configuration Manager spreads it out by client count (the docs' example, 100,000 clients, takes several days). Plan workload moves and reports for after enrollment has caught up.`,
      path: 'clients.count',
    };
  },
  examples: {
    fail: [manifest('comanagement:\n  autoEnroll: all', 'clients:\n  count: 100000')],
    pass: [manifest('comanagement:\n  autoEnroll: all', 'clients:\n  count: 800')],
  },
});
