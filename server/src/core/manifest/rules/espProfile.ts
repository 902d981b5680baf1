// Settings of the Enrollment Status Page profile beyond the ones co-management depends on (esp.ts):
// log collection, Windows quality updates during setup, and the longer wait of hybrid join.
import { espShown } from './espApps';
import { defineReadinessRule } from './types';

const ESP_PAGE = 'https://learn.microsoft.com/intune/device-enrollment/windows/setup-status-page';
const SOURCE = 'intune/device-enrollment/windows/setup-status-page.md (newer copy)';

export const espLogCollection = defineReadinessRule({
  id: 'esp-log-collection', area: 'esp', severity: 'warning', source: SOURCE,
  basis: { words: 'We recommended turning on this option', page: `${ESP_PAGE}#create-new-profile` },
  title: 'The Enrollment Status Page lets users collect logs and see the diagnostics page',
  docUrl: `${ESP_PAGE}#create-new-profile`,
  appliesWhen: espShown,
  needs: ['autopilot.esp.allowLogCollection'],
  check(plan) {
    if (plan.bool('autopilot.esp.allowLogCollection') !== false) return undefined;
    return {
      message: 'Turn on "log collection and diagnostics page for end users" in the ESP profile: when setup fails (a co-management client that doesn\'t install in time, say), the user can then collect the logs you need, and Windows 11 shows the Autopilot diagnostics page.',
      path: 'autopilot.esp.allowLogCollection',
    };
  },
  examples: {
    fail: ['version: 1\npath: autopilot\nautopilot:\n  esp:\n    allowLogCollection: false'],
    pass: ['version: 1\npath: autopilot\nautopilot:\n  esp:\n    allowLogCollection: true'],
  },
});

export const espQualityUpdatesNeedBlocking = defineReadinessRule({
  id: 'esp-quality-updates-need-blocking', area: 'esp', severity: 'error', source: SOURCE,
  basis: { words: 'To ensure that monthly security update', page: `${ESP_PAGE}#what-you-need-to-know` },
  title: 'Quality updates during setup come with "Block device use until all apps and profiles are installed"',
  docUrl: `${ESP_PAGE}#what-you-need-to-know`,
  appliesWhen: espShown,
  needs: ['autopilot.esp.installQualityUpdates', 'autopilot.esp.blockUntilAllAppsInstalled'],
  check(plan) {
    if (plan.bool('autopilot.esp.installQualityUpdates') !== true || plan.bool('autopilot.esp.blockUntilAllAppsInstalled') !== false) return undefined;
    return {
      message: 'The ESP profile installs Windows quality updates during setup but doesn\'t block device use until all apps and profiles are installed: the device can leave the page before the update ring policies and the monthly security updates apply, so the updates may not install. Set blockUntilAllAppsInstalled to true.',
      path: 'autopilot.esp.blockUntilAllAppsInstalled',
    };
  },
  examples: {
    fail: ['version: 1\npath: autopilot\nautopilot:\n  esp:\n    installQualityUpdates: true\n    blockUntilAllAppsInstalled: false'],
    pass: ['version: 1\npath: autopilot\nautopilot:\n  esp:\n    installQualityUpdates: true\n    blockUntilAllAppsInstalled: true'],
  },
});

export const espQualityUpdatesTime = defineReadinessRule({
  id: 'esp-quality-updates-time', area: 'esp', severity: 'information', source: SOURCE,
  basis: { words: 'adds 20-40 minutes to the provisioning', page: `${ESP_PAGE}#what-you-need-to-know` },
  title: 'Quality updates during setup lengthen provisioning (advice)',
  docUrl: `${ESP_PAGE}#what-you-need-to-know`,
  // On (the default for new profiles) is a correct setting; the page advises against it only where a
  // restart breaks autologon provisioning, which is self-deploying (kiosk) territory.
  appliesWhen: (plan) => espShown(plan) && plan.choice('autopilot.deploymentMode') === 'self-deploying',
  needs: ['autopilot.esp.installQualityUpdates'],
  check(plan) {
    if (plan.bool('autopilot.esp.installQualityUpdates') !== true) return undefined;
    return {
      message: 'Advice: installing Windows quality updates at the end of setup adds about 20 to 40 minutes and may restart the device (the user then signs in again; an autologon kiosk can break, where the page advises turning the setting off). Plan for the time; new ESP profiles have this setting on by default.',
      path: 'autopilot.esp.installQualityUpdates',
    };
  },
  examples: {
    fail: ['version: 1\nautopilot:\n  enabled: true\n  deploymentMode: self-deploying\n  esp:\n    installQualityUpdates: true'],
    pass: [
      'version: 1\nautopilot:\n  enabled: true\n  deploymentMode: self-deploying\n  esp:\n    installQualityUpdates: false',
      // User-driven with the default (on): a documented-correct profile, nothing to say.
      'version: 1\npath: autopilot\nautopilot:\n  deploymentMode: user-driven\n  esp:\n    installQualityUpdates: true',
    ],
  },
});

export const espHybridTimeoutExtra = defineReadinessRule({
  id: 'esp-hybrid-timeout-extra', area: 'esp', severity: 'information', source: SOURCE,
  basis: { words: 'the ESP takes 40 minutes longer', page: `${ESP_PAGE}#known-issues` },
  title: 'With hybrid join, the Enrollment Status Page waits 40 minutes past its timeout (advice)',
  docUrl: `${ESP_PAGE}#known-issues`,
  appliesWhen: espShown,
  needs: ['autopilot.joinType', 'autopilot.esp.timeoutMinutes'],
  check(plan) {
    if (plan.choice('autopilot.joinType') !== 'hybrid') return undefined;
    const minutes = plan.num('autopilot.esp.timeoutMinutes')!;
    return {
      message: `Advice: in a hybrid join Autopilot deployment the page runs 40 minutes longer than the profile's timeout (here up to ${minutes + 40} minutes, not ${minutes}), which gives the on-premises connector time to create the device in Microsoft Entra ID. Count that time in when you plan the rollout and tell users.`,
      path: 'autopilot.esp.timeoutMinutes',
    };
  },
  examples: {
    fail: ['version: 1\nautopilot:\n  enabled: true\n  joinType: hybrid\n  esp:\n    timeoutMinutes: 60'],
    pass: ['version: 1\nautopilot:\n  enabled: true\n  joinType: entra\n  esp:\n    timeoutMinutes: 60'],
  },
});

export const espDeviceProfileWithoutUser = defineReadinessRule({
  id: 'esp-device-profile-without-user', area: 'esp', severity: 'warning', source: SOURCE,
  basis: { words: 'Intune only applies profiles targeted at devices', page: `${ESP_PAGE}#prioritize-profiles`, override: 'The page states what happens (a user-targeted profile is passed over and the default profile applies); nothing is refused, so a documented risk: warning' },
  title: 'Self-deploying and pre-provisioned devices get their Enrollment Status Page profile through a device group',
  docUrl: `${ESP_PAGE}#prioritize-profiles`,
  appliesWhen: (plan) => espShown(plan) && ['self-deploying', 'pre-provisioning'].includes(plan.choice('autopilot.deploymentMode') ?? ''),
  needs: ['autopilot.esp.targetGroupType'],
  check(plan) {
    if (plan.choice('autopilot.esp.targetGroupType') !== 'user') return undefined;
    return {
      message: `In ${plan.choice('autopilot.deploymentMode')} mode there is no user during setup, so Intune applies only ESP profiles assigned to devices: this user-targeted profile is passed over and the device gets the default ESP profile instead. Assign the profile to a device group.`,
      path: 'autopilot.esp.targetGroupType',
    };
  },
  examples: {
    fail: ['version: 1\nautopilot:\n  enabled: true\n  deploymentMode: self-deploying\n  esp:\n    targetGroupType: user'],
    pass: ['version: 1\nautopilot:\n  enabled: true\n  deploymentMode: self-deploying\n  esp:\n    targetGroupType: device'],
  },
});
