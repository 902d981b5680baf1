// Apps on co-managed devices: the Office Click-to-Run and client apps workloads, the Intune app
// types and scripts they gate, and the Company Portal as the app portal for Configuration Manager apps.
import { Plan } from '../plan';
import { DOCS, WINDOWS_VERSION_KEYS, compareDotted, oldestWindows, overridesAllToIntune, windowsRank } from './scope';
import { defineReadinessRule } from './types';
import { WorkloadKey } from '../manifestSchema';
import { authorityName, authorityPath, isSwitched, manifest, moveToIntune, workloadsYaml } from './workloads';

const WORKLOADS = `${DOCS}/workloads`;
const PORTAL = `${DOCS}/company-portal`;
const SRC_WORKLOADS = 'intune/configmgr/comanage/workloads.md (newer copy)';
const SRC_PORTAL = 'intune/configmgr/comanage/company-portal.md (newer copy)';

/** Numeric comparison of dotted versions ("11.0.8980.0"); undefined when either isn't one. */
function compareVersions(a: string | undefined, b: string): number | undefined {
  if (!a || !/^\d+(\.\d+)*$/.test(a.trim())) return undefined;
  const left = a.trim().split('.').map(Number);
  return Math.sign(compareDotted(left, b.split('.').map(Number)));
}

/** The plan uses the Company Portal on its co-managed devices. */
const usesCompanyPortal = (plan: Plan) =>
  plan.bool('companyPortal.enabled') === true || (plan.bool('companyPortal.enabled') === undefined && plan.has('companyPortal'));

/** A workload's slider, unless every policy overrides to Intune: left out, it is unknown (not Configuration Manager). */
const slider = (key: WorkloadKey) => (plan: Plan) => overridesAllToIntune(plan) ? [] : [authorityPath(key)];

// ---------------------------------------------------------------------------------------------
// Office Click-to-Run apps workload

export const officeGlobalCondition = defineReadinessRule({
  id: 'office-c2r-global-condition-blocks-configmgr-office', area: 'workloads', severity: 'warning', source: SRC_WORKLOADS,
  basis: { words: 'don\'t install Microsoft 365 deployed via', page: 'https://learn.microsoft.com/intune/configmgr/comanage/workloads#office-click-to-run-apps', override: 'Read in context (docs map P6#19): The default global condition stops Configuration Manager\'s Microsoft 365 apps installing on switched devices (name differs ≤2107 / ≥2111)' },
  title: 'Microsoft 365 Apps for switched devices come from Intune, not from Configuration Manager applications',
  docUrl: `${WORKLOADS}#office-click-to-run-apps`,
  appliesWhen: (plan) => plan.bool('configmgr.office365Apps') === true,
  needsEach: slider('officeClickToRunApps'),
  check(plan) {
    if (!isSwitched(plan, 'officeClickToRunApps')) return undefined;
    const version = plan.num('site.version');
    const condition = version === undefined
      ? '"Microsoft 365 apps managed by Microsoft Intune" (2111 and later; "Are Office 365 applications managed by Intune on the device" before)'
      : version >= 2111 ? '"Microsoft 365 apps managed by Microsoft Intune"' : '"Are Office 365 applications managed by Intune on the device"';
    return {
      message: `New Microsoft 365 Apps applications in Configuration Manager require the global condition ${condition}, which devices with the Office Click-to-Run workload on ${authorityName(plan, 'officeClickToRunApps')} don't meet, so they won't install there; deploy Office to them from Intune.`,
      path: 'configmgr.office365Apps',
    };
  },
  examples: {
    fail: [manifest(workloadsYaml({ officeClickToRunApps: 'intune' }), 'configmgr:\n  office365Apps: true')],
    pass: [manifest(workloadsYaml({ officeClickToRunApps: 'intune' }), 'configmgr:\n  office365Apps: false'), manifest(workloadsYaml({ officeClickToRunApps: 'configmgr' }), 'configmgr:\n  office365Apps: true')],
  },
});

export const officeInCompanyPortal = defineReadinessRule({
  id: 'office-c2r-company-portal-visibility', area: 'workloads', severity: 'information', source: SRC_PORTAL,
  basis: { words: 'may take around 24 hours', page: 'https://learn.microsoft.com/intune/configmgr/comanage/workloads#office-click-to-run-apps' },
  title: 'Users know which Office apps the Company Portal shows',
  docUrl: PORTAL,
  appliesWhen: usesCompanyPortal,
  // Only Office apps the site still deploys go missing from the portal: with Office from Intune
  // alone (a documented-correct setup) there is nothing to tell users.
  needsEach: (plan) => [...slider('officeClickToRunApps')(plan), ...(isSwitched(plan, 'officeClickToRunApps') ? ['configmgr.office365Apps'] : [])],
  check(plan) {
    if (!isSwitched(plan, 'officeClickToRunApps') || plan.bool('configmgr.office365Apps') !== true) return undefined;
    return {
      message: 'Advice: with the Office Click-to-Run workload switched, the Company Portal lists only Office apps from Intune, not the Configuration Manager ones (configmgr.office365Apps); tell users where Office now comes from (for client apps it shows both once that workload is switched).',
      path: authorityPath('officeClickToRunApps'),
    };
  },
  examples: {
    fail: [manifest('companyPortal:\n  enabled: true\nconfigmgr:\n  office365Apps: true', workloadsYaml({ officeClickToRunApps: 'intune' }))],
    pass: [
      manifest('companyPortal:\n  enabled: true\nconfigmgr:\n  office365Apps: true', workloadsYaml({ officeClickToRunApps: 'configmgr' })),
      // Office from Intune only: the portal lists everything users can get.
      manifest('companyPortal:\n  enabled: true\nconfigmgr:\n  office365Apps: false', workloadsYaml({ officeClickToRunApps: 'intune' })),
    ],
  },
});

// ---------------------------------------------------------------------------------------------
// Client apps workload: Intune app types and scripts it gates

function needsClientApps(what: string) {
  return (plan: Plan) => {
    if (isSwitched(plan, 'clientApps')) return undefined;
    return { message: `${what} only reach co-managed devices once the client apps workload is on Pilot Intune or Intune; it is on Configuration Manager.`, path: authorityPath('clientApps'), fixes: moveToIntune(plan, 'clientApps') };
  };
}

export const win32AppsNeedClientApps = defineReadinessRule({
  id: 'intune-win32-apps-need-client-apps-workload', area: 'workloads', severity: 'error',
  basis: { words: 'set the Apps workload to Pilot Intune', page: 'https://learn.microsoft.com/intune/device-management/tools/management-extension-windows#prerequisites', override: 'Listed under the prerequisites of the Intune management extension, which installs Win32 apps: on co-managed devices it needs the workload switched' },
  source: 'intune/device-management/tools/management-extension-windows.md (newest copy, commit 0db6c8ec; moved from intune/intune-service/apps/intune-management-extension.md)',
  title: 'Intune Win32 apps can reach co-managed devices (client apps workload switched)',
  docUrl: 'https://learn.microsoft.com/intune/device-management/tools/management-extension-windows#prerequisites',
  appliesWhen: (plan) => plan.bool('intune.win32Apps') === true,
  needsEach: slider('clientApps'),
  check: needsClientApps('Intune Win32 apps'),
  examples: {
    fail: [manifest('intune:\n  win32Apps: true', workloadsYaml({ clientApps: 'configmgr' }))],
    pass: [manifest('intune:\n  win32Apps: true', workloadsYaml({ clientApps: 'pilot-intune:Apps pilot' }))],
  },
});

export const storeAppsNeedClientApps = defineReadinessRule({
  id: 'intune-store-apps-need-client-apps-workload', area: 'workloads', severity: 'error', source: SRC_WORKLOADS,
  basis: { words: 'you need to switch this workload', page: 'https://learn.microsoft.com/intune/configmgr/comanage/workloads#client-apps' },
  title: 'Microsoft Store apps from Intune can reach co-managed devices (client apps workload switched)',
  docUrl: `${WORKLOADS}#client-apps`,
  appliesWhen: (plan) => plan.bool('intune.storeApps') === true,
  needsEach: slider('clientApps'),
  check: needsClientApps('Microsoft Store (winget) apps from Intune'),
  examples: {
    fail: [manifest('intune:\n  storeApps: true', workloadsYaml({ clientApps: 'configmgr' }))],
    pass: [manifest('intune:\n  storeApps: true', workloadsYaml({ clientApps: 'intune' }))],
  },
});

export const connectedCacheNeedsClientApps = defineReadinessRule({
  id: 'connected-cache-intune-win32-needs-client-apps', area: 'workloads', severity: 'error',
  basis: { words: 'they can serve Microsoft Intune Win32', page: 'https://learn.microsoft.com/intune/configmgr/comanage/workloads#client-apps', override: 'Read in context (docs map P6#23): Connected Cache on DPs can serve Intune Win32 apps to co-managed clients' },
  source: 'intune/configmgr/core/plan-design/hierarchy/microsoft-connected-cache.md (newer copy)',
  title: 'Connected Cache on distribution points can serve Intune Win32 apps (client apps workload switched)',
  docUrl: 'https://learn.microsoft.com/intune/configmgr/core/plan-design/hierarchy/microsoft-connected-cache#support-for-intune-win32-apps',
  appliesWhen: (plan) => plan.bool('configmgr.connectedCacheForIntuneWin32') === true,
  needsEach: slider('clientApps'),
  check: needsClientApps('Intune Win32 apps served by Connected Cache on distribution points'),
  examples: {
    fail: [manifest('configmgr:\n  connectedCacheForIntuneWin32: true', workloadsYaml({ clientApps: 'configmgr' }))],
    pass: [manifest('configmgr:\n  connectedCacheForIntuneWin32: true', workloadsYaml({ clientApps: 'intune' }))],
  },
});

export const scriptsNeed1903 = defineReadinessRule({
  id: 'powershell-scripts-need-1903-or-client-apps', area: 'windows', severity: 'warning', source: SRC_WORKLOADS,
  basis: { words: 'still run on co-managed devices', page: 'https://learn.microsoft.com/intune/configmgr/comanage/workloads#client-apps', override: 'Read in context (docs map P6#22): From Windows 10 1903 PowerShell scripts run on co-managed devices without switching client apps' },
  title: 'Intune PowerShell scripts run on co-managed devices (Windows 10 1903 or later, or client apps switched)',
  docUrl: `${WORKLOADS}#client-apps`,
  appliesWhen: (plan) => plan.bool('intune.powershellScripts') === true && !isSwitched(plan, 'clientApps'),
  // appliesWhen reads a left-out slider as Configuration Manager; the slider must be stated.
  needsEach: slider('clientApps'),
  needsAny: WINDOWS_VERSION_KEYS,
  check(plan) {
    const oldest = oldestWindows(plan);
    if (!oldest || oldest.rank >= windowsRank('10 1903')!) return undefined;
    return {
      message: `Intune PowerShell scripts run on co-managed devices without the client apps workload only from Windows 10 1903; on ${oldest.text} they don't run until that workload is switched.`,
      path: oldest.path,
    };
  },
  examples: {
    fail: [manifest("windows:\n  minimumVersion: '10 1809'", 'intune:\n  powershellScripts: true', workloadsYaml({ clientApps: 'configmgr' }))],
    pass: [manifest("windows:\n  minimumVersion: '10 20H2'", 'intune:\n  powershellScripts: true')],
  },
});

// ---------------------------------------------------------------------------------------------
// Company Portal on co-managed devices

export const portalNeedsSite2006 = defineReadinessRule({
  id: 'company-portal-needs-site-2006', area: 'site', severity: 'error', source: SRC_PORTAL,
  basis: { words: 'version 2006 or later', page: 'https://learn.microsoft.com/intune/configmgr/comanage/company-portal#prerequisites' },
  title: 'The Company Portal for Configuration Manager apps needs Configuration Manager 2006 or later',
  docUrl: `${PORTAL}#bkmk_ver-prereq`,
  appliesWhen: usesCompanyPortal,
  needs: ['site.version'],
  check(plan) {
    const version = plan.num('site.version')!;
    if (version >= 2006) return undefined;
    return { message: `The Company Portal on co-managed devices needs Configuration Manager 2006, which adds the client setting that sends notifications to it; this site runs ${version}.`, path: 'site.version' };
  },
  examples: { fail: [manifest('site:\n  version: 2002', 'companyPortal:\n  enabled: true')], pass: [manifest('site:\n  version: 2006', 'companyPortal:\n  enabled: true')] },
});

export const portalAppVersion = defineReadinessRule({
  id: 'company-portal-app-version', area: 'policy', severity: 'error', source: SRC_PORTAL,
  basis: { words: '11.0.8980.0 or later', page: 'https://learn.microsoft.com/intune/configmgr/comanage/company-portal#prerequisites' },
  title: 'The Company Portal app is version 11.0.8980.0 or later',
  docUrl: `${PORTAL}#prerequisites`,
  appliesWhen: usesCompanyPortal,
  needs: ['companyPortal.version'],
  check(plan) {
    const version = plan.str('companyPortal.version');
    if (compareVersions(version, '11.0.8980.0') !== -1) return undefined;
    return { message: `Company Portal ${version} can't show Configuration Manager apps; use 11.0.8980.0 or later.`, path: 'companyPortal.version' };
  },
  examples: { fail: [manifest('companyPortal:\n  enabled: true\n  version: 11.0.8000.0')], pass: [manifest('companyPortal:\n  enabled: true\n  version: 11.0.12141.0')] },
});

export const portalWindows1803 = defineReadinessRule({
  id: 'company-portal-windows-1803', area: 'windows', severity: 'error', source: SRC_PORTAL,
  basis: { words: 'Windows 10 version 1803 or later', page: 'https://learn.microsoft.com/intune/configmgr/comanage/company-portal#prerequisites' },
  title: 'Devices using the Company Portal for Configuration Manager apps run Windows 10 1803 or later',
  docUrl: `${PORTAL}#prerequisites`,
  appliesWhen: usesCompanyPortal,
  needsAny: WINDOWS_VERSION_KEYS,
  check(plan) {
    const oldest = oldestWindows(plan);
    if (!oldest || oldest.rank >= windowsRank('10 1803')!) return undefined;
    return { message: `The Company Portal shows Configuration Manager apps only on Windows 10 1803 or later; ${oldest.text} is in scope.`, path: oldest.path };
  },
  examples: { fail: [manifest('companyPortal:\n  enabled: true', "windows:\n  minimumVersion: '10 1709'")], pass: [manifest('companyPortal:\n  enabled: true', "windows:\n  minimumVersion: '10 22H2'")] },
});

export const portalUserPortalSetting = defineReadinessRule({
  id: 'company-portal-user-portal-setting', area: 'policy', severity: 'warning', source: SRC_PORTAL,
  basis: { words: 'Microsoft recommends', page: 'https://learn.microsoft.com/intune/configmgr/comanage/company-portal#configuration-manager-client-settings' },
  title: 'The client setting "Select the user portal" is Company Portal',
  docUrl: `${PORTAL}#configuration-manager-client-settings`,
  appliesWhen: usesCompanyPortal,
  needs: ['clientSettings.userPortal'],
  check(plan) {
    if (plan.choice('clientSettings.userPortal') === 'company-portal') return undefined;
    return {
      message: 'The user portal client setting is Software Center (its default), so Configuration Manager notifications open Software Center while Intune ones open the Company Portal; set it to Company Portal.',
      path: 'clientSettings.userPortal',
    };
  },
  examples: {
    fail: [manifest('companyPortal:\n  enabled: true', 'clientSettings:\n  userPortal: software-center')],
    pass: [manifest('companyPortal:\n  enabled: true', 'clientSettings:\n  userPortal: company-portal')],
  },
});

export const portalIntuneDeployment = defineReadinessRule({
  id: 'company-portal-intune-deploy-needs-client-apps', area: 'workloads', severity: 'error', source: SRC_PORTAL,
  basis: { words: 'depends upon the state', page: 'https://learn.microsoft.com/intune/configmgr/comanage/company-portal#deploy-the-company-portal-app', override: 'Read in context (docs map P28#8): Required deployment: through Configuration Manager while client apps is there; Intune or Configuration Manager once it\'s on Intune' },
  title: 'The Company Portal is required from Intune only once client apps is on Intune',
  docUrl: `${PORTAL}#deploy-the-company-portal-app`,
  appliesWhen: (plan) => plan.choice('companyPortal.deployedBy') === 'intune',
  needsEach: slider('clientApps'),
  check(plan) {
    if (isSwitched(plan, 'clientApps')) return undefined;
    return {
      message: 'With the client apps workload on Configuration Manager, require the Company Portal with a Configuration Manager application (or let users get it from the Microsoft Store), not from Intune.',
      path: 'companyPortal.deployedBy',
    };
  },
  examples: {
    fail: [manifest('companyPortal:\n  enabled: true\n  deployedBy: intune', workloadsYaml({ clientApps: 'configmgr' }))],
    pass: [manifest('companyPortal:\n  enabled: true\n  deployedBy: configmgr', workloadsYaml({ clientApps: 'configmgr' })), manifest('companyPortal:\n  enabled: true\n  deployedBy: intune', workloadsYaml({ clientApps: 'intune' }))],
  },
});

export const portalStoreForBusiness = defineReadinessRule({
  id: 'company-portal-store-for-business-retired', area: 'policy', severity: 'warning',
  basis: { words: 'manually install the Company Portal app', page: 'https://learn.microsoft.com/intune/configmgr/comanage/company-portal#deploy-the-company-portal-app', override: 'Read in context (docs map P28#9): Users can install it from the Microsoft Store' },
  source: 'memdocs/configmgr/comanage/company-portal.md (older copy) vs intune/configmgr/comanage/company-portal.md (newer copy)',
  title: 'The Company Portal doesn\'t come from Microsoft Store for Business',
  docUrl: `${PORTAL}#deploy-the-company-portal-app`,
  appliesWhen: (plan) => plan.choice('companyPortal.deployedBy') === 'store-for-business',
  check() {
    return {
      message: 'Microsoft Store for Business is retired and the current page no longer offers its offline Company Portal package (the older page did); deploy the app as a Configuration Manager application, from Intune, or from the Microsoft Store.',
      path: 'companyPortal.deployedBy',
    };
  },
  examples: { fail: [manifest('companyPortal:\n  enabled: true\n  deployedBy: store-for-business')], pass: [manifest('companyPortal:\n  enabled: true\n  deployedBy: configmgr')] },
});

export const portalHttpsOnEnhancedHttp = defineReadinessRule({
  id: 'company-portal-https-with-ehttp', area: 'policy', severity: 'information', source: SRC_PORTAL,
  basis: { words: 'prefers secure communication', page: 'https://learn.microsoft.com/intune/configmgr/comanage/company-portal#prerequisites' },
  title: 'On an Enhanced HTTP site the Company Portal prefers HTTPS (Configuration Manager 2107 and Company Portal 11.0.12141.0)',
  docUrl: `${PORTAL}#prerequisites`,
  appliesWhen: (plan) => usesCompanyPortal(plan) && plan.choice('site.communicationSecurity') === 'ehttp',
  needsAny: ['site.version', 'companyPortal.version'],
  check(plan) {
    const site = plan.num('site.version');
    const portal = plan.str('companyPortal.version');
    const oldSite = site !== undefined && site < 2107;
    const oldPortal = compareVersions(portal, '11.0.12141.0') === -1;
    if (!oldSite && !oldPortal) return undefined;
    return {
      message: `Advice: the Company Portal prefers HTTPS with HTTP management points on an Enhanced HTTP site only from Configuration Manager 2107 with Company Portal 11.0.12141.0; ${oldSite ? `this site runs ${site}` : `this plan uses Company Portal ${portal}`}.`,
      path: oldSite ? 'site.version' : 'companyPortal.version',
    };
  },
  examples: {
    fail: [manifest('site:\n  version: 2103\n  communicationSecurity: ehttp', 'companyPortal:\n  enabled: true\n  version: 11.0.12141.0')],
    pass: [manifest('site:\n  version: 2403\n  communicationSecurity: ehttp', 'companyPortal:\n  enabled: true\n  version: 11.0.12141.0')],
  },
});
