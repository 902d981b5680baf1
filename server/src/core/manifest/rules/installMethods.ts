// Client installation methods other than client push and the co-management settings policy: an
// Intune app that installs ccmsetup.msi, software update-based and group policy installation (and
// where they take their installation properties from), and what workgroup computers can't have.
// The ccmsetup rules check the Intune app's line (comanagement.intuneApp.commandLine) as ccmsetup.msi's
// arguments, or as the program it names (plan.ts, OTHER_COMMAND_LINES).
import { find, targetsCmg } from '../../ccmsetup/query';
// The ConfigMgrInstallation template's string limit, unless its MAXLEN is raised (the ccmsetup rule adm-template-length uses it too).
import { ADM_TEMPLATE_MAXLEN as ADM_TEMPLATE_LIMIT } from '../../ccmsetup/rules/cautions';
import { Plan } from '../plan';
import { onInternetPath } from './cmg';
import { defineReadinessRule } from './types';

const METHODS = 'https://learn.microsoft.com/intune/configmgr/core/clients/deploy/plan/client-installation-methods';
const METHODS_SOURCE = 'intune/configmgr/core/clients/deploy/plan/client-installation-methods.md (newer copy)';
const DEPLOY = 'https://learn.microsoft.com/intune/configmgr/core/clients/deploy/deploy-clients-to-windows-computers';
const DEPLOY_SOURCE = 'intune/configmgr/core/clients/deploy/deploy-clients-to-windows-computers.md (newer copy)';
const TUTORIAL = 'https://learn.microsoft.com/intune/configmgr/comanage/tutorial-co-manage-new-devices';
const TUTORIAL_SOURCE = 'intune/configmgr/comanage/tutorial-co-manage-new-devices.md (newer copy)';

/** The methods that reach a device from the site or the domain, not from Intune during enrollment. */
export const ON_PREMISES_METHODS: ReadonlySet<string> = new Set(['client-push', 'software-update-point', 'group-policy', 'logon-script', 'manual']);

const method = (plan: Plan) => plan.choice('comanagement.clientInstallMethod');
/** An Intune app (line-of-business or Win32) installs the client. */
const viaIntuneApp = (plan: Plan) => method(plan) === 'intune-lob-app' || method(plan) === 'intune-win32-app';

// ---- Software update-based and group policy installation ----

export const supInstallActiveSup = defineReadinessRule({
  id: 'sup-install-active-sup', area: 'installation', severity: 'error', source: `${DEPLOY_SOURCE}; ${METHODS_SOURCE}`,
  basis: { words: 'must reside in a primary site', page: `${METHODS}#software-update-point-based-installation` },
  title: 'Software update-based installation uses the active software update point of a primary site, the same WSUS server as software updates',
  docUrl: `${DEPLOY}#BKMK_ClientSUP`,
  appliesWhen: (plan) => method(plan) === 'software-update-point',
  needs: ['site.softwareUpdateBasedInstall.activeSupInPrimary'],
  check(plan) {
    if (plan.bool('site.softwareUpdateBasedInstall.activeSupInPrimary') !== false) return undefined;
    return { message: 'Software update-based installation needs a working software update infrastructure: the computers install the client from the same WSUS server that gives them software updates, and it is the active software update point of a primary site (site.softwareUpdateBasedInstall.activeSupInPrimary is false). Set that up, or choose another method.', path: 'site.softwareUpdateBasedInstall.activeSupInPrimary' };
  },
  examples: {
    fail: ['version: 1\ncomanagement:\n  clientInstallMethod: software-update-point\nsite:\n  softwareUpdateBasedInstall:\n    activeSupInPrimary: false'],
    pass: ['version: 1\ncomanagement:\n  clientInstallMethod: software-update-point\nsite:\n  softwareUpdateBasedInstall:\n    activeSupInPrimary: true'],
  },
});

export const supInstallGpo = defineReadinessRule({
  id: 'sup-install-gpo', area: 'installation', severity: 'error', source: `${METHODS_SOURCE}; ${DEPLOY_SOURCE}`,
  basis: { words: 'you must configure a group policy object', page: `${METHODS}#software-update-point-based-installation` },
  title: 'For software update-based installation, a group policy object points new computers at the active software update point and its port',
  docUrl: `${DEPLOY}#configure-a-group-policy-object-to-specify-the-software-update-point`,
  appliesWhen: (plan) => method(plan) === 'software-update-point',
  needs: ['site.softwareUpdateBasedInstall.gpoNamesSup'],
  check(plan) {
    if (plan.bool('site.softwareUpdateBasedInstall.gpoNamesSup') !== false) return undefined;
    return { message: 'A computer without the client learns where its software update point is only from group policy, and the plan has no such policy (site.softwareUpdateBasedInstall.gpoNamesSup: false). Assign a group policy object that sets the intranet Microsoft update service location to the active software update point and its port.', path: 'site.softwareUpdateBasedInstall.gpoNamesSup' };
  },
  examples: {
    fail: ['version: 1\ncomanagement:\n  clientInstallMethod: software-update-point\nsite:\n  softwareUpdateBasedInstall:\n    gpoNamesSup: false'],
    pass: ['version: 1\ncomanagement:\n  clientInstallMethod: software-update-point\nsite:\n  softwareUpdateBasedInstall:\n    gpoNamesSup: true'],
  },
});

export const installPropertiesWithoutSchema = defineReadinessRule({
  id: 'install-properties-without-schema', area: 'installation', severity: 'error', source: `${METHODS_SOURCE}; ${DEPLOY_SOURCE}`,
  basis: { words: 'you must use group policy settings', page: `${METHODS}#group-policy-installation` },
  title: 'Without the Active Directory schema extended, software update-based and group policy installs get their installation properties from group policy',
  docUrl: `${DEPLOY}#BKMK_Provision`,
  appliesWhen: (plan) => method(plan) === 'software-update-point' || method(plan) === 'group-policy',
  needs: ['site.adSchemaExtended', 'site.installPropertiesGpo'],
  check(plan) {
    if (plan.bool('site.adSchemaExtended') !== false || plan.bool('site.installPropertiesGpo') !== false) return undefined;
    const how = method(plan) === 'group-policy' ? 'Group policy installs CCMSetup.msi, which takes no properties' : 'A software update-based install takes no command-line properties';
    return { message: `${how}: it reads them from Active Directory, which isn't extended for Configuration Manager here (site.adSchemaExtended: false), or from group policy, which provisions none (site.installPropertiesGpo: false). Provision the installation properties with the ConfigMgrInstallation administrative template, or extend the schema and publish the site.`, path: 'site.installPropertiesGpo' };
  },
  examples: {
    fail: [
      'version: 1\ncomanagement:\n  clientInstallMethod: group-policy\nsite:\n  adSchemaExtended: false\n  installPropertiesGpo: false',
      'version: 1\ncomanagement:\n  clientInstallMethod: software-update-point\nsite:\n  adSchemaExtended: false\n  installPropertiesGpo: false',
    ],
    pass: [
      'version: 1\ncomanagement:\n  clientInstallMethod: group-policy\nsite:\n  adSchemaExtended: false\n  installPropertiesGpo: true',
      'version: 1\ncomanagement:\n  clientInstallMethod: group-policy\nsite:\n  adSchemaExtended: true\n  installPropertiesGpo: false',
    ],
  },
});

// ---- A logon script ----

export const logonScriptNeedsLogon = defineReadinessRule({
  id: 'logon-script-install-needs-logon', area: 'installation', severity: 'warning', source: DEPLOY_SOURCE,
  basis: {
    words: 'Specify the `/logon` installation parameter', page: `${DEPLOY}#BKMK_ClientLogonScript`,
    override: 'An instruction without a modal verb; without /logon the script reinstalls the client at every sign-in, a documented cost rather than a failure, so a warning',
  },
  title: 'A logon script runs CCMSetup.exe with /logon, so it doesn\'t reinstall the client at each sign-in',
  docUrl: `${DEPLOY}#BKMK_ClientLogonScript`,
  appliesWhen: (plan) => method(plan) === 'logon-script',
  needs: ['comanagement.installCommandLine'],
  check(plan) {
    const line = plan.otherCommandLine('comanagement.installCommandLine');
    if (!line || find(line, 'logon')) return undefined;
    return { message: 'The logon script runs CCMSetup.exe without /logon, so it installs the client again each time a user signs in. Add /logon: setup then stops when any version of the client is already there.', path: 'comanagement.installCommandLine' };
  },
  examples: {
    fail: ['version: 1\ncomanagement:\n  clientInstallMethod: logon-script\n  installCommandLine: ccmsetup.exe /mp:mp01.contoso.com SMSSITECODE=ABC'],
    pass: ['version: 1\ncomanagement:\n  clientInstallMethod: logon-script\n  installCommandLine: ccmsetup.exe /mp:mp01.contoso.com /logon SMSSITECODE=ABC'],
  },
});

export const admTemplate255 = defineReadinessRule({
  id: 'gpo-install-properties-length', area: 'installation', severity: 'warning', source: DEPLOY_SOURCE,
  basis: {
    words: "doesn't support strings larger than 255", page: `${DEPLOY}#BKMK_Provision`,
    override: 'A documented limit with a documented way round it (raise MAXLEN in the template), which the plan can\'t see: a warning',
  },
  title: `The installation properties provisioned by group policy fit in the template's ${ADM_TEMPLATE_LIMIT} characters (or its MAXLEN is raised)`,
  docUrl: `${DEPLOY}#BKMK_Provision`,
  appliesWhen: (plan) => plan.bool('site.installPropertiesGpo') === true,
  needs: ['site.installPropertiesGpoCommandLine'],
  check(plan) {
    const line = plan.otherCommandLine('site.installPropertiesGpoCommandLine');
    const length = line?.text.trim().length ?? 0;
    if (length <= ADM_TEMPLATE_LIMIT) return undefined;
    return { message: `The installation properties for group policy are ${length} characters long; the ConfigMgrInstallation.adm template takes at most ${ADM_TEMPLATE_LIMIT} unless you raise MAXLEN of SetupParameters in the template (MAXLEN 511, say). Raise it, or shorten the properties.`, path: 'site.installPropertiesGpoCommandLine' };
  },
  examples: {
    fail: [`version: 1\nsite:\n  installPropertiesGpo: true\n  installPropertiesGpoCommandLine: SMSSITECODE=ABC CCMCERTISSUERS="${'CN=Contoso Issuing CA; OU=PKI; O=Contoso, Ltd; C=US | '.repeat(5)}CN=Contoso Root CA"`],
    pass: ['version: 1\nsite:\n  installPropertiesGpo: true\n  installPropertiesGpoCommandLine: SMSSITECODE=ABC FSP=fsp01.contoso.com'],
  },
});

// ---- An Intune app that installs the client ----

export const intuneClientAppRequired = defineReadinessRule({
  id: 'intune-client-app-required', area: 'installation', severity: 'error', source: TUTORIAL_SOURCE,
  basis: { words: 'under **Required** assignments', page: `${TUTORIAL}#assign-the-intune-app-to-install-the-configuration-manager-client` },
  title: 'The Intune app that installs the client is assigned as Required',
  docUrl: `${TUTORIAL}#assign-the-intune-app-to-install-the-configuration-manager-client`,
  appliesWhen: viaIntuneApp,
  needs: ['comanagement.intuneApp.intent'],
  check(plan) {
    if (plan.choice('comanagement.intuneApp.intent') !== 'available') return undefined;
    return { message: 'The app that installs the Configuration Manager client is only made available (comanagement.intuneApp.intent: available): a device gets the client, and becomes co-managed, only if its user picks the app in the Company Portal. Assign it as Required to the groups of users or devices to co-manage.', path: 'comanagement.intuneApp.intent' };
  },
  examples: {
    fail: ['version: 1\ncomanagement:\n  clientInstallMethod: intune-lob-app\n  intuneApp:\n    intent: available'],
    pass: ['version: 1\ncomanagement:\n  clientInstallMethod: intune-lob-app\n  intuneApp:\n    intent: required'],
  },
});

export const intuneClientAppTargetUsers = defineReadinessRule({
  id: 'intune-client-app-target-users', area: 'installation', severity: 'warning', source: TUTORIAL_SOURCE,
  basis: { words: 'we recommend that you target users', page: `${TUTORIAL}#use-intune-to-deploy-the-configuration-manager-client` },
  title: 'With Autopilot, the line-of-business app that installs the client is assigned to users, not devices',
  docUrl: `${TUTORIAL}#use-intune-to-deploy-the-configuration-manager-client`,
  appliesWhen: (plan) => method(plan) === 'intune-lob-app' && plan.bool('autopilot.enabled') === true,
  needs: ['comanagement.intuneApp.targetGroupType'],
  check(plan) {
    if (plan.choice('comanagement.intuneApp.targetGroupType') !== 'device') return undefined;
    return { message: 'The line-of-business app that installs the client is assigned to device groups while devices go through Autopilot (comanagement.intuneApp.targetGroupType: device). Line-of-business and Win32 apps installing side by side during Autopilot can conflict; assign the client app to user groups instead.', path: 'comanagement.intuneApp.targetGroupType' };
  },
  examples: {
    fail: ['version: 1\nautopilot:\n  enabled: true\ncomanagement:\n  clientInstallMethod: intune-lob-app\n  intuneApp:\n    targetGroupType: device'],
    pass: ['version: 1\nautopilot:\n  enabled: true\ncomanagement:\n  clientInstallMethod: intune-lob-app\n  intuneApp:\n    targetGroupType: user'],
  },
});

export const intuneLobIntranetClient = defineReadinessRule({
  id: 'intune-lob-intranet-client', area: 'installation', severity: 'error', source: DEPLOY_SOURCE,
  basis: { words: 'it must be on the intranet', page: `${DEPLOY}#bkmk_mdm` },
  title: 'An Intune app installing a traditional intranet client (no CCMHOSTNAME) is used only for devices on the intranet',
  docUrl: `${DEPLOY}#bkmk_mdm`,
  appliesWhen: viaIntuneApp,
  needs: ['comanagement.intuneApp.commandLine', 'path'],
  check(plan) {
    if (!onInternetPath(plan)) return undefined;
    const line = plan.otherCommandLine('comanagement.intuneApp.commandLine');
    // A line through a CMG without CCMHOSTNAME is missing-required-for-intune's (the ccmsetup rules).
    if (!line || find(line, 'CCMHOSTNAME') || targetsCmg(line)) return undefined;
    return { message: 'The Intune app installs a traditional intranet client (its command line has no CCMHOSTNAME), which stays managed only on the intranet inside a site boundary, but this plan\'s devices start on the internet. Use the co-management command line with CCMHOSTNAME set to the CMG address (Microsoft Entra authentication), or install the client on the intranet.', path: 'comanagement.intuneApp.commandLine' };
  },
  examples: {
    fail: ['version: 1\npath: new-internet-devices\ncomanagement:\n  clientInstallMethod: intune-lob-app\n  intuneApp:\n    commandLine: CCMSETUPCMD="/MP:mp01.contoso.com SMSMP=mp01.contoso.com SMSSITECODE=ABC DNSSUFFIX=contoso.com"'],
    pass: [
      'version: 1\npath: new-internet-devices\ncomanagement:\n  clientInstallMethod: intune-lob-app\n  intuneApp:\n    commandLine: CCMSETUPCMD="CCMHOSTNAME=contoso.cloudapp.net/CCM_Proxy_MutualAuth/72186325152220500 SMSSITECODE=ABC"',
      'version: 1\npath: existing-clients\ncomanagement:\n  clientInstallMethod: intune-lob-app\n  intuneApp:\n    commandLine: CCMSETUPCMD="/MP:mp01.contoso.com SMSMP=mp01.contoso.com SMSSITECODE=ABC DNSSUFFIX=contoso.com"',
    ],
  },
});

// ---- Workgroup computers ----

export const workgroupNoUserDeployments = defineReadinessRule({
  id: 'workgroup-no-user-deployments', area: 'installation', severity: 'error', source: DEPLOY_SOURCE,
  basis: { words: "You can't deploy software to users", page: `${DEPLOY}#BKMK_ClientWorkgroup` },
  title: 'Software isn\'t deployed to the users of workgroup computers',
  docUrl: `${DEPLOY}#BKMK_ClientWorkgroup`,
  // Asked only of plans that deploy to users: the others have nothing to lose on workgroup computers.
  appliesWhen: (plan) => plan.bool('site.userCentricDeployments') === true,
  needs: ['clients.workgroup'],
  check(plan) {
    if (plan.bool('clients.workgroup') !== true) return undefined;
    return { message: 'Configuration Manager has no way to deploy software to the users of workgroup computers (clients.workgroup: true), yet the plan deploys apps to users (site.userCentricDeployments: true). Deploy to device collections for those computers, or join them to a domain.', path: 'clients.workgroup' };
  },
  examples: {
    fail: ['version: 1\nclients:\n  workgroup: true\nsite:\n  userCentricDeployments: true'],
    pass: ['version: 1\nclients:\n  workgroup: false\nsite:\n  userCentricDeployments: true'],
  },
});
