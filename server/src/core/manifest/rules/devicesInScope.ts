// Which devices a third-party MDM coexistence can take, and what enabling co-management does to a
// large estate: personally owned devices, the Azure China client version and the enrollment spread
// over days (Windows Server is in deviceKinds.ts). Coexistence's Windows 10 1709 and join floor is
// reported once, by the rules every plan meets (windows-comanagement-1709-floor in windows.ts,
// registered-devices-not-comanaged in identity.ts). Workload sliders live in workloads.ts; the rest
// of coexistence in coexistence.ts.
import { Plan } from '../plan';
import { DOCS, hasThirdPartyMdm, mdmName } from './scope';
import { defineReadinessRule } from './types';
import { manifest } from './workloads';

const COEXISTENCE = `${DOCS}/coexistence`;
const SRC_COEXISTENCE = 'intune/configmgr/comanage/coexistence.md (newer copy)';
const ENABLE_2107 = `${DOCS}/how-to-enable#enable-co-management-for-versions-2107-and-earlier`;
const SRC_ENABLE_2107 = 'intune/configmgr/comanage/includes/enable-co-management-1906-2107.md (newer copy)';
/**
 * The newest enablement docs state the Azure China note and the enrollment spread only in the
 * procedure for versions 2107 and earlier; a site the plan says runs 2111 or later is left alone.
 */
const upTo2107 = (plan: Plan) => (plan.num('site.version') ?? 0) < 2111;

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
  appliesWhen: (plan) => plan.choice('site.azureEnvironment') === 'china' && upTo2107(plan),
  needs: ['clients.latestVersion'],
  check(plan) {
    if (plan.bool('clients.latestVersion') !== false) return undefined;
    return {
      message: 'The site onboards to the Azure China cloud but the plan says the clients don\'t all run the latest Configuration Manager client version (clients.latestVersion); update them first (promote the latest client to production), then onboard.',
      path: 'clients.latestVersion',
    };
  },
  examples: {
    fail: [manifest('site:\n  azureEnvironment: china', 'clients:\n  latestVersion: false')],
    pass: [manifest('site:\n  azureEnvironment: china', 'clients:\n  latestVersion: true')],
  },
});

/** Above this many clients the spread of automatic enrollment is worth a word (the page's example is 100,000 over several days). */
const ENROLLMENT_SPREAD_FROM = 10_000;

export const enrollmentRolloutTakesDays = defineReadinessRule({
  id: 'enrollment-rollout-takes-days', area: 'enrollment', severity: 'information', source: SRC_ENABLE_2107,
  basis: { words: 'isn\'t immediate for all clients', page: 'https://learn.microsoft.com/intune/configmgr/comanage/how-to-enable#enable-co-management-for-versions-2107-and-earlier' },
  title: 'The schedule allows for automatic enrollment spreading over days in a large estate',
  docUrl: ENABLE_2107,
  appliesWhen: (plan) => ['all', 'pilot'].includes(plan.choice('comanagement.autoEnroll') ?? '') && upTo2107(plan),
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
