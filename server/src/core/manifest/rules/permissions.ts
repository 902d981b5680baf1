// Permissions: the Configuration Manager, Microsoft Entra and Azure roles of the people who turn
// co-management on, configure automatic enrollment and create the CMG.
import { Plan } from '../plan';
import { hasCmg } from './cmg';
import { DOCS, isExistingClientsPath, isHybridJoined } from './scope';
import { Finding, defineReadinessRule } from './types';

const ROLES = `${DOCS}/overview#permissions-and-roles`;
const OVERVIEW_SOURCE = 'intune/configmgr/comanage/overview.md (newer copy)';
const CMG_PLAN_SOURCE = 'intune/configmgr/core/clients/manage/cmg/plan-cloud-management-gateway.md (newer copy)';

/** A list of role names, normalised ("Global Administrator" → global-administrator); undefined if absent. */
export function roles(plan: Plan, path: string): Set<string> | undefined {
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
  basis: { words: 'Full Administrator with All scope', page: 'https://learn.microsoft.com/intune/configmgr/comanage/overview#permissions-and-roles', override: 'Read in context (docs map P1#17): Enabling co-management needs an Entra user who is Full Administrator with All scopes' },
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

/** The plan onboards the site to Entra ID (or a CMG needs it), or runs the pre-2111 wizard: steps that take a Global Administrator. */
const onboardingNeedsGlobalAdmin = (plan: Plan): boolean =>
  plan.bool('site.azureServices') === true || hasCmg(plan) || (plan.num('site.version') ?? Infinity) < 2111;

export const globalAdminForOnboarding = defineReadinessRule({
  id: 'permissions-global-admin-for-onboarding', area: 'permissions', severity: 'error',
  basis: {
    words: 'require a global administrator role', page: 'https://learn.microsoft.com/intune/configmgr/core/clients/manage/cmg/configure-azure-ad',
    contradiction: { page: 'https://learn.microsoft.com/intune/configmgr/core/clients/manage/cmg/set-up-checklist#checklist', says: 'accepts Application Developer, Cloud Application Administrator, Application Administrator or Global Administrator to register the apps (04/2022; the Entra integration page, 09/2022, asks for Global Administrator for both ways of creating them)' },
  },
  source: `intune/configmgr/core/clients/manage/cmg/configure-azure-ad.md (newer copy); ${OVERVIEW_SOURCE}; enable-co-management-1906-2107.md (newer copy); ${CMG_PLAN_SOURCE}`,
  title: 'A Microsoft Entra Global Administrator creates the Cloud Management apps (and the CMG) and, before 2111, signs in to the co-management wizard',
  docUrl: ROLES,
  appliesWhen: onboardingNeedsGlobalAdmin,
  needs: ['permissions.entraRoles'],
  check(plan) {
    if (roles(plan, 'permissions.entraRoles')!.has('global-administrator')) return undefined;
    const why = (plan.num('site.version') ?? Infinity) < 2111
      ? 'Up to 2107 the co-management wizard asks for a Global Administrator sign-in (it isn\'t stored)'
      : hasCmg(plan)
        ? 'Integrating the site with Microsoft Entra ID (creating or pre-creating its two apps) and creating the CMG itself each take a Global Administrator'
        : 'Creating the Microsoft Entra apps for Cloud Management, whether from the console or in advance, takes a Global Administrator';
    const held = roles(plan, 'permissions.entraRoles')!;
    const appRoles = ['application-developer', 'cloud-application-administrator', 'application-administrator'].filter((r) => held.has(r));
    const note = appRoles.length > 0 ? ` The CMG set-up checklist also lists ${appRoles.join(', ')} for registering apps, but the page that walks through the integration asks for a Global Administrator.` : '';
    return { message: `${why}; the admin's Entra roles don't include global-administrator. Have a Global Administrator do that step.${note}`, path: 'permissions.entraRoles' };
  },
  examples: {
    fail: ['version: 1\nsite:\n  azureServices: true\npermissions:\n  entraRoles: [intune-administrator]'],
    pass: ['version: 1\nsite:\n  azureServices: true\npermissions:\n  entraRoles: [global-administrator]'],
  },
});

export const autoEnrollmentRole = defineReadinessRule({
  id: 'permissions-auto-enrollment-role', area: 'permissions', severity: 'error',
  basis: { words: 'Built-in Global Administrator', page: 'https://learn.microsoft.com/intune/device-enrollment/windows/enable-automatic-mdm#prerequisites', override: 'Read in context (docs map P22#3): the page lists the one role to sign in with', contradiction: { page: 'https://learn.microsoft.com/intune/intune-service/enrollment/windows-enroll', says: 'names Intune Administrator' } },
  source: 'intune/device-enrollment/windows/enable-automatic-mdm.md (newest copy, 03/2026); intune/intune-service/enrollment/windows-enroll.md (older)',
  title: 'The admin who configures Windows automatic enrollment is a Global Administrator',
  docUrl: 'https://learn.microsoft.com/intune/device-enrollment/windows/enable-automatic-mdm#prerequisites',
  needs: ['permissions.entraRoles'],
  check(plan) {
    const held = roles(plan, 'permissions.entraRoles')!;
    if (held.has('global-administrator')) return undefined;
    const older = held.has('intune-administrator') ? ' An older copy of the enrollment page named Intune Administrator; the newest one names Global Administrator only.' : '';
    return { message: `Configuring the MDM and WIP user scopes for automatic enrollment takes the Global Administrator Entra role, and the admin's roles don't include global-administrator; have a Global Administrator do that step.${older}`, path: 'permissions.entraRoles' };
  },
  examples: {
    fail: ['version: 1\npermissions:\n  entraRoles: [intune-administrator]', 'version: 1\npermissions:\n  entraRoles: [helpdesk-administrator]'],
    pass: ['version: 1\npermissions:\n  entraRoles: [global-administrator]'],
  },
});

export const cmgAzureRoles = defineReadinessRule({
  id: 'permissions-cmg-azure-roles', area: 'permissions', severity: 'error', source: CMG_PLAN_SOURCE,
  basis: { words: 'Azure subscription Owner', page: 'https://learn.microsoft.com/intune/configmgr/core/clients/manage/cmg/plan-cloud-management-gateway#requirements', override: 'Read in context (docs map P12#11): creating the CMG takes the subscription Owner role', contradiction: { page: 'https://learn.microsoft.com/intune/configmgr/comanage/overview#permissions-and-roles', says: 'calls the role Subscription Manager' } },
  // The Global Administrator that creating a CMG also takes is checked by permissions-global-admin-for-onboarding (it applies whenever the plan has a CMG).
  title: 'The admin creating the CMG owns the Azure subscription and is a Full or Infrastructure Administrator (and a Global Administrator takes part)',
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

// The existing-clients tutorial configures hybrid join in Microsoft Entra Connect, which asks for a
// Global Administrator. When onboarding already needs one, the rule above says so for both steps.
export const globalAdminForHybridJoinSetup = defineReadinessRule({
  id: 'permissions-global-admin-hybrid-join-setup', area: 'permissions', severity: 'error',
  basis: { words: 'sign in fails', page: 'https://learn.microsoft.com/intune/configmgr/comanage/tutorial-co-manage-clients#permissions' },
  source: 'intune/configmgr/comanage/tutorial-co-manage-clients.md (newer copy); entra-docs docs/identity/devices/how-to-hybrid-join.md (newest copy)',
  title: 'A Microsoft Entra Global Administrator configures hybrid join in Microsoft Entra Connect',
  docUrl: `${DOCS}/tutorial-co-manage-clients#set-up-microsoft-entra-connect`,
  appliesWhen: (plan) => isExistingClientsPath(plan) && isHybridJoined(plan) && !onboardingNeedsGlobalAdmin(plan),
  needs: ['permissions.entraRoles'],
  check(plan) {
    if (roles(plan, 'permissions.entraRoles')!.has('global-administrator')) return undefined;
    return { message: 'Setting up hybrid join in Microsoft Entra Connect asks for Global Administrator credentials, and the admin\'s Entra roles don\'t include global-administrator; have a Global Administrator do that step (unless hybrid join is already configured).', path: 'permissions.entraRoles' };
  },
  examples: {
    fail: ['version: 1\npath: existing-clients\nsite:\n  version: 2403\nidentity:\n  deviceJoin: hybrid-joined\npermissions:\n  entraRoles: [intune-administrator]'],
    pass: ['version: 1\npath: existing-clients\nsite:\n  version: 2403\nidentity:\n  deviceJoin: hybrid-joined\npermissions:\n  entraRoles: [global-administrator, intune-administrator]'],
  },
});
