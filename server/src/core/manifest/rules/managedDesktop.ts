// Microsoft Managed Desktop devices co-managed through Autopilot: stricter than the general
// Autopilot into co-management page (one policy, Intune for every workload, no task sequence).
// Every rule here applies only to `path: managed-desktop`.
import { deletionSpan, find } from '../../ccmsetup/query';
import { Plan } from '../plan';
import { isManagedDesktop, policyIndexes, policyName } from './scope';
import { Finding, defineReadinessRule } from './types';

const SOURCE = 'MicrosoftDocs/Managed-Desktop managed-desktop/prepare/autopilot-co-management.md (newer copy)';
const PAGE = 'https://learn.microsoft.com/managed-desktop/prepare/autopilot-co-management';
const MINIMAL = 'version: 1\npath: managed-desktop\n';
/** The group the Managed Desktop steps assign the policy to. */
const ALL_DEVICES_GROUP = 'Modern Workplace Devices-All';

const policy = (fields: string) => `${MINIMAL}comanagement:\n  policies:\n    - name: P\n${fields.split('\n').map((f) => `      ${f}`).join('\n')}\n`;

/** Findings for each policy whose boolean `key` is explicitly false, with a fix that sets it to true. */
function policiesWithFalse(plan: Plan, key: string, message: (name: string) => string): Finding[] {
  return policyIndexes(plan).filter((i) => plan.bool(`comanagement.policies[${i}].${key}`) === false).map((i) => {
    const path = `comanagement.policies[${i}].${key}`;
    return { message: message(policyName(plan, i)), path, fixes: [{ title: `Set ${key} to true`, edits: [{ span: plan.spanOf(path), newText: 'true' }], preferred: true }] };
  });
}

// ---- The one co-management settings policy ---------------------------------------------------

// The general page allows several policies ordered by priority; Managed Desktop allows one.
export const managedDesktopSinglePolicy = defineReadinessRule({
  id: 'managed-desktop-single-policy', area: 'policy', severity: 'error', source: SOURCE,
  basis: { words: 'assign only one co-management policy', page: 'https://learn.microsoft.com/managed-desktop/prepare/autopilot-co-management#prerequisites' },
  title: 'Managed Desktop devices have exactly one co-management settings policy',
  docUrl: `${PAGE}#prerequisites`,
  appliesWhen: isManagedDesktop,
  needs: ['comanagement.policies'],
  check(plan) {
    const count = plan.count('comanagement.policies');
    if (count === 1) return undefined;
    return { message: `Managed Desktop supports exactly one co-management settings policy, configured and assigned; this plan has ${count}.`, path: 'comanagement.policies' };
  },
  examples: {
    fail: [`${MINIMAL}comanagement:\n  policies:\n    - name: A\n    - name: B`, `${MINIMAL}comanagement:\n  policies: []`],
    pass: [`${MINIMAL}comanagement:\n  policies:\n    - name: A`],
  },
});

// In the general docs the override is optional (default No); Managed Desktop requires Yes.
export const managedDesktopOverrideToIntune = defineReadinessRule({
  id: 'managed-desktop-override-to-intune', area: 'policy', severity: 'error', source: SOURCE,
  basis: { words: 'must be set to use Intune', page: 'https://learn.microsoft.com/managed-desktop/prepare/autopilot-co-management#prerequisites' },
  title: 'The Managed Desktop policy uses Intune for all workloads',
  docUrl: `${PAGE}#prerequisites`,
  appliesWhen: isManagedDesktop,
  needs: ['comanagement.policies[0].overrideToIntune'],
  check: (plan) => policiesWithFalse(plan, 'overrideToIntune', (name) =>
    `Policy ${name} must set "Override co-management policy and use Intune for all workloads" to Yes on Managed Desktop; the devices can still get Configuration Manager apps.`),
  examples: { fail: [policy('overrideToIntune: false')], pass: [policy('overrideToIntune: true')] },
});

export const managedDesktopInstallAgent = defineReadinessRule({
  id: 'managed-desktop-install-agent', area: 'policy', severity: 'warning', source: SOURCE,
  basis: { words: 'select Yes to the Automatically install', page: 'https://learn.microsoft.com/managed-desktop/prepare/autopilot-co-management#step-1-configure-co-management-settings', override: 'A setup step; a plan may install the client another way, so a warning' },
  title: 'The Managed Desktop policy installs the Configuration Manager agent',
  docUrl: `${PAGE}#step-1-configure-co-management-settings`,
  appliesWhen: isManagedDesktop,
  needs: ['comanagement.policies[0].installAgent'],
  check: (plan) => policiesWithFalse(plan, 'installAgent', (name) =>
    `The Managed Desktop steps set "Automatically install the Configuration Manager agent" to Yes; policy ${name} doesn't, so no client is installed during the Enrollment Status Page.`),
  examples: { fail: [policy('installAgent: false')], pass: [policy('installAgent: true')] },
});

export const managedDesktopTargetGroup = defineReadinessRule({
  id: 'managed-desktop-target-group', area: 'policy', severity: 'warning', source: SOURCE,
  basis: { words: 'select the Modern Workplace Devices-All group', page: 'https://learn.microsoft.com/managed-desktop/prepare/autopilot-co-management#step-1-configure-co-management-settings', override: 'A setup step; another group may be deliberate, so a warning' },
  title: `The Managed Desktop policy is assigned to ${ALL_DEVICES_GROUP}`,
  docUrl: `${PAGE}#step-1-configure-co-management-settings`,
  appliesWhen: isManagedDesktop,
  needs: ['comanagement.policies[0].targetGroup'],
  check(plan) {
    const normalize = (group: string) => group.replace(/\s+/g, '').toLowerCase();
    return policyIndexes(plan).flatMap((i) => {
      const path = `comanagement.policies[${i}].targetGroup`;
      const group = plan.str(path);
      if (group === undefined || normalize(group) === normalize(ALL_DEVICES_GROUP)) return [];
      return [{
        message: `Policy ${policyName(plan, i)} goes to "${group}"; the Managed Desktop steps assign it to ${ALL_DEVICES_GROUP} so that every Managed Desktop device ends up co-managed.`,
        path,
        fixes: [{ title: `Assign it to ${ALL_DEVICES_GROUP}`, edits: [{ span: plan.spanOf(path), newText: ALL_DEVICES_GROUP }] }],
      }];
    });
  },
  examples: { fail: [policy('targetGroup: Pilot devices')], pass: [policy('targetGroup: modern workplace devices - all')] },
});

// ---- The command line ------------------------------------------------------------------------

// The general page offers PROVISIONTS as an option; Managed Desktop forbids it.
export const managedDesktopNoProvisionTs = defineReadinessRule({
  id: 'managed-desktop-no-provisionts', area: 'command-line', severity: 'error', source: SOURCE,
  basis: { words: 'without a task sequence to prevent conflicts', page: 'https://learn.microsoft.com/managed-desktop/prepare/autopilot-co-management#prerequisites', override: 'A prerequisite of the page: a task sequence conflicts with the first-run apps' },
  title: 'The Managed Desktop command line doesn\'t start a task sequence',
  docUrl: `${PAGE}#prerequisites`,
  appliesWhen: (plan) => isManagedDesktop(plan) && plan.commandLines().length > 0,
  check(plan) {
    const findings: Finding[] = [];
    for (const { line, exact } of plan.commandLines()) {
      const item = find(line, 'PROVISIONTS');
      if (!item) continue;
      findings.push({
        message: 'On Managed Desktop the client installation must not start a task sequence, which would clash with the apps of the Managed Desktop first-run experience; remove PROVISIONTS.',
        span: item.nameSpan,
        fixes: exact ? [{ title: 'Remove PROVISIONTS', edits: [{ span: deletionSpan(plan.document.text, item.span), newText: '' }], preferred: true }] : undefined,
      });
    }
    return findings;
  },
  examples: {
    fail: [policy('commandLine: \'CCMSETUPCMD="CCMHOSTNAME=contoso.cloudapp.net/CCM_Proxy_MutualAuth/1 SMSSITECODE=ABC PROVISIONTS=ABC20001"\'')],
    pass: [policy('commandLine: \'CCMSETUPCMD="CCMHOSTNAME=contoso.cloudapp.net/CCM_Proxy_MutualAuth/1 SMSSITECODE=ABC"\'')],
  },
});

// ---- Devices ---------------------------------------------------------------------------------

// Shared devices get a self-deploying profile; autopilot-user-driven-only reports the mode itself.
export const managedDesktopNoSharedDevices = defineReadinessRule({
  id: 'managed-desktop-no-shared-devices', area: 'autopilot', severity: 'error', source: SOURCE,
  basis: { words: 'can\'t be a shared device', page: 'https://learn.microsoft.com/managed-desktop/prepare/autopilot-co-management#known-issues' },
  title: 'Co-managed Managed Desktop devices aren\'t shared devices',
  docUrl: `${PAGE}#known-issues`,
  appliesWhen: isManagedDesktop,
  needs: ['managedDesktop.sharedDevices'],
  check(plan) {
    if (plan.bool('managedDesktop.sharedDevices') !== true) return undefined;
    return { message: 'Shared Managed Desktop devices get a self-deploying Autopilot profile, and Autopilot into co-management supports only user-driven mode; keep shared devices out of co-management.', path: 'managedDesktop.sharedDevices' };
  },
  examples: {
    fail: [`${MINIMAL}managedDesktop:\n  sharedDevices: true`],
    pass: [`${MINIMAL}managedDesktop:\n  sharedDevices: false\nautopilot:\n  deploymentMode: user-driven`],
  },
});

export const managedDesktopPolicyBeforeRegistration = defineReadinessRule({
  id: 'managed-desktop-policy-before-registration', area: 'policy', severity: 'warning', source: SOURCE,
  basis: { words: 'It\'s recommended to configure the co-management settings', page: 'https://learn.microsoft.com/managed-desktop/prepare/autopilot-co-management#common-scenarios' },
  title: 'The co-management policy exists before Managed Desktop devices are registered (advice)',
  docUrl: `${PAGE}#common-scenarios`,
  appliesWhen: isManagedDesktop,
  needs: ['managedDesktop.devicesAlreadyRegistered'],
  check(plan) {
    if (plan.bool('managedDesktop.devicesAlreadyRegistered') !== true) return undefined;
    return { message: 'Advice: the policy also installs and turns on the client on Managed Desktop devices that already exist, not only on new ones; ideally create it right after tenant enrollment, before devices are registered.', path: 'managedDesktop.devicesAlreadyRegistered' };
  },
  examples: {
    fail: [`${MINIMAL}managedDesktop:\n  devicesAlreadyRegistered: true`],
    pass: [`${MINIMAL}managedDesktop:\n  devicesAlreadyRegistered: false`],
  },
});
