// The workload manifest format, version 1: every key, its type and meaning. Rules read the plan
// through these keys; the JSON Schema in schemas/ is generated from this file.
import { COMANAGE_DOCS, Field, FieldValue } from './schemaTypes';
import { OBSERVED_SCHEMA } from './observedSchema';

const AUTHORITY: FieldValue[] = [
  { value: 'configmgr', description: 'Configuration Manager keeps managing this workload.' },
  { value: 'pilot-intune', description: 'Intune manages it for the devices in the pilot collection; Configuration Manager for the rest.' },
  { value: 'intune', description: 'Intune manages it for every co-managed device.' },
];

function workload(title: string, anchor: string, extra: Record<string, Field> = {}): Field {
  return {
    description: `Who manages ${title}.`,
    docUrl: `${COMANAGE_DOCS}/workloads#${anchor}`,
    type: {
      kind: 'object', fields: {
        authority: { description: 'configmgr, pilot-intune or intune.', type: { kind: 'enum', values: AUTHORITY }, required: true },
        pilotCollection: { description: 'The Configuration Manager collection that gets the Intune side while the workload is on pilot-intune.', type: { kind: 'string' } },
        intuneReady: { description: `The Intune side of ${title} (its policies, profiles or apps) is configured and deployed to these devices before the workload moves.`, type: { kind: 'boolean' } },
        previousAuthority: { description: 'Where the workload is today, before this plan moves it: configmgr, pilot-intune or intune. Stating it lets comanage say what the move does (moving back from Intune has effects).', type: { kind: 'enum', values: AUTHORITY } },
        ...extra,
      },
    },
  };
}

const string = (description: string, extra: Partial<Field> = {}): Field => ({ description, type: { kind: 'string' }, ...extra });
const boolean = (description: string, extra: Partial<Field> = {}): Field => ({ description, type: { kind: 'boolean' }, ...extra });
const choice = (description: string, values: FieldValue[], extra: Partial<Field> = {}): Field => ({ description, type: { kind: 'enum', values }, ...extra });
const DEPLOY_CLIENTS = 'https://learn.microsoft.com/intune/configmgr/core/clients/deploy/deploy-clients-to-windows-computers';
const object = (description: string, fields: Record<string, Field>, extra: Partial<Field> = {}): Field => ({ description, type: { kind: 'object', fields }, ...extra });

// Windows Server releases, for domain controllers and AD FS servers.
const WINDOWS_SERVER: FieldValue[] = ['2003', '2008', '2008-r2', '2012', '2012-r2', '2016', '2019', '2022', '2025']
  .map((value) => ({ value, description: `Windows Server ${value.replace('-r2', ' R2')}.` }));

// Windows 7, 8 and 8.1 are versions too (a plan may have them in scope): the readiness rules say they can't be co-managed.
const WINDOWS_VERSION = { kind: 'string', pattern: '^((10|11) ?([0-9]{2}H[12]|[0-9]{4})|([Ww]indows ?)?(7|8|8\\.1))$', patternHint: '"10 22H2", "11 23H2" or an older "8.1"' } as const;

export const WORKLOAD_KEYS = [
  'compliancePolicies', 'windowsUpdatePolicies', 'resourceAccessPolicies', 'endpointProtection',
  'deviceConfiguration', 'officeClickToRunApps', 'clientApps',
] as const;
export type WorkloadKey = typeof WORKLOAD_KEYS[number];

export const MANIFEST_SCHEMA: Field = object('A co-management plan: the site, identity, licensing, Intune enrollment, co-management settings, Autopilot and who manages each workload.', {
  version: { description: 'Version of the manifest format. Only 1 exists.', type: { kind: 'integer', min: 1, max: 1 }, required: true, example: 1 },
  name: string('A name for this plan.', { example: 'Contoso co-management' }),
  sources: {
    description: 'Intune Graph exports (JSON files, or folders of them) this plan is compared with, as paths relative to the plan\'s folder. comanage reads them and reports, in the "Tenant export" area, where the plan and the tenant disagree (command line, install agent, authority, priority, groups, Enrollment Status Page timeout and progress, Autopilot join and mode). comanage never fetches anything: the files are exports you made (Graph Explorer, Microsoft Graph PowerShell or a backup tool). A file that can\'t be read is reported, never skipped.',
    docUrl: 'https://github.com/comanage/comanage#drift-the-plan-against-the-tenants-exports',
    type: { kind: 'array', items: { description: 'A path to a Graph export (.json) or a folder of exports, relative to the plan.', type: { kind: 'string' } } },
    example: ['exports/'],
  },
  path: choice('The setup path this plan follows.', [
    { value: 'existing-clients', description: 'Existing Configuration Manager clients are enrolled into Intune (usually hybrid joined).' },
    { value: 'new-internet-devices', description: 'New internet-based devices join Entra ID, enroll in Intune, then get the Configuration Manager client.' },
    { value: 'autopilot', description: 'Windows Autopilot provisions the device into co-management.' },
    { value: 'managed-desktop', description: 'Microsoft Managed Desktop devices, Autopilot into co-management.' },
  ], { docUrl: `${COMANAGE_DOCS}/quickstart-paths` }),
  site: object('The Configuration Manager site.', {
    code: string('Three-character site code.', { example: 'ABC', type: { kind: 'string', pattern: '^[A-Za-z0-9]{3}$', patternHint: 'three letters or digits' } }),
    version: { description: 'Configuration Manager current branch version, e.g. 2403.', type: { kind: 'integer', min: 1511, max: 9999 }, example: 2403 },
    cmg: {
      description: 'The cloud management gateway, or none when the site has none. Left out, the plan doesn\'t say (checks that need it are unknown).',
      docUrl: 'https://learn.microsoft.com/intune/configmgr/core/clients/manage/cmg/overview',
      type: { kind: 'object', none: 'The site has no cloud management gateway.', fields: {
      address: string('The CMG address as clients report it, without https:// (e.g. contoso.cloudapp.net/CCM_Proxy_MutualAuth/72186325152220500).'),
      contentEnabled: boolean('Whether the CMG serves content (cloud distribution point function).'),
      serverCertificate: choice('Who issued the CMG server authentication certificate.', [
        { value: 'public', description: 'A public certificate provider.' },
        { value: 'private-pki', description: 'Your own PKI.' },
        { value: 'none', description: 'There is no server authentication certificate for the CMG yet.' },
      ]),
      serverCertificateKeyLength: { description: 'Key length of the CMG server authentication certificate, in bits (2048 or 4096 are supported).', type: { kind: 'integer', min: 1 } },
      serverCertificateTrustedByDevices: boolean('Whether the devices trust the CMG server authentication certificate\'s root.'),
      deployment: choice('How the CMG is hosted in Azure.', [
        { value: 'vmss', description: 'A virtual machine scale set (the current model).' },
        { value: 'classic', description: 'A classic cloud service (retired).' },
      ]),
      connectionPoint: boolean('An on-premises site system holds the CMG connection point role for this CMG.'),
      serviceName: string('The CMG service name: the common name of its server authentication certificate, e.g. cmg.contoso.com (your own domain) or contosocmg.eastus.cloudapp.azure.com (the Azure name).', {
        type: { kind: 'string', pattern: '^[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+$', patternHint: 'a host name such as cmg.contoso.com' },
      }),
      cnameConfigured: boolean('Public DNS has a CNAME record that maps the service name to the CMG\'s Azure deployment name.'),
      hostSite: choice('The site the CMG is created on.', [
        { value: 'top-tier', description: 'The top-level site: the stand-alone primary site or the central administration site.' },
        { value: 'child-primary', description: 'A primary site below a central administration site.' },
      ]),
      region: string('The Azure region chosen for the CMG, e.g. westus.'),
      resourceGroup: string('The name of the Azure resource group that holds the CMG.'),
      resourceGroupRegion: string('The Azure region of an existing resource group chosen for the CMG, e.g. westus.'),
      vmSize: choice('The size of the CMG\'s virtual machines.', [
        { value: 'standard', description: 'Standard (A2_v2), the default.' },
        { value: 'large', description: 'Large (A4_v2), for more clients per virtual machine.' },
        { value: 'lab', description: 'Lab (B2s), a low-cost size for tests.' },
      ]),
      vmInstances: { description: 'How many virtual machines the CMG runs (the setup wizard allows 1 to 16).', type: { kind: 'integer', min: 0 } },
      resourceProviders: { description: 'The Azure resource providers registered in the CMG\'s subscription, e.g. Microsoft.KeyVault, Microsoft.Storage, Microsoft.Network, Microsoft.Compute.', type: { kind: 'array', items: { description: 'A resource provider namespace such as Microsoft.Compute.', type: { kind: 'string', pattern: '^[A-Za-z]+\\.[A-Za-z]+$', patternHint: 'a namespace such as Microsoft.Compute' } } } },
      connectionPointClientCertificate: boolean('The server with the CMG connection point holds a PKI client authentication certificate (needed with PKI client authentication).'),
      clientTrustedRootsAdded: boolean('The trusted root and chain certificates of the clients\' PKI client certificates are added to the CMG.'),
      verifyClientCertRevocation: boolean('The CMG option "Verify Client Certificate Revocation" is on (it is by default).'),
    } },
    },
    clientAuthentication: choice('How clients authenticate to the site over the internet.', [
      { value: 'entra-id', description: 'Microsoft Entra ID (device or user token).' },
      { value: 'pki', description: 'A PKI client authentication certificate.' },
      { value: 'token', description: 'A bulk registration token (Configuration Manager issued).' },
    ], { docUrl: 'https://learn.microsoft.com/intune/configmgr/core/clients/manage/cmg/plan-client-authentication' }),
    managementPoint: string('The management point clients use when they roam back to the intranet (SMSMP).'),
    managementPointsAllowCmgTraffic: boolean('Every management point that serves internet-based clients allows Configuration Manager cloud management gateway traffic (management point properties, Client Connections).'),
    softwareUpdatePointsAllowCmgTraffic: boolean('Every software update point that serves internet-based clients allows Configuration Manager cloud management gateway traffic.'),
    serviceConnectionPoint: choice('The site\'s service connection point, which deploys and monitors the CMG.', [
      { value: 'online', description: 'Online mode: it connects to the Microsoft cloud.' },
      { value: 'offline', description: 'Offline mode.' },
      { value: 'none', description: 'The hierarchy has no service connection point.' },
    ]),
    optionalFeatures: object('Optional features from updates (Updates and Servicing, Features).', {
      cmgVmss: boolean('The optional feature for a CMG as a virtual machine scale set is turned on.'),
    }),
    cloudDistributionPoints: choice('Cloud-based distribution points (the retired, separate Azure content service; not a content-enabled CMG).', [
      { value: 'none', description: 'The site has none and none is planned.' },
      { value: 'existing', description: 'The site still has one or more.' },
      { value: 'new', description: 'The plan adds one.' },
    ]),
    managementPointAspNet45: boolean('The management point servers have the ASP.NET 4.5 Windows feature enabled.'),
    usePkiClientCertWhenAvailable: boolean('The primary site\'s Communication Security option "Use PKI client certificate (client authentication) when available" is selected.'),
    entraApps: object('The Microsoft Entra apps the site uses for cloud management (a web/server app and a native/client app).', {
      adminConsent: boolean('An administrator granted tenant-wide consent to both apps in Microsoft Entra ID.'),
      preCreated: boolean('An Azure administrator registered both apps beforehand and the site imports them, instead of the console creating them.'),
      serverAppIdUri: string('The App ID URI of the web (server) app, e.g. api://<tenant ID>/ConfigMgrService. The console offers https://ConfigMgrService by default.', { docUrl: 'https://learn.microsoft.com/intune/configmgr/comanage/tutorial-co-manage-new-devices#enable-azure-cloud-services-in-configuration-manager' }),
    }),
    cloudAttach: boolean('Whether the site is cloud attached (tenant attach / co-management enabled from the console).'),
    azureServices: boolean('Whether the site is onboarded to Microsoft Entra ID for Cloud Management.'),
    communicationSecurity: choice('The site\'s client communication security.', [
      { value: 'https-only', description: 'HTTPS only.' },
      { value: 'ehttp', description: 'HTTPS or HTTP, with Configuration Manager-generated certificates for HTTP site systems (Enhanced HTTP).' },
      { value: 'http', description: 'HTTPS or HTTP, without Enhanced HTTP.' },
    ]),
    azureEnvironment: choice('The Azure cloud the site is attached to.', [
      { value: 'public', description: 'Azure public cloud.' },
      { value: 'usgov', description: 'Azure US Government.' },
      { value: 'china', description: 'Azure China (21Vianet).' },
    ]),
    azureSubscriptionType: choice('The kind of Azure subscription that hosts the CMG.', [
      { value: 'standard', description: 'A standard (enterprise or pay-as-you-go) subscription.' },
      { value: 'csp', description: 'A Cloud Solution Provider subscription.' },
      { value: 'none', description: 'There is no Azure subscription for the CMG.' },
    ]),
    topology: choice('The shape of the hierarchy.', [
      { value: 'standalone-primary', description: 'One stand-alone primary site.' },
      { value: 'hierarchy', description: 'A central administration site with primary sites.' },
    ]),
    httpsManagementPoints: { description: 'How many management points require HTTPS.', type: { kind: 'integer', min: 0 } },
    pkiClientCertificates: boolean('Devices also hold a PKI client authentication certificate.'),
    clientsCheckCrl: boolean('The primary site\'s Communication Security option "Clients check the certificate revocation list (CRL) for site systems" is selected.'),
    crlPublishedToInternet: boolean('Your PKI publishes its certificate revocation list where internet clients can reach it.'),
    discovery: object('Discovery methods.', {
      entraUser: boolean('Microsoft Entra user discovery is enabled.'),
      adUser: boolean('Active Directory user discovery is enabled.'),
    }),
    userCentricDeployments: boolean('Apps are deployed to user collections for internet clients.'),
    bulkRegistrationToken: object('The bulk registration token used with /regtoken.', {
      lifetimeMinutes: { description: 'Token validity in minutes.', type: { kind: 'integer', min: 1 } },
    }),
    cloudAttachOptions: object('Cloud attach settings.', {
      uploadDevices: boolean('Upload devices to the Microsoft Intune admin center (tenant attach).'),
      endpointAnalytics: boolean('Enable Endpoint analytics.'),
      enforceConfigMgrRbac: boolean('Require Configuration Manager role-based access for tenant-attached actions.'),
      intuneRbacConfigured: boolean('Intune role-based access control for tenant-attached clients is set up (needed once Configuration Manager RBAC is no longer enforced).'),
    }),
    preProductionClient: boolean('Whether a pre-production client version is in use.'),
    clientPush: object('Client push installation: the site server connects to computers it discovered and installs the client on them.', {
      account: boolean('At least one client push installation account is set on the Accounts tab, and it is a local administrator on the target computers. false: none is set, so the site tries its own computer account.'),
      commandLine: { description: 'The Installation Properties tab (the Client tab, in the reference\'s words) of Client Push Installation Properties: the ccmsetup parameters (only those client push accepts) and client.msi properties it passes, with no program name in front.', type: { kind: 'commandLine' }, docUrl: 'https://learn.microsoft.com/intune/configmgr/core/clients/deploy/about-client-installation-properties#client-push-installation' },
      firewallExceptions: boolean('Windows Firewall on the target computers has the exceptions client push needs to connect.'),
      adminShare: boolean('The target computers have the ADMIN$ share.'),
      allowNtlmFallback: boolean('"Allow connection fallback to NTLM" is on: when Kerberos fails, the site retries the connection with NTLM.'),
      fromSecondary: boolean('Client push is enabled on a secondary site.'),
    }, { docUrl: `${DEPLOY_CLIENTS}#BKMK_ClientPush` }),
    softwareUpdateBasedInstall: object('Software update-based client installation: the client is published to the software update point as an update.', {
      activeSupInPrimary: boolean('The WSUS server the computers use for the client install is the same one that serves their software updates, and it is the active software update point of a primary site.'),
      gpoNamesSup: boolean('A group policy object gives the computers without a client the active software update point and its port (the intranet Microsoft update service location).'),
    }, { docUrl: `${DEPLOY_CLIENTS}#BKMK_ClientSUP` }),
    adSchemaExtended: boolean('The Active Directory schema is extended for Configuration Manager and the site publishes its client installation properties there.', { docUrl: 'https://learn.microsoft.com/intune/configmgr/core/clients/deploy/about-client-installation-properties-published-to-active-directory-domain-services' }),
    installPropertiesGpo: boolean('Group policy provisions the client installation properties in the computers\' registry (the ConfigMgrInstallation administrative template).', { docUrl: `${DEPLOY_CLIENTS}#BKMK_Provision` }),
    installPropertiesGpoCommandLine: { description: 'What the CCMSetup box of that group policy setting (Configure Client Deployment Settings) holds: the installation properties it provisions.', type: { kind: 'commandLine' }, docUrl: `${DEPLOY_CLIENTS}#configure-and-assign-client-installation-properties-by-using-a-group-policy-object` },
    defaultClientSettings: object('What the Default Client Settings allow (a PROVISIONTS task sequence runs with them).', {
      cmgEnabled: boolean('Cloud Services: enable clients to use a cloud management gateway.'),
      cloudDistributionPointAccess: boolean('Cloud Services: allow access to cloud distribution point.'),
    }),
  }, { docUrl: `${COMANAGE_DOCS}/overview#prerequisites` }),
  identity: object('How devices and users are known to Microsoft Entra ID.', {
    deviceJoin: choice('How Windows devices join.', [
      { value: 'entra-joined', description: 'Joined to Microsoft Entra ID only.' },
      { value: 'hybrid-joined', description: 'Joined to on-premises Active Directory and registered in Microsoft Entra ID.' },
      { value: 'registered', description: 'Only registered (workplace joined) in Microsoft Entra ID.' },
    ]),
    usersSynced: boolean('Whether on-premises users are synchronised to Microsoft Entra ID (Microsoft Entra Connect).'),
    usersCanJoinDevices: boolean('The users who set devices up may join devices to Microsoft Entra ID (Entra device settings).'),
    entraConnect: object('Microsoft Entra Connect, which synchronises on-premises objects to Microsoft Entra ID.', {
      deviceSync: boolean('It synchronises the devices\' computer accounts (the OUs that hold them are in its sync scope).'),
      version: string('The installed Microsoft Entra Connect version, e.g. 2.3.20.0.', { type: { kind: 'string', pattern: '^[0-9]+\\.[0-9]+\\.[0-9]+\\.[0-9]+$', patternHint: 'four numbers such as 2.3.20.0' } }),
      deviceAttributesSynced: boolean('Its sync configuration keeps the default device attributes (none of them is filtered out).'),
    }),
    hybridJoin: object('Microsoft Entra hybrid join setup.', {
      configured: boolean('Microsoft Entra hybrid join is configured for the domain (in Microsoft Entra Connect, for a managed or a federated domain).'),
      scpConfigured: boolean('The service connection point (SCP) for hybrid join is configured in every forest that holds the devices.'),
      authService: choice('The authentication service chosen for the SCP in Microsoft Entra Connect.', [
        { value: 'adfs', description: 'The AD FS server (federation).' },
        { value: 'entra', description: 'Microsoft Entra ID (cloud authentication).' },
      ]),
      downlevelDevices: boolean('Older domain-joined Windows devices (before Windows 10) are hybrid joined too.'),
      scpOnDevices: boolean('The SCP is set on the devices themselves (registry, targeted deployment) rather than in Active Directory.'),
    }),
    signInMethod: choice('The hybrid identity sign-in option users have in Microsoft Entra ID, as the paths to co-management name them. It agrees with domainType (phs-sso and pta-sso: managed; federated-adfs: federated) and seamlessSso (true with phs-sso and pta-sso); the hybrid join rules read those two.', [
      { value: 'phs-sso', description: 'Password hash synchronization with Seamless single sign-on.' },
      { value: 'pta-sso', description: 'Pass-through authentication with Seamless single sign-on.' },
      { value: 'federated-adfs', description: 'Federation with Active Directory Federation Services (AD FS).' },
      { value: 'none', description: 'No hybrid sign-in option is set up.' },
    ]),
    domainType: choice('How the users\' domain signs in to Microsoft Entra ID (agrees with signInMethod: managed for phs-sso and pta-sso, federated for federated-adfs).', [
      { value: 'managed', description: 'A managed domain (password hash sync or pass-through authentication).' },
      { value: 'federated', description: 'A federated domain (AD FS or another federation service).' },
    ]),
    onPremisesUpn: choice('Whether the users\' on-premises UPN suffix is a domain verified in Microsoft Entra ID.', [
      { value: 'routable', description: 'Routable: a verified, public domain such as contoso.com.' },
      { value: 'non-routable', description: 'Non-routable: a private suffix such as contoso.local.' },
    ]),
    federation: object('The federation service of a federated domain.', {
      adfsServerVersion: choice('The Windows Server release of the AD FS servers.', WINDOWS_SERVER),
      wsTrustEnabled: boolean('The identity provider has the WS-Trust endpoints hybrid join uses turned on (AD FS: the windowstransport, usernamemixed and certificatemixed endpoints).'),
    }, { docUrl: 'https://learn.microsoft.com/entra/identity/devices/hybrid-join-plan#federated-environment' }),
    seamlessSso: boolean('Microsoft Entra seamless single sign-on is in use (true with signInMethod phs-sso or pta-sso; in a federated domain it can still be on, which lets the SCP name Microsoft Entra ID).'),
    stagedRollout: boolean('Some users move from federation to cloud authentication with staged rollout.'),
    oldestDomainController: choice('The Windows Server release of the oldest domain controller the devices use.', WINDOWS_SERVER),
    usersMayRegisterDevices: boolean('The tenant\'s device settings let users register devices with Microsoft Entra ID.'),
    tenantsPerForest: { description: 'How many Microsoft Entra tenants the devices of one Active Directory forest hybrid join to.', type: { kind: 'integer', min: 1 }, example: 1 },
    onPremisesUpnDiffers: boolean('The users\' on-premises UPN differs from their Microsoft Entra UPN (for example an alternate sign-in ID).'),
    upnChanges: boolean('Users\' UPNs change (renames, suffix moves) while their devices stay hybrid joined.'),
    registeredStatePresent: boolean('Some domain-joined devices are also Microsoft Entra registered (a work account was added), before hybrid join.'),
  }, { docUrl: `${COMANAGE_DOCS}/overview#microsoft-entra-id` }),
  licensing: object('Licences the tenant has.', {
    entraId: choice('Microsoft Entra ID licence level.', [
      { value: 'none', description: 'Free tier only.' },
      { value: 'P1', description: 'Microsoft Entra ID P1.' },
      { value: 'P2', description: 'Microsoft Entra ID P2.' },
    ]),
    intune: boolean('Whether users have Intune licences.'),
    adminIntuneLicense: boolean('The administrator account that signs in to the tenant has an Intune licence.'),
  }, { docUrl: `${COMANAGE_DOCS}/overview#licensing` }),
  intune: object('Intune enrollment settings.', {
    nlmAllowedTlsAuthenticationEndpoints: boolean('An Intune policy sets the Network List Manager AllowedTlsAuthenticationEndpoints setting on these devices.'),
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
    customEnrollmentRestrictions: boolean('Custom Intune enrollment restrictions apply to these users or devices.'),
    mdmUrls: choice('The MDM terms of use, discovery and compliance URLs of Windows automatic enrollment.', [
      { value: 'default', description: 'The default Intune URLs, as set by the tenant.' },
      { value: 'custom', description: 'At least one URL was changed.' },
    ]),
    defaultRestriction: object('The default (All users) enrollment restriction policies.', {
      windows: choice('The default device platform restriction for Windows (MDM).', [
        { value: 'allow', description: 'Windows (MDM) enrollment is allowed.' },
        { value: 'block', description: 'Windows (MDM) enrollment is blocked.' },
      ]),
      personalWindows: choice('The default device platform restriction for personally owned Windows devices.', [
        { value: 'allow', description: 'Personally owned Windows devices may enroll.' },
        { value: 'block', description: 'Personally owned Windows devices are blocked; only enrollments authorized as corporate go through.' },
      ]),
    }),
    deviceLimit: { description: 'The device limit of the default enrollment device limit restriction (1 to 15 devices per user).', type: { kind: 'integer', min: 1, max: 15 }, example: 5, docUrl: 'https://learn.microsoft.com/intune/device-enrollment/restrictions#device-limit' },
    disableMdmOnWorkAccount: boolean('"Disable MDM enrollment when adding work or school account" is turned on in the automatic enrollment settings.'),
    enrollmentCname: boolean('A DNS alias (CNAME) for enrollment discovery points enrollment requests at Intune.'),
    enrollmentApp: object('The Microsoft Intune Enrollment cloud app that Conditional Access targets at enrollment.', {
      present: boolean('Its service principal exists in the tenant (new tenants don\'t get it until an admin creates it).'),
      mdmUserScope: choice('The MDM user scope set on the Microsoft Intune Enrollment app (Mobility (MDM and MAM)).', [
        { value: 'all', description: 'All users.' },
        { value: 'some', description: 'Selected groups.' },
        { value: 'none', description: 'Nobody.' },
      ]),
    }, { docUrl: 'https://learn.microsoft.com/intune/device-enrollment/configure-multifactor-authentication' }),
    lobMsiApps: boolean('Line-of-business (MSI) apps are deployed from Intune to these devices during Autopilot.'),
    m365AppsType: choice('The Intune app type Microsoft 365 Apps are added as.', [
      { value: 'm365-app', description: 'The Microsoft 365 Apps (Windows 10 and later) app type.' },
      { value: 'win32', description: 'A Win32 app.' },
    ]),
    win32Apps: boolean('Intune Win32 apps are deployed to the co-managed devices.'),
    storeApps: boolean('Microsoft Store (new, winget) apps are deployed from Intune to the co-managed devices.'),
    powershellScripts: boolean('Intune PowerShell scripts run on the co-managed devices.'),
    endpointSecurityAntivirus: boolean('Intune endpoint security antivirus policies target the co-managed devices.'),
    defenderInDeviceRestrictions: boolean('Intune device restriction profiles configure Microsoft Defender on these devices.'),
    settingsCatalogPolicies: boolean('Intune settings catalog policies target the co-managed devices.'),
    resourceAccessProfiles: boolean('Intune VPN, Wi-Fi, email or certificate profiles target the co-managed devices.'),
    featureUpdatePolicy: boolean('An Intune feature update policy targets the co-managed devices.'),
    requireConfigMgrCompliance: boolean('Intune compliance also requires Configuration Manager compliance.'),
  }, { docUrl: `${COMANAGE_DOCS}/how-to-prepare-win10` }),
  comanagement: object('Co-management settings.', {
    enabled: boolean('Co-management is enabled in the Configuration Manager console (cloud attach).'),
    clientInstallMethod: choice('How the Configuration Manager client reaches new devices.', [
      { value: 'policy', description: 'The Intune co-management settings policy installs it.' },
      { value: 'intune-win32-app', description: 'An Intune Win32 app installs it.' },
      { value: 'after-autopilot', description: 'It is installed after Autopilot, by other means.' },
      { value: 'intune-lob-app', description: 'An Intune line-of-business app installs ccmsetup.msi with a CCMSETUPCMD command line (comanagement.intuneApp).' },
      { value: 'client-push', description: 'Client push from the site (site.clientPush): only computers the site discovered, not workgroup computers; failures are retried for up to seven days and can\'t be cancelled.' },
      { value: 'software-update-point', description: 'Software update-based installation: the client is published to the software update point; no command-line properties can be added (site.softwareUpdateBasedInstall).' },
      { value: 'group-policy', description: 'Group policy publishes or assigns CCMSetup.msi, to which no properties can be added; properties come from Active Directory or provisioning group policy.' },
      { value: 'logon-script', description: 'A logon script runs CCMSetup.exe (with /logon); computers whose users rarely sign in on the network get it late.' },
      { value: 'manual', description: 'CCMSetup.exe is run by hand on each computer: no automation, useful for testing and for workgroup computers.' },
    ], { docUrl: 'https://learn.microsoft.com/intune/configmgr/core/clients/deploy/plan/client-installation-methods' }),
    installCommandLine: { description: 'The CCMSetup.exe command line a logon script or a manual installation runs (clientInstallMethod logon-script or manual).', type: { kind: 'commandLine' }, docUrl: 'https://learn.microsoft.com/intune/configmgr/core/clients/deploy/deploy-clients-to-windows-computers#BKMK_ClientLogonScript' },
    intuneApp: object('The Intune app that installs the Configuration Manager client (clientInstallMethod intune-lob-app or intune-win32-app).', {
      commandLine: { description: 'The app\'s command line: for a line-of-business app, its arguments for ccmsetup.msi (CCMSETUPCMD="…"); for a Win32 app, its install command (ccmsetup.exe, or msiexec with ccmsetup.msi), checked as that program\'s line.', type: { kind: 'commandLine' }, docUrl: `${COMANAGE_DOCS}/tutorial-co-manage-new-devices#create-an-intune-app-to-install-the-configuration-manager-client` },
      targetGroupType: choice('Whether the app is assigned to groups of users or of devices.', [
        { value: 'user', description: 'User groups.' },
        { value: 'device', description: 'Device groups.' },
      ]),
      intent: choice('The assignment type of the app.', [
        { value: 'required', description: 'Required: Intune installs it.' },
        { value: 'available', description: 'Available for enrolled devices: the user installs it from the Company Portal.' },
      ]),
    }, { docUrl: `${COMANAGE_DOCS}/tutorial-co-manage-new-devices#use-intune-to-deploy-the-configuration-manager-client` }),
    policyChangesAfterProvisioning: boolean('The plan changes a policy\'s override or authority after devices were provisioned with it.'),
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
          description: string('The policy\'s description in Intune (comanage import copies it from the export).'),
          installAgent: boolean('Install the Configuration Manager agent on enrolled devices.'),
          commandLine: { description: 'Configuration Manager agent command-line arguments: a ccmsetup command line, usually CCMSETUPCMD="…".', type: { kind: 'commandLine' }, docUrl: `${COMANAGE_DOCS}/how-to-prepare-win10#get-the-command-line-from-configuration-manager` },
          overrideToIntune: boolean('"Override co-management policy and use Intune for all workloads".'),
          targetGroup: string('The Entra group the policy is assigned to.'),
          targetGroupType: choice('Whether the target group holds devices or users.', [
            { value: 'device', description: 'A device group.' },
            { value: 'user', description: 'A user group.' },
          ]),
          priority: { description: 'Policy priority (1 is highest).', type: { kind: 'integer', min: 1 } },
          managedDeviceAuthority: { description: 'The value of Graph\'s managedDeviceAuthority for this policy, copied from your tenant (Graph doesn\'t document its values, so comanage never guesses it).', type: { kind: 'integer', min: 0 } },
        }),
      },
      docUrl: `${COMANAGE_DOCS}/autopilot-enrollment`,
    },
  }, { docUrl: `${COMANAGE_DOCS}/how-to-enable` }),
  autopilot: object('Windows Autopilot.', {
    enabled: boolean('Whether devices are provisioned with Windows Autopilot.'),
    solution: choice('Which Autopilot solution.', [
      { value: 'classic', description: 'Windows Autopilot with a deployment profile and the Enrollment Status Page.' },
      { value: 'device-preparation', description: 'Windows Autopilot device preparation.' },
    ]),
    devicesRegistered: boolean('The devices are registered with Windows Autopilot.'),
    profileTargetGroup: string('The group the Autopilot deployment profile is assigned to.'),
    existingDevices: boolean('Windows Autopilot for existing devices (a Configuration Manager task sequence) is used.'),
    appInstallOrderRequired: boolean('Apps must install in a specific order during provisioning.'),
    provisioningTaskSequence: object('The task sequence named by PROVISIONTS.', {
      installsAppsOrUpdates: boolean('It installs applications or software updates.'),
      onlyCriticalApps: boolean('It installs only the apps needed right away; other apps come from separate deployments or user self-service.', { docUrl: 'https://learn.microsoft.com/intune/configmgr/comanage/autopilot-enrollment#recommendations' }),
      deployedTo: choice('The collection the task sequence is deployed to (its deployment ID is the PROVISIONTS value).', [
        { value: 'all-provisioning-devices', description: 'The built-in All Provisioning Devices collection.' },
        { value: 'other', description: 'Another collection.' },
      ]),
    }),
    deploymentMode: choice('Autopilot deployment mode.', [
      { value: 'user-driven', description: 'The user signs in during the out-of-box experience.' },
      { value: 'self-deploying', description: 'No user interaction; the device provisions itself.' },
      { value: 'pre-provisioning', description: 'A technician or partner pre-provisions the device (formerly white glove).' },
    ]),
    preProvisioningAllowed: boolean('The Autopilot deployment profile allows pre-provisioning (a technician prepares the device before the user gets it). Allowed is not the same as used: deploymentMode says how devices are actually provisioned.'),
    joinType: choice('What the Autopilot profile joins the device to.', [
      { value: 'entra', description: 'Microsoft Entra joined.' },
      { value: 'hybrid', description: 'Microsoft Entra hybrid joined.' },
    ]),
    intuneConnector: choice('The Intune Connector for Active Directory, which creates the computer objects of hybrid join Autopilot devices.', [
      { value: 'updated', description: 'The updated connector (Intune 2501 and later, with a managed service account).' },
      { value: 'legacy', description: 'The deprecated legacy connector.' },
      { value: 'none', description: 'No connector is installed.' },
    ], { docUrl: 'https://learn.microsoft.com/autopilot/windows-autopilot-hybrid#install-the-intune-connector-for-active-directory' }),
    domainJoinProfile: boolean('An Intune Domain Join configuration profile (domain and OU) is assigned to the hybrid join Autopilot devices.'),
    intuneConnectorServer: choice('The server the Intune Connector for Active Directory runs on.', [
      { value: 'windows-server-2016-or-later', description: 'Windows Server 2016 or later, with .NET Framework 4.7.2 or later.' },
      { value: 'older', description: 'An older Windows Server, or .NET Framework older than 4.7.2.' },
    ], { docUrl: 'https://learn.microsoft.com/autopilot/windows-autopilot-hybrid?tabs=intune-connector-requirements#requirements' }),
    intuneConnectorVersion: string('The version of the Intune Connector for Active Directory, as the Intune admin center lists it (Intune Connector for Active Directory page), e.g. 6.2504.2001.8.', { type: { kind: 'string', pattern: '^[0-9]+\\.[0-9]+\\.[0-9]+\\.[0-9]+$', patternHint: 'four numbers such as 6.2504.2001.8' } }),
    domainJoinOuDelegated: boolean('The account the Intune Connector for Active Directory creates computers with (the updated connector\'s managed service account, or the legacy connector\'s server) may create computer objects in the OU the Domain Join profile names (or the Computers container when it names none): the OU is in the connector\'s configuration file and "Configure Managed Service Account" was run by an administrator who may change OU permissions, or such an administrator delegated "Create Computer objects" on it.', { docUrl: 'https://learn.microsoft.com/autopilot/windows-autopilot-hybrid#increase-the-computer-account-limit-in-the-organizational-unit' }),
    devicesReachDomainController: boolean('During Autopilot the devices are on the internal network and can resolve and reach a domain controller.'),
    skipDomainConnectivityCheck: boolean('The hybrid join Autopilot profile skips the domain connectivity check (devices connect over a VPN).'),
    esp: object('Enrollment Status Page.', {
      enabled: boolean('Whether the Enrollment Status Page is shown.'),
      timeoutMinutes: { description: 'Minutes before the page reports an error.', type: { kind: 'integer', min: 1 }, example: 60 },
      showProgress: boolean('"Show app and profile configuration progress".'),
      blockUntilAllAppsInstalled: boolean('Block device use until all apps and profiles are installed.'),
      targetGroup: string('The group the Enrollment Status Page profile is assigned to.'),
      targetGroupType: choice('Whether the Enrollment Status Page profile\'s group holds devices or users.', [
        { value: 'device', description: 'A device group.' },
        { value: 'user', description: 'A user group.' },
      ]),
      allowLogCollection: boolean('"Turn on log collection and diagnostics page for end users".'),
      installQualityUpdates: boolean('"Install Windows quality updates (might restart the device)".'),
      trackedApps: { description: 'The apps picked as blocking ("Block device use until these required apps are installed": Selected), by Intune app ID (Graph\'s selectedMobileAppIds); the page waits only for those of them that are assigned. An empty list means none were picked.', type: { kind: 'array', items: { description: 'An Intune app ID (a GUID).', type: { kind: 'string' } } } },
    }, { docUrl: 'https://learn.microsoft.com/intune/device-enrollment/windows/setup-status-page' }),
  }, { docUrl: `${COMANAGE_DOCS}/autopilot-enrollment` }),
  tenant: object('The Intune tenant as a whole.', {
    hierarchies: { description: 'How many Configuration Manager hierarchies attach to this tenant (several may share one).', type: { kind: 'integer', min: 1 }, example: 1 },
  }, { docUrl: `${COMANAGE_DOCS}/overview#configuration-manager` }),
  clients: object('The Windows devices and their Configuration Manager clients, as a whole: where they are and what reaches them.', {
    tlsInspection: choice('Whether a proxy breaks and inspects the devices\' TLS traffic to Microsoft Entra ID.', [
      { value: 'none', description: 'No TLS inspection.' },
      { value: 'device-login-excluded', description: 'TLS is inspected, but device.login.microsoftonline.com is excluded.' },
      { value: 'device-login-inspected', description: 'TLS to device.login.microsoftonline.com is inspected too.' },
    ]),
    count: { description: 'About how many clients the plan covers.', type: { kind: 'integer', min: 0 }, example: 5000 },
    roamOffNetwork: boolean('Some clients leave the intranet (work from home, travel) and must still be managed there.'),
    dcLineOfSight: boolean('The devices reach a domain controller from time to time (on site or over VPN).'),
    restartWithin90Days: boolean('Every device restarts, or connects to the intranet, at least once every 90 days (a token-authenticated client renews its token only then).', { docUrl: 'https://learn.microsoft.com/intune/configmgr/core/clients/deploy/deploy-clients-cmg-token#token-renewal' }),
    signInWithMfa: boolean('Users sign in to Windows with a second factor that counts as multifactor authentication (Windows Hello for Business, a FIDO2 security key or a smart card).', { docUrl: 'https://learn.microsoft.com/intune/configmgr/comanage/how-to-monitor#enrollment-errors' }),
    ipv4: boolean('The clients that use the CMG have IPv4 connectivity (not IPv6 only).'),
    latestVersion: boolean('Every client runs the latest Configuration Manager client version the site offers.'),
    discovered: boolean('A Configuration Manager discovery method has found the computers that should get the client.'),
    workgroup: boolean('Some of the computers are in a workgroup: joined neither to an Active Directory domain nor to Microsoft Entra ID.'),
    crossDomain: boolean('Some computers that client push installs are in another domain than the site server.'),
  }),
  windows: object('The Windows devices in scope.', {
    minimumVersion: string('The oldest Windows version in scope, e.g. "10 20H2", "11 23H2".', { type: WINDOWS_VERSION }),
    versions: { description: 'Every Windows version in scope.', type: { kind: 'array', items: { description: 'A Windows version such as "10 22H2".', type: WINDOWS_VERSION } } },
    serverDevices: boolean('Some devices in scope run a Windows Server operating system.'),
    tpm20Attestation: boolean('Every device that provisions itself has TPM 2.0 that supports device attestation.'),
    virtualMachines: boolean('Some devices in scope are virtual machines (Hyper-V machines with a virtual TPM count as virtual machines).'),
    cloudPCs: boolean('Windows 365 Cloud PCs are in scope.'),
    ownership: choice('Who owns the devices in scope.', [
      { value: 'corporate', description: 'Every device is corporate-owned.' },
      { value: 'personal', description: 'Every device is personally owned (bring your own device).' },
      { value: 'mixed', description: 'Some are corporate-owned, some personal.' },
    ]),
    editions: { description: 'Every Windows edition in scope.', type: { kind: 'array', items: choice('A Windows edition.', [
      { value: 'home', description: 'Home.' },
      { value: 'pro', description: 'Pro.' },
      { value: 'pro-education', description: 'Pro Education.' },
      { value: 'pro-workstations', description: 'Pro for Workstations.' },
      { value: 'enterprise', description: 'Enterprise.' },
      { value: 'education', description: 'Education.' },
      { value: 'enterprise-ltsc', description: 'Enterprise LTSC (long-term servicing channel).' },
    ]) } },
  }, { docUrl: `${COMANAGE_DOCS}/overview#windows` }),
  clientSettings: object('Configuration Manager client settings deployed to the co-managed devices.', {
    softwareUpdatesEnabled: boolean('Software Updates: enable software updates on clients.'),
    cmgEnabled: boolean('Cloud Services: enable clients to use a cloud management gateway.'),
    cloudDistributionPointAccess: boolean('Cloud Services: allow access to cloud distribution point.'),
    autoRegisterWithEntra: boolean('Cloud Services: automatically register new domain-joined Windows devices with Microsoft Entra ID.'),
    targetCollectionType: choice('The kind of collection the custom client settings with these Cloud Services settings are deployed to.', [
      { value: 'device', description: 'Device collections.' },
      { value: 'user', description: 'User collections.' },
    ]),
    userPortal: choice('Software Center: the user portal.', [
      { value: 'software-center', description: 'Software Center.' },
      { value: 'company-portal', description: 'The Company Portal.' },
    ]),
    userPolicyFromInternet: boolean('Client Policy: enable user policy requests from internet clients.'),
    deltaContent: boolean('Delivery Optimization: allow clients to download delta content when available.'),
  }),
  configmgr: object('What the Configuration Manager site deploys to these devices.', {
    resourceAccessProfiles: boolean('The site still deploys VPN, Wi-Fi, email, certificate or Windows Hello for Business profiles.'),
    bitlockerManagement: boolean('BitLocker management policies from Configuration Manager.'),
    office365Apps: boolean('Microsoft 365 Apps deployed as Configuration Manager applications.'),
    connectedCacheForIntuneWin32: boolean('Microsoft Connected Cache on distribution points serves Intune Win32 apps.'),
    thirdPartyUpdates: boolean('Third-party software updates (from a partner catalog) are deployed through the site.'),
    configurationBaselines: { description: 'Configuration baselines deployed to co-managed devices.', type: { kind: 'array', items: object('A baseline.', {
      name: string('Baseline name.'),
      alwaysApplyForCoManaged: boolean('"Always apply this baseline even for co-managed clients".'),
    }) } },
  }),
  companyPortal: object('The Company Portal app on co-managed devices.', {
    enabled: boolean('The Company Portal is used on these devices.'),
    version: string('Company Portal app version, e.g. 11.0.8980.0.'),
    deployedBy: choice('How the app reaches devices.', [
      { value: 'configmgr', description: 'A Configuration Manager application.' },
      { value: 'intune', description: 'An Intune app assignment.' },
      { value: 'store', description: 'The Microsoft Store.' },
      { value: 'store-for-business', description: 'Microsoft Store for Business (retired).' },
    ]),
  }, { docUrl: `${COMANAGE_DOCS}/company-portal` }),
  services: object('Other Microsoft services these devices use.', {
    windowsAutopatch: boolean('Devices are registered with Windows Autopatch.'),
  }),
  thirdPartyMdm: object('A non-Microsoft MDM service that also manages these devices.', {
    enabled: boolean('Devices are enrolled in a third-party MDM.'),
    name: string('Its name.'),
  }, { docUrl: `${COMANAGE_DOCS}/coexistence` }),
  conditionalAccess: object('Microsoft Entra Conditional Access.', {
    requireCompliantDevice: boolean('Policies require a compliant device.'),
    enrollmentMfa: boolean('A Conditional Access policy requires multifactor authentication for Intune enrollment (the Microsoft Intune Enrollment app).'),
  }),
  managedDesktop: object('Microsoft Managed Desktop specifics.', {
    sharedDevices: boolean('Devices are shared by several users.'),
    devicesAlreadyRegistered: boolean('Devices were registered before the co-management policy existed.'),
  }),
  permissions: object('The accounts that set co-management up.', {
    configMgrRole: choice('Configuration Manager security role of the admin enabling co-management.', [
      { value: 'full-administrator', description: 'Full Administrator.' },
      { value: 'infrastructure-administrator', description: 'Infrastructure Administrator.' },
      { value: 'other', description: 'Another role.' },
    ]),
    configMgrAllScopes: boolean('The admin\'s role covers all security scopes.'),
    entraRoles: { description: 'Microsoft Entra roles of the admin (global-administrator, intune-administrator, …).', type: { kind: 'array', items: { description: 'A role, e.g. global-administrator.', type: { kind: 'string' } } } },
    activeDirectoryRoles: { description: 'On-premises rights of the admin who sets up hybrid join: domain-admin, enterprise-admin (for each forest), adfs-admin.', type: { kind: 'array', items: choice('An on-premises right.', [
      { value: 'domain-admin', description: 'Domain Admins.' },
      { value: 'enterprise-admin', description: 'Enterprise Admins of each forest that holds the devices.' },
      { value: 'adfs-admin', description: 'Administrator of the AD FS farm.' },
    ]) } },
    siteServerLocalAdmin: boolean('The admin is a local administrator on the top-level site server.'),
    azureRoles: { description: 'Azure roles on the CMG subscription (subscription-owner, …).', type: { kind: 'array', items: { description: 'A role, e.g. subscription-owner.', type: { kind: 'string' } } } },
  }, { docUrl: `${COMANAGE_DOCS}/overview#permissions-and-roles` }),
  intuneManagementExtensionPolicyProvider: boolean('Whether the Intune management extension is also used as a policy provider for these devices.'),
  workloads: object('Who manages each of the seven co-management workloads.', {
    compliancePolicies: workload('compliance policies', 'compliance-policies'),
    windowsUpdatePolicies: workload('Windows Update policies', 'windows-update-policies'),
    resourceAccessPolicies: workload('resource access policies', 'resource-access-policies'),
    endpointProtection: workload('Endpoint Protection', 'endpoint-protection', {
      removePolicies: { description: 'Endpoint Protection settings must come off the devices when their Intune policy is unassigned (not left in place).', type: { kind: 'boolean' } },
    }),
    deviceConfiguration: workload('device configuration', 'device-configuration'),
    officeClickToRunApps: workload('Office Click-to-Run apps', 'office-click-to-run-apps'),
    clientApps: workload('client apps', 'client-apps'),
  }, { docUrl: `${COMANAGE_DOCS}/workloads` }),
  observed: OBSERVED_SCHEMA,
});
