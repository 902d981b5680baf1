// Windows Autopilot self-deploying mode (and pre-provisioning, which attests the TPM the same way):
// the hardware it needs and what it leaves out. Its Entra-join-only rule is in autopilot.ts.
import { Plan } from '../plan';
import { isAutopilotIntoComanagement } from './scope';
import { defineReadinessRule } from './types';

const PAGE = 'https://learn.microsoft.com/autopilot/self-deploying';
const SOURCE = 'autopilot/self-deploying.md (newer copy)';

const usesAutopilot = (plan: Plan) => plan.bool('autopilot.enabled') !== false && (plan.has('autopilot') || isAutopilotIntoComanagement(plan));
const mode = (plan: Plan) => plan.choice('autopilot.deploymentMode');

export const selfDeployingNeedsTpm2 = defineReadinessRule({
  id: 'self-deploying-needs-tpm2', area: 'autopilot', severity: 'error', source: `${SOURCE}; intune/device-enrollment/windows/setup-status-page.md (newer copy)`,
  basis: { words: 'devices without TPM 2.0 can\'t', page: `${PAGE}#requirements` },
  title: 'Devices provisioned in self-deploying or pre-provisioning mode have TPM 2.0 with device attestation',
  docUrl: `${PAGE}#requirements`,
  appliesWhen: (plan) => usesAutopilot(plan) && ['self-deploying', 'pre-provisioning'].includes(mode(plan) ?? ''),
  needs: ['windows.tpm20Attestation'],
  check(plan) {
    if (plan.bool('windows.tpm20Attestation') !== false) return undefined;
    return {
      message: `${mode(plan) === 'self-deploying' ? 'Self-deploying mode' : 'Pre-provisioning'} authenticates the device to Microsoft Entra ID with TPM 2.0 key attestation (the "Secure your hardware" step of the Enrollment Status Page); a device without TPM 2.0 and attestation support fails there with a 0x800705B4 timeout. Use devices with TPM 2.0 that supports attestation, or a user-driven profile.`,
      path: 'windows.tpm20Attestation',
    };
  },
  examples: {
    fail: ['version: 1\nautopilot:\n  deploymentMode: self-deploying\n  joinType: entra\nwindows:\n  tpm20Attestation: false'],
    pass: ['version: 1\nautopilot:\n  deploymentMode: self-deploying\n  joinType: entra\nwindows:\n  tpm20Attestation: true'],
  },
});

export const selfDeployingNotOnVms = defineReadinessRule({
  id: 'self-deploying-not-on-vms', area: 'autopilot', severity: 'error', source: SOURCE,
  basis: { words: 'on a virtual machine, the process fails', page: `${PAGE}#requirements` },
  title: 'Self-deploying mode and pre-provisioning aren\'t used on virtual machines',
  docUrl: `${PAGE}#requirements`,
  appliesWhen: (plan) => usesAutopilot(plan) && ['self-deploying', 'pre-provisioning'].includes(mode(plan) ?? ''),
  needs: ['windows.virtualMachines'],
  check(plan) {
    if (plan.bool('windows.virtualMachines') !== true) return undefined;
    return {
      message: `${mode(plan) === 'self-deploying' ? 'Self-deploying mode fails' : 'Pre-provisioning isn\'t supported'} on a virtual machine, even a Hyper-V machine with a virtual TPM: device verification times out with 0x800705B4. Provision virtual machines another way (a user-driven profile) and keep ${mode(plan)} for physical devices with TPM 2.0.`,
      path: 'windows.virtualMachines',
    };
  },
  examples: {
    fail: ['version: 1\nautopilot:\n  deploymentMode: self-deploying\nwindows:\n  virtualMachines: true', 'version: 1\nautopilot:\n  deploymentMode: pre-provisioning\nwindows:\n  virtualMachines: true'],
    pass: ['version: 1\nautopilot:\n  deploymentMode: self-deploying\nwindows:\n  virtualMachines: false'],
  },
});

export const selfDeployingNoPrimaryUser = defineReadinessRule({
  id: 'self-deploying-no-primary-user', area: 'autopilot', severity: 'information', source: SOURCE,
  basis: { words: 'doesn\'t automatically configure a primary user', page: PAGE },
  title: 'Self-deployed devices that use the Company Portal get a primary user set by hand (advice)',
  docUrl: PAGE,
  appliesWhen: (plan) => usesAutopilot(plan) && mode(plan) === 'self-deploying',
  needs: ['companyPortal.enabled'],
  check(plan) {
    if (plan.bool('companyPortal.enabled') !== true) return undefined;
    return {
      message: 'Advice: self-deploying mode leaves the device without a primary user in Intune, and some features depend on one: installing software from the Company Portal and users retrieving their own BitLocker recovery keys. If these devices need them, set a primary user in the Intune admin center after provisioning.',
      path: 'companyPortal.enabled',
    };
  },
  examples: {
    fail: ['version: 1\nautopilot:\n  deploymentMode: self-deploying\ncompanyPortal:\n  enabled: true'],
    pass: ['version: 1\nautopilot:\n  deploymentMode: self-deploying\ncompanyPortal:\n  enabled: false'],
  },
});
