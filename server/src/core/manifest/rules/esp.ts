// The Enrollment Status Page for Autopilot into co-management: it has to be shown, so that Autopilot
// waits while the client installs from the CMG, registers and applies the co-management policy.
// (Its assignment to the policy's device group is checked in autopilot.ts: autopilot-esp-same-group.)
import { Plan } from '../plan';
import { DOCS, isAutopilotIntoComanagement } from './scope';
import { defineReadinessRule } from './types';

const SOURCE = 'intune/configmgr/comanage/autopilot-enrollment.md (newer copy)';
const MINIMAL = 'version: 1\npath: autopilot\n';

/** Autopilot into co-management with an ESP that isn't switched off. */
const espInUse = (plan: Plan) => isAutopilotIntoComanagement(plan) && plan.bool('autopilot.esp.enabled') !== false;

export const espEnabled = defineReadinessRule({
  id: 'esp-enabled-for-comanagement', area: 'esp', severity: 'error', source: SOURCE,
  basis: { words: 'the device waits for', page: 'https://learn.microsoft.com/intune/configmgr/comanage/autopilot-enrollment', override: 'Read in context (docs map P9#2): The ESP waits for the client to install, register and apply the production co-management policy' },
  title: 'An Enrollment Status Page is shown to the devices that get the co-management policy',
  docUrl: `${DOCS}/autopilot-enrollment#requirements`,
  appliesWhen: isAutopilotIntoComanagement,
  needs: ['autopilot.esp.enabled'],
  check(plan) {
    if (plan.bool('autopilot.esp.enabled') !== false) return undefined;
    return { message: 'Autopilot waits for the client to install, register and apply the co-management policy only while an Enrollment Status Page runs; assign an ESP profile to these devices.', path: 'autopilot.esp.enabled' };
  },
  examples: { fail: [`${MINIMAL}autopilot:\n  esp:\n    enabled: false`], pass: [`${MINIMAL}autopilot:\n  esp:\n    enabled: true`] },
});

export const espShowProgress = defineReadinessRule({
  id: 'esp-show-progress', area: 'esp', severity: 'error', source: `${SOURCE}; intune/device-enrollment/windows/setup-status-page.md (newer copy)`,
  basis: { words: 'assign ... to the same', page: 'https://learn.microsoft.com/intune/configmgr/comanage/autopilot-enrollment#requirements', override: 'Read in context (docs map P9#10): A device group gets the policy, the ESP profile (with progress shown) and the Autopilot profile' },
  title: 'The Enrollment Status Page shows app and profile configuration progress',
  docUrl: `${DOCS}/autopilot-enrollment#requirements`,
  appliesWhen: espInUse,
  needs: ['autopilot.esp.showProgress'],
  check(plan) {
    if (plan.bool('autopilot.esp.showProgress') !== false) return undefined;
    return {
      message: 'Set "Show app and profile configuration progress" to Yes: with No the Enrollment Status Page isn\'t shown during setup, so Autopilot doesn\'t wait for the co-management policy.',
      path: 'autopilot.esp.showProgress',
      fixes: [{ title: 'Set showProgress to true', edits: [{ span: plan.spanOf('autopilot.esp.showProgress'), newText: 'true' }], preferred: true }],
    };
  },
  examples: {
    fail: [`${MINIMAL}autopilot:\n  esp:\n    enabled: true\n    showProgress: false`],
    pass: [`${MINIMAL}autopilot:\n  esp:\n    enabled: true\n    showProgress: true`],
  },
});

// The 60-minute default is the same on every copy of the ESP page and of autopilot-enrollment.md.
export const espTimeoutBelowDefault = defineReadinessRule({
  id: 'esp-timeout-below-default', area: 'esp', severity: 'information', source: SOURCE,
  basis: { words: 'The default time-out is 60 minutes', page: 'https://learn.microsoft.com/intune/device-enrollment/windows/setup-status-page#create-new-profile' },
  title: 'The Enrollment Status Page timeout leaves time for the client to install from the CMG (advice)',
  docUrl: `${DOCS}/autopilot-enrollment#the-client-installation-doesnt-complete`,
  appliesWhen: espInUse,
  needs: ['autopilot.esp.timeoutMinutes'],
  check(plan) {
    const minutes = plan.num('autopilot.esp.timeoutMinutes')!;
    if (minutes >= 60) return undefined;
    return { message: `Advice: the page waits on "Preparing your device for mobile management" while the client downloads from the CMG and installs, which can take a while; ${minutes} minutes is below the 60-minute default and makes a timeout (0x800705b4) more likely.`, path: 'autopilot.esp.timeoutMinutes' };
  },
  examples: {
    fail: [`${MINIMAL}autopilot:\n  esp:\n    timeoutMinutes: 30`],
    pass: [`${MINIMAL}autopilot:\n  esp:\n    timeoutMinutes: 60`],
  },
});
