// The Configuration Manager site: which versions co-management and its features need, what the
// 2403 prerequisite checks block, the Azure onboarding a CMG needs, and the cloud attach options.
import { Plan } from '../plan';
import { hasCmg, installsAgent } from './cmg';
import { DOCS, isAutopilotIntoComanagement } from './scope';
import { Finding, defineReadinessRule } from './types';

const PREREQ_CHECKS = 'https://learn.microsoft.com/intune/configmgr/core/servers/deploy/install/list-of-prerequisite-checks';
const PREREQ_SOURCE = 'intune/configmgr/core/servers/deploy/install/list-of-prerequisite-checks.md (newer copy)';
const CLOUD_ATTACH = 'https://learn.microsoft.com/intune/configmgr/cloud-attach/enable';
const CLOUD_ATTACH_SOURCE = 'intune/configmgr/cloud-attach/enable.md (newer copy)';

/**
 * Current-branch versions in support and when their support ends, from the "Supported versions"
 * table of intune/configmgr/core/servers/manage/updates.md (MicrosoftDocs/memdocs commit
 * 917a67af27f9020d37bca1af132d7abc2a565e73, ms.date 12/04/2024). A release joins and another
 * leaves about twice a year: when the page changes, change this table. The rule doesn't compare
 * the dates with today's, so its outcome never changes without a change here.
 */
const SUPPORTED_VERSIONS: readonly { version: number; supportEnds: string }[] = [
  { version: 2503, supportEnds: 'September 30, 2026' },
  { version: 2409, supportEnds: 'June 4, 2026' },
];

const version = (plan: Plan) => plan.num('site.version');

// ---- Site version ----

export const siteVersionFloor = defineReadinessRule({
  id: 'site-version-comanagement-floor', area: 'site', severity: 'error',
  basis: { words: 'requires a supported version', page: 'https://learn.microsoft.com/intune/configmgr/comanage/overview#configuration-manager' },
  source: 'memdocs/configmgr/comanage/overview.md (older copy, commit 00ef4d4f)',
  title: 'The site runs Configuration Manager 1710 or later, the first version with co-management',
  docUrl: `${DOCS}/overview#configuration-manager`,
  needs: ['site.version'],
  check(plan) {
    const v = version(plan)!;
    if (v >= 1710) return undefined;
    return { message: `Co-management doesn't exist before Configuration Manager 1710; this site runs ${v}. Update to a version that is still supported.`, path: 'site.version' };
  },
  examples: { fail: ['version: 1\nsite:\n  version: 1706'], pass: ['version: 1\nsite:\n  version: 2403'] },
});

export const siteVersionSupported = defineReadinessRule({
  id: 'site-version-out-of-support', area: 'site', severity: 'error',
  basis: { words: 'requires a supported version', page: 'https://learn.microsoft.com/intune/configmgr/comanage/overview#configuration-manager' },
  source: 'intune/configmgr/core/servers/manage/updates.md (newer copy, commit 917a67af); comanage/overview.md (newer copy)',
  title: 'The site runs a Configuration Manager version that is still in support',
  docUrl: 'https://learn.microsoft.com/intune/configmgr/core/servers/manage/updates#supported-versions',
  needs: ['site.version'],
  check(plan) {
    const v = version(plan)!;
    const newest = Math.max(...SUPPORTED_VERSIONS.map((s) => s.version));
    // A version newer than the table is a release the table doesn't know yet, not an old one.
    if (v > newest || SUPPORTED_VERSIONS.some((s) => s.version === v)) return undefined;
    const listed = SUPPORTED_VERSIONS.map((s) => `${s.version} (until ${s.supportEnds})`).join(' and ');
    return { message: `Co-management expects a current-branch version in support, and ${v} isn't: the Configuration Manager updates page lists only ${listed} as supported. Update the site.`, path: 'site.version' };
  },
  examples: { fail: ['version: 1\nsite:\n  version: 2211'], pass: ['version: 1\nsite:\n  version: 2503'] },
});

export const siteVersionPolicyInstall = defineReadinessRule({
  id: 'site-version-policy-installs-client', area: 'site', severity: 'error',
  basis: { words: 'version 2111 or later', page: 'https://learn.microsoft.com/intune/configmgr/comanage/autopilot-enrollment#requirements' },
  source: 'intune/configmgr/comanage/autopilot-enrollment.md (newer copy)',
  title: 'A co-management policy that installs the client needs Configuration Manager 2111 or later',
  docUrl: `${DOCS}/autopilot-enrollment#requirements`,
  // Inside Autopilot into co-management the same requirement is reported by autopilot-site-version.
  appliesWhen: (plan) => installsAgent(plan) && !isAutopilotIntoComanagement(plan),
  needs: ['site.version'],
  check(plan) {
    const v = version(plan)!;
    if (v >= 2111) return undefined;
    return { message: `Having the Intune co-management policy install the Configuration Manager client needs site version 2111 or later; this site runs ${v}.`, path: 'site.version' };
  },
  examples: {
    fail: ['version: 1\npath: new-internet-devices\nsite:\n  version: 2107\ncomanagement:\n  policies:\n    - name: Install client\n      installAgent: true'],
    pass: ['version: 1\npath: new-internet-devices\nsite:\n  version: 2111\ncomanagement:\n  policies:\n    - name: Install client\n      installAgent: true'],
  },
});

export const siteVersionCloudAttachRbac = defineReadinessRule({
  id: 'site-version-cloud-attach-rbac-option', area: 'site', severity: 'error', source: CLOUD_ATTACH_SOURCE,
  basis: { words: 'need to be configured too', page: 'https://learn.microsoft.com/intune/configmgr/cloud-attach/enable#cloud-attach-using-custom-settings' },
  title: 'Turning off Configuration Manager RBAC for cloud console actions needs version 2207 or later',
  docUrl: `${CLOUD_ATTACH}#cloud-attach-using-custom-settings`,
  appliesWhen: (plan) => plan.bool('site.cloudAttachOptions.enforceConfigMgrRbac') === false,
  needs: ['site.version'],
  check(plan) {
    const v = version(plan)!;
    if (v >= 2207) return undefined;
    return { message: `The cloud attach option to stop enforcing Configuration Manager role-based access for tenant-attached actions exists from 2207; this site runs ${v}, so Configuration Manager RBAC stays enforced.`, path: 'site.cloudAttachOptions.enforceConfigMgrRbac' };
  },
  examples: {
    fail: ['version: 1\nsite:\n  version: 2203\n  cloudAttachOptions:\n    enforceConfigMgrRbac: false'],
    pass: ['version: 1\nsite:\n  version: 2207\n  cloudAttachOptions:\n    enforceConfigMgrRbac: false'],
  },
});

export const siteVersionAzureChina = defineReadinessRule({
  id: 'site-version-azure-china', area: 'site', severity: 'error',
  basis: { words: 'added in version 2006', page: 'https://learn.microsoft.com/intune/configmgr/comanage/how-to-enable#enable-co-management-for-versions-2107-and-earlier', override: 'Read in context (docs map P2#4): Up to 2107 the Azure environment is public, US Government, or China (China from 2006)' },
  source: 'intune/configmgr/comanage/includes/enable-co-management-1906-2107.md (newer copy)',
  title: 'Co-management against the Azure China cloud needs version 2006 or later',
  docUrl: `${DOCS}/how-to-enable#enable-co-management-for-versions-2107-and-earlier`,
  appliesWhen: (plan) => plan.choice('site.azureEnvironment') === 'china',
  needs: ['site.version'],
  check(plan) {
    const v = version(plan)!;
    if (v >= 2006) return undefined;
    return { message: `Co-management can be enabled against the Azure China cloud from version 2006; this site runs ${v}. Update the site, and bring clients to the latest client version before onboarding.`, path: 'site.version' };
  },
  examples: {
    fail: ['version: 1\nsite:\n  version: 2002\n  azureEnvironment: china'],
    pass: ['version: 1\nsite:\n  version: 2006\n  azureEnvironment: china'],
  },
});

// ---- What the 2403 prerequisite checks block ----

export const siteHttpBlocks2403 = defineReadinessRule({
  id: 'site-http-without-ehttp-blocks-2403', area: 'site', severity: 'error', source: PREREQ_SOURCE,
  basis: { words: 'you\'ll see this error', page: 'https://learn.microsoft.com/intune/configmgr/core/servers/deploy/install/list-of-prerequisite-checks#enable-site-system-roles-for-https-or-enhanced-http', override: 'A prerequisite check listed under errors: from 2403 it stops the site update' },
  title: 'From version 2403 the site uses HTTPS only or Enhanced HTTP',
  docUrl: `${PREREQ_CHECKS}#enable-site-system-roles-for-https-or-enhanced-http`,
  needs: ['site.communicationSecurity', 'site.version'],
  check(plan) {
    if (version(plan)! < 2403 || plan.choice('site.communicationSecurity') !== 'http') return undefined;
    return { message: 'From 2403 the prerequisite check stops the update while the site allows plain HTTP without Enhanced HTTP; turn on Enhanced HTTP or switch to HTTPS only.', path: 'site.communicationSecurity' };
  },
  examples: {
    fail: ['version: 1\nsite:\n  version: 2403\n  communicationSecurity: http'],
    pass: ['version: 1\nsite:\n  version: 2403\n  communicationSecurity: ehttp'],
  },
});

export const siteResourceAccess2403 = defineReadinessRule({
  id: 'site-resource-access-workload-2403', area: 'site', severity: 'error', source: PREREQ_SOURCE,
  basis: { words: 'upgrade is blocked', page: 'https://learn.microsoft.com/intune/configmgr/comanage/workloads#resource-access-policies' },
  title: 'From version 2403 the resource access workload is with Intune',
  docUrl: `${PREREQ_CHECKS}#resource-access-policies-are-no-longer-supported`,
  needs: ['site.version', 'workloads.resourceAccessPolicies.authority'],
  check(plan) {
    const authority = plan.choice('workloads.resourceAccessPolicies.authority');
    if (version(plan)! < 2403 || authority === 'intune') return undefined;
    return { message: `From 2403 Configuration Manager has no resource access policies: the workload is Intune's and the update is blocked while old policies remain. Set resourceAccessPolicies to intune, not ${authority}.`, path: 'workloads.resourceAccessPolicies.authority' };
  },
  examples: {
    fail: ['version: 1\nsite:\n  version: 2403\nworkloads:\n  resourceAccessPolicies:\n    authority: configmgr'],
    pass: ['version: 1\nsite:\n  version: 2403\nworkloads:\n  resourceAccessPolicies:\n    authority: intune'],
  },
});

// ---- Azure onboarding and discovery ----

export const siteCmgNeedsAzureServices = defineReadinessRule({
  id: 'site-cmg-needs-azure-services', area: 'site', severity: 'error',
  basis: { words: 'The CMG requires the site', page: 'https://learn.microsoft.com/intune/configmgr/comanage/overview#configuration-manager' },
  source: 'intune/configmgr/core/clients/manage/cmg/plan-cloud-management-gateway.md (newer copy); comanage/overview.md (newer copy)',
  title: 'A site with a CMG is onboarded to Microsoft Entra ID for Cloud Management',
  docUrl: 'https://learn.microsoft.com/intune/configmgr/core/clients/manage/cmg/plan-cloud-management-gateway#requirements',
  appliesWhen: hasCmg,
  needs: ['site.azureServices'],
  check(plan) {
    if (plan.bool('site.azureServices') !== false) return undefined;
    return { message: 'Co-management alone doesn\'t need it, but a CMG does: connect the site to Microsoft Entra ID (Azure Services, Cloud Management) before deploying the CMG.', path: 'site.azureServices' };
  },
  examples: {
    fail: ['version: 1\nsite:\n  azureServices: false\n  cmg:\n    address: contoso.eastus.cloudapp.azure.com/CCM_Proxy_MutualAuth/1'],
    pass: ['version: 1\nsite:\n  azureServices: true\n  cmg:\n    address: contoso.eastus.cloudapp.azure.com/CCM_Proxy_MutualAuth/1'],
  },
});

export const siteUserDiscoveryForHybridIdentities = defineReadinessRule({
  id: 'site-entra-user-discovery-for-hybrid-identities', area: 'site', severity: 'error',
  basis: { words: 'required if you plan to use', page: 'https://learn.microsoft.com/intune/configmgr/core/clients/manage/cmg/plan-cloud-management-gateway#requirements' },
  source: 'intune/configmgr/core/clients/deploy/deploy-clients-cmg-azure.md (newer copy)',
  title: 'With Entra ID client authentication and synchronized users, both Active Directory and Entra user discovery are on',
  docUrl: 'https://learn.microsoft.com/intune/configmgr/core/clients/deploy/deploy-clients-cmg-azure#before-you-begin',
  appliesWhen: (plan) => plan.choice('site.clientAuthentication') === 'entra-id',
  needs: ['identity.usersSynced'],
  needsAny: ['site.discovery.entraUser', 'site.discovery.adUser'],
  check(plan) {
    if (plan.bool('identity.usersSynced') !== true) return undefined;
    const off: Finding[] = [];
    if (plan.bool('site.discovery.entraUser') === false) off.push({ message: 'Clients authenticate with Entra ID and users are synchronized identities, so the site needs Microsoft Entra user discovery as well as Active Directory user discovery; turn it on.', path: 'site.discovery.entraUser' });
    if (plan.bool('site.discovery.adUser') === false) off.push({ message: 'Clients authenticate with Entra ID and users are synchronized identities, so the site needs Active Directory user discovery as well as Microsoft Entra user discovery; turn it on.', path: 'site.discovery.adUser' });
    return off;
  },
  examples: {
    fail: ['version: 1\nsite:\n  clientAuthentication: entra-id\n  discovery:\n    entraUser: false\n    adUser: true\nidentity:\n  usersSynced: true'],
    pass: ['version: 1\nsite:\n  clientAuthentication: entra-id\n  discovery:\n    entraUser: true\n    adUser: true\nidentity:\n  usersSynced: true'],
  },
});

// ---- Co-management turned on ----

// Autopilot plans get the same finding from autopilot-comanagement-enabled; a third-party MDM plan
// is coexistence, where co-management stays off on purpose.
export const siteComanagementEnabled = defineReadinessRule({
  id: 'site-comanagement-enabled', area: 'site', severity: 'error',
  basis: { words: 'do that first', page: 'https://learn.microsoft.com/intune/configmgr/comanage/how-to-switch-workloads#switch-workloads', override: 'Read in context (docs map P7#3): Co-management is enabled before workloads are switched' },
  source: 'memdocs/configmgr/comanage/tutorial-co-manage-clients.md (seed 001); intune/configmgr/comanage/overview.md (newer copy)',
  title: 'Co-management is enabled in Configuration Manager',
  docUrl: `${DOCS}/tutorial-co-manage-clients#enable-co-management-in-configuration-manager`,
  appliesWhen: (plan) => !isAutopilotIntoComanagement(plan) && plan.bool('thirdPartyMdm.enabled') !== true,
  needs: ['comanagement.enabled'],
  check(plan) {
    if (plan.bool('comanagement.enabled') !== false) return undefined;
    return { message: 'The plan leaves co-management off in Configuration Manager, so no client enrolls in Intune and no workload can move; enable it (cloud attach) as the last setup step.', path: 'comanagement.enabled' };
  },
  examples: {
    fail: ['version: 1\npath: existing-clients\ncomanagement:\n  enabled: false'],
    pass: ['version: 1\npath: existing-clients\ncomanagement:\n  enabled: true', 'version: 1\nthirdPartyMdm:\n  enabled: true\ncomanagement:\n  enabled: false'],
  },
});

// ---- Cloud attach options ----

export const cloudAttachSovereignClouds = defineReadinessRule({
  id: 'cloudattach-china-upload-analytics', area: 'site', severity: 'error', source: CLOUD_ATTACH_SOURCE,
  basis: { words: 'can\'t be enabled for Azure China', page: 'https://learn.microsoft.com/intune/configmgr/cloud-attach/enable#cloud-attach-using-the-default-settings' },
  title: 'Device upload and Endpoint analytics are only turned on in clouds that offer them',
  docUrl: `${CLOUD_ATTACH}#cloud-attach-using-the-default-settings`,
  appliesWhen: (plan) => plan.bool('site.cloudAttachOptions.uploadDevices') === true || plan.bool('site.cloudAttachOptions.endpointAnalytics') === true,
  needs: ['site.azureEnvironment'],
  check(plan) {
    const cloud = plan.choice('site.azureEnvironment');
    const findings: Finding[] = [];
    if (cloud === 'china') {
      for (const option of ['uploadDevices', 'endpointAnalytics'] as const) {
        if (plan.bool(`site.cloudAttachOptions.${option}`) === true) {
          findings.push({ message: `In the Azure China cloud ${option === 'uploadDevices' ? 'device upload (tenant attach)' : 'Endpoint analytics'} can't be turned on; set ${option} to false.`, path: `site.cloudAttachOptions.${option}` });
        }
      }
    }
    const v = version(plan);
    if (cloud === 'usgov' && v !== undefined && v < 2111 && plan.bool('site.cloudAttachOptions.uploadDevices') === true) {
      findings.push({ message: `Before 2111 device upload isn't available for Azure US Government; this site runs ${v}.`, path: 'site.cloudAttachOptions.uploadDevices' });
    }
    return findings;
  },
  examples: {
    fail: ['version: 1\nsite:\n  azureEnvironment: china\n  cloudAttachOptions:\n    uploadDevices: true', 'version: 1\nsite:\n  version: 2107\n  azureEnvironment: usgov\n  cloudAttachOptions:\n    uploadDevices: true'],
    pass: ['version: 1\nsite:\n  azureEnvironment: china\n  cloudAttachOptions:\n    uploadDevices: false\n    endpointAnalytics: false', 'version: 1\nsite:\n  version: 2111\n  azureEnvironment: usgov\n  cloudAttachOptions:\n    uploadDevices: true'],
  },
});


export const entraAppsAdminConsent = defineReadinessRule({
  id: 'entra-apps-admin-consent', area: 'site', severity: 'error',
  basis: { words: 'Grant admin consent for', page: 'https://learn.microsoft.com/intune/configmgr/comanage/tutorial-co-manage-new-devices#enable-azure-cloud-services-in-configuration-manager', override: "A setup step: without consent the site's apps can't sign in, so the step is required" },
  source: 'intune/configmgr/comanage/tutorial-co-manage-new-devices.md (newer copy)',
  title: 'Admin consent is granted for the site\'s web and native client apps in Microsoft Entra ID',
  docUrl: `${DOCS}/tutorial-co-manage-new-devices#enable-azure-cloud-services-in-configuration-manager`,
  appliesWhen: (plan) => plan.bool('site.azureServices') === true,
  needs: ['site.entraApps.adminConsent'],
  check(plan) {
    if (plan.bool('site.entraApps.adminConsent') !== false) return undefined;
    return { message: 'The Azure Services wizard creates the web (server) and native client apps but doesn\'t grant them consent; grant admin consent for the tenant to both apps in Microsoft Entra ID (App registrations, API permissions).', path: 'site.entraApps.adminConsent' };
  },
  examples: {
    fail: ['version: 1\nsite:\n  azureServices: true\n  entraApps:\n    adminConsent: false'],
    pass: ['version: 1\nsite:\n  azureServices: true\n  entraApps:\n    adminConsent: true'],
  },
});
