// Cloud management gateway: when a plan needs one, how it must be hosted in Azure, and the client
// settings and bulk registration tokens that go with it.
import { Plan } from '../plan';
import { isAutopilotIntoComanagement } from './scope';
import { Finding, defineReadinessRule } from './types';

const CMG_PLAN = 'https://learn.microsoft.com/intune/configmgr/core/clients/manage/cmg/plan-cloud-management-gateway';
const CMG_PLAN_SOURCE = 'intune/configmgr/core/clients/manage/cmg/plan-cloud-management-gateway.md (newer copy)';
const TOKEN_DOC = 'https://learn.microsoft.com/intune/configmgr/core/clients/deploy/deploy-clients-cmg-token';
const TOKEN_SOURCE = 'intune/configmgr/core/clients/deploy/deploy-clients-cmg-token.md (newer copy)';
const ADDRESS = 'contoso.eastus.cloudapp.azure.com/CCM_Proxy_MutualAuth/72186325152220500';

// ---- Shared with the other enablement files (site, identity, policy, command line) ----

/** The plan declares a CMG: `site.cmg` is a mapping (not `none`, not left out). */
export const hasCmg = (plan: Plan): boolean => plan.node('site.cmg')?.kind === 'map';

/** The plan states there is no CMG (`site.cmg: none`); left out, it says nothing. */
export const statesNoCmg = (plan: Plan): boolean => plan.str('site.cmg') === 'none';

/** Some co-management settings policy installs the Configuration Manager client. */
export function installsAgent(plan: Plan): boolean {
  for (let i = 0; i < plan.count('comanagement.policies'); i++) {
    if (plan.bool(`comanagement.policies[${i}].installAgent`) === true) return true;
  }
  return false;
}

/** Devices start on the internet and get the client from Intune (the second path and its Autopilot variants). */
export function onInternetPath(plan: Plan): boolean {
  const path = plan.choice('path');
  return path === 'new-internet-devices' || path === 'autopilot' || path === 'managed-desktop';
}

/**
 * The plan needs a CMG for reasons the Autopilot rules don't already report: the internet path
 * or a policy that installs the client, outside Autopilot into co-management.
 */
export const needsCmgOutsideAutopilot = (plan: Plan): boolean =>
  !isAutopilotIntoComanagement(plan) && (onInternetPath(plan) || installsAgent(plan));

/** The host part of a CMG address (scheme and proxy path removed), lower-cased. */
export function cmgHost(address: string): string {
  return address.trim().replace(/^https?:\/\//i, '').split('/')[0].toLowerCase();
}

const deployment = (plan: Plan) => plan.choice('site.cmg.deployment');
const versionBetween = (plan: Plan, low: number, high: number) => {
  const version = plan.num('site.version');
  return version !== undefined && version >= low && version <= high;
};

// ---- When a CMG is needed ----

export const cmgRequiredForInternetClients = defineReadinessRule({
  id: 'cmg-required-for-internet-clients', area: 'cmg', severity: 'error',
  basis: { words: 'require the cloud management gateway', page: 'https://learn.microsoft.com/intune/configmgr/comanage/overview#configuration-manager' },
  source: 'intune/configmgr/comanage/overview.md (newer copy); how-to-prepare-Win10.md (newer copy)',
  title: 'Internet-based devices that get the client from Intune have a cloud management gateway to reach',
  docUrl: 'https://learn.microsoft.com/intune/configmgr/comanage/quickstart-paths#bkmk_path2',
  appliesWhen: needsCmgOutsideAutopilot,
  // Left out, site.cmg is unknown; only `site.cmg: none` says there is none.
  needs: ['site.cmg'],
  check(plan) {
    if (!statesNoCmg(plan)) return undefined;
    const message = onInternetPath(plan)
      ? 'Devices that start on the internet can only reach the site through a cloud management gateway, and this plan has none (site.cmg: none). Add the CMG, or enroll existing intranet clients instead.'
      : 'A co-management policy that installs the client downloads it from the cloud management gateway, and this plan has none (site.cmg: none). Add the CMG, or install the client another way.';
    return { message, path: 'site.cmg' };
  },
  examples: {
    fail: [
      'version: 1\npath: new-internet-devices\nsite:\n  code: ABC\n  cmg: none',
      'version: 1\npath: existing-clients\nsite:\n  code: ABC\n  cmg: none\ncomanagement:\n  policies:\n    - name: Install client\n      installAgent: true\n      commandLine: CCMSETUPCMD="CCMHOSTNAME=mp.contoso.com SMSSITECODE=ABC"',
    ],
    pass: [`version: 1\npath: new-internet-devices\nsite:\n  code: ABC\n  cmg:\n    address: ${ADDRESS}`],
  },
});

export const cmgRequiresHttpsOrEhttp = defineReadinessRule({
  id: 'cmg-requires-https-or-ehttp', area: 'cmg', severity: 'error', source: CMG_PLAN_SOURCE,
  basis: { words: 'must be configured to use', page: 'https://learn.microsoft.com/intune/configmgr/comanage/tutorial-co-manage-new-devices#on-premises-infrastructure' },
  title: 'A site with a CMG uses HTTPS-only communication or Enhanced HTTP',
  docUrl: `${CMG_PLAN}#requirements`,
  appliesWhen: hasCmg,
  needs: ['site.communicationSecurity'],
  check(plan) {
    if (plan.choice('site.communicationSecurity') !== 'http') return undefined;
    return { message: 'The management point behind a CMG must require HTTPS, or the site must use Enhanced HTTP; turn on Enhanced HTTP (or HTTPS only) in the site\'s communication security.', path: 'site.communicationSecurity' };
  },
  examples: {
    fail: [`version: 1\nsite:\n  communicationSecurity: http\n  cmg:\n    address: ${ADDRESS}`],
    pass: [`version: 1\nsite:\n  communicationSecurity: ehttp\n  cmg:\n    address: ${ADDRESS}`],
  },
});

const CMG_SETUP = 'https://learn.microsoft.com/intune/configmgr/core/clients/manage/cmg/setup-cloud-management-gateway';
const CMG_SETUP_SOURCE = 'intune/configmgr/core/clients/manage/cmg/setup-cloud-management-gateway.md (newer copy); plan-cloud-management-gateway.md #requirements (newer copy)';
const CMG_CERT = 'https://learn.microsoft.com/intune/configmgr/core/clients/manage/cmg/server-auth-cert';

export const cmgConnectionPoint = defineReadinessRule({
  id: 'cmg-connection-point', area: 'cmg', severity: 'error', source: CMG_SETUP_SOURCE,
  basis: { words: "the site system role that's required", page: 'https://learn.microsoft.com/intune/configmgr/core/clients/manage/cmg/setup-cloud-management-gateway#add-the-cmg-connection-point' },
  title: 'An on-premises site system holds the CMG connection point role',
  docUrl: `${CMG_SETUP}#add-the-cmg-connection-point`,
  appliesWhen: hasCmg,
  needs: ['site.cmg.connectionPoint'],
  check(plan) {
    if (plan.bool('site.cmg.connectionPoint') !== false) return undefined;
    return { message: 'The site talks to the CMG only through a CMG connection point; add that role to an on-premises site system (with PKI client authentication, that server also needs the client certificate).', path: 'site.cmg.connectionPoint' };
  },
  examples: {
    fail: [`version: 1\nsite:\n  cmg:\n    address: ${ADDRESS}\n    connectionPoint: false`],
    pass: [`version: 1\nsite:\n  cmg:\n    address: ${ADDRESS}\n    connectionPoint: true`],
  },
});

export const cmgManagementPointAllowsTraffic = defineReadinessRule({
  id: 'cmg-mp-allows-traffic', area: 'cmg', severity: 'error', source: CMG_SETUP_SOURCE,
  basis: { words: 'Configure the management point to accept CMG traffic', page: 'https://learn.microsoft.com/intune/configmgr/core/clients/manage/cmg/setup-cloud-management-gateway#bkmk_role', override: "A setup step without a modal verb: without it clients on the internet can't reach the management point, so the step is required" },
  title: 'The management points that serve internet-based clients allow CMG traffic',
  docUrl: `${CMG_SETUP}#bkmk_role`,
  appliesWhen: hasCmg,
  needs: ['site.managementPointsAllowCmgTraffic'],
  check(plan) {
    if (plan.bool('site.managementPointsAllowCmgTraffic') !== false) return undefined;
    return { message: 'Clients on the internet reach a management point through the CMG only when that management point allows cloud management gateway traffic; turn the option on (Client Connections) on every management point that serves them.', path: 'site.managementPointsAllowCmgTraffic' };
  },
  examples: {
    fail: [`version: 1\nsite:\n  managementPointsAllowCmgTraffic: false\n  cmg:\n    address: ${ADDRESS}`],
    pass: [`version: 1\nsite:\n  managementPointsAllowCmgTraffic: true\n  cmg:\n    address: ${ADDRESS}`],
  },
});

/** Host names Azure gives a CMG deployment: these need no CNAME of yours. */
export const AZURE_CMG_DOMAIN = /\.(cloudapp\.azure\.com|cloudapp\.net|usgovcloudapp\.net|cloudapp\.usgovcloudapi\.net)$/i;

export const cmgCustomDomainCname = defineReadinessRule({
  id: 'cmg-custom-domain-cname', area: 'cmg', severity: 'error',
  basis: { words: 'you need to create a DNS CNAME', page: 'https://learn.microsoft.com/intune/configmgr/core/clients/manage/cmg/server-auth-cert#create-a-dns-cname-alias' },
  source: 'intune/configmgr/core/clients/manage/cmg/server-auth-cert.md (newer copy); tutorial-co-manage-new-devices.md #create-dns-cname-records (newer copy)',
  title: 'A CMG service name in your own domain has a public DNS CNAME to the Azure deployment name',
  docUrl: `${CMG_CERT}#create-a-dns-cname-alias`,
  appliesWhen: (plan) => hasCmg(plan) && !AZURE_CMG_DOMAIN.test(plan.str('site.cmg.serviceName')?.trim() ?? ''),
  needs: ['site.cmg.serviceName', 'site.cmg.cnameConfigured'],
  check(plan) {
    if (plan.bool('site.cmg.cnameConfigured') !== false) return undefined;
    const name = plan.str('site.cmg.serviceName')!.trim();
    return { message: `The CMG service name ${name} is in your own domain, so clients resolve it only through a public DNS CNAME record that points at the CMG's Azure deployment name; create that record.`, path: 'site.cmg.cnameConfigured' };
  },
  examples: {
    fail: [`version: 1\nsite:\n  cmg:\n    address: ${ADDRESS}\n    serviceName: cmg.contoso.com\n    cnameConfigured: false`],
    pass: [
      `version: 1\nsite:\n  cmg:\n    address: ${ADDRESS}\n    serviceName: cmg.contoso.com\n    cnameConfigured: true`,
      `version: 1\nsite:\n  cmg:\n    address: ${ADDRESS}\n    serviceName: contoso.eastus.cloudapp.azure.com\n    cnameConfigured: false`,
    ],
  },
});

// ---- The CMG's server certificate ----

// Inside Autopilot into co-management the same check is autopilot-cmg-certificate-trusted.
export const cmgServerCertificateTrusted = defineReadinessRule({
  id: 'cmg-server-certificate-trusted', area: 'cmg', severity: 'error',
  basis: { words: 'Clients must trust the CMG', page: 'https://learn.microsoft.com/intune/configmgr/core/clients/manage/cmg/server-auth-cert#choose-the-certificate-type' },
  source: 'memdocs/configmgr/comanage/how-to-prepare-Win10.md (seed 000)',
  title: 'Internet-based devices that install the client trust the CMG server authentication certificate',
  docUrl: 'https://learn.microsoft.com/intune/configmgr/comanage/how-to-prepare-win10#install-the-configuration-manager-client',
  appliesWhen: (plan) => hasCmg(plan) && needsCmgOutsideAutopilot(plan),
  needs: ['site.cmg.serverCertificate'],
  needsEach: (plan) => plan.choice('site.cmg.serverCertificate') === 'private-pki' ? ['site.cmg.serverCertificateTrustedByDevices'] : [],
  check(plan) {
    if (plan.choice('site.cmg.serverCertificate') !== 'private-pki') return undefined;
    if (plan.bool('site.cmg.serverCertificateTrustedByDevices') !== false) return undefined;
    return {
      message: 'The CMG\'s server certificate comes from your own PKI and the devices don\'t trust its root; ccmsetup then fails with WINHTTP_CALLBACK_STATUS_FLAG_INVALID_CA. Put the root on the devices before the client installs, or use a certificate from a public provider.',
      path: 'site.cmg.serverCertificateTrustedByDevices',
    };
  },
  examples: {
    fail: [
      `version: 1\npath: new-internet-devices\nsite:\n  cmg:\n    address: ${ADDRESS}\n    serverCertificate: private-pki\n    serverCertificateTrustedByDevices: false`,
    ],
    pass: [
      `version: 1\npath: new-internet-devices\nsite:\n  cmg:\n    address: ${ADDRESS}\n    serverCertificate: public`,
      `version: 1\npath: new-internet-devices\nsite:\n  cmg:\n    address: ${ADDRESS}\n    serverCertificate: private-pki\n    serverCertificateTrustedByDevices: true`,
    ],
  },
});

// ---- How the CMG is hosted in Azure ----

export const cmgClassicDeprecated = defineReadinessRule({
  id: 'cmg-classic-deprecated', area: 'cmg', severity: 'error', source: CMG_PLAN_SOURCE,
  basis: { words: 'the only option', page: 'https://learn.microsoft.com/intune/configmgr/core/clients/manage/cmg/setup-cloud-management-gateway#set-up-a-cmg' },
  title: 'The CMG is a virtual machine scale set, not a classic cloud service',
  docUrl: `${CMG_PLAN}#azure-resource-manager`,
  // From 2403 on, cmg-classic-blocks-2403 reports the classic CMG as an error instead.
  appliesWhen: (plan) => deployment(plan) === 'classic' && !((plan.num('site.version') ?? 0) >= 2403),
  check() {
    return { message: 'A CMG hosted as a classic cloud service is deprecated, and from 2203 new ones can\'t be created; convert it to a virtual machine scale set.', path: 'site.cmg.deployment' };
  },
  examples: {
    fail: ['version: 1\nsite:\n  version: 2211\n  cmg:\n    deployment: classic'],
    pass: ['version: 1\nsite:\n  version: 2211\n  cmg:\n    deployment: vmss'],
  },
});

export const cmgClassicBlocks2403 = defineReadinessRule({
  id: 'cmg-classic-blocks-2403', area: 'cmg', severity: 'error',
  basis: { words: 'the only option', page: 'https://learn.microsoft.com/intune/configmgr/core/clients/manage/cmg/setup-cloud-management-gateway#set-up-a-cmg' },
  source: 'intune/configmgr/core/servers/deploy/install/list-of-prerequisite-checks.md (newer copy)',
  title: 'No classic cloud-service CMG remains on version 2403 or later',
  docUrl: 'https://learn.microsoft.com/intune/configmgr/core/servers/deploy/install/list-of-prerequisite-checks#check-for-a-cloud-management-gateway-cmg-as-a-cloud-service-classic',
  appliesWhen: (plan) => deployment(plan) === 'classic',
  needs: ['site.version'],
  check(plan) {
    if (plan.num('site.version')! < 2403) return undefined;
    return { message: 'The prerequisite check stops the update to 2403 or later while a classic cloud-service CMG exists; convert the CMG to a virtual machine scale set first.', path: 'site.cmg.deployment' };
  },
  examples: {
    fail: ['version: 1\nsite:\n  version: 2403\n  cmg:\n    deployment: classic'],
    pass: ['version: 1\nsite:\n  version: 2403\n  cmg:\n    deployment: vmss'],
  },
});

export const cmgAddressLooksClassic = defineReadinessRule({
  id: 'cmg-address-looks-classic', area: 'cmg', severity: 'warning', source: CMG_PLAN_SOURCE,
  basis: { words: 'Different deployment names', page: 'https://learn.microsoft.com/intune/configmgr/core/clients/manage/cmg/plan-cloud-management-gateway#virtual-machine-scale-sets', override: 'Read in context (docs map P12#7): Scale set names look like name.region.cloudapp.azure.com' },
  title: 'The CMG address is a scale-set name (name.region.cloudapp.azure.com)',
  docUrl: `${CMG_PLAN}#virtual-machine-scale-sets`,
  appliesWhen: (plan) => cmgHost(plan.str('site.cmg.address') ?? '').endsWith('.cloudapp.net') && deployment(plan) !== 'classic',
  needs: ['site.version'],
  check(plan) {
    if (plan.num('site.version')! < 2203) return undefined;
    return { message: 'A cloudapp.net name belongs to a classic cloud-service CMG, which 2203 and later can\'t create; a scale-set CMG is named like name.region.cloudapp.azure.com (many doc examples still show the old form). Check the address the site reports.', path: 'site.cmg.address' };
  },
  examples: {
    fail: ['version: 1\nsite:\n  version: 2403\n  cmg:\n    address: contoso.cloudapp.net/CCM_Proxy_MutualAuth/72186325152220500'],
    pass: [`version: 1\nsite:\n  version: 2403\n  cmg:\n    address: ${ADDRESS}`],
  },
});

export const cmgVmssVersionFloor = defineReadinessRule({
  id: 'cmg-vmss-version-floor', area: 'cmg', severity: 'error', source: CMG_PLAN_SOURCE,
  basis: { words: 'convert the CMG', page: 'https://learn.microsoft.com/intune/configmgr/core/clients/manage/cmg/plan-cloud-management-gateway#virtual-machine-scale-sets', override: 'Read in context (docs map P12#6): 2010/2103: scale set only for CSP subscriptions without a classic CMG; from 2107 everyone, and convert classic ones' },
  title: 'A scale-set CMG runs on version 2107 or later (2010 or later in a CSP subscription)',
  docUrl: `${CMG_PLAN}#virtual-machine-scale-sets`,
  appliesWhen: (plan) => deployment(plan) === 'vmss',
  needs: ['site.version'],
  check(plan) {
    const version = plan.num('site.version')!;
    if (version < 2010) return { message: `Scale-set CMGs arrived in version 2010; this site runs ${version}. Update the site first.`, path: 'site.version' };
    if (version < 2107 && plan.choice('site.azureSubscriptionType') !== 'csp') {
      return { message: `Before 2107 a scale-set CMG was only available in a Cloud Solution Provider subscription; this site runs ${version}. Update to 2107 or later, or set site.azureSubscriptionType: csp if the subscription is CSP.`, path: 'site.version' };
    }
    return undefined;
  },
  examples: {
    fail: ['version: 1\nsite:\n  version: 2103\n  azureSubscriptionType: standard\n  cmg:\n    deployment: vmss'],
    pass: ['version: 1\nsite:\n  version: 2107\n  azureSubscriptionType: standard\n  cmg:\n    deployment: vmss'],
  },
});

export const cmgCspNeedsVmss = defineReadinessRule({
  id: 'cmg-csp-needs-vmss', area: 'cmg', severity: 'error', source: CMG_PLAN_SOURCE,
  basis: { words: 'convert the CMG', page: 'https://learn.microsoft.com/intune/configmgr/core/clients/manage/cmg/plan-cloud-management-gateway#virtual-machine-scale-sets', override: 'Read in context (docs map P12#6): 2010/2103: scale set only for CSP subscriptions without a classic CMG; from 2107 everyone, and convert classic ones' },
  title: 'A CMG in a CSP subscription is a scale set on version 2010 or later',
  docUrl: `${CMG_PLAN}#requirements`,
  appliesWhen: (plan) => plan.choice('site.azureSubscriptionType') === 'csp' && hasCmg(plan),
  needsAny: ['site.cmg.deployment', 'site.version'],
  check(plan) {
    const findings: Finding[] = [];
    if (deployment(plan) === 'classic') findings.push({ message: 'A Cloud Solution Provider subscription can only host a scale-set CMG; redeploy it as a virtual machine scale set.', path: 'site.cmg.deployment' });
    const version = plan.num('site.version');
    if (version !== undefined && version < 2010) findings.push({ message: `A CMG in a Cloud Solution Provider subscription needs version 2010 or later; this site runs ${version}.`, path: 'site.version' });
    return findings;
  },
  examples: {
    fail: ['version: 1\nsite:\n  version: 2006\n  azureSubscriptionType: csp\n  cmg:\n    deployment: classic'],
    pass: ['version: 1\nsite:\n  version: 2107\n  azureSubscriptionType: csp\n  cmg:\n    deployment: vmss'],
  },
});

export const cmgVmssUsGovernment = defineReadinessRule({
  id: 'cmg-vmss-us-government', area: 'cmg', severity: 'error', source: CMG_PLAN_SOURCE,
  basis: { words: 'doesn\'t support Azure US Government', page: 'https://learn.microsoft.com/intune/configmgr/core/clients/manage/cmg/plan-cloud-management-gateway#limitations-with-versions-2107-and-later' },
  title: 'A scale-set CMG in Azure US Government runs on version 2111 or later',
  docUrl: `${CMG_PLAN}#limitations-with-versions-2107-and-later`,
  appliesWhen: (plan) => deployment(plan) === 'vmss' && plan.choice('site.azureEnvironment') === 'usgov',
  needs: ['site.version'],
  check(plan) {
    const version = plan.num('site.version')!;
    if (version >= 2111) return undefined;
    return { message: `A scale-set CMG in Azure US Government is supported from version 2111; this site runs ${version}.`, path: 'site.version' };
  },
  examples: {
    fail: ['version: 1\nsite:\n  version: 2107\n  azureEnvironment: usgov\n  cmg:\n    deployment: vmss'],
    pass: ['version: 1\nsite:\n  version: 2111\n  azureEnvironment: usgov\n  cmg:\n    deployment: vmss'],
  },
});

export const cmgAzureEnvironment = defineReadinessRule({
  id: 'cmg-azure-environment-supported', area: 'cmg', severity: 'error', source: CMG_PLAN_SOURCE,
  basis: { words: 'one of the following', page: 'https://learn.microsoft.com/intune/configmgr/core/clients/manage/cmg/plan-cloud-management-gateway#requirements', override: 'Read in context (docs map P12#9): Subscription in global Azure or US Government; CSP needs 2010+ scale set' },
  title: 'The CMG is hosted in the Azure public cloud or Azure US Government',
  docUrl: `${CMG_PLAN}#requirements`,
  appliesWhen: hasCmg,
  needs: ['site.azureEnvironment'],
  check(plan) {
    if (plan.choice('site.azureEnvironment') !== 'china') return undefined;
    return { message: 'A CMG can only be hosted in the Azure public cloud or Azure US Government, not Azure China; co-management itself can still be enabled there, but internet-based devices can\'t reach the site.', path: 'site.azureEnvironment' };
  },
  examples: {
    fail: ['version: 1\nsite:\n  azureEnvironment: china\n  cmg:\n    address: contoso.chinaeast.cloudapp.azure.com/CCM_Proxy_MutualAuth/1'],
    pass: [`version: 1\nsite:\n  azureEnvironment: public\n  cmg:\n    address: ${ADDRESS}`],
  },
});

// ---- Limits of the first scale-set releases (2010 and 2103) ----

export const cmgVmssEarlyStandalone = defineReadinessRule({
  id: 'cmg-vmss-2010-2103-standalone-primary', area: 'cmg', severity: 'error', source: CMG_PLAN_SOURCE,
  basis: { words: 'doesn\'t support Azure US Government', page: 'https://learn.microsoft.com/intune/configmgr/core/clients/manage/cmg/plan-cloud-management-gateway#limitations-with-versions-2107-and-later' },
  title: 'On 2010 and 2103 a scale-set CMG serves a stand-alone primary site only',
  docUrl: `${CMG_PLAN}#limitations-with-versions-2010-and-2103`,
  appliesWhen: (plan) => deployment(plan) === 'vmss' && versionBetween(plan, 2010, 2103),
  needs: ['site.topology'],
  check(plan) {
    if (plan.choice('site.topology') !== 'hierarchy') return undefined;
    return { message: 'On versions 2010 and 2103 a scale-set CMG works only for a stand-alone primary site, not a hierarchy with a central administration site; update to 2107 or later.', path: 'site.topology' };
  },
  examples: {
    fail: ['version: 1\nsite:\n  version: 2103\n  topology: hierarchy\n  cmg:\n    deployment: vmss'],
    pass: ['version: 1\nsite:\n  version: 2103\n  topology: standalone-primary\n  cmg:\n    deployment: vmss'],
  },
});

export const cmgVmssEarlyInternetInstall = defineReadinessRule({
  id: 'cmg-vmss-2010-2103-internet-install', area: 'cmg', severity: 'error', source: CMG_PLAN_SOURCE,
  basis: { words: 'doesn\'t support Azure US Government', page: 'https://learn.microsoft.com/intune/configmgr/core/clients/manage/cmg/plan-cloud-management-gateway#limitations-with-versions-2107-and-later' },
  title: 'On 2010 and 2103, installing the client over a scale-set CMG uses one HTTPS management point and a content-enabled CMG',
  docUrl: `${CMG_PLAN}#limitations-with-versions-2010-and-2103`,
  appliesWhen: (plan) => deployment(plan) === 'vmss' && versionBetween(plan, 2010, 2103) && (onInternetPath(plan) || installsAgent(plan)),
  needsAny: ['site.httpsManagementPoints', 'site.cmg.contentEnabled'],
  check(plan) {
    const findings: Finding[] = [];
    const mps = plan.num('site.httpsManagementPoints');
    if (mps !== undefined && mps > 1) findings.push({ message: `On 2010 and 2103, installing the client over the internet through a scale-set CMG only works with a single HTTPS management point; the site has ${mps}.`, path: 'site.httpsManagementPoints' });
    if (plan.bool('site.cmg.contentEnabled') === false) findings.push({ message: 'On 2010 and 2103, installing the client over the internet through a scale-set CMG needs the CMG to serve content.', path: 'site.cmg.contentEnabled' });
    return findings;
  },
  examples: {
    fail: ['version: 1\npath: new-internet-devices\nsite:\n  version: 2103\n  httpsManagementPoints: 2\n  cmg:\n    deployment: vmss\n    contentEnabled: true'],
    pass: ['version: 1\npath: new-internet-devices\nsite:\n  version: 2103\n  httpsManagementPoints: 1\n  cmg:\n    deployment: vmss\n    contentEnabled: true'],
  },
});

export const cmgContentForInternetInstall = defineReadinessRule({
  id: 'cmg-content-for-internet-install', area: 'cmg', severity: 'error',
  basis: { words: 'you need to configure the CMG', page: 'https://learn.microsoft.com/intune/configmgr/core/clients/manage/cmg/setup-cloud-management-gateway#set-up-a-cmg' },
  source: 'intune/configmgr/comanage/how-to-prepare-Win10.md (newer copy); tutorial-co-manage-new-devices.md (newer copy)',
  title: 'The CMG serves content to internet-based devices that install the client from it',
  docUrl: 'https://learn.microsoft.com/intune/configmgr/comanage/how-to-prepare-win10#install-the-configuration-manager-client',
  // On 2010/2103 scale sets the same gap is an error, reported by cmg-vmss-2010-2103-internet-install.
  appliesWhen: (plan) => hasCmg(plan) && (onInternetPath(plan) || installsAgent(plan)) && !(deployment(plan) === 'vmss' && versionBetween(plan, 2010, 2103)),
  needs: ['site.cmg.contentEnabled'],
  check(plan) {
    if (plan.bool('site.cmg.contentEnabled') !== false) return undefined;
    return { message: 'Internet-based devices that get the client through Intune download it from the CMG, and cloud distribution points are deprecated; allow the CMG to serve content.', path: 'site.cmg.contentEnabled' };
  },
  examples: {
    fail: [`version: 1\npath: autopilot\nsite:\n  cmg:\n    address: ${ADDRESS}\n    contentEnabled: false`],
    pass: [`version: 1\npath: autopilot\nsite:\n  cmg:\n    address: ${ADDRESS}\n    contentEnabled: true`],
  },
});

// ---- Name and client settings ----

/** Why a CMG service name breaks the naming rule, or undefined when it fits. */
function cmgNameProblem(name: string): string | undefined {
  if (name === '') return undefined; // nothing written yet; the address itself is judged elsewhere
  if (name.length < 3 || name.length > 24) return `is ${name.length} characters long (3 to 24 allowed)`;
  if (!/^[a-z]/i.test(name)) return 'doesn\'t start with a letter';
  if (!/[a-z0-9]$/i.test(name)) return 'doesn\'t end with a letter or digit';
  if (name.includes('--')) return 'has consecutive hyphens';
  return undefined;
}

export const cmgNameFormat = defineReadinessRule({
  id: 'cmg-name-format', area: 'cmg', severity: 'error', source: CMG_PLAN_SOURCE,
  basis: { words: 'need to be between 3-24', page: 'https://learn.microsoft.com/intune/configmgr/core/clients/manage/cmg/plan-cloud-management-gateway#requirements' },
  title: 'The CMG name is 3 to 24 characters, starts with a letter, ends with a letter or digit and has no double hyphen',
  docUrl: `${CMG_PLAN}#requirements`,
  appliesWhen: (plan) => plan.has('site.cmg.address'),
  check(plan) {
    const name = cmgHost(plan.str('site.cmg.address')!).split('.')[0];
    const problem = cmgNameProblem(name);
    if (!problem) return undefined;
    return { message: `The CMG name "${name}" ${problem}. If this address is a CNAME alias rather than the service name, check the service name instead.`, path: 'site.cmg.address' };
  },
  examples: {
    fail: ['version: 1\nsite:\n  cmg:\n    address: 1cmg.eastus.cloudapp.azure.com/CCM_Proxy_MutualAuth/1'],
    pass: ['version: 1\nsite:\n  cmg:\n    address: contosocmg.eastus.cloudapp.azure.com/CCM_Proxy_MutualAuth/1'],
  },
});

export const cmgClientSettingEnabled = defineReadinessRule({
  id: 'cmg-client-setting-enable-cmg', area: 'cmg', severity: 'error',
  basis: { words: 'Make sure the following client settings', page: 'https://learn.microsoft.com/intune/configmgr/core/clients/manage/cmg/plan-cloud-management-gateway#requirements' },
  source: 'intune/configmgr/comanage/tutorial-co-manage-new-devices.md (newer copy); deploy-clients-cmg-token.md (newer copy)',
  title: 'The client setting "Enable clients to use a cloud management gateway" is on',
  docUrl: 'https://learn.microsoft.com/intune/configmgr/comanage/tutorial-co-manage-new-devices#configure-client-settings-to-direct-clients-to-use-the-cmg',
  appliesWhen: hasCmg,
  needs: ['clientSettings.cmgEnabled'],
  check(plan) {
    if (plan.bool('clientSettings.cmgEnabled') !== false) return undefined;
    return { message: 'Clients only use the CMG when the Cloud Services client setting "Enable clients to use a cloud management gateway" is Yes; turn it on in the settings deployed to these devices.', path: 'clientSettings.cmgEnabled' };
  },
  examples: {
    fail: [`version: 1\nsite:\n  cmg:\n    address: ${ADDRESS}\nclientSettings:\n  cmgEnabled: false`],
    pass: [`version: 1\nsite:\n  cmg:\n    address: ${ADDRESS}\nclientSettings:\n  cmgEnabled: true`],
  },
});

export const cmgClientSettingCloudDp = defineReadinessRule({
  id: 'cmg-client-setting-cloud-dp', area: 'cmg', severity: 'error',
  basis: { words: 'Make sure the following client settings', page: 'https://learn.microsoft.com/intune/configmgr/core/clients/manage/cmg/plan-cloud-management-gateway#requirements' },
  source: 'intune/configmgr/core/clients/deploy/deploy-clients-cmg-azure.md (newer copy)',
  title: 'Internet-based devices may use cloud distribution points (client setting)',
  docUrl: 'https://learn.microsoft.com/intune/configmgr/core/clients/deploy/deploy-clients-cmg-azure#configure-client-settings',
  appliesWhen: (plan) => hasCmg(plan) && onInternetPath(plan),
  needs: ['clientSettings.cloudDistributionPointAccess'],
  check(plan) {
    if (plan.bool('clientSettings.cloudDistributionPointAccess') !== false) return undefined;
    return { message: 'Internet-based devices pull client and deployment content from the CMG only when the client setting "Allow access to cloud distribution point" is Yes.', path: 'clientSettings.cloudDistributionPointAccess' };
  },
  examples: {
    fail: [`version: 1\npath: new-internet-devices\nsite:\n  cmg:\n    address: ${ADDRESS}\nclientSettings:\n  cloudDistributionPointAccess: false`],
    pass: [`version: 1\npath: new-internet-devices\nsite:\n  cmg:\n    address: ${ADDRESS}\nclientSettings:\n  cloudDistributionPointAccess: true`],
  },
});

// ---- Bulk registration tokens (token authentication over the CMG) ----

/** The longest lifetime /lifetime accepts, in minutes (seven days). */
const TOKEN_MAX_MINUTES = 10080;

export const tokenLifetimeMax = defineReadinessRule({
  id: 'token-lifetime-max', area: 'cmg', severity: 'error', source: TOKEN_SOURCE,
  basis: { words: 'The maximum value is 10,080', page: 'https://learn.microsoft.com/intune/configmgr/core/clients/deploy/deploy-clients-cmg-token#lifetime', override: 'Read in context (docs map P19#8): Token lifetime default 4,320 min, max 10,080' },
  title: `A bulk registration token lives at most ${TOKEN_MAX_MINUTES} minutes (seven days)`,
  docUrl: `${TOKEN_DOC}#lifetime`,
  appliesWhen: (plan) => plan.has('site.bulkRegistrationToken.lifetimeMinutes'),
  check(plan) {
    const minutes = plan.num('site.bulkRegistrationToken.lifetimeMinutes');
    if (minutes === undefined || minutes <= TOKEN_MAX_MINUTES) return undefined;
    return { message: `A bulk registration token can be valid for at most ${TOKEN_MAX_MINUTES} minutes (seven days; the default is 4320) and can't be renewed; ${minutes} is too long.`, path: 'site.bulkRegistrationToken.lifetimeMinutes' };
  },
  examples: {
    fail: ['version: 1\nsite:\n  bulkRegistrationToken:\n    lifetimeMinutes: 20160'],
    pass: ['version: 1\nsite:\n  bulkRegistrationToken:\n    lifetimeMinutes: 4320'],
  },
});

export const tokenAuthAdvice = defineReadinessRule({
  id: 'token-site-version-and-client', area: 'cmg', severity: 'error', source: TOKEN_SOURCE,
  basis: { words: 'must restart at least every 90 days', page: 'https://learn.microsoft.com/intune/configmgr/core/clients/deploy/deploy-clients-cmg-token#token-renewal' },
  title: 'Token-authenticated clients restart, or come back to the intranet, at least every 90 days',
  docUrl: `${TOKEN_DOC}#token-renewal`,
  appliesWhen: (plan) => plan.choice('site.clientAuthentication') === 'token',
  // A plan with token authentication and devices that restart is correct: only a stated "they
  // don't" fails (the latest-client requirement is token-clients-latest-version's).
  needs: ['clients.restartWithin90Days'],
  check(plan) {
    if (plan.bool('clients.restartWithin90Days') !== false) return undefined;
    return { message: 'The client token lasts 90 days and renews only when the client starts (or on the intranet); devices that go longer without a restart lose their token and can no longer reach the site over the CMG. Have them restart at least every 90 days (clients.restartWithin90Days).', path: 'clients.restartWithin90Days' };
  },
  examples: {
    fail: ['version: 1\nsite:\n  clientAuthentication: token\nclients:\n  restartWithin90Days: false'],
    pass: [
      'version: 1\nsite:\n  clientAuthentication: entra-id\nclients:\n  restartWithin90Days: false',
      'version: 1\nsite:\n  clientAuthentication: token\nclients:\n  restartWithin90Days: true',
    ],
  },
});
