// The workload manifest format, version 1: every key, its type and meaning. Rules read the plan
// through these keys; the JSON Schema in schemas/ is generated from this file.
import { COMANAGE_DOCS, Field, FieldValue } from './schemaTypes';

const AUTHORITY: FieldValue[] = [
  { value: 'configmgr', description: 'Configuration Manager keeps managing this workload.' },
  { value: 'pilot-intune', description: 'Intune manages it for the devices in the pilot collection; Configuration Manager for the rest.' },
  { value: 'intune', description: 'Intune manages it for every co-managed device.' },
];

function workload(title: string, anchor: string): Field {
  return {
    description: `Who manages ${title}.`,
    docUrl: `${COMANAGE_DOCS}/workloads#${anchor}`,
    type: {
      kind: 'object', fields: {
        authority: { description: 'configmgr, pilot-intune or intune.', type: { kind: 'enum', values: AUTHORITY }, required: true },
        pilotCollection: { description: 'The Configuration Manager collection that gets the Intune side while the workload is on pilot-intune.', type: { kind: 'string' } },
      },
    },
  };
}

const string = (description: string, extra: Partial<Field> = {}): Field => ({ description, type: { kind: 'string' }, ...extra });
const boolean = (description: string, extra: Partial<Field> = {}): Field => ({ description, type: { kind: 'boolean' }, ...extra });
const choice = (description: string, values: FieldValue[], extra: Partial<Field> = {}): Field => ({ description, type: { kind: 'enum', values }, ...extra });
const object = (description: string, fields: Record<string, Field>, extra: Partial<Field> = {}): Field => ({ description, type: { kind: 'object', fields }, ...extra });

export const WORKLOAD_KEYS = [
  'compliancePolicies', 'windowsUpdatePolicies', 'resourceAccessPolicies', 'endpointProtection',
  'deviceConfiguration', 'officeClickToRunApps', 'clientApps',
] as const;
export type WorkloadKey = typeof WORKLOAD_KEYS[number];

export const MANIFEST_SCHEMA: Field = object('A co-management plan: the site, identity, licensing, Intune enrollment, co-management settings, Autopilot and who manages each workload.', {
  version: { description: 'Version of the manifest format. Only 1 exists.', type: { kind: 'integer', min: 1, max: 1 }, required: true, example: 1 },
  name: string('A name for this plan.', { example: 'Contoso co-management' }),
  path: choice('The setup path this plan follows.', [
    { value: 'existing-clients', description: 'Existing Configuration Manager clients are enrolled into Intune (usually hybrid joined).' },
    { value: 'new-internet-devices', description: 'New internet-based devices join Entra ID, enroll in Intune, then get the Configuration Manager client.' },
    { value: 'autopilot', description: 'Windows Autopilot provisions the device into co-management.' },
    { value: 'managed-desktop', description: 'Microsoft Managed Desktop devices, Autopilot into co-management.' },
  ], { docUrl: `${COMANAGE_DOCS}/quickstart-paths` }),
  site: object('The Configuration Manager site.', {
    code: string('Three-character site code.', { example: 'ABC', type: { kind: 'string', pattern: '^[A-Za-z0-9]{3}$', patternHint: 'three letters or digits' } }),
    version: { description: 'Configuration Manager current branch version, e.g. 2403.', type: { kind: 'integer', min: 1511, max: 9999 }, example: 2403 },
    cmg: object('The cloud management gateway; leave it out when there is none.', {
      address: string('The CMG address as clients report it, without https:// (e.g. contoso.cloudapp.net/CCM_Proxy_MutualAuth/72186325152220500).'),
      contentEnabled: boolean('Whether the CMG serves content (cloud distribution point function).'),
    }, { docUrl: 'https://learn.microsoft.com/intune/configmgr/core/clients/manage/cmg/overview' }),
    clientAuthentication: choice('How clients authenticate to the site over the internet.', [
      { value: 'entra-id', description: 'Microsoft Entra ID (device or user token).' },
      { value: 'pki', description: 'A PKI client authentication certificate.' },
      { value: 'token', description: 'A bulk registration token (Configuration Manager issued).' },
    ], { docUrl: 'https://learn.microsoft.com/intune/configmgr/core/clients/manage/cmg/plan-client-authentication' }),
    managementPoint: string('The management point clients use when they roam back to the intranet (SMSMP).'),
    cloudAttach: boolean('Whether the site is cloud attached (tenant attach / co-management enabled from the console).'),
    azureServices: boolean('Whether the site is onboarded to Microsoft Entra ID for Cloud Management.'),
  }, { docUrl: `${COMANAGE_DOCS}/overview#prerequisites` }),
  identity: object('How devices and users are known to Microsoft Entra ID.', {
    deviceJoin: choice('How Windows devices join.', [
      { value: 'entra-joined', description: 'Joined to Microsoft Entra ID only.' },
      { value: 'hybrid-joined', description: 'Joined to on-premises Active Directory and registered in Microsoft Entra ID.' },
      { value: 'registered', description: 'Only registered (workplace joined) in Microsoft Entra ID.' },
    ]),
    usersSynced: boolean('Whether on-premises users are synchronised to Microsoft Entra ID (Microsoft Entra Connect).'),
  }, { docUrl: `${COMANAGE_DOCS}/overview#microsoft-entra-id` }),
  licensing: object('Licences the tenant has.', {
    entraId: choice('Microsoft Entra ID licence level.', [
      { value: 'none', description: 'Free tier only.' },
      { value: 'P1', description: 'Microsoft Entra ID P1.' },
      { value: 'P2', description: 'Microsoft Entra ID P2.' },
    ]),
    intune: boolean('Whether users have Intune licences.'),
  }, { docUrl: `${COMANAGE_DOCS}/overview#licensing` }),
  intune: object('Intune enrollment settings.', {
    mdmAuthority: choice('The tenant\'s mobile device management authority.', [
      { value: 'intune', description: 'Intune.' },
      { value: 'configmgr', description: 'Configuration Manager (hybrid MDM, retired).' },
      { value: 'none', description: 'Not set.' },
    ]),
    mdmUserScope: choice('Who Windows automatic enrollment applies to.', [
      { value: 'all', description: 'All users.' },
      { value: 'some', description: 'The groups in mdmGroups.' },
      { value: 'none', description: 'Nobody: automatic enrollment is off.' },
    ]),
    mdmGroups: { description: 'Groups for MDM user scope Some.', type: { kind: 'array', items: { description: 'A group name.', type: { kind: 'string' } } } },
    mamUserScope: choice('Who MAM (app protection without enrollment) applies to.', [
      { value: 'all', description: 'All users.' },
      { value: 'some', description: 'The groups in mamGroups.' },
      { value: 'none', description: 'Nobody.' },
    ]),
    mamGroups: { description: 'Groups for MAM user scope Some.', type: { kind: 'array', items: { description: 'A group name.', type: { kind: 'string' } } } },
  }, { docUrl: `${COMANAGE_DOCS}/how-to-prepare-win10` }),
  comanagement: object('Co-management settings.', {
    autoEnroll: choice('Configuration Manager side: which clients are automatically enrolled into Intune.', [
      { value: 'all', description: 'All clients.' },
      { value: 'pilot', description: 'Only the pilot collection.' },
      { value: 'none', description: 'No automatic enrollment.' },
    ]),
    pilotCollection: string('Default pilot collection for automatic enrollment and Pilot Intune workloads.'),
    policies: {
      description: 'Intune co-management settings policies (Devices > Enrollment > Windows > Co-management settings).',
      type: {
        kind: 'array', items: object('One co-management settings policy.', {
          name: string('Policy name.', { required: true }),
          installAgent: boolean('Install the Configuration Manager agent on enrolled devices.'),
          commandLine: { description: 'Configuration Manager agent command-line arguments: a ccmsetup command line, usually CCMSETUPCMD="…".', type: { kind: 'commandLine' }, docUrl: `${COMANAGE_DOCS}/how-to-prepare-win10#get-the-command-line-from-configuration-manager` },
          overrideToIntune: boolean('"Override co-management policy and use Intune for all workloads".'),
          targetGroup: string('The Entra group the policy is assigned to.'),
          priority: { description: 'Policy priority (1 is highest).', type: { kind: 'integer', min: 1 } },
        }),
      },
      docUrl: `${COMANAGE_DOCS}/autopilot-enrollment`,
    },
  }, { docUrl: `${COMANAGE_DOCS}/how-to-enable` }),
  autopilot: object('Windows Autopilot.', {
    enabled: boolean('Whether devices are provisioned with Windows Autopilot.'),
    deploymentMode: choice('Autopilot deployment mode.', [
      { value: 'user-driven', description: 'The user signs in during the out-of-box experience.' },
      { value: 'self-deploying', description: 'No user interaction; the device provisions itself.' },
      { value: 'pre-provisioning', description: 'A technician or partner pre-provisions the device (formerly white glove).' },
    ]),
    joinType: choice('What the Autopilot profile joins the device to.', [
      { value: 'entra', description: 'Microsoft Entra joined.' },
      { value: 'hybrid', description: 'Microsoft Entra hybrid joined.' },
    ]),
    esp: object('Enrollment Status Page.', {
      enabled: boolean('Whether the Enrollment Status Page is shown.'),
      timeoutMinutes: { description: 'Minutes before the page reports an error.', type: { kind: 'integer', min: 1 }, example: 60 },
      showProgress: boolean('"Show app and profile configuration progress".'),
      blockUntilAllAppsInstalled: boolean('Block device use until all apps and profiles are installed.'),
    }, { docUrl: 'https://learn.microsoft.com/intune/intune-service/enrollment/windows-enrollment-status' }),
  }, { docUrl: `${COMANAGE_DOCS}/autopilot-enrollment` }),
  windows: object('The Windows devices in scope.', {
    minimumVersion: string('The oldest Windows version in scope, e.g. "10 20H2", "11 23H2".', { type: { kind: 'string', pattern: '^(10|11) ?[0-9]{2}H[12]$|^(10|11) ?[0-9]{4}$', patternHint: '"10 22H2" or "11 23H2"' } }),
  }, { docUrl: `${COMANAGE_DOCS}/overview#windows` }),
  intuneManagementExtensionPolicyProvider: boolean('Whether the Intune management extension is also used as a policy provider for these devices.'),
  workloads: object('Who manages each of the seven co-management workloads.', {
    compliancePolicies: workload('compliance policies', 'compliance-policies'),
    windowsUpdatePolicies: workload('Windows Update policies', 'windows-update-policies'),
    resourceAccessPolicies: workload('resource access policies', 'resource-access-policies'),
    endpointProtection: workload('Endpoint Protection', 'endpoint-protection'),
    deviceConfiguration: workload('device configuration', 'device-configuration'),
    officeClickToRunApps: workload('Office Click-to-Run apps', 'office-click-to-run-apps'),
    clientApps: workload('client apps', 'client-apps'),
  }, { docUrl: `${COMANAGE_DOCS}/workloads` }),
});
