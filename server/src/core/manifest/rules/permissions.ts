// Permissions: the Configuration Manager, Microsoft Entra and Azure roles of the people who turn
// co-management on, configure automatic enrollment and create the CMG.
import { Plan } from '../plan';
import { hasCmg } from './cmg';
import { DOCS } from './scope';
import { Finding, defineReadinessRule } from './types';

const ROLES = `${DOCS}/overview#permissions-and-roles`;
const OVERVIEW_SOURCE = 'intune/configmgr/comanage/overview.md (newer copy)';
const CMG_PLAN_SOURCE = 'intune/configmgr/core/clients/manage/cmg/plan-cloud-management-gateway.md (newer copy)';

/** A list of role names, normalised ("Global Administrator" → global-administrator); undefined if absent. */
function roles(plan: Plan, path: string): Set<string> | undefined {
  if (!plan.has(path)) return undefined;
  const out = new Set<string>();
  for (let i = 0; i < plan.count(path); i++) {
    const name = plan.str(`${path}[${i}]`);
    if (name) out.add(name.trim().toLowerCase().replace(/[\s_]+/g, '-'));
  }
  return out;
}

export const fullAdminAllScopes = defineReadinessRule({
  id: 'permissions-full-admin-all-scopes', area: 'permissions', severity: 'error',
  source: `${OVERVIEW_SOURCE}; tutorial-co-manage-clients.md (newer copy)`,
  title: 'The admin who turns co-management on is a Configuration Manager Full Administrator with all scopes',
  docUrl: ROLES,
  needsAny: ['permissions.configMgrRole', 'permissions.configMgrAllScopes'],
  check(plan) {
    const findings: Finding[] = [];
    const role = plan.choice('permissions.configMgrRole');
    if (role !== undefined && role !== 'full-administrator') findings.push({ message: `Turning co-management on needs the Full Administrator role in Configuration Manager, not ${role}; the same account must also be a Microsoft Entra user.`, path: 'permissions.configMgrRole' });
    if (plan.bool('permissions.configMgrAllScopes') === false) findings.push({ message: 'Turning co-management on needs a Full Administrator whose role covers all security scopes.', path: 'permissions.configMgrAllScopes' });
    return findings;
  },
  examples: {
    fail: ['version: 1\npermissions:\n  configMgrRole: infrastructure-administrator\n  configMgrAllScopes: true'],
    pass: ['version: 1\npermissions:\n  configMgrRole: full-administrator\n  configMgrAllScopes: true'],
  },
});

export const globalAdminForOnboarding = defineReadinessRule({
  id: 'permissions-global-admin-for-onboarding', area: 'permissions', severity: 'error',
  source: `${OVERVIEW_SOURCE}; enable-co-management-1906-2107.md (newer copy); ${CMG_PLAN_SOURCE}`,
  title: 'A Microsoft Entra Global Administrator creates the Cloud Management apps and, before 2111, signs in to the co-management wizard',
  docUrl: ROLES,
  appliesWhen: (plan) => plan.bool('site.azureServices') === true || hasCmg(plan) || (plan.num('site.version') ?? Infinity) < 2111,
  needs: ['permissions.entraRoles'],
  check(plan) {
    if (roles(plan, 'permissions.entraRoles')!.has('global-administrator')) return undefined;
    const why = (plan.num('site.version') ?? Infinity) < 2111
      ? 'Up to 2107 the co-management wizard asks for a Global Administrator sign-in (it isn\'t stored)'
      : 'Creating the Microsoft Entra apps for Cloud Management, which a CMG needs, takes a Global Administrator';
    return { message: `${why}; the admin's Entra roles don't include global-administrator. Have a Global Administrator do that step.`, path: 'permissions.entraRoles' };
  },
  examples: {
    fail: ['version: 1\nsite:\n  azureServices: true\npermissions:\n  entraRoles: [intune-administrator]'],
    pass: ['version: 1\nsite:\n  azureServices: true\npermissions:\n  entraRoles: [global-administrator]'],
  },
});

export const autoEnrollmentRole = defineReadinessRule({
  id: 'permissions-auto-enrollment-role', area: 'permissions', severity: 'error',
  source: 'intune/intune-service/enrollment/windows-enroll.md (newer copy)',
  title: 'The admin who configures Windows automatic enrollment is an Intune Administrator (or Global Administrator)',
  docUrl: 'https://learn.microsoft.com/intune/intune-service/enrollment/windows-enroll#prerequisites',
  needs: ['permissions.entraRoles'],
  check(plan) {
    const held = roles(plan, 'permissions.entraRoles')!;
    if (held.has('intune-administrator') || held.has('global-administrator')) return undefined;
    return { message: 'Configuring the MDM and MAM user scopes needs the Intune Administrator Entra role (the older page asked for Global Administrator, which also works); the admin has neither.', path: 'permissions.entraRoles' };
  },
  examples: {
    fail: ['version: 1\npermissions:\n  entraRoles: [helpdesk-administrator]'],
    pass: ['version: 1\npermissions:\n  entraRoles: [intune-administrator]'],
  },
});

export const cmgAzureRoles = defineReadinessRule({
  id: 'permissions-cmg-azure-roles', area: 'permissions', severity: 'error', source: CMG_PLAN_SOURCE,
  title: 'The admin creating the CMG owns the Azure subscription and is a Full or Infrastructure Administrator',
  docUrl: 'https://learn.microsoft.com/intune/configmgr/core/clients/manage/cmg/plan-cloud-management-gateway#requirements',
  appliesWhen: hasCmg,
  needsAny: ['permissions.azureRoles', 'permissions.configMgrRole'],
  check(plan) {
    const findings: Finding[] = [];
    const azure = roles(plan, 'permissions.azureRoles');
    if (azure && !azure.has('subscription-owner')) findings.push({ message: 'Creating a CMG takes the Owner role on the Azure subscription (the co-management overview calls it Subscription Manager); add subscription-owner or have an owner create it.', path: 'permissions.azureRoles' });
    const role = plan.choice('permissions.configMgrRole');
    if (role !== undefined && role !== 'full-administrator' && role !== 'infrastructure-administrator') findings.push({ message: `Creating a CMG needs the Full Administrator or Infrastructure Administrator role in Configuration Manager, not ${role}.`, path: 'permissions.configMgrRole' });
    return findings;
  },
  examples: {
    fail: ['version: 1\nsite:\n  cmg:\n    address: contoso.eastus.cloudapp.azure.com/CCM_Proxy_MutualAuth/1\npermissions:\n  azureRoles: [reader]\n  configMgrRole: full-administrator'],
    pass: ['version: 1\nsite:\n  cmg:\n    address: contoso.eastus.cloudapp.azure.com/CCM_Proxy_MutualAuth/1\npermissions:\n  azureRoles: [subscription-owner]\n  configMgrRole: full-administrator'],
  },
});
