// ccmsetup.msi and client.msi properties, written from "About client installation parameters and
// properties" (intune/configmgr/core/clients/deploy/about-client-installation-properties.md).
// Descriptions are ours; each entry links its section.
import { CatalogEntry, EnumValue, docLink } from './types';

const TRUE_FALSE = { kind: 'boolean', form: 'TRUE/FALSE' } as const;
const AZURE_SERVICES = 'https://learn.microsoft.com/intune/configmgr/core/servers/deploy/configure/azure-services-wizard#create-server-application-dialog';
/** The reference gives the ports a default but no range: TCP's range is our bound. */
const PORT = { kind: 'integer', min: 1, max: 65535, advice: 'the range of TCP port numbers' } as const;
const ZERO_ONE = { kind: 'boolean', form: '0/1' } as const;
/** For a 0/1 property whose section describes only one of the two values. */
const ONLY_DESCRIBED = (value: string) => `The reference describes only the value ${value}; the other is not documented.`;

const CACHE_FLAGS: EnumValue[] = [
  { value: 'PERCENTDISKSPACE', description: 'SMSCACHESIZE is a percentage of the total disk space.' },
  { value: 'PERCENTFREEDISKSPACE', description: 'SMSCACHESIZE is a percentage of the free disk space. Not with PERCENTDISKSPACE.' },
  { value: 'MAXDRIVE', description: 'Put the cache on the largest disk (ignored when SMSCACHEDIR is a path).' },
  { value: 'MAXDRIVESPACE', description: 'Put the cache on the disk with the most free space (ignored when SMSCACHEDIR is a path).' },
  { value: 'NTFSONLY', description: 'Only put the cache on an NTFS disk (ignored when SMSCACHEDIR is a path).' },
  { value: 'COMPRESS', description: 'Keep the cache compressed.' },
  { value: 'FAILIFNOSPACE', description: 'Remove the client if the cache does not fit.' },
];

const CONFIG_SOURCES: EnumValue[] = [
  { value: 'R', description: 'Settings provisioned in the registry.' },
  { value: 'P', description: 'Installation properties on the command line.' },
  { value: 'M', description: 'Existing settings of an older client being upgraded.' },
  { value: 'U', description: 'Upgrade the installed client and keep its assigned site code.' },
];

export const PROPERTIES: CatalogEntry[] = [
  {
    name: 'CCMSETUPCMD', kind: 'property', target: 'ccmsetup.msi', value: { kind: 'text' },
    description: 'The ccmsetup.msi property that carries ccmsetup.exe parameters and client.msi properties, in quotes. Intune\'s co-management settings use this form to install the client.',
    notes: ['Intune accepts at most 1024 characters for the command line.'],
    example: '"CCMHOSTNAME=contoso.cloudapp.net/CCM_Proxy_MutualAuth/72186325152220500 SMSSITECODE=ABC"',
    docUrl: docLink('ccmsetupcmd'),
  },
  {
    name: 'AADCLIENTAPPID', kind: 'property', target: 'client.msi', value: { kind: 'guid' },
    related: ['AADRESOURCEURI', 'AADTENANTID', 'UsePKICert'],
    description: 'Application ID of the Microsoft Entra client (native) app created for Cloud Management.',
    example: 'aa28e7f1-b88a-43cd-a2e3-f88b257c863b',
    docUrl: docLink('aadclientappid'),
  },
  {
    name: 'AADRESOURCEURI', kind: 'property', target: 'client.msi', value: { kind: 'url', appIdUri: true },
    related: ['AADCLIENTAPPID', 'AADTENANTID', 'UsePKICert'],
    description: 'App ID URI of the Microsoft Entra server (web) app created for Cloud Management.',
    notes: [`The Azure Services page recommends an App ID URI of the form api://<tenant ID>/<name> or https://<verified domain>/<name> (${AZURE_SERVICES}).`],
    example: 'https://contososerver',
    docUrl: docLink('aadresourceuri'),
  },
  {
    name: 'AADTENANTID', kind: 'property', target: 'client.msi', value: { kind: 'guid' },
    related: ['AADCLIENTAPPID', 'AADRESOURCEURI'],
    description: 'ID of the Microsoft Entra tenant the site is linked to (TenantId in `dsregcmd /status`).',
    example: '607b7853-6f6f-4d5d-b3d4-811c33fdd49a',
    docUrl: docLink('aadtenantid'),
  },
  {
    name: 'CCMADMINS', kind: 'property', target: 'client.msi', value: { kind: 'list', separator: ';', item: { kind: 'text' } },
    description: 'Windows accounts or groups given access to client settings and policies, separated by semicolons.',
    example: '"domain\\account1;domain\\group1"',
    docUrl: docLink('ccmadmins'),
  },
  {
    name: 'CCMALLOWSILENTREBOOT', kind: 'property', target: 'client.msi', value: { kind: 'none' },
    description: 'Lets the computer restart after installation, without warning, even with a user signed in. Written on its own, without a value.',
    docUrl: docLink('ccmallowsilentreboot'),
  },
  {
    name: 'CCMALWAYSINF', kind: 'property', target: 'client.msi', value: ZERO_ONE,
    related: ['CCMHOSTNAME', 'SMSSITECODE', 'UsePKICert'],
    description: 'Set to 1 for a client that is always on the internet and never uses the intranet (connection type "Always Internet"). Goes with CCMHOSTNAME, SMSSITECODE and /UsePKICert.',
    notes: [ONLY_DESCRIBED('1')],
    example: '1',
    docUrl: docLink('ccmalwaysinf'),
  },
  {
    name: 'CCMCERTISSUERS', kind: 'property', target: 'client.msi', value: { kind: 'text' },
    description: 'The trusted root CAs the site accepts, as case-sensitive subject attributes separated by commas or semicolons; separate CAs with |. The site\'s mobileclient.tcf has the value.',
    example: '"CN=Contoso Root CA; OU=Servers; O=Contoso, Ltd; C=US"',
    docUrl: docLink('ccmcertissuers'),
  },
  {
    name: 'CCMCERTNAMECHECK', kind: 'property', target: 'client.msi', value: ZERO_ONE, sinceVersion: 2207,
    description: 'Set to 0 to skip checking the subject name of the client certificate.',
    notes: [ONLY_DESCRIBED('0')],
    example: '0',
    docUrl: docLink('ccmcertnamecheck'),
  },
  {
    name: 'CCMCERTSEL', kind: 'property', target: 'client.msi', value: { kind: 'text' },
    related: ['CCMFIRSTCERT', 'CCMCERTSTORE'],
    description: 'How to pick the client authentication certificate when there are several: Subject:<exact>, SubjectStr:<part> or SubjectAttr:<OID or name> = <value>.',
    example: '"SubjectStr:contoso.com"',
    docUrl: docLink('ccmcertsel'),
  },
  {
    name: 'CCMCERTSTORE', kind: 'property', target: 'client.msi', value: { kind: 'text' },
    description: 'Another certificate store to search when the computer\'s Personal store has no valid certificate.',
    example: '"ConfigMgr"',
    docUrl: docLink('ccmcertstore'),
  },
  {
    name: 'CCMDEBUGLOGGING', kind: 'property', target: 'client.msi', value: ZERO_ONE, defaultValue: '0',
    related: ['CCMENABLELOGGING', 'CCMLOGLEVEL'],
    description: 'Set to 1 for low-level debug logging during troubleshooting. Needs logging on (CCMENABLELOGGING=TRUE); not meant for production.',
    example: '1',
    docUrl: docLink('ccmdebuglogging'),
  },
  {
    name: 'CCMENABLELOGGING', kind: 'property', target: 'client.msi', value: TRUE_FALSE, defaultValue: 'TRUE',
    related: ['CCMDEBUGLOGGING', 'CCMLOGLEVEL'],
    description: 'Turns client logging on (TRUE, the default) or off (FALSE).',
    example: 'TRUE',
    docUrl: docLink('ccmenablelogging'),
  },
  {
    name: 'CCMEVALINTERVAL', kind: 'property', target: 'client.msi', value: { kind: 'integer', min: 1, max: 1440, unit: 'minutes' },
    defaultValue: '1440 (once a day)', related: ['CCMEVALHOUR'],
    description: 'How often, in minutes, the client health evaluation (ccmeval.exe) runs.',
    example: '1440',
    docUrl: docLink('ccmevalinterval'),
  },
  {
    name: 'CCMEVALHOUR', kind: 'property', target: 'client.msi', value: { kind: 'integer', min: 0, max: 23, unit: 'hour of the day' },
    defaultValue: '0 (midnight)', related: ['CCMEVALINTERVAL'],
    description: 'The hour (0 to 23) at which client health evaluation runs.',
    example: '0',
    docUrl: docLink('ccmevalhour'),
  },
  {
    name: 'CCMFIRSTCERT', kind: 'property', target: 'client.msi', value: ZERO_ONE,
    related: ['CCMCERTSEL'],
    description: 'Set to 1 to pick the PKI certificate with the longest validity when several match.',
    notes: [ONLY_DESCRIBED('1')],
    example: '1',
    docUrl: docLink('ccmfirstcert'),
  },
  {
    name: 'CCMHOSTNAME', kind: 'property', target: 'client.msi', value: { kind: 'cmgHost' },
    related: ['SMSSITECODE', 'mp', 'CCMALWAYSINF'],
    description: 'The internet-based management point for a client managed over the internet: an FQDN, or a cloud management gateway address exactly as the client reports it, without https://.',
    notes: ['Do not combine with SMSSITECODE=AUTO: give the site code.', 'Required, with SMSSITECODE, in the command line Intune uses for co-management.'],
    example: 'contoso.cloudapp.net/CCM_Proxy_MutualAuth/72186325152220500',
    docUrl: docLink('ccmhostname'),
  },
  {
    name: 'CCMHTTPPORT', kind: 'property', target: 'client.msi', value: PORT, defaultValue: '80',
    description: 'Port the client uses for HTTP to site systems.',
    example: '80',
    docUrl: docLink('ccmhttpport'),
  },
  {
    name: 'CCMHTTPSPORT', kind: 'property', target: 'client.msi', value: PORT, defaultValue: '443',
    description: 'Port the client uses for HTTPS to site systems.',
    example: '443',
    docUrl: docLink('ccmhttpsport'),
  },
  {
    name: 'CCMINSTALLDIR', kind: 'property', target: 'client.msi', value: { kind: 'path' }, defaultValue: '%WinDir%\\CCM',
    description: 'The folder for the client files. ccmcore.dll still goes to System32 (and SysWOW64).',
    example: '"C:\\ConfigMgr"',
    docUrl: docLink('ccminstalldir'),
  },
  {
    name: 'CCMLOGLEVEL', kind: 'property', target: 'client.msi', defaultValue: '1',
    value: { kind: 'enum', values: [
      { value: '0', description: 'Verbose.' },
      { value: '1', description: 'Default detail.', isDefault: true },
      { value: '2', description: 'Warnings and errors.' },
      { value: '3', description: 'Errors only.' },
    ] },
    related: ['CCMENABLELOGGING', 'CCMDEBUGLOGGING'],
    description: 'How much detail the client writes to its logs.',
    example: '0',
    docUrl: docLink('ccmloglevel'),
  },
  {
    name: 'CCMLOGMAXHISTORY', kind: 'property', target: 'client.msi', value: { kind: 'integer', min: 0 }, defaultValue: '1',
    description: 'How many rolled-over copies of each log to keep; 0 keeps none.',
    example: '5',
    docUrl: docLink('ccmlogmaxhistory'),
  },
  {
    name: 'CCMLOGMAXSIZE', kind: 'property', target: 'client.msi', value: { kind: 'integer', min: 10000, unit: 'bytes' }, defaultValue: '250000',
    description: 'Largest size of a log file in bytes before it rolls over (at least 10,000).',
    example: '300000',
    docUrl: docLink('ccmlogmaxsize'),
  },
  {
    name: 'DISABLESITEOPT', kind: 'property', target: 'client.msi', value: TRUE_FALSE,
    description: 'TRUE stops administrators changing the assigned site in the Configuration Manager control panel.',
    example: 'TRUE',
    docUrl: docLink('disablesiteopt'),
  },
  {
    name: 'DISABLECACHEOPT', kind: 'property', target: 'client.msi', value: TRUE_FALSE,
    description: 'TRUE stops administrators changing the client cache settings in the Configuration Manager control panel.',
    example: 'TRUE',
    docUrl: docLink('disablecacheopt'),
  },
  {
    name: 'DNSSUFFIX', kind: 'property', target: 'client.msi', value: { kind: 'host' },
    description: 'The DNS domain in which the client looks for management points published to DNS (not needed when the client is in that domain; DNS publishing is off by default).',
    example: 'contoso.com',
    docUrl: docLink('dnssuffix'),
  },
  {
    name: 'FSP', kind: 'property', target: 'client.msi', value: { kind: 'host' },
    description: 'The fallback status point that receives the client\'s state messages.',
    example: 'SMSFP01',
    docUrl: docLink('fsp'),
  },
  {
    name: 'IGNOREAPPVVERSIONCHECK', kind: 'property', target: 'client.msi', value: TRUE_FALSE,
    description: 'TRUE skips the check for the minimum App-V version. Without App-V, virtual applications can\'t be deployed.',
    example: 'TRUE',
    docUrl: docLink('ignoreappvversioncheck'),
  },
  {
    name: 'MANAGEDINSTALLER', kind: 'property', target: 'client.msi', value: ZERO_ONE,
    description: 'Set to 1 to make ccmsetup.exe and client.msi managed installers for Windows Defender Application Control.',
    notes: [ONLY_DESCRIBED('1')],
    example: '1',
    docUrl: docLink('managedinstaller'),
  },
  {
    name: 'NOTIFYONLY', kind: 'property', target: 'client.msi', value: TRUE_FALSE,
    description: 'TRUE makes client health evaluation report problems without fixing them.',
    example: 'TRUE',
    docUrl: docLink('notifyonly'),
  },
  {
    name: 'PROVISIONTS', kind: 'property', target: 'client.msi', value: { kind: 'deploymentId' }, msiOnly: true,
    description: 'The deployment ID of a task sequence (deployed to All Provisioning Devices) to run as soon as the client has registered with the site.',
    notes: [
      'Only supported when the client installs with ccmsetup.msi (as Intune does).',
      'The task sequence runs with the Default Client Settings.',
      'A task sequence that installs updates or apps needs a client authentication certificate; a token alone is not enough.',
    ],
    example: 'PRI20001',
    docUrl: docLink('provisionts'),
  },
  {
    name: 'RESETKEYINFORMATION', kind: 'property', target: 'client.msi', value: TRUE_FALSE,
    description: 'TRUE removes an old trusted root key, for example after moving the client to another hierarchy.',
    example: 'TRUE',
    docUrl: docLink('resetkeyinformation'),
  },
  {
    name: 'SITEREASSIGN', kind: 'property', target: 'client.msi', value: TRUE_FALSE,
    related: ['SMSSITECODE'],
    description: 'TRUE turns on automatic site reassignment during client upgrades; it works together with SMSSITECODE=AUTO.',
    example: 'TRUE',
    docUrl: docLink('sitereassign'),
  },
  {
    name: 'SMSCACHEDIR', kind: 'property', target: 'client.msi', value: { kind: 'path' }, defaultValue: '%WinDir%\\ccmcache',
    related: ['SMSCACHEFLAGS', 'SMSCACHESIZE'],
    description: 'Where the client cache folder goes.',
    example: '"C:\\Temp"',
    docUrl: docLink('smscachedir'),
  },
  {
    name: 'SMSCACHEFLAGS', kind: 'property', target: 'client.msi',
    value: { kind: 'list', separator: ';', item: { kind: 'text' }, allowed: CACHE_FLAGS },
    related: ['SMSCACHEDIR', 'SMSCACHESIZE'],
    description: 'Extra cache options, alone or several separated by semicolons. Ignored when an existing client is upgraded.',
    example: 'NTFSONLY;COMPRESS',
    docUrl: docLink('smscacheflags'),
  },
  {
    name: 'SMSCACHESIZE', kind: 'property', target: 'client.msi', value: { kind: 'integer', min: 1, unit: 'MB, or percent with a PERCENT flag', advice: 'an empty cache holds nothing' },
    related: ['SMSCACHEFLAGS', 'SMSCACHEDIR'],
    description: 'Cache size in MB, or a percentage when SMSCACHEFLAGS has PERCENTDISKSPACE or PERCENTFREEDISKSPACE. Client settings for the cache size now take its place.',
    notes: ['Ignored on upgrade, and it can\'t make the cache smaller than before on a reinstall.'],
    example: '100',
    docUrl: docLink('smscachesize'),
  },
  {
    name: 'SMSCONFIGSOURCE', kind: 'property', target: 'client.msi', value: { kind: 'letters', letters: CONFIG_SOURCES }, defaultValue: 'PU',
    description: 'Which configuration sources the installer reads, and in what order, one letter each: R registry, P command line, M existing settings, U upgrade keeping the site code.',
    example: 'RP',
    docUrl: docLink('smsconfigsource'),
  },
  {
    name: 'SMSMP', kind: 'property', target: 'client.msi', value: { kind: 'hostOrUrl' },
    related: ['SMSMPLIST', 'mp'],
    description: 'The first management point the installed client uses. Prefix https:// when that management point only accepts HTTPS.',
    example: 'https://mp1.contoso.com',
    docUrl: docLink('smsmp'),
  },
  {
    name: 'SMSMPLIST', kind: 'property', target: 'client.msi', value: { kind: 'list', separator: ';', item: { kind: 'hostOrUrl' } },
    related: ['SMSMP', 'mp'],
    description: 'Management points the installed client uses, separated by semicolons. Prefix https:// for those that only accept HTTPS.',
    example: 'https://smsmp01.contoso.com;smsmp02.contoso.com',
    docUrl: docLink('smsmplist'),
  },
  {
    name: 'SMSPUBLICROOTKEY', kind: 'property', target: 'client.msi', value: { kind: 'text' },
    related: ['SMSROOTKEYPATH', 'RESETKEYINFORMATION'],
    description: 'The site\'s trusted root key, for clients that can\'t read it from Active Directory (the value is in mobileclient.tcf).',
    docUrl: docLink('smspublicrootkey'),
  },
  {
    name: 'SMSROOTKEYPATH', kind: 'property', target: 'client.msi', value: { kind: 'path' },
    related: ['SMSPUBLICROOTKEY', 'RESETKEYINFORMATION'],
    description: 'Full path of a file holding the trusted root key, to reinstall it.',
    example: 'C:\\folder\\trk',
    docUrl: docLink('smsrootkeypath'),
  },
  {
    name: 'SMSSIGNCERT', kind: 'property', target: 'client.msi', value: { kind: 'path' },
    description: 'Full path of the exported site server signing certificate (without its private key).',
    example: 'C:\\folder\\smssign.cer',
    docUrl: docLink('smssigncert'),
  },
  {
    name: 'SMSSITECODE', kind: 'property', target: 'client.msi', value: { kind: 'siteCode', allowAuto: true },
    defaultValue: 'AUTO (left out, the client looks its site up as with AUTO)',
    related: ['CCMHOSTNAME', 'SITEREASSIGN'],
    description: 'The site to assign the client to: a three-character site code, or AUTO to look it up in Active Directory or from the management point.',
    notes: ['Use a real site code, not AUTO (nor leave it out), together with CCMHOSTNAME.', 'Required, with CCMHOSTNAME, in the command line Intune uses for co-management.'],
    example: 'ABC',
    docUrl: docLink('smssitecode'),
  },
  {
    name: 'UPGRADETOLATEST', kind: 'property', target: 'client.msi', value: { kind: 'text', undocumented: true }, valueOptional: true,
    aliases: [{
      name: 'UpgradeToLatest', kind: 'parameter', olderReference: true, fixValue: 'TRUE',
      note: 'The newest reference documents UPGRADETOLATEST as a client.msi property; an older copy of the page listed /UpgradeToLatest among the ccmsetup.exe parameters.',
    }],
    description: 'Makes setup ask the management point for the newest client version (including pre-production) instead of the production baseline, so a new device, for example one from Autopilot, starts on the latest client. It also keeps a pull distribution point on the same client version as its binaries.',
    notes: ['No copy of the reference documents a value for it: comanage accepts it bare or with a value, and writes UPGRADETOLATEST=TRUE.'],
    docUrl: docLink('upgradetolatest'),
  },
];
