// Apps during the Enrollment Status Page of classic Windows Autopilot: the app types that make the
// page fail or hang. (Device preparation doesn't use the ESP, so these rules leave it alone.)
import { Plan } from '../plan';
import { isAutopilotIntoComanagement } from './scope';
import { defineReadinessRule } from './types';

const ESP_PAGE = 'https://learn.microsoft.com/intune/device-enrollment/windows/setup-status-page';
const SOURCE = 'intune/device-enrollment/windows/setup-status-page.md (newer copy)';

/** Devices go through classic Autopilot (with the ESP), not Autopilot device preparation. */
export const classicAutopilot = (plan: Plan): boolean =>
  (plan.bool('autopilot.enabled') === true || isAutopilotIntoComanagement(plan)) && plan.choice('autopilot.solution') !== 'device-preparation';

/** Classic Autopilot with an ESP that isn't switched off. */
export const espShown = (plan: Plan): boolean => classicAutopilot(plan) && plan.bool('autopilot.esp.enabled') !== false;

export const espLobWin32Mix = defineReadinessRule({
  id: 'esp-lob-win32-mix', area: 'esp', severity: 'error', source: SOURCE,
  basis: { words: 'In this situation, ESP fails', page: `${ESP_PAGE}#device-setup-apps` },
  title: 'Autopilot doesn\'t deploy line-of-business (MSI) and Win32 apps to the same devices',
  docUrl: `${ESP_PAGE}#device-setup-apps`,
  appliesWhen: classicAutopilot,
  needs: ['intune.lobMsiApps', 'intune.win32Apps'],
  check(plan) {
    if (plan.bool('intune.lobMsiApps') !== true || plan.bool('intune.win32Apps') !== true) return undefined;
    return {
      message: 'Line-of-business (MSI) apps and Win32 apps both install through TrustedInstaller, one at a time: when an MSI install is running, the Win32 install fails ("Another installation is in progress") and the Enrollment Status Page fails with it. During Autopilot use one kind only (repackage the MSI apps as Win32 apps; a client installed as an Intune Win32 app counts), or use Autopilot device preparation, which has no ESP.',
      path: 'intune.lobMsiApps',
    };
  },
  examples: {
    fail: ['version: 1\npath: autopilot\nintune:\n  lobMsiApps: true\n  win32Apps: true'],
    pass: ['version: 1\npath: autopilot\nintune:\n  lobMsiApps: false\n  win32Apps: true'],
  },
});

export const espM365AppsAsWin32 = defineReadinessRule({
  id: 'esp-m365-apps-as-win32', area: 'esp', severity: 'warning', source: SOURCE,
  basis: { words: 'we recommend deploying Microsoft 365 Apps', page: `${ESP_PAGE}#known-issues` },
  title: 'Microsoft 365 Apps tracked by the Enrollment Status Page are added as a Win32 app',
  docUrl: `${ESP_PAGE}#known-issues`,
  appliesWhen: espShown,
  needs: ['intune.m365AppsType'],
  check(plan) {
    if (plan.choice('intune.m365AppsType') !== 'm365-app') return undefined;
    return {
      message: 'Microsoft 365 Apps added with the "Microsoft 365 Apps (Windows 10 and later)" app type can hang the Enrollment Status Page when they start installing while a tracked Win32 app installs, and the deployment then fails. Add Microsoft 365 Apps to Intune as a Win32 app instead (intune.m365AppsType: win32).',
      path: 'intune.m365AppsType',
    };
  },
  examples: {
    fail: ['version: 1\npath: autopilot\nintune:\n  m365AppsType: m365-app'],
    pass: ['version: 1\npath: autopilot\nintune:\n  m365AppsType: win32'],
  },
});
