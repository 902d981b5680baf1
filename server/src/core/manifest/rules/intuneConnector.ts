// The Intune Connector for Active Directory, which joins hybrid join Autopilot devices to the
// domain (docs map P37): the server it runs on, its version, and its right to create computer
// objects in the Domain Join profile's OU. Whether there is a connector at all, and the legacy
// connector, are in rules/autopilotModes.ts.
import { Plan } from '../plan';
import { compareDotted, isAutopilotIntoComanagement } from './scope';
import { defineReadinessRule } from './types';

const HYBRID_DOC = 'https://learn.microsoft.com/autopilot/windows-autopilot-hybrid';
const SRC_HYBRID = 'autopilot/windows-autopilot-hybrid.md (newer copy, 02/11/2025)';
const SRC_CONNECTOR = 'autopilot/includes/intune-connector.md (10/23/2025), included in windows-autopilot-hybrid.md';
const SRC_LIMIT = 'autopilot/includes/computer-account-limit.md (01/31/2025), included in windows-autopilot-hybrid.md';

/**
 * Devices go through classic Autopilot (not Autopilot into co-management, which has no hybrid
 * join), the profile isn't stated to be Entra join, and the plan doesn't say there is no connector.
 */
const usesConnector = (plan: Plan): boolean =>
  plan.bool('autopilot.enabled') === true && !isAutopilotIntoComanagement(plan)
  && plan.choice('autopilot.joinType') !== 'entra' && plan.choice('autopilot.intuneConnector') !== 'none';

/** The updated connector (or one not said to be legacy): the legacy one has its own rule. */
const usesUpdatedConnector = (plan: Plan): boolean => usesConnector(plan) && plan.choice('autopilot.intuneConnector') !== 'legacy';

const HYBRID = 'version: 1\npath: existing-clients\nautopilot:\n  enabled: true\n  joinType: hybrid\n  intuneConnector: updated\n';

/** A dotted version as numbers, or undefined when it isn't four numbers. */
function dotted(text: string | undefined): number[] | undefined {
  if (!text || !/^[0-9]+(\.[0-9]+){3}$/.test(text.trim())) return undefined;
  return text.trim().split('.').map(Number);
}

const MSA_VERSION = [6, 2501, 2000, 5];
const WEBVIEW2_VERSION = [6, 2504, 2001, 8];

export const intuneConnectorServer = defineReadinessRule({
  id: 'intune-connector-server', area: 'autopilot', severity: 'error', source: SRC_HYBRID,
  basis: { words: 'must be installed on a computer', page: `${HYBRID_DOC}?tabs=intune-connector-requirements#requirements` },
  title: 'The Intune Connector for Active Directory runs on Windows Server 2016 or later with .NET Framework 4.7.2 or later',
  docUrl: `${HYBRID_DOC}?tabs=intune-connector-requirements#requirements`,
  appliesWhen: usesConnector,
  needs: ['autopilot.intuneConnectorServer'],
  check(plan) {
    if (plan.choice('autopilot.intuneConnectorServer') !== 'older') return undefined;
    return {
      message: 'The Intune Connector for Active Directory needs Windows Server 2016 or later with .NET Framework 4.7.2 or later (autopilot.intuneConnectorServer: older). Install it on a domain-joined server that meets both.',
      path: 'autopilot.intuneConnectorServer',
    };
  },
  examples: {
    fail: [`${HYBRID}  intuneConnectorServer: older\n`],
    pass: [`${HYBRID}  intuneConnectorServer: windows-server-2016-or-later\n`],
  },
});

export const intuneConnectorVersion = defineReadinessRule({
  id: 'intune-connector-version', area: 'autopilot', severity: 'error', source: SRC_CONNECTOR,
  basis: { words: 'make sure the version is greater', page: `${HYBRID_DOC}#install-the-intune-connector-for-active-directory` },
  title: 'The Intune Connector for Active Directory is version 6.2501.2000.5 or later (the connector with a managed service account)',
  docUrl: `${HYBRID_DOC}#install-the-intune-connector-for-active-directory`,
  appliesWhen: usesUpdatedConnector,
  needs: ['autopilot.intuneConnectorVersion'],
  check(plan) {
    const version = dotted(plan.str('autopilot.intuneConnectorVersion'));
    if (!version || compareDotted(version, MSA_VERSION) >= 0) return undefined;
    return {
      message: `Intune Connector for Active Directory ${version.join('.')} is older than 6.2501.2000.5, the first version of the updated connector; older connectors are deprecated and lose the ability to process enrollment requests. Uninstall it and install the current connector from the Intune admin center (Devices > Windows > Enrollment > Intune Connector for Active Directory).`,
      path: 'autopilot.intuneConnectorVersion',
    };
  },
  examples: {
    fail: [`${HYBRID}  intuneConnectorVersion: 6.2407.2000.8\n`],
    pass: [`${HYBRID}  intuneConnectorVersion: 6.2501.2000.5\n`],
  },
});

export const intuneConnectorWebView2 = defineReadinessRule({
  id: 'intune-connector-webview2-version', area: 'autopilot', severity: 'warning', source: SRC_CONNECTOR,
  basis: { words: 'avoid issues with the Internet Explorer', page: `${HYBRID_DOC}#install-the-intune-connector-for-active-directory` },
  title: 'The Intune Connector for Active Directory is version 6.2504.2001.8 or later, which signs in without Internet Explorer',
  docUrl: `${HYBRID_DOC}#install-the-intune-connector-for-active-directory`,
  appliesWhen: usesUpdatedConnector,
  needs: ['autopilot.intuneConnectorVersion'],
  check(plan) {
    const version = dotted(plan.str('autopilot.intuneConnectorVersion'));
    // Below 6.2501.2000.5 the version rule already fails.
    if (!version || compareDotted(version, MSA_VERSION) < 0 || compareDotted(version, WEBVIEW2_VERSION) >= 0) return undefined;
    return {
      message: `Intune Connector for Active Directory ${version.join('.')} still signs in through an Internet Explorer control, which Internet Explorer Enhanced Security Configuration on Windows Server can break. Install 6.2504.2001.8 or later (it uses WebView2), or turn that setting off for administrators while you sign in.`,
      path: 'autopilot.intuneConnectorVersion',
    };
  },
  examples: {
    fail: [`${HYBRID}  intuneConnectorVersion: 6.2501.2000.5\n`],
    pass: [`${HYBRID}  intuneConnectorVersion: 6.2504.2001.8\n`],
  },
});

export const intuneConnectorOuRights = defineReadinessRule({
  id: 'intune-connector-ou-rights', area: 'autopilot', severity: 'error', source: `${SRC_LIMIT}; ${SRC_CONNECTOR}`,
  basis: { words: 'needs to have permissions to create', page: `${HYBRID_DOC}#increase-the-computer-account-limit-in-the-organizational-unit` },
  title: 'The Intune Connector for Active Directory may create computer objects in the OU the Domain Join profile names',
  docUrl: `${HYBRID_DOC}#increase-the-computer-account-limit-in-the-organizational-unit`,
  appliesWhen: usesConnector,
  needs: ['autopilot.domainJoinOuDelegated'],
  check(plan) {
    if (plan.bool('autopilot.domainJoinOuDelegated') !== false) return undefined;
    const legacy = plan.choice('autopilot.intuneConnector') === 'legacy';
    const message = legacy
      ? 'The legacy connector\'s server isn\'t delegated the right to create computers in the Domain Join profile\'s OU (autopilot.domainJoinOuDelegated: false); without delegation, Active Directory stops its domain joins after 10 computers. Delegate "Create Computer objects" on that OU (or the Computers container) to the connector server\'s computer account.'
      : 'The connector\'s managed service account isn\'t given the right to create computers in the Domain Join profile\'s OU (autopilot.domainJoinOuDelegated: false): by default it may create them only in the Computers container, and without delegation Active Directory stops its domain joins after 10 computers. List the OU in the connector\'s ODJConnectorEnrollmentWizard.exe.config and run "Configure Managed Service Account" as an administrator who may change OU permissions, or have such an administrator grant the account (msaODJ…) "Create Computer objects" on the OU.';
    return {
      message,
      path: 'autopilot.domainJoinOuDelegated',
    };
  },
  examples: {
    fail: [`${HYBRID}  domainJoinOuDelegated: false\n`],
    pass: [`${HYBRID}  domainJoinOuDelegated: true\n`],
  },
});
