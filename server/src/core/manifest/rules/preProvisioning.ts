// Windows Autopilot for pre-provisioned deployment (docs map P38): the deployment profile must
// allow it before a technician can start. Its ESP, TPM and VM rules are in rules/autopilotModes.ts.
import { Plan } from '../plan';
import { isAutopilotIntoComanagement } from './scope';
import { defineReadinessRule } from './types';

const PRE_PROVISION = 'https://learn.microsoft.com/autopilot/pre-provision';

/** Classic Autopilot (Autopilot into co-management has no pre-provisioning) in pre-provisioning mode. */
const preProvisioned = (plan: Plan): boolean =>
  plan.bool('autopilot.enabled') === true && !isAutopilotIntoComanagement(plan)
  && plan.choice('autopilot.deploymentMode') === 'pre-provisioning';

const ON = 'version: 1\npath: existing-clients\nautopilot:\n  enabled: true\n  deploymentMode: pre-provisioning\n';

export const preProvisioningProfileAllows = defineReadinessRule({
  id: 'pre-provisioning-profile-allows', area: 'autopilot', severity: 'error', source: 'autopilot/pre-provision.md (commit 81b49fcc)',
  basis: { words: 'another Autopilot profile setting must be configured', page: `${PRE_PROVISION}#preparation` },
  title: 'The Autopilot deployment profile of pre-provisioned devices allows pre-provisioned deployment',
  docUrl: `${PRE_PROVISION}#preparation`,
  appliesWhen: preProvisioned,
  needs: ['autopilot.preProvisioningAllowed'],
  check(plan) {
    if (plan.bool('autopilot.preProvisioningAllowed') !== false) return undefined;
    return {
      message: 'The plan pre-provisions devices, but their Autopilot deployment profile doesn\'t allow it (autopilot.preProvisioningAllowed: false), so the technician can\'t start provisioning. Set "Allow pre-provisioned deployment" to Yes in the profile.',
      path: 'autopilot.preProvisioningAllowed',
    };
  },
  examples: {
    fail: [`${ON}  preProvisioningAllowed: false\n`],
    pass: [`${ON}  preProvisioningAllowed: true\n`],
  },
});
