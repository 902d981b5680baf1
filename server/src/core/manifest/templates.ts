// Templates for a new workload manifest, one per setup path (the format's `path` values). A template
// holds the path's structure and decisions (which workloads move, how the client is installed) and a
// placeholder `<…>` for every fact of the tenant (site code, addresses, licensing, versions, identity,
// permissions). Placeholders are no evidence: `unreplaced-placeholder` flags each one and every
// readiness check that reads one is unknown, so an untouched template passes no tenant check.
// Used by `comanage new <path>` and the editor's "New workload manifest…" (through the server).
import { isPlaceholder } from './placeholders';
import { Document, isScalar, visit } from 'yaml';
import { MANIFEST_SCHEMA } from './manifestSchema';
import { fieldAt } from './describeField';
import { Field } from './schemaTypes';

/** A fact of the tenant: rendered as a placeholder; `label` names it when the type alone says too little. */
class Fact {
  constructor(readonly label?: string) {}
}
const fact = (label?: string) => new Fact(label);

type Shape = { [key: string]: Shape | Shape[] | Fact | Fact[] | string | number | boolean };

export interface ManifestTemplate {
  /** The format's `path` value. */
  path: string;
  /** One line for pickers and `comanage new` usage. */
  title: string;
  description: string;
  text: string;
}

const SITE_FACTS: Shape = {
  code: fact('site code, three letters or digits'),
  version: fact('Configuration Manager version, e.g. 2503'),
  azureServices: fact(),
  cloudAttach: fact(),
  communicationSecurity: fact(),
  azureEnvironment: fact(),
  pkiClientCertificates: fact(),
  discovery: { entraUser: fact(), adUser: fact() },
  entraApps: { adminConsent: fact() },
};

const CMG_SITE_FACTS: Shape = {
  ...SITE_FACTS,
  clientAuthentication: fact(),
  managementPoint: fact('management point, e.g. https://mp1.contoso.com'),
  managementPointsAllowCmgTraffic: fact(),
  cmg: {
    address: fact('CMG address as clients report it, without https://'),
    deployment: fact(),
    contentEnabled: fact(),
    serverCertificate: fact(),
    serverCertificateTrustedByDevices: fact(),
    connectionPoint: fact(),
    serviceName: fact('CMG service name, the common name of its server certificate, e.g. cmg.contoso.com'),
    cnameConfigured: fact(),
  },
};

const TENANT_FACTS: Shape = {
  identity: { deviceJoin: fact(), usersSynced: fact() },
  licensing: { entraId: fact(), intune: fact(), adminIntuneLicense: fact() },
  intune: { mdmAuthority: fact(), mdmUserScope: fact(), mamUserScope: fact(), mdmUrls: fact(), defaultRestriction: { windows: fact() } },
};

const PERMISSIONS: Shape = {
  configMgrRole: fact(),
  configMgrAllScopes: fact(),
  entraRoles: [fact('Entra role of the admin, e.g. intune-administrator')],
};

const COMMAND_LINE = fact('CCMSETUPCMD command line from the co-management page of the Configuration Manager console');

const POLICY = (name: string, overrideToIntune: boolean): Shape => ({
  name,
  installAgent: true,
  targetGroup: fact('Entra device group the policy is assigned to'),
  targetGroupType: 'device',
  priority: 1,
  overrideToIntune,
  commandLine: COMMAND_LINE,
});

const AUTOPILOT: Shape = {
  enabled: true,
  solution: 'classic',
  devicesRegistered: fact(),
  deploymentMode: 'user-driven',
  joinType: 'entra',
  profileTargetGroup: fact('Entra device group of the Autopilot profile'),
  esp: { enabled: true, showProgress: true, timeoutMinutes: 60, targetGroup: fact('Entra device group of the Enrollment Status Page') },
};

const WINDOWS: Shape = { minimumVersion: fact('oldest Windows version in scope, e.g. 10 22H2 or 11 23H2') };

const SHAPES: { path: string; title: string; header: string; shape: Shape }[] = [
  {
    path: 'existing-clients', title: 'Existing Configuration Manager clients',
    header: 'Existing Configuration Manager clients enroll into Intune and become co-managed; workloads move to Intune through a pilot collection.',
    shape: {
      version: 1, name: fact('plan name'), path: 'existing-clients',
      site: { ...SITE_FACTS, cmg: fact('none if the site has no cloud management gateway') }, ...TENANT_FACTS,
      identity: { deviceJoin: fact(), usersSynced: fact(), entraConnect: { deviceSync: fact() }, hybridJoin: { scpConfigured: fact() }, domainType: fact(), onPremisesUpn: fact() },
      comanagement: { enabled: fact(), autoEnroll: fact(), pilotCollection: fact('pilot collection name') },
      windows: WINDOWS, permissions: PERMISSIONS,
      workloads: {
        compliancePolicies: { authority: 'pilot-intune', pilotCollection: fact('pilot collection name'), intuneReady: fact() },
        windowsUpdatePolicies: { authority: 'configmgr' }, resourceAccessPolicies: { authority: 'configmgr' },
        endpointProtection: { authority: 'configmgr' }, deviceConfiguration: { authority: 'configmgr' },
        officeClickToRunApps: { authority: 'configmgr' }, clientApps: { authority: 'configmgr' },
      },
    },
  },
  {
    path: 'new-internet-devices', title: 'New internet-based devices',
    header: 'New internet-based devices join Microsoft Entra ID, enroll in Intune, and the co-management settings policy installs the Configuration Manager client through the CMG.',
    shape: {
      version: 1, name: fact('plan name'), path: 'new-internet-devices',
      site: CMG_SITE_FACTS, ...TENANT_FACTS,
      clientSettings: { cmgEnabled: fact(), cloudDistributionPointAccess: fact() },
      comanagement: { enabled: fact(), clientInstallMethod: 'policy', policies: [POLICY('Install the Configuration Manager client', false)] },
      permissions: { ...PERMISSIONS, azureRoles: [fact('Azure role on the CMG subscription, e.g. subscription-owner')] },
      windows: WINDOWS,
      workloads: { compliancePolicies: { authority: 'intune', intuneReady: fact() }, resourceAccessPolicies: { authority: 'intune', intuneReady: fact() } },
    },
  },
  {
    path: 'autopilot', title: 'Windows Autopilot into co-management',
    header: 'Windows Autopilot provisions new devices; the co-management settings policy installs the Configuration Manager client during the Enrollment Status Page, through the CMG.',
    shape: {
      version: 1, name: fact('plan name'), path: 'autopilot',
      site: CMG_SITE_FACTS, ...TENANT_FACTS,
      clientSettings: { cmgEnabled: fact(), cloudDistributionPointAccess: fact() },
      comanagement: { enabled: fact(), clientInstallMethod: 'policy', policies: [POLICY('Autopilot into co-management', false)] },
      autopilot: AUTOPILOT,
      permissions: { ...PERMISSIONS, azureRoles: [fact('Azure role on the CMG subscription, e.g. subscription-owner')] },
      windows: WINDOWS,
      workloads: { compliancePolicies: { authority: 'intune', intuneReady: fact() }, resourceAccessPolicies: { authority: 'intune', intuneReady: fact() }, deviceConfiguration: { authority: 'intune', intuneReady: fact() } },
    },
  },
  {
    path: 'managed-desktop', title: 'Microsoft Managed Desktop',
    header: 'Microsoft Managed Desktop devices: Autopilot into co-management with one policy that puts every workload on Intune.',
    shape: {
      version: 1, name: fact('plan name'), path: 'managed-desktop',
      site: CMG_SITE_FACTS, ...TENANT_FACTS,
      clientSettings: { cmgEnabled: fact(), cloudDistributionPointAccess: fact(), userPortal: 'company-portal' },
      comanagement: { enabled: fact(), clientInstallMethod: 'policy', policies: [POLICY('Modern Workplace co-management', true)] },
      autopilot: AUTOPILOT,
      managedDesktop: { sharedDevices: fact(), devicesAlreadyRegistered: fact() },
      permissions: { ...PERMISSIONS, azureRoles: [fact('Azure role on the CMG subscription, e.g. subscription-owner')] },
      windows: WINDOWS,
      workloads: { compliancePolicies: { authority: 'intune', intuneReady: fact() }, deviceConfiguration: { authority: 'intune', intuneReady: fact() } },
    },
  },
];

/** The placeholder for a fact: its label, else what the format allows ("<none, P1 or P2>", "<true or false>"). */
function placeholder(fact: Fact, field: Field | undefined): string {
  if (fact.label) return `<${fact.label}>`;
  const type = field?.type;
  if (type?.kind === 'enum') return `<${orList(type.values.map((v) => v.value))}>`;
  if (type?.kind === 'boolean') return '<true or false>';
  return `<${(field?.description ?? 'value').replace(/\.$/, '').toLowerCase()}>`;
}

const orList = (values: string[]) => (values.length > 1 ? `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}` : values.join(''));

function materialise(shape: unknown, steps: (string | number)[]): unknown {
  if (shape instanceof Fact) return placeholder(shape, fieldAt(steps));
  if (Array.isArray(shape)) return shape.map((item, i) => materialise(item, [...steps, i]));
  if (shape && typeof shape === 'object') return Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, materialise(v, [...steps, k])]));
  return shape;
}

function render(entry: (typeof SHAPES)[number]): string {
  const document = new Document(materialise(entry.shape, []));
  // Placeholders always in quotes: a reader sees at once which values are still to be written.
  visit(document, { Scalar(_key, node) { if (isScalar(node) && typeof node.value === 'string' && isPlaceholder(node.value)) node.type = 'QUOTE_DOUBLE'; } });
  const header = [
    `Template for the "${entry.path}" path: ${entry.header}`,
    'Replace every "<…>" with your tenant\'s facts. Until then comanage flags it (unreplaced-placeholder)',
    'and every readiness check that reads it stays unknown. Created by `comanage new` / "New workload manifest…".',
  ];
  return `${header.map((line) => `# ${line}`).join('\n')}\n${document.toString({ lineWidth: 0 })}`;
}

export const MANIFEST_TEMPLATES: readonly ManifestTemplate[] = SHAPES.map((entry) => ({
  path: entry.path, title: entry.title, description: entry.header, text: render(entry),
}));

/** The format's `path` values, in its order: the templates must cover exactly these. */
export const TEMPLATE_PATHS: readonly string[] = (() => {
  const field = MANIFEST_SCHEMA.type.kind === 'object' ? MANIFEST_SCHEMA.type.fields.path : undefined;
  return field?.type.kind === 'enum' ? field.type.values.map((v) => v.value) : [];
})();

export function manifestTemplate(path: string): ManifestTemplate | undefined {
  return MANIFEST_TEMPLATES.find((t) => t.path === path);
}
