// Intune enrollment restrictions beyond the default platform restriction (enrollment.ts): blocking
// personally owned Windows devices, and the device limit, which co-managed enrollments ignore.
import { Plan } from '../plan';
import { isExistingClientsPath } from './scope';
import { defineReadinessRule } from './types';

const PAGE = 'https://learn.microsoft.com/intune/device-enrollment/restrictions';
const SOURCE = 'intune/device-enrollment/restrictions.md (newer copy)';
const PERSONAL = `${PAGE}#blocking-personal-windows-devices`;

export const personalBlockKeepsComanagement = defineReadinessRule({
  id: 'personal-block-keeps-comanagement', area: 'enrollment', severity: 'information', source: SOURCE,
  basis: { words: 'authorized for corporate enrollment', page: PERSONAL },
  title: 'Blocking personal Windows devices doesn\'t stop co-management enrollment (advice)',
  docUrl: PERSONAL,
  appliesWhen: isExistingClientsPath,
  needs: ['intune.defaultRestriction.personalWindows'],
  check(plan) {
    if (plan.choice('intune.defaultRestriction.personalWindows') !== 'block') return undefined;
    return {
      message: 'Advice: with personally owned Windows devices blocked, Intune lets through only enrollments it counts as corporate; automatic enrollment from Configuration Manager for co-management is one of them (as are Autopilot, Group Policy, bulk provisioning packages and device enrollment managers), so existing clients still enroll.',
      path: 'intune.defaultRestriction.personalWindows',
    };
  },
  examples: {
    fail: ['version: 1\npath: existing-clients\nintune:\n  defaultRestriction:\n    personalWindows: block'],
    pass: ['version: 1\npath: existing-clients\nintune:\n  defaultRestriction:\n    personalWindows: allow'],
  },
});

/** Devices that join Microsoft Entra ID themselves (in setup or from Settings, or through Autopilot for existing devices). */
const joinsEntraItself = (plan: Plan) => plan.choice('path') === 'new-internet-devices' || plan.bool('autopilot.existingDevices') === true;

export const personalBlockStopsEntraJoin = defineReadinessRule({
  id: 'personal-block-stops-entra-join', area: 'enrollment', severity: 'error', source: SOURCE,
  basis: { words: 'blocks them from enrolling (unless registered', page: PERSONAL, override: 'Read in context (docs map P24#7): with personal Windows devices blocked, Entra join in setup or from Settings and Autopilot for existing devices are refused unless the device is registered with Autopilot, so enrollment fails' },
  title: 'With personal Windows devices blocked, devices that join Microsoft Entra ID themselves are registered with Autopilot',
  docUrl: PERSONAL,
  appliesWhen: (plan) => joinsEntraItself(plan) && plan.bool('intune.customEnrollmentRestrictions') !== true,
  needs: ['intune.defaultRestriction.personalWindows'],
  // Autopilot registration matters only once personal devices are blocked.
  needsEach: (plan) => plan.choice('intune.defaultRestriction.personalWindows') === 'block' ? ['autopilot.devicesRegistered'] : [],
  check(plan) {
    if (plan.choice('intune.defaultRestriction.personalWindows') !== 'block' || plan.bool('autopilot.devicesRegistered') !== false) return undefined;
    return {
      message: 'The default restriction blocks personally owned Windows devices. Intune then refuses automatic enrollment after Microsoft Entra join in Windows setup, from Settings, or through Autopilot for existing devices, unless the device is registered with Windows Autopilot. Register the devices with Autopilot (autopilot.devicesRegistered: true) or allow personal Windows devices in the restriction that applies to these users.',
      path: 'intune.defaultRestriction.personalWindows',
    };
  },
  examples: {
    fail: ['version: 1\npath: new-internet-devices\nintune:\n  defaultRestriction:\n    personalWindows: block\nautopilot:\n  devicesRegistered: false'],
    pass: [
      'version: 1\npath: new-internet-devices\nintune:\n  defaultRestriction:\n    personalWindows: block\nautopilot:\n  devicesRegistered: true',
      // Personal devices allowed: whether they are registered with Autopilot doesn't matter.
      'version: 1\npath: new-internet-devices\nintune:\n  defaultRestriction:\n    personalWindows: allow',
    ],
  },
});

export const deviceLimitNotForComanaged = defineReadinessRule({
  id: 'device-limit-not-for-comanaged', area: 'enrollment', severity: 'information', source: SOURCE,
  basis: { words: 'can\'t be applied to devices', page: `${PAGE}#limitations`, override: 'A limitation stated as a fact: the device limit simply doesn\'t count these enrollments, nothing fails, so information' },
  title: 'Intune\'s device limit doesn\'t count co-managed enrollments (advice)',
  docUrl: `${PAGE}#limitations`,
  appliesWhen: (plan) => plan.has('intune.deviceLimit'),
  needs: ['intune.deviceLimit'],
  check(plan) {
    return {
      message: `Advice: the Intune device limit (${plan.str('intune.deviceLimit')} per user) doesn't apply to co-managed, Group Policy, Microsoft Entra joined, Autopilot or device enrollment manager enrollments, so it won't cap these devices; to cap them, set the device limit in Microsoft Entra ID's device settings.`,
      path: 'intune.deviceLimit',
    };
  },
  examples: {
    fail: ['version: 1\nintune:\n  deviceLimit: 5'],
    pass: ['version: 1\nintune:\n  mdmUserScope: all'],
  },
});
