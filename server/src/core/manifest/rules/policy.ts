// The Intune co-management settings policy: its command line, assignment, priority and override.
// Limits that only concern Autopilot into co-management are with the Autopilot rules.
import { Plan } from '../plan';
import { WORKLOAD_KEYS } from '../manifestSchema';
import { installsAgent } from './cmg';
import { DOCS, isAutopilotIntoComanagement, isManagedDesktop, policyIndexes, policyName } from './scope';
import { Finding, defineReadinessRule } from './types';

const SOURCE = 'intune/configmgr/comanage/autopilot-enrollment.md (newer copy)';
const CONFIGURE = `${DOCS}/autopilot-enrollment#configure`;
const COMMAND_LINE = 'CCMSETUPCMD="CCMHOSTNAME=contoso.eastus.cloudapp.azure.com/CCM_Proxy_MutualAuth/1 SMSSITECODE=ABC"';

const nameOf = (plan: Plan, i: number) => policyName(plan, i, `policy ${i + 1}`);

export const policyCommandLineRequired = defineReadinessRule({
  id: 'policy-command-line-required', area: 'policy', severity: 'error',
  basis: { words: 'Specify the client installation command-line parameters', page: 'https://learn.microsoft.com/intune/configmgr/comanage/autopilot-enrollment#configure', override: 'A step of the setup: a policy that installs the client runs ccmsetup with this command line, and none means no site to join' },
  source: `${SOURCE}; how-to-prepare-Win10.md (newer copy)`,
  title: 'A policy that installs the client has the client command line',
  docUrl: CONFIGURE,
  appliesWhen: installsAgent,
  check(plan) {
    return policyIndexes(plan)
      .filter((i) => plan.bool(`comanagement.policies[${i}].installAgent`) === true && !plan.hasCommandLine(i))
      // A number or true/false there is an invalid value: the structure check says why, and this check is unknown.
      .map((i): Finding => ({
        message: `"${nameOf(plan, i)}" installs the Configuration Manager client but has no command line; paste the one from the Enablement tab of the cloud attach properties into commandLine.`,
        path: `comanagement.policies[${i}].installAgent`,
      }));
  },
  examples: {
    fail: ['version: 1\ncomanagement:\n  policies:\n    - name: Install client\n      installAgent: true'],
    pass: [`version: 1\ncomanagement:\n  policies:\n    - name: Install client\n      installAgent: true\n      commandLine: ${COMMAND_LINE}`],
  },
});

// Managed Desktop has its own, stricter wording of this in managed-desktop-install-agent.
export const policyInstallsAgent = defineReadinessRule({
  id: 'policy-install-agent-for-policy-method', area: 'policy', severity: 'error', source: SOURCE,
  basis: { words: 'set to automatically install Configuration Manager client', page: 'https://learn.microsoft.com/intune/configmgr/comanage/autopilot-enrollment', override: 'The plan chose this policy to install the client: without the setting the client is never installed' },
  title: 'When the co-management settings policy is meant to install the client, it has "install the agent" on',
  docUrl: CONFIGURE,
  appliesWhen: (plan) => plan.choice('comanagement.clientInstallMethod') === 'policy' && plan.count('comanagement.policies') > 0 && !isManagedDesktop(plan),
  needs: ['comanagement.policies[0].installAgent'],
  check(plan) {
    if (installsAgent(plan)) return undefined;
    return policyIndexes(plan)
      .filter((i) => plan.bool(`comanagement.policies[${i}].installAgent`) === false)
      .map((i): Finding => ({
        message: `The plan has the co-management settings policy install the client (clientInstallMethod: policy), but "${nameOf(plan, i)}" doesn't; set "Automatically install the Configuration Manager agent" to Yes.`,
        path: `comanagement.policies[${i}].installAgent`,
        fixes: [{ title: 'Set installAgent to true', edits: [{ span: plan.spanOf(`comanagement.policies[${i}].installAgent`), newText: 'true' }], preferred: true }],
      }));
  },
  examples: {
    fail: [`version: 1\ncomanagement:\n  clientInstallMethod: policy\n  policies:\n    - name: Install client\n      installAgent: false\n      commandLine: ${COMMAND_LINE}`],
    pass: [`version: 1\ncomanagement:\n  clientInstallMethod: policy\n  policies:\n    - name: Install client\n      installAgent: true\n      commandLine: ${COMMAND_LINE}`],
  },
});

export const policyTargetsDevices = defineReadinessRule({
  id: 'policy-target-device-group', area: 'policy', severity: 'error', source: SOURCE,
  basis: { words: 'assign ... to the same', page: 'https://learn.microsoft.com/intune/configmgr/comanage/autopilot-enrollment#requirements', override: 'Read in context (docs map P9#10): A device group gets the policy, the ESP profile (with progress shown) and the Autopilot profile' },
  title: 'Each co-management settings policy is assigned to a device group',
  docUrl: CONFIGURE,
  appliesWhen: (plan) => policyIndexes(plan).some((i) => plan.has(`comanagement.policies[${i}].targetGroupType`)),
  check(plan) {
    return policyIndexes(plan)
      .filter((i) => plan.choice(`comanagement.policies[${i}].targetGroupType`) === 'user')
      .map((i): Finding => ({
        message: `"${nameOf(plan, i)}" is assigned to a user group; assign the co-management settings policy to a device group (the same group as the Autopilot and Enrollment Status Page profiles).`,
        path: `comanagement.policies[${i}].targetGroupType`,
      }));
  },
  examples: {
    fail: ['version: 1\ncomanagement:\n  policies:\n    - name: Co-management\n      targetGroup: All users\n      targetGroupType: user'],
    pass: ['version: 1\ncomanagement:\n  policies:\n    - name: Co-management\n      targetGroup: Autopilot devices\n      targetGroupType: device'],
  },
});

export const policyPriorityUnique = defineReadinessRule({
  id: 'policy-priority-unique', area: 'policy', severity: 'warning', source: SOURCE,
  basis: { words: 'Set the priority of each', page: 'https://learn.microsoft.com/intune/configmgr/comanage/autopilot-enrollment#configure', override: 'Read in context (docs map P9#20): Several policies: Intune pre-computes one by priority' },
  title: 'Co-management settings policies have distinct priorities',
  docUrl: CONFIGURE,
  appliesWhen: (plan) => plan.count('comanagement.policies') >= 2,
  check(plan) {
    const findings: Finding[] = [];
    const seen = new Map<number, number>();
    for (const i of policyIndexes(plan)) {
      const priority = plan.num(`comanagement.policies[${i}].priority`);
      if (priority === undefined) {
        findings.push({ message: `"${nameOf(plan, i)}" has no priority; with several policies Intune uses priorities to pick the one a device gets, so give each a distinct one.`, path: `comanagement.policies[${i}]` });
        continue;
      }
      const first = seen.get(priority);
      if (first !== undefined) {
        findings.push({ message: `"${nameOf(plan, i)}" has the same priority (${priority}) as "${nameOf(plan, first)}"; a device in both groups gets one of them by priority, so make them distinct.`, path: `comanagement.policies[${i}].priority` });
      } else {
        seen.set(priority, i);
      }
    }
    return findings;
  },
  examples: {
    fail: ['version: 1\ncomanagement:\n  policies:\n    - name: A\n      priority: 1\n    - name: B\n      priority: 1'],
    pass: ['version: 1\ncomanagement:\n  policies:\n    - name: A\n      priority: 1\n    - name: B\n      priority: 2'],
  },
});

export const overrideIgnoresWorkloads = defineReadinessRule({
  id: 'policy-override-ignores-configmgr-workloads', area: 'policy', severity: 'warning', source: SOURCE,
  basis: { words: 'can still get apps', page: 'https://learn.microsoft.com/intune/configmgr/comanage/autopilot-enrollment#advanced-settings', override: 'Read in context (docs map P9#22): With override to Intune, Configuration Manager apps still reach the device' },
  title: 'A policy that overrides to Intune isn\'t combined with workloads kept on Configuration Manager',
  docUrl: `${DOCS}/autopilot-enrollment#advanced-settings`,
  appliesWhen: (plan) => policyIndexes(plan).some((i) => plan.bool(`comanagement.policies[${i}].overrideToIntune`) === true),
  needs: ['workloads'],
  check(plan) {
    // Only the split the plan writes down can be contradicted; the override itself decides the rest.
    const kept = WORKLOAD_KEYS.filter((key) => plan.has(`workloads.${key}.authority`) && plan.choice(`workloads.${key}.authority`) !== 'intune');
    if (kept.length === 0) return undefined;
    const which = kept.join(', ');
    return policyIndexes(plan)
      .filter((i) => plan.bool(`comanagement.policies[${i}].overrideToIntune`) === true)
      .map((i): Finding => ({
        message: `"${nameOf(plan, i)}" overrides co-management, so its devices take every workload from Intune and ignore the plan's split, which keeps ${which} away from Intune; apps deployed from Configuration Manager still install.`,
        path: `comanagement.policies[${i}].overrideToIntune`,
      }));
  },
  examples: {
    fail: ['version: 1\ncomanagement:\n  policies:\n    - name: Cloud native\n      overrideToIntune: true\nworkloads:\n  compliancePolicies:\n    authority: configmgr'],
    pass: ['version: 1\ncomanagement:\n  policies:\n    - name: Cloud native\n      overrideToIntune: false\nworkloads:\n  compliancePolicies:\n    authority: configmgr'],
  },
});

export const policyImeProviderConflict = defineReadinessRule({
  id: 'policy-ime-provider-conflict', area: 'policy', severity: 'warning', source: SOURCE,
  basis: { words: 'which can cause conflicts', page: 'https://learn.microsoft.com/intune/configmgr/comanage/autopilot-enrollment#recommendations', override: 'Read in context (docs map P9#13): Don\'t combine with other policy providers such as the Intune management extension' },
  title: 'A policy that installs the client isn\'t combined with the Intune management extension as policy provider',
  docUrl: `${DOCS}/autopilot-enrollment#recommendations`,
  // Inside Autopilot into co-management autopilot-ime-policy-provider-conflict says the same.
  appliesWhen: (plan) => installsAgent(plan) && !isAutopilotIntoComanagement(plan),
  needs: ['intuneManagementExtensionPolicyProvider'],
  check(plan) {
    if (plan.bool('intuneManagementExtensionPolicyProvider') !== true) return undefined;
    return { message: 'The Intune management extension and the Configuration Manager client that the policy installs don\'t know about each other and can conflict while the device is provisioned; use one of them as the policy provider.', path: 'intuneManagementExtensionPolicyProvider' };
  },
  examples: {
    fail: [`version: 1\npath: new-internet-devices\nintuneManagementExtensionPolicyProvider: true\ncomanagement:\n  policies:\n    - name: Install client\n      installAgent: true\n      commandLine: ${COMMAND_LINE}`],
    pass: [`version: 1\npath: new-internet-devices\nintuneManagementExtensionPolicyProvider: false\ncomanagement:\n  policies:\n    - name: Install client\n      installAgent: true\n      commandLine: ${COMMAND_LINE}`],
  },
});
