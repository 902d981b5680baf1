// Client push installation: the site server connects to computers it discovered and installs the
// client. What that needs (discovery, an account, firewall exceptions, the ADMIN$ share), what it
// can't reach (workgroup computers, another domain with the computer account) and how it is set up
// (Kerberos without NTLM fallback, the site code a secondary site pushes). The ccmsetup rules check
// its Installation Properties line (site.clientPush.commandLine) in the client push context.
import type { Span } from '../../ccmsetup/ast';
import { find } from '../../ccmsetup/query';
import { Plan } from '../plan';
import { defineReadinessRule } from './types';

const METHODS = 'https://learn.microsoft.com/intune/configmgr/core/clients/deploy/plan/client-installation-methods';
const METHODS_SOURCE = 'intune/configmgr/core/clients/deploy/plan/client-installation-methods.md (newer copy)';
const DEPLOY = 'https://learn.microsoft.com/intune/configmgr/core/clients/deploy/deploy-clients-to-windows-computers';
const DEPLOY_SOURCE = 'intune/configmgr/core/clients/deploy/deploy-clients-to-windows-computers.md (newer copy)';
const PREREQUISITES = 'https://learn.microsoft.com/intune/configmgr/core/clients/deploy/prerequisites-for-deploying-clients-to-windows-computers';
const PREREQUISITES_SOURCE = 'intune/configmgr/core/clients/deploy/prerequisites-for-deploying-clients-to-windows-computers.md (newer copy)';
const SITE_WIDE = `${DEPLOY}#configure-the-site-to-automatically-use-client-push-for-discovered-computers`;

/** The plan installs the client with client push. */
const usesClientPush = (plan: Plan): boolean => plan.choice('comanagement.clientInstallMethod') === 'client-push';

const PUSH = 'version: 1\ncomanagement:\n  clientInstallMethod: client-push\n';

export const clientPushNeedsDiscovery = defineReadinessRule({
  id: 'client-push-needs-discovery', area: 'installation', severity: 'error', source: METHODS_SOURCE,
  basis: { words: 'Can only be used on computers', page: `${METHODS}#client-push-installation` },
  title: 'Client push targets computers that a discovery method has found',
  docUrl: `${METHODS}#client-push-installation`,
  appliesWhen: usesClientPush,
  needs: ['clients.discovered'],
  check(plan) {
    if (plan.bool('clients.discovered') !== false) return undefined;
    return { message: 'Client push installs the client only on computers the site has discovered, and the plan says these computers are not (clients.discovered: false). Turn on a discovery method that finds them (Active Directory System Discovery, for one), or choose a method that needs no discovery, such as group policy or a logon script.', path: 'clients.discovered' };
  },
  examples: {
    fail: [`${PUSH}clients:\n  discovered: false`],
    pass: [`${PUSH}clients:\n  discovered: true`],
  },
});

export const clientPushNoWorkgroup = defineReadinessRule({
  id: 'client-push-no-workgroup', area: 'installation', severity: 'error', source: METHODS_SOURCE,
  basis: { words: "Can't be used to install clients", page: `${METHODS}#client-push-installation` },
  title: 'Client push is not the method for workgroup computers',
  docUrl: `${DEPLOY}#BKMK_ClientWorkgroup`,
  appliesWhen: usesClientPush,
  needs: ['clients.workgroup'],
  check(plan) {
    if (plan.bool('clients.workgroup') !== true) return undefined;
    return { message: 'Client push can\'t install the client on computers in a workgroup (clients.workgroup: true). Install it on those computers by hand, signed in as a local administrator, and give the site a network access account.', path: 'clients.workgroup' };
  },
  examples: {
    fail: [`${PUSH}clients:\n  workgroup: true`],
    pass: [`${PUSH}clients:\n  workgroup: false`],
  },
});

export const clientPushAccount = defineReadinessRule({
  id: 'client-push-account', area: 'installation', severity: 'warning', source: `${DEPLOY_SOURCE}; ${METHODS_SOURCE}`,
  basis: {
    words: 'Specify at least one client push', page: SITE_WIDE,
    override: 'The newer deployment page lets the site fall back to its computer account when no account is set, so a missing account is a risk (it fails across domains: client-push-cross-domain), not a failure in itself',
    contradiction: { page: `${METHODS}#client-push-installation`, says: 'a client push installation account with administrative rights on the client must be specified' },
  },
  title: 'Client push has an installation account that is a local administrator on the target computers',
  docUrl: SITE_WIDE,
  appliesWhen: usesClientPush,
  needs: ['site.clientPush.account'],
  check(plan) {
    if (plan.bool('site.clientPush.account') !== false) return undefined;
    return { message: 'The plan sets no client push installation account (site.clientPush.account: false), so the site connects with its own computer account, which must then be a local administrator on every target computer. Add an account in the local Administrators group of the targets on the Accounts tab of Client Push Installation Properties; the client installation methods page says one must be specified.', path: 'site.clientPush.account' };
  },
  examples: {
    fail: [`${PUSH}site:\n  clientPush:\n    account: false`],
    pass: [`${PUSH}site:\n  clientPush:\n    account: true`],
  },
});

export const clientPushCrossDomain = defineReadinessRule({
  id: 'client-push-cross-domain', area: 'installation', severity: 'error', source: DEPLOY_SOURCE,
  basis: { words: 'Cross-domain client push fails', page: SITE_WIDE },
  title: 'Client push into another domain uses a client push installation account, not the site\'s computer account',
  docUrl: SITE_WIDE,
  appliesWhen: usesClientPush,
  needs: ['site.clientPush.account', 'clients.crossDomain'],
  check(plan) {
    if (plan.bool('site.clientPush.account') !== false || plan.bool('clients.crossDomain') !== true) return undefined;
    return { message: 'Without a client push installation account (site.clientPush.account: false) the site uses its computer account, and client push into another domain fails that way (clients.crossDomain: true). Add an installation account that is a local administrator on the computers of the other domain.', path: 'site.clientPush.account' };
  },
  examples: {
    fail: [`${PUSH}site:\n  clientPush:\n    account: false\nclients:\n  crossDomain: true`],
    pass: [`${PUSH}site:\n  clientPush:\n    account: true\nclients:\n  crossDomain: true`, `${PUSH}site:\n  clientPush:\n    account: false\nclients:\n  crossDomain: false`],
  },
});

export const clientPushFirewall = defineReadinessRule({
  id: 'client-push-firewall', area: 'installation', severity: 'error', source: METHODS_SOURCE,
  basis: { words: 'must be configured with exceptions', page: `${METHODS}#client-push-installation` },
  title: 'Windows Firewall on the target computers has the exceptions client push needs',
  docUrl: `${METHODS}#client-push-installation`,
  appliesWhen: usesClientPush,
  needs: ['site.clientPush.firewallExceptions'],
  check(plan) {
    if (plan.bool('site.clientPush.firewallExceptions') !== false) return undefined;
    return { message: 'Client push connects to each target computer from the site server, and Windows Firewall on the targets has no exceptions for it (site.clientPush.firewallExceptions: false). Add the exceptions, by group policy for example, before pushing; the site retries a failed push for up to seven days.', path: 'site.clientPush.firewallExceptions' };
  },
  examples: {
    fail: [`${PUSH}site:\n  clientPush:\n    firewallExceptions: false`],
    pass: [`${PUSH}site:\n  clientPush:\n    firewallExceptions: true`],
  },
});

export const clientPushAdminShare = defineReadinessRule({
  id: 'client-push-admin-share', area: 'installation', severity: 'error', source: `${PREREQUISITES_SOURCE}; ${DEPLOY_SOURCE}`,
  basis: { words: 'only succeeds if all prerequisites', page: `${DEPLOY}#BKMK_ClientPush` },
  title: 'The computers client push targets have the ADMIN$ share',
  docUrl: `${PREREQUISITES}#client-push-installation`,
  appliesWhen: usesClientPush,
  needs: ['site.clientPush.adminShare'],
  check(plan) {
    if (plan.bool('site.clientPush.adminShare') !== false) return undefined;
    return { message: 'Client push copies the installation to each computer through its ADMIN$ share, and the plan says the targets have none (site.clientPush.adminShare: false); push succeeds only when every prerequisite is met. Restore the share or choose another installation method.', path: 'site.clientPush.adminShare' };
  },
  examples: {
    fail: [`${PUSH}site:\n  clientPush:\n    adminShare: false`],
    pass: [`${PUSH}site:\n  clientPush:\n    adminShare: true`],
  },
});

export const clientPushNtlmFallback = defineReadinessRule({
  id: 'client-push-ntlm-fallback', area: 'installation', severity: 'warning', source: DEPLOY_SOURCE,
  basis: { words: 'recommended to disable this option', page: SITE_WIDE },
  title: 'Client push connects with Kerberos only: the fallback to NTLM is turned off where possible',
  docUrl: SITE_WIDE,
  appliesWhen: usesClientPush,
  needs: ['site.clientPush.allowNtlmFallback'],
  check(plan) {
    if (plan.bool('site.clientPush.allowNtlmFallback') !== true) return undefined;
    return { message: 'Client push may fall back to NTLM when Kerberos fails (site.clientPush.allowNtlmFallback: true). Turn "Allow connection fallback to NTLM" off where you can, for better security; Kerberos then needs the clients in a trusted Active Directory forest.', path: 'site.clientPush.allowNtlmFallback' };
  },
  examples: {
    fail: [`${PUSH}site:\n  clientPush:\n    allowNtlmFallback: true`],
    pass: [`${PUSH}site:\n  clientPush:\n    allowNtlmFallback: false`],
  },
});

/**
 * SMSSITECODE on the client push line (its value upper-cased; undefined when the line has none,
 * which the reference says acts as AUTO) and where to point: the value, else the line.
 */
function pushedSiteCodeAt(plan: Plan): { code?: string; span?: Span } {
  const line = plan.otherCommandLine('site.clientPush.commandLine');
  const value = line && find(line, 'SMSSITECODE')?.value;
  return { code: value?.text.trim().toUpperCase(), span: value?.span ?? line?.span };
}
/** The pushed line looks the site up (SMSSITECODE=AUTO, or no SMSSITECODE at all). */
const looksSiteUp = (plan: Plan) => { const { code } = pushedSiteCodeAt(plan); return code === undefined || code === 'AUTO'; };

export const clientPushSecondarySiteCode = defineReadinessRule({
  id: 'client-push-secondary-sitecode', area: 'installation', severity: 'error', source: DEPLOY_SOURCE,
  basis: {
    words: 'set the **SMSSITECODE** property to', page: SITE_WIDE,
    override: 'A setup instruction without a modal verb: clients are assigned to primary sites, so a push from a secondary site that names no parent primary leaves them unassigned',
  },
  title: 'Client push from a secondary site names the parent primary site\'s code (or AUTO with the schema extended)',
  docUrl: SITE_WIDE,
  appliesWhen: (plan) => usesClientPush(plan) && plan.bool('site.clientPush.fromSecondary') === true,
  needs: ['site.clientPush.commandLine', 'site.code'],
  // AUTO (also what a line without SMSSITECODE does) is right only when the Active Directory schema is extended.
  needsEach: (plan) => (looksSiteUp(plan) ? ['site.adSchemaExtended'] : []),
  check(plan) {
    const { code, span } = pushedSiteCodeAt(plan);
    const primary = plan.str('site.code')?.trim().toUpperCase();
    if (looksSiteUp(plan)) {
      if (plan.bool('site.adSchemaExtended') !== false) return undefined;
      const how = code === undefined ? 'has no SMSSITECODE, so the client looks its site up as with AUTO' : 'uses SMSSITECODE=AUTO';
      return { message: `Client push from a secondary site ${how}, and that finds the right site only when the Active Directory schema is extended for Configuration Manager, which the plan says it isn't (site.adSchemaExtended: false). Set SMSSITECODE=${primary}, the parent primary site's code, on the Installation Properties tab.`, path: 'site.clientPush.commandLine', span };
    }
    if (code === primary) return undefined;
    return { message: `Client push from a secondary site sets SMSSITECODE=${code}, but clients are assigned to a primary site: set it to the parent primary site's code (SMSSITECODE=${primary}, site.code), or to AUTO if the Active Directory schema is extended for Configuration Manager.`, path: 'site.clientPush.commandLine', span };
  },
  examples: {
    fail: [
      `${PUSH}site:\n  code: ABC\n  clientPush:\n    fromSecondary: true\n    commandLine: SMSSITECODE=S01`,
      `${PUSH}site:\n  code: ABC\n  adSchemaExtended: false\n  clientPush:\n    fromSecondary: true\n    commandLine: SMSSITECODE=AUTO`,
      `${PUSH}site:\n  code: ABC\n  adSchemaExtended: false\n  clientPush:\n    fromSecondary: true\n    commandLine: FSP=fsp01.contoso.com`,
    ],
    pass: [
      `${PUSH}site:\n  code: ABC\n  clientPush:\n    fromSecondary: true\n    commandLine: SMSSITECODE=ABC`,
      `${PUSH}site:\n  code: ABC\n  adSchemaExtended: true\n  clientPush:\n    fromSecondary: true\n    commandLine: SMSSITECODE=AUTO`,
      `${PUSH}site:\n  code: ABC\n  adSchemaExtended: true\n  clientPush:\n    fromSecondary: true\n    commandLine: FSP=fsp01.contoso.com`,
    ],
  },
});
