// ccmsetup.exe command-line parameters, written from "About client installation parameters and
// properties" (intune/configmgr/core/clients/deploy/about-client-installation-properties.md,
// re-checked against MicrosoftDocs/memdocs commit d8d5fa8f, ms.date 04/05/2022). Descriptions are ours.
// Only versions and ranges the page states are written as such; a bound it doesn't give is `advice`.
import { CatalogEntry, docLink } from './types';

const PREPARE_WIN10 = 'https://learn.microsoft.com/intune/configmgr/comanage/how-to-prepare-win10#get-the-command-line-from-configuration-manager';

export const PARAMETERS: CatalogEntry[] = [
  {
    name: '?', kind: 'parameter', target: 'ccmsetup.exe', value: { kind: 'none' },
    description: 'Prints the list of ccmsetup.exe parameters and exits. It installs nothing.',
    docUrl: docLink('bkmk_help'),
  },
  {
    name: 'AllowMetered', kind: 'parameter', target: 'ccmsetup.exe', value: { kind: 'none' },
    clientPush: true, clientPushSince: 2103,
    description: 'Lets setup download content, register with the site and fetch its first policy over a metered network. After that, the client setting for metered connections applies.',
    notes: ['Allowed in client push from version 2103.'],
    docUrl: docLink('allowmetered'),
  },
  {
    name: 'AlwaysExcludeUpgrade', kind: 'parameter', target: 'ccmsetup.exe', clientPush: true,
    value: { kind: 'enum', values: [
      { value: 'TRUE', description: 'The client is stamped to skip automatic client upgrade.' },
      { value: 'FALSE', description: 'Automatic client upgrade applies as usual.', isDefault: true },
    ] },
    defaultValue: 'FALSE',
    description: 'Marks the client so that automatic client upgrade leaves it alone: the upgrade starts, notices the stamp and stops.',
    example: 'TRUE',
    docUrl: docLink('alwaysexcludeupgrade'),
  },
  {
    name: 'BITSPriority', kind: 'parameter', target: 'ccmsetup.exe', clientPush: true,
    value: { kind: 'enum', values: [
      { value: 'FOREGROUND', description: 'Download in the foreground, ahead of everything else.' },
      { value: 'HIGH', description: 'High background priority.' },
      { value: 'NORMAL', description: 'Normal background priority.', isDefault: true },
      { value: 'LOW', description: 'Low background priority.' },
    ] },
    defaultValue: 'NORMAL',
    description: 'The BITS priority for downloading the installation files over HTTP.',
    example: 'HIGH',
    docUrl: docLink('bitspriority'),
  },
  {
    name: 'config', kind: 'parameter', target: 'ccmsetup.exe', value: { kind: 'path' },
    description: 'Reads client installation properties from a text file (based on mobileclienttemplate.tcf). The file sits in %Windir%\\Ccmsetup when setup runs as a service, or next to ccmsetup.exe with /noservice.',
    example: '"configuration file name.txt"',
    docUrl: docLink('config'),
  },
  {
    name: 'downloadtimeout', kind: 'parameter', target: 'ccmsetup.exe', clientPush: true,
    value: { kind: 'integer', min: 1, unit: 'minutes', advice: 'a timeout needs at least one minute' }, defaultValue: '1440 (one day)',
    related: ['retry'],
    description: 'How many minutes setup keeps trying to download the installation files before it gives up.',
    example: '100',
    docUrl: docLink('downloadtimeout'),
  },
  {
    name: 'ExcludeFeatures', kind: 'parameter', target: 'ccmsetup.exe', clientPush: true,
    value: { kind: 'enum', values: [{ value: 'ClientUI', description: 'Software Center is not installed.' }] },
    description: 'Leaves a feature out of the installation. ClientUI (Software Center) is the only documented value.',
    example: 'ClientUI',
    docUrl: docLink('excludefeatures'),
  },
  {
    name: 'forceinstall', kind: 'parameter', target: 'ccmsetup.exe', value: { kind: 'none' },
    description: 'Removes any client already installed, then installs a fresh one.',
    docUrl: docLink('forceinstall'),
  },
  {
    name: 'forcereboot', kind: 'parameter', target: 'ccmsetup.exe', value: { kind: 'none' }, clientPush: true,
    description: 'Restarts the computer when the installation needs it. Without it, setup stops and carries on after the next manual restart.',
    docUrl: docLink('forcereboot'),
  },
  {
    name: 'IgnoreSkipUpgrade', kind: 'parameter', target: 'ccmsetup.exe', value: { kind: 'none' },
    description: 'Upgrades a client by hand even though it belongs to a collection excluded from automatic upgrade.',
    docUrl: docLink('ignoreskipupgrade'),
  },
  {
    name: 'logon', kind: 'parameter', target: 'ccmsetup.exe', value: { kind: 'none' }, clientPush: true,
    description: 'Stops the installation if any version of the client is already on the device.',
    docUrl: docLink('logon'),
  },
  {
    name: 'mp', kind: 'parameter', target: 'ccmsetup.exe',
    value: { kind: 'list', separator: ';', item: { kind: 'hostOrUrl' } },
    related: ['SMSMP', 'SMSMPLIST', 'source', 'CCMHOSTNAME'],
    description: 'The management point setup asks for the nearest download source (and downloads from, as a last resort). It does not assign the client to that management point. Separate several with semicolons; they are tried in order.',
    notes: [
      'For a cloud management gateway, use its address with the https:// prefix.',
      'Over HTTPS, give the FQDN that matches the management point certificate.',
      'To set the management point the installed client uses, see SMSMP and SMSMPLIST.',
    ],
    example: 'https://contoso.cloudapp.net/CCM_Proxy_MutualAuth/72057598037248100',
    docUrl: docLink('mp'),
  },
  {
    name: 'NoCRLCheck', kind: 'parameter', target: 'ccmsetup.exe', value: { kind: 'none' },
    related: ['UsePKICert'],
    description: 'Skips the certificate revocation list check when the client talks HTTPS with a PKI certificate.',
    notes: [`The co-management page for internet-based devices recommends publishing the CRL rather than skipping the check (${PREPARE_WIN10}).`],
    docUrl: docLink('nocrlcheck'),
  },
  {
    name: 'noservice', kind: 'parameter', target: 'ccmsetup.exe', value: { kind: 'none' },
    related: ['service', 'config'],
    description: 'Runs setup as the signed-in user instead of as a Local System service, for when the computer account cannot reach the network resources setup needs.',
    docUrl: docLink('noservice'),
  },
  {
    name: 'regtoken', kind: 'parameter', target: 'ccmsetup.exe', value: { kind: 'token' },
    related: ['mp', 'CCMHOSTNAME', 'SMSSITECODE', 'SMSMP'],
    description: 'A bulk registration token an internet-based device uses to register through a cloud management gateway. Needs /mp, CCMHOSTNAME, SMSSITECODE and SMSMP on the same line.',
    notes: ['The token is a secret: keep it out of files that are shared or committed.'],
    docUrl: docLink('regtoken'),
  },
  {
    name: 'retry', kind: 'parameter', target: 'ccmsetup.exe', value: { kind: 'integer', min: 1, unit: 'minutes', advice: 'an interval needs at least one minute' },
    related: ['downloadtimeout'],
    description: 'Minutes to wait between download attempts, until /downloadtimeout is reached.',
    example: '20',
    docUrl: docLink('retry'),
  },
  {
    name: 'service', kind: 'parameter', target: 'ccmsetup.exe', value: { kind: 'none' },
    related: ['noservice'],
    description: 'Runs setup as a service under the Local System account. A script that starts it gets control back as soon as the service starts.',
    docUrl: docLink('service'),
  },
  {
    name: 'skipprereq', kind: 'parameter', target: 'ccmsetup.exe', clientPush: true,
    value: { kind: 'list', separator: ';', item: { kind: 'text' } },
    description: 'Prerequisite files setup should not install. Separate several with semicolons.',
    example: 'filename.exe',
    docUrl: docLink('skipprereq'),
  },
  {
    name: 'source', kind: 'parameter', target: 'ccmsetup.exe', value: { kind: 'path' }, repeatable: true,
    related: ['mp'],
    description: 'A local or UNC folder to download the installation files from over SMB. The installing account needs read access. Repeat it to give fallback locations.',
    example: '"\\\\server\\share"',
    docUrl: docLink('source'),
  },
  {
    name: 'uninstall', kind: 'parameter', target: 'ccmsetup.exe', value: { kind: 'none' },
    description: 'Removes the Configuration Manager client (from version 2111, the ccmsetup.msi bootstrap too).',
    docUrl: docLink('uninstall'),
  },
  {
    name: 'UsePKICert', kind: 'parameter', target: 'ccmsetup.exe', value: { kind: 'none' }, clientPush: true,
    related: ['NoCRLCheck', 'CCMALWAYSINF', 'AADCLIENTAPPID', 'AADRESOURCEURI'],
    description: 'Tells the client to use a PKI client authentication certificate. Without it (or without a valid certificate) the client ignores HTTPS management points, CMGs included.',
    notes: ['Leave it off for clients that authenticate with Microsoft Entra ID: it stops them getting Entra onboarding details from the CMG.'],
    docUrl: docLink('usepkicert'),
  },
];
