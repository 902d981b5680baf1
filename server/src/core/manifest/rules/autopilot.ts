// Autopilot into co-management: requirements and limitations (autopilot-enrollment.md, seed 003).
import { DOCS, isAutopilotIntoComanagement, workloadsWithAuthority } from './scope';
import { defineReadinessRule } from './types';

const SOURCE = 'memdocs/configmgr/comanage/autopilot-enrollment.md (seed 003)';
const MINIMAL = 'version: 1\npath: autopilot\n';

export const autopilotSiteVersion = defineReadinessRule({
  id: 'autopilot-site-version', area: 'autopilot', severity: 'error', source: SOURCE,
  title: 'Autopilot into co-management needs Configuration Manager 2111 or later',
  docUrl: `${DOCS}/autopilot-enrollment#requirements`,
  appliesWhen: isAutopilotIntoComanagement,
  needs: ['site.version'],
  check(plan) {
    const version = plan.num('site.version')!;
    if (version < 2111) return { message: `Autopilot into co-management needs Configuration Manager 2111 or later; this site runs ${version}.`, path: 'site.version' };
    return undefined;
  },
  examples: { fail: [`${MINIMAL}site:\n  version: 2107`], pass: [`${MINIMAL}site:\n  version: 2111`] },
});

export const autopilotNeedsCmg = defineReadinessRule({
  id: 'autopilot-needs-cmg', area: 'cmg', severity: 'error', source: SOURCE,
  title: 'Autopilot into co-management needs a cloud management gateway',
  docUrl: `${DOCS}/autopilot-enrollment#requirements`,
  appliesWhen: isAutopilotIntoComanagement,
  needs: ['site'],
  check(plan) {
    if (!plan.has('site.cmg') || !plan.has('site.cmg.address')) {
      return { message: 'Autopilot into co-management installs the client from a cloud management gateway, and this plan has none (site.cmg.address).', path: 'site' };
    }
    return undefined;
  },
  examples: { fail: [`${MINIMAL}site:\n  code: ABC`], pass: [`${MINIMAL}site:\n  cmg:\n    address: contoso.cloudapp.net/CCM_Proxy_MutualAuth/1`] },
});

export const autopilotEntraJoinOnly = defineReadinessRule({
  id: 'autopilot-entra-join-only', area: 'identity', severity: 'error', source: SOURCE,
  title: 'Autopilot into co-management supports Microsoft Entra joined devices only, not hybrid joined',
  docUrl: `${DOCS}/autopilot-enrollment#limitations`,
  appliesWhen: isAutopilotIntoComanagement,
  check(plan) {
    const findings = [];
    if (plan.choice('autopilot.joinType') === 'hybrid') findings.push({ message: 'Autopilot into co-management doesn\'t support hybrid joined devices: use a Microsoft Entra join profile.', path: 'autopilot.joinType' });
    if (plan.choice('identity.deviceJoin') === 'hybrid-joined') findings.push({ message: 'Autopilot into co-management doesn\'t support hybrid joined devices; these devices must be Microsoft Entra joined.', path: 'identity.deviceJoin' });
    return findings;
  },
  needsAny: ['autopilot.joinType', 'identity.deviceJoin'],
  examples: { fail: [`${MINIMAL}autopilot:\n  joinType: hybrid`, `${MINIMAL}identity:\n  deviceJoin: hybrid-joined`], pass: [`${MINIMAL}autopilot:\n  joinType: entra\nidentity:\n  deviceJoin: entra-joined`] },
});

export const autopilotUserDrivenOnly = defineReadinessRule({
  id: 'autopilot-user-driven-only', area: 'autopilot', severity: 'error', source: SOURCE,
  title: 'Autopilot into co-management supports the user-driven mode only (no self-deploying, no pre-provisioning)',
  docUrl: `${DOCS}/autopilot-enrollment#limitations`,
  appliesWhen: isAutopilotIntoComanagement,
  needs: ['autopilot.deploymentMode'],
  check(plan) {
    const mode = plan.choice('autopilot.deploymentMode');
    if (mode !== 'user-driven') return { message: `Autopilot into co-management supports only the user-driven mode; ${mode} is not supported.`, path: 'autopilot.deploymentMode' };
    return undefined;
  },
  examples: { fail: [`${MINIMAL}autopilot:\n  deploymentMode: pre-provisioning`, `${MINIMAL}autopilot:\n  deploymentMode: self-deploying`], pass: [`${MINIMAL}autopilot:\n  deploymentMode: user-driven`] },
});

export const autopilotNoPilotIntune = defineReadinessRule({
  id: 'autopilot-no-pilot-intune', area: 'workloads', severity: 'error', source: SOURCE,
  title: 'Autopilot into co-management does not support workloads on Pilot Intune',
  docUrl: `${DOCS}/autopilot-enrollment#limitations`,
  appliesWhen: isAutopilotIntoComanagement,
  needs: ['workloads'],
  check(plan) {
    return workloadsWithAuthority(plan, 'pilot-intune').map((key) => ({
      message: `Pilot Intune depends on collection membership, which a new client only gets after Autopilot is done; set ${key} to configmgr or intune for these devices.`,
      path: `workloads.${key}.authority`,
    }));
  },
  examples: { fail: [`${MINIMAL}workloads:\n  clientApps:\n    authority: pilot-intune\n    pilotCollection: Pilot`], pass: [`${MINIMAL}workloads:\n  clientApps:\n    authority: intune`] },
});

export const autopilotNoPki = defineReadinessRule({
  id: 'autopilot-no-pki', area: 'cmg', severity: 'error', source: SOURCE,
  title: 'Autopilot into co-management does not support PKI client authentication',
  docUrl: `${DOCS}/autopilot-enrollment#limitations`,
  appliesWhen: isAutopilotIntoComanagement,
  needs: ['site.clientAuthentication'],
  check(plan) {
    if (plan.choice('site.clientAuthentication') === 'pki') {
      return { message: 'A new Autopilot device has no PKI certificate when the client first talks to the CMG; use Microsoft Entra ID client authentication.', path: 'site.clientAuthentication' };
    }
    return undefined;
  },
  examples: { fail: [`${MINIMAL}site:\n  clientAuthentication: pki`], pass: [`${MINIMAL}site:\n  clientAuthentication: entra-id`] },
});

export const autopilotImeConflict = defineReadinessRule({
  id: 'autopilot-ime-policy-provider-conflict', area: 'autopilot', severity: 'warning', source: SOURCE,
  title: 'Use either the co-management policy or the Intune management extension as policy provider, not both',
  docUrl: `${DOCS}/autopilot-enrollment#recommendations`,
  appliesWhen: isAutopilotIntoComanagement,
  needs: ['intuneManagementExtensionPolicyProvider'],
  check(plan) {
    if (plan.bool('intuneManagementExtensionPolicyProvider') === true) {
      return { message: 'The Intune management extension and the Configuration Manager policy provider don\'t know about each other and can conflict during Autopilot; pick one.', path: 'intuneManagementExtensionPolicyProvider' };
    }
    return undefined;
  },
  examples: { fail: [`${MINIMAL}intuneManagementExtensionPolicyProvider: true`], pass: [`${MINIMAL}intuneManagementExtensionPolicyProvider: false`] },
});
