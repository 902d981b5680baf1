// Internet-based clients behind a CMG: the site roles that take their traffic, how they
// authenticate (PKI, Microsoft Entra ID, site tokens), and the client settings they need.
import { Plan } from '../plan';
import { hasCmg, installsAgent, onInternetPath } from './cmg';
import { defineReadinessRule } from './types';

const CMG_DOCS = 'https://learn.microsoft.com/intune/configmgr/core/clients/manage/cmg';
const CMG_PLAN = `${CMG_DOCS}/plan-cloud-management-gateway`;
const CMG_SETUP = `${CMG_DOCS}/setup-cloud-management-gateway`;
const CLIENT_AUTH = `${CMG_DOCS}/plan-client-authentication`;
const TOKEN_DOC = 'https://learn.microsoft.com/intune/configmgr/core/clients/deploy/deploy-clients-cmg-token';
const CLIENT_SETTINGS = 'https://learn.microsoft.com/intune/configmgr/core/clients/deploy/about-client-settings';
const PLAN_SOURCE = 'intune/configmgr/core/clients/manage/cmg/plan-cloud-management-gateway.md (newer copy)';
const SETUP_SOURCE = 'intune/configmgr/core/clients/manage/cmg/setup-cloud-management-gateway.md (newer copy)';
const TOKEN_SOURCE = 'intune/configmgr/core/clients/deploy/deploy-clients-cmg-token.md (newer copy)';
const ADDRESS = 'contoso.eastus.cloudapp.azure.com/CCM_Proxy_MutualAuth/72186325152220500';

const auth = (plan: Plan) => plan.choice('site.clientAuthentication');

export const cmgSoftwareUpdatePointsAllowTraffic = defineReadinessRule({
  id: 'cmg-sup-allows-traffic', area: 'cmg', severity: 'warning', source: `${SETUP_SOURCE}; intune/configmgr/comanage/tutorial-co-manage-new-devices.md (newer copy)`,
  basis: { words: 'we recommend that you make', page: 'https://learn.microsoft.com/intune/configmgr/comanage/tutorial-co-manage-new-devices#create-the-cmg-connection-point' },
  title: 'The software update points that serve internet-based clients allow CMG traffic (recommended)',
  docUrl: `${CMG_SETUP}#bkmk_role`,
  // Only where the site still delivers software updates: with the Windows Update policies workload
  // on Intune, or software updates off in the client settings, the SUP serves no internet client.
  appliesWhen: (plan) => hasCmg(plan) && plan.choice('workloads.windowsUpdatePolicies.authority') !== 'intune'
    && plan.bool('clientSettings.softwareUpdatesEnabled') !== false,
  needs: ['site.softwareUpdatePointsAllowCmgTraffic'],
  check(plan) {
    if (plan.bool('site.softwareUpdatePointsAllowCmgTraffic') !== false) return undefined;
    return { message: 'Internet-based clients reach a software update point through the CMG only when it allows cloud management gateway traffic (site.softwareUpdatePointsAllowCmgTraffic: false). Co-management works without it, but turn the option on for every software update point that serves them, unless they get updates from Windows Update for Business.', path: 'site.softwareUpdatePointsAllowCmgTraffic' };
  },
  examples: {
    fail: [`version: 1\nsite:\n  softwareUpdatePointsAllowCmgTraffic: false\n  cmg:\n    address: ${ADDRESS}`],
    pass: [
      `version: 1\nsite:\n  softwareUpdatePointsAllowCmgTraffic: true\n  cmg:\n    address: ${ADDRESS}`,
      `version: 1\nsite:\n  softwareUpdatePointsAllowCmgTraffic: false\n  cmg:\n    address: ${ADDRESS}\nworkloads:\n  windowsUpdatePolicies:\n    authority: intune`,
    ],
  },
});

export const sitePkiClientCertOption = defineReadinessRule({
  id: 'site-pki-client-cert-option', area: 'site', severity: 'error', source: SETUP_SOURCE,
  basis: { words: 'follow this procedure', page: `${CMG_SETUP}#configure-primary-site-for-client-certificate-authentication`, override: 'A setup step for PKI client authentication: without it the primary site doesn\'t use the clients\' certificates' },
  title: 'With PKI client authentication, the primary site uses a PKI client certificate when available',
  docUrl: `${CMG_SETUP}#configure-primary-site-for-client-certificate-authentication`,
  appliesWhen: (plan) => hasCmg(plan) && auth(plan) === 'pki',
  needs: ['site.usePkiClientCertWhenAvailable'],
  check(plan) {
    if (plan.bool('site.usePkiClientCertWhenAvailable') !== false) return undefined;
    return { message: 'Clients authenticate to the CMG with PKI certificates, so select "Use PKI client certificate (client authentication) when available" on the Communication Security tab of each primary site the internet-based clients are assigned to.', path: 'site.usePkiClientCertWhenAvailable' };
  },
  examples: {
    fail: [`version: 1\nsite:\n  clientAuthentication: pki\n  usePkiClientCertWhenAvailable: false\n  cmg:\n    address: ${ADDRESS}`],
    pass: [`version: 1\nsite:\n  clientAuthentication: pki\n  usePkiClientCertWhenAvailable: true\n  cmg:\n    address: ${ADDRESS}`],
  },
});

export const cmgCrlCheckNeedsPublishedCrl = defineReadinessRule({
  id: 'cmg-crl-check-needs-published-crl', area: 'cmg', severity: 'error', source: SETUP_SOURCE,
  basis: { words: 'must be publicly published', page: `${CMG_SETUP}#set-up-a-cmg` },
  title: 'A CMG that verifies client certificate revocation can reach a publicly published CRL',
  docUrl: `${CMG_SETUP}#set-up-a-cmg`,
  appliesWhen: (plan) => hasCmg(plan) && auth(plan) === 'pki',
  needs: ['site.cmg.verifyClientCertRevocation', 'site.crlPublishedToInternet'],
  check(plan) {
    if (plan.bool('site.cmg.verifyClientCertRevocation') !== true || plan.bool('site.crlPublishedToInternet') !== false) return undefined;
    return { message: 'The CMG checks client certificates for revocation (on by default), but your PKI\'s CRL isn\'t published on the internet, so the check can\'t work. Publish the CRL publicly, or turn off "Verify Client Certificate Revocation" on the CMG.', path: 'site.cmg.verifyClientCertRevocation' };
  },
  examples: {
    fail: [`version: 1\nsite:\n  clientAuthentication: pki\n  crlPublishedToInternet: false\n  cmg:\n    address: ${ADDRESS}\n    verifyClientCertRevocation: true`],
    pass: [
      `version: 1\nsite:\n  clientAuthentication: pki\n  crlPublishedToInternet: false\n  cmg:\n    address: ${ADDRESS}\n    verifyClientCertRevocation: false`,
      `version: 1\nsite:\n  clientAuthentication: pki\n  crlPublishedToInternet: true\n  cmg:\n    address: ${ADDRESS}\n    verifyClientCertRevocation: true`,
    ],
  },
});

export const cmgUserPolicyFromInternet = defineReadinessRule({
  id: 'cmg-user-policy-from-internet', area: 'cmg', severity: 'error',
  basis: { words: 'users to receive the user policy', page: `${CLIENT_SETTINGS}#enable-user-policy-requests-from-internet-clients`, override: 'The setting is the condition for user policy on internet-based computers: without it user-targeted deployments never reach them' },
  source: 'intune/configmgr/core/clients/deploy/about-client-settings.md (newer copy); intune/configmgr/comanage/tutorial-co-manage-new-devices.md (newer copy)',
  title: 'User-targeted deployments reach internet-based clients: "Enable user policy requests from internet clients" is Yes',
  docUrl: `${CLIENT_SETTINGS}#enable-user-policy-requests-from-internet-clients`,
  appliesWhen: (plan) => hasCmg(plan) && plan.bool('site.userCentricDeployments') === true,
  needs: ['clientSettings.userPolicyFromInternet'],
  check(plan) {
    if (plan.bool('clientSettings.userPolicyFromInternet') !== false) return undefined;
    return { message: 'Apps are deployed to users, but the client setting "Enable user policy requests from internet clients" is No, so users on internet-based devices get no user policy through the CMG; set it to Yes (Client Policy group).', path: 'clientSettings.userPolicyFromInternet' };
  },
  examples: {
    fail: [`version: 1\nsite:\n  userCentricDeployments: true\n  cmg:\n    address: ${ADDRESS}\nclientSettings:\n  userPolicyFromInternet: false`],
    pass: [`version: 1\nsite:\n  userCentricDeployments: true\n  cmg:\n    address: ${ADDRESS}\nclientSettings:\n  userPolicyFromInternet: true`],
  },
});

export const cmgClientsIpv4 = defineReadinessRule({
  id: 'cmg-clients-ipv4', area: 'cmg', severity: 'error', source: PLAN_SOURCE,
  basis: { words: 'Clients must use IPv4', page: `${CMG_PLAN}#requirements` },
  title: 'Clients that use the CMG have IPv4',
  docUrl: `${CMG_PLAN}#requirements`,
  appliesWhen: hasCmg,
  needs: ['clients.ipv4'],
  check(plan) {
    if (plan.bool('clients.ipv4') !== false) return undefined;
    return { message: 'Clients reach the CMG over IPv4 only; devices on IPv6-only networks can\'t use it. Give them IPv4 connectivity.', path: 'clients.ipv4' };
  },
  examples: {
    fail: [`version: 1\nsite:\n  cmg:\n    address: ${ADDRESS}\nclients:\n  ipv4: false`],
    pass: [`version: 1\nsite:\n  cmg:\n    address: ${ADDRESS}\nclients:\n  ipv4: true`],
  },
});

export const deltaContentBlocksThirdPartyUpdates = defineReadinessRule({
  id: 'delta-content-blocks-third-party-updates', area: 'cmg', severity: 'error', source: PLAN_SOURCE,
  basis: { words: "won't download to clients", page: `${CMG_PLAN}#requirements` },
  title: 'CMG clients that get third-party updates don\'t have "Download delta content when available" on',
  docUrl: `${CMG_PLAN}#requirements`,
  appliesWhen: (plan) => hasCmg(plan) && plan.bool('configmgr.thirdPartyUpdates') === true,
  needs: ['clientSettings.deltaContent'],
  check(plan) {
    if (plan.bool('clientSettings.deltaContent') !== true) return undefined;
    return { message: 'With the client setting "Download delta content when available" on, the content of third-party updates doesn\'t download to clients that use the CMG; turn the setting off for those devices, or deliver third-party updates another way.', path: 'clientSettings.deltaContent' };
  },
  examples: {
    fail: [`version: 1\nsite:\n  cmg:\n    address: ${ADDRESS}\nconfigmgr:\n  thirdPartyUpdates: true\nclientSettings:\n  deltaContent: true`],
    pass: [`version: 1\nsite:\n  cmg:\n    address: ${ADDRESS}\nconfigmgr:\n  thirdPartyUpdates: true\nclientSettings:\n  deltaContent: false`],
  },
});

export const entraAuthRecommended = defineReadinessRule({
  id: 'entra-auth-recommended', area: 'cmg', severity: 'warning',
  basis: { words: 'Microsoft recommends joining devices', page: CLIENT_AUTH },
  source: 'intune/configmgr/core/clients/manage/cmg/plan-client-authentication.md (newer copy); deploy-clients-cmg-token.md (newer copy)',
  title: 'Devices that are Entra joined or hybrid joined authenticate with Microsoft Entra ID rather than site tokens (recommended)',
  docUrl: CLIENT_AUTH,
  // Tokens are the documented choice for devices that can't join Microsoft Entra ID; only joined devices are advised to switch.
  appliesWhen: (plan) => auth(plan) === 'token',
  needs: ['identity.deviceJoin'],
  check(plan) {
    const join = plan.choice('identity.deviceJoin');
    if (join !== 'entra-joined' && join !== 'hybrid-joined') return undefined;
    return { message: `These devices are ${join === 'entra-joined' ? 'Entra joined' : 'hybrid joined'}, yet clients authenticate with site tokens, the fallback for devices that can't join Microsoft Entra ID or get a PKI certificate, and device scenarios only. Use Microsoft Entra ID client authentication (site.clientAuthentication: entra-id).`, path: 'site.clientAuthentication' };
  },
  examples: {
    fail: ['version: 1\nsite:\n  clientAuthentication: token\nidentity:\n  deviceJoin: entra-joined'],
    pass: ['version: 1\nsite:\n  clientAuthentication: token\nidentity:\n  deviceJoin: registered', 'version: 1\nsite:\n  clientAuthentication: entra-id\nidentity:\n  deviceJoin: entra-joined'],
  },
});

export const internetInstallNeedsAuth = defineReadinessRule({
  id: 'internet-install-needs-auth', area: 'cmg', severity: 'error', source: 'intune/configmgr/core/clients/manage/cmg/configure-clients.md (newer copy)',
  basis: { words: 'requires one of the following conditions', page: `${CMG_DOCS}/configure-clients#install-off-premises-clients-using-a-cmg` },
  title: 'Clients installed over the CMG with PKI client authentication already hold a client authentication certificate, unless they are Entra joined or hybrid joined',
  docUrl: `${CMG_DOCS}/configure-clients#install-off-premises-clients-using-a-cmg`,
  appliesWhen: (plan) => hasCmg(plan) && (onInternetPath(plan) || installsAgent(plan)) && auth(plan) === 'pki',
  needs: ['site.pkiClientCertificates'],
  // Without certificates, Entra joined or hybrid joined devices still install through the CMG: the page's other condition.
  needsEach: (plan) => plan.bool('site.pkiClientCertificates') === false ? ['identity.deviceJoin'] : [],
  check(plan) {
    if (plan.bool('site.pkiClientCertificates') !== false) return undefined;
    const join = plan.choice('identity.deviceJoin');
    if (join === 'entra-joined' || join === 'hybrid-joined') return undefined;
    return { message: `Installing the client through the CMG with ccmsetup /mp needs either a valid, trusted client authentication certificate on each device before setup runs, or a device that is Entra joined or hybrid joined; these devices have neither (site.pkiClientCertificates: false, identity.deviceJoin: ${join}). Issue the certificates first, join the devices to Microsoft Entra ID, or install with a bulk registration token.`, path: 'site.pkiClientCertificates' };
  },
  examples: {
    fail: [`version: 1\npath: new-internet-devices\nsite:\n  clientAuthentication: pki\n  pkiClientCertificates: false\n  cmg:\n    address: ${ADDRESS}\nidentity:\n  deviceJoin: registered`],
    pass: [
      `version: 1\npath: new-internet-devices\nsite:\n  clientAuthentication: pki\n  pkiClientCertificates: true\n  cmg:\n    address: ${ADDRESS}`,
      `version: 1\npath: new-internet-devices\nsite:\n  clientAuthentication: pki\n  pkiClientCertificates: false\n  cmg:\n    address: ${ADDRESS}\nidentity:\n  deviceJoin: entra-joined`,
    ],
  },
});

export const tokenClientsLatestVersion = defineReadinessRule({
  id: 'token-clients-latest-version', area: 'cmg', severity: 'error', source: TOKEN_SOURCE,
  basis: { words: "isn't functional until the client version", page: TOKEN_DOC, override: 'Not functional means the token scenario fails until clients run the latest version' },
  title: 'Clients that use site tokens run the site\'s latest client version',
  docUrl: TOKEN_DOC,
  appliesWhen: (plan) => auth(plan) === 'token',
  needs: ['clients.latestVersion'],
  check(plan) {
    if (plan.bool('clients.latestVersion') !== false) return undefined;
    return { message: 'Token-based authentication works only once the clients, not just the site, run the latest version; update the clients (promote the new client version to production if needed).', path: 'clients.latestVersion' };
  },
  examples: {
    fail: ['version: 1\nsite:\n  clientAuthentication: token\nclients:\n  latestVersion: false'],
    pass: ['version: 1\nsite:\n  clientAuthentication: token\nclients:\n  latestVersion: true'],
  },
});

const ENTRA_INSTALL = 'https://learn.microsoft.com/intune/configmgr/core/clients/deploy/deploy-clients-cmg-azure';

export const mpAspNet45ForEntraAuth = defineReadinessRule({
  id: 'mp-aspnet45-for-entra-auth', area: 'site', severity: 'error',
  basis: { words: 'also enable ASP.NET 4.5', page: `${ENTRA_INSTALL}#before-you-begin`, override: 'Listed under Before you begin as a prerequisite of the management point for Microsoft Entra client authentication (the CMG client authentication page lists it among the requirements)' },
  source: 'intune/configmgr/core/clients/deploy/deploy-clients-cmg-azure.md (newer copy); intune/configmgr/core/clients/manage/cmg/plan-client-authentication.md (newer copy)',
  title: 'With Microsoft Entra client authentication, the management point has ASP.NET 4.5 enabled',
  docUrl: `${ENTRA_INSTALL}#before-you-begin`,
  appliesWhen: (plan) => auth(plan) === 'entra-id',
  needs: ['site.managementPointAspNet45'],
  check(plan) {
    if (plan.bool('site.managementPointAspNet45') !== false) return undefined;
    return { message: 'Clients authenticate with Microsoft Entra ID, so the management point server needs ASP.NET 4.5 (with the options Windows selects along with it) on top of the usual management point prerequisites; add the feature.', path: 'site.managementPointAspNet45' };
  },
  examples: {
    fail: ['version: 1\nsite:\n  clientAuthentication: entra-id\n  managementPointAspNet45: false'],
    pass: ['version: 1\nsite:\n  clientAuthentication: entra-id\n  managementPointAspNet45: true'],
  },
});

export const cmgConnectionPointClientCert = defineReadinessRule({
  id: 'cmg-connection-point-client-cert', area: 'cmg', severity: 'error', source: SETUP_SOURCE,
  basis: { words: 'connection point needs this certificate', page: `${CMG_SETUP}#add-the-cmg-connection-point` },
  title: 'With PKI client authentication, the CMG connection point server holds a client authentication certificate',
  docUrl: `${CMG_SETUP}#add-the-cmg-connection-point`,
  appliesWhen: (plan) => hasCmg(plan) && auth(plan) === 'pki' && plan.bool('site.cmg.connectionPoint') !== false,
  needs: ['site.cmg.connectionPointClientCertificate'],
  check(plan) {
    if (plan.bool('site.cmg.connectionPointClientCertificate') !== false) return undefined;
    return { message: 'Clients authenticate to the CMG with PKI certificates, so the server that holds the CMG connection point needs a client authentication certificate too; issue one to that server.', path: 'site.cmg.connectionPointClientCertificate' };
  },
  examples: {
    fail: [`version: 1\nsite:\n  clientAuthentication: pki\n  cmg:\n    address: ${ADDRESS}\n    connectionPoint: true\n    connectionPointClientCertificate: false`],
    pass: [`version: 1\nsite:\n  clientAuthentication: pki\n  cmg:\n    address: ${ADDRESS}\n    connectionPoint: true\n    connectionPointClientCertificate: true`],
  },
});

export const cmgClientCertTrustedRoots = defineReadinessRule({
  id: 'cmg-client-cert-trusted-roots', area: 'cmg', severity: 'error', source: SETUP_SOURCE,
  basis: { words: 'Add all of the certificates', page: `${CMG_SETUP}#set-up-a-cmg`, override: 'A setup step without a modal verb: the CMG can only validate PKI client certificates whose chain it was given' },
  title: 'With PKI client authentication, the CMG has the trusted root (and chain) of the client certificates',
  docUrl: `${CMG_SETUP}#set-up-a-cmg`,
  appliesWhen: (plan) => hasCmg(plan) && auth(plan) === 'pki',
  needs: ['site.cmg.clientTrustedRootsAdded'],
  check(plan) {
    if (plan.bool('site.cmg.clientTrustedRootsAdded') !== false) return undefined;
    return { message: 'Clients authenticate with PKI certificates, so add the trusted root certificate and every certificate of the client certificates\' chain to the CMG (Settings page, Certificates). Entra ID and site tokens don\'t need this.', path: 'site.cmg.clientTrustedRootsAdded' };
  },
  examples: {
    fail: [`version: 1\nsite:\n  clientAuthentication: pki\n  cmg:\n    address: ${ADDRESS}\n    clientTrustedRootsAdded: false`],
    pass: [`version: 1\nsite:\n  clientAuthentication: pki\n  cmg:\n    address: ${ADDRESS}\n    clientTrustedRootsAdded: true`],
  },
});

export const siteCrlCheckWithoutPublishedCrl = defineReadinessRule({
  id: 'site-crl-check-without-published-crl', area: 'site', severity: 'error', source: SETUP_SOURCE,
  basis: { words: "If you don't publish a CRL", page: `${CMG_SETUP}#configure-primary-site-for-client-certificate-authentication`, override: 'The setup step turns the CRL check off when no CRL is published: with the check on, clients can\'t verify site system certificates and the connection fails' },
  title: 'With PKI client authentication and no published CRL, clients don\'t check the CRL for site systems',
  docUrl: `${CMG_SETUP}#configure-primary-site-for-client-certificate-authentication`,
  appliesWhen: (plan) => hasCmg(plan) && auth(plan) === 'pki',
  needs: ['site.clientsCheckCrl', 'site.crlPublishedToInternet'],
  check(plan) {
    if (plan.bool('site.clientsCheckCrl') !== true || plan.bool('site.crlPublishedToInternet') !== false) return undefined;
    return { message: 'Your PKI\'s CRL isn\'t published where internet-based clients reach it, yet the primary site has clients check the CRL for site systems; clear "Clients check the certificate revocation list (CRL) for site systems" on the Communication Security tab, or publish the CRL.', path: 'site.clientsCheckCrl' };
  },
  examples: {
    fail: [`version: 1\nsite:\n  clientAuthentication: pki\n  crlPublishedToInternet: false\n  clientsCheckCrl: true\n  cmg:\n    address: ${ADDRESS}`],
    pass: [`version: 1\nsite:\n  clientAuthentication: pki\n  crlPublishedToInternet: false\n  clientsCheckCrl: false\n  cmg:\n    address: ${ADDRESS}`],
  },
});
