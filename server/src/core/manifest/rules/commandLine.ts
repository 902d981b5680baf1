// Cross-checks between the plan and the command line inside its co-management policies. What a
// command line says on its own (required properties, length, AUTO with CCMHOSTNAME, https:// on
// /mp, order, /regtoken companions, plain-text tokens) is checked by the ccmsetup rules.
import { find, isCmgAddress, lineAnchor } from '../../ccmsetup/query';
import { Plan } from '../plan';
import { hasCmg, needsCmgOutsideAutopilot, onInternetPath, statesNoCmg } from './cmg';
import { isAutopilotIntoComanagement, isManagedDesktop } from './scope';
import { Finding, defineReadinessRule } from './types';

const PREPARE = 'https://learn.microsoft.com/intune/configmgr/comanage/how-to-prepare-win10#get-the-command-line-from-configuration-manager';
const PREPARE_SOURCE = 'intune/configmgr/comanage/how-to-prepare-Win10.md (newer copy)';
const PROPERTIES = 'https://learn.microsoft.com/intune/configmgr/core/clients/deploy/about-client-installation-properties';
const PROPERTIES_SOURCE = 'intune/configmgr/core/clients/deploy/about-client-installation-properties.md (newer copy)';
const HOST = 'contoso.eastus.cloudapp.azure.com/CCM_Proxy_MutualAuth/72186325152220500';


const hasCommandLine = (plan: Plan) => plan.commandLines().length > 0;

export const siteCodeMatches = defineReadinessRule({
  id: 'command-line-site-code-matches', area: 'command-line', severity: 'error', source: 'memdocs/configmgr/comanage/how-to-prepare-Win10.md (seed 000)',
  basis: { words: 'required in all scenarios', page: 'https://learn.microsoft.com/intune/configmgr/comanage/how-to-prepare-win10#get-the-command-line-from-configuration-manager' },
  title: 'SMSSITECODE in each policy\'s command line is the plan\'s site code',
  docUrl: PREPARE,
  appliesWhen: hasCommandLine,
  needs: ['site.code'],
  check(plan) {
    const expected = plan.str('site.code')!.toUpperCase();
    const findings: Finding[] = [];
    for (const { line } of plan.commandLines()) {
      const value = find(line, 'SMSSITECODE')?.value;
      // AUTO lets the client find its site; sitecode-auto-with-ccmhostname judges that case.
      if (value && value.text.toUpperCase() !== expected && value.text.toUpperCase() !== 'AUTO') {
        findings.push({ message: `The command line assigns site ${value.text}, but the plan's site code is ${expected}.`, span: value.span,
          fixes: [{ title: `Change to ${expected}`, edits: [{ span: value.span, newText: expected }], preferred: true }] });
      }
    }
    return findings;
  },
  examples: {
    fail: ['version: 1\nsite:\n  code: ABC\ncomanagement:\n  policies:\n    - name: p\n      commandLine: CCMSETUPCMD="CCMHOSTNAME=mp.contoso.com SMSSITECODE=XYZ"'],
    pass: [
      'version: 1\nsite:\n  code: ABC\ncomanagement:\n  policies:\n    - name: p\n      commandLine: CCMSETUPCMD="CCMHOSTNAME=mp.contoso.com SMSSITECODE=ABC"',
      'version: 1\nsite:\n  code: ABC\ncomanagement:\n  policies:\n    - name: p\n      commandLine: CCMSETUPCMD="CCMHOSTNAME=mp.contoso.com SMSSITECODE=abc"',
      'version: 1\nsite:\n  code: ABC\ncomanagement:\n  policies:\n    - name: p\n      commandLine: CCMSETUPCMD="CCMHOSTNAME=mp.contoso.com SMSSITECODE=AUTO"',
    ],
  },
});

export const hostnameMatchesCmg = defineReadinessRule({
  id: 'command-line-cmg-matches', area: 'command-line', severity: 'error', source: 'memdocs/configmgr/comanage/how-to-prepare-Win10.md (seed 000)',
  basis: { words: 'required in all scenarios', page: 'https://learn.microsoft.com/intune/configmgr/comanage/how-to-prepare-win10#get-the-command-line-from-configuration-manager' },
  title: 'CCMHOSTNAME in each policy\'s command line is the plan\'s CMG address',
  docUrl: PREPARE,
  appliesWhen: hasCommandLine,
  needs: ['site.cmg.address'],
  check(plan) {
    const expected = plan.str('site.cmg.address')!.replace(/^https?:\/\//i, '').replace(/\/+$/, '');
    const findings: Finding[] = [];
    for (const { line } of plan.commandLines()) {
      const value = find(line, 'CCMHOSTNAME')?.value;
      if (!value) continue;
      const written = value.text.replace(/^https?:\/\//i, '').replace(/\/+$/, '');
      if (written.toLowerCase() !== expected.toLowerCase() && (isCmgAddress(written) || isCmgAddress(expected))) {
        findings.push({ message: `CCMHOSTNAME points at ${written}, but the plan's CMG is ${expected}.`, span: value.span });
      }
    }
    return findings;
  },
  examples: {
    fail: ['version: 1\nsite:\n  cmg:\n    address: contoso.cloudapp.net/CCM_Proxy_MutualAuth/1\ncomanagement:\n  policies:\n    - name: p\n      commandLine: CCMSETUPCMD="CCMHOSTNAME=fabrikam.cloudapp.net/CCM_Proxy_MutualAuth/2 SMSSITECODE=ABC"'],
    pass: ['version: 1\nsite:\n  cmg:\n    address: contoso.cloudapp.net/CCM_Proxy_MutualAuth/1\ncomanagement:\n  policies:\n    - name: p\n      commandLine: CCMSETUPCMD="CCMHOSTNAME=CONTOSO.CLOUDAPP.NET/CCM_Proxy_MutualAuth/1 SMSSITECODE=ABC"'],
  },
});

export const authenticationMatches = defineReadinessRule({
  id: 'command-line-auth-matches', area: 'command-line', severity: 'warning', source: 'intune/configmgr/core/clients/deploy/about-client-installation-properties.md',
  basis: { words: 'requires more security', page: 'https://learn.microsoft.com/intune/configmgr/core/clients/manage/cmg/set-up-checklist', override: 'Read in context (docs map P13#3): Clients authenticate with Entra ID, PKI or site tokens' },
  title: 'The command line\'s authentication properties match the plan\'s client authentication',
  docUrl: 'https://learn.microsoft.com/intune/configmgr/core/clients/deploy/about-client-installation-properties#usepkicert',
  appliesWhen: hasCommandLine,
  needs: ['site.clientAuthentication'],
  check(plan) {
    const auth = plan.choice('site.clientAuthentication');
    const findings: Finding[] = [];
    for (const { line } of plan.commandLines()) {
      const pki = find(line, 'UsePKICert');
      const entra = find(line, 'AADCLIENTAPPID') ?? find(line, 'AADRESOURCEURI');
      const token = find(line, 'regtoken');
      if (auth === 'entra-id' && pki) findings.push({ message: 'The plan uses Microsoft Entra ID client authentication, but the command line has /UsePKICert.', span: pki.nameSpan });
      if (auth === 'pki' && entra) findings.push({ message: 'The plan uses PKI client authentication, but the command line has Microsoft Entra properties.', span: entra.nameSpan });
      if (auth !== 'token' && token) findings.push({ message: 'The command line has a bulk registration token, but the plan doesn\'t use token authentication.', span: token.nameSpan });
    }
    return findings;
  },
  examples: {
    fail: ['version: 1\nsite:\n  clientAuthentication: entra-id\ncomanagement:\n  policies:\n    - name: p\n      commandLine: CCMSETUPCMD="/UsePKICert CCMHOSTNAME=mp.contoso.com SMSSITECODE=ABC"'],
    pass: ['version: 1\nsite:\n  clientAuthentication: entra-id\ncomanagement:\n  policies:\n    - name: p\n      commandLine: CCMSETUPCMD="CCMHOSTNAME=mp.contoso.com SMSSITECODE=ABC"'],
  },
});

export const taskSequenceRisksEspTimeout = defineReadinessRule({
  id: 'task-sequence-esp-timeout', area: 'esp', severity: 'warning', source: 'memdocs/configmgr/comanage/autopilot-enrollment.md (seed 003)',
  basis: { words: 'risk timeout', page: 'https://learn.microsoft.com/intune/configmgr/comanage/autopilot-enrollment#recommendations' },
  title: 'A task sequence started from the command line fits in the Enrollment Status Page timeout (advice)',
  docUrl: 'https://learn.microsoft.com/intune/configmgr/comanage/autopilot-enrollment#recommendations',
  appliesWhen: (plan) => plan.commandLines().some(({ line }) => find(line, 'PROVISIONTS') !== undefined) && !isManagedDesktop(plan),
  // A task sequence with only the apps needed at once is the page's own recommendation: the risk is
  // a task sequence that installs more than that.
  needs: ['autopilot.provisioningTaskSequence.onlyCriticalApps'],
  check(plan) {
    if (plan.bool('autopilot.provisioningTaskSequence.onlyCriticalApps') !== false) return undefined;
    const timeout = plan.num('autopilot.esp.timeoutMinutes') ?? 60;
    return plan.commandLines().filter(({ line }) => find(line, 'PROVISIONTS')).map(({ line }) => ({
      message: `Advice: the Enrollment Status Page waits for this task sequence and gives up after ${timeout} minutes${plan.has('autopilot.esp.timeoutMinutes') ? '' : ' (the default)'}; keep it to the apps needed right away and deploy the rest separately.`,
      span: find(line, 'PROVISIONTS')!.nameSpan,
    }));
  },
  examples: {
    fail: ['version: 1\nautopilot:\n  provisioningTaskSequence:\n    onlyCriticalApps: false\ncomanagement:\n  policies:\n    - name: p\n      commandLine: CCMSETUPCMD="CCMHOSTNAME=mp.contoso.com SMSSITECODE=ABC PROVISIONTS=PRI20001"'],
    pass: [
      'version: 1\ncomanagement:\n  policies:\n    - name: p\n      commandLine: CCMSETUPCMD="CCMHOSTNAME=mp.contoso.com SMSSITECODE=ABC"',
      // Only the apps needed right away, as the page recommends.
      'version: 1\nautopilot:\n  provisioningTaskSequence:\n    onlyCriticalApps: true\ncomanagement:\n  policies:\n    - name: p\n      commandLine: CCMSETUPCMD="CCMHOSTNAME=mp.contoso.com SMSSITECODE=ABC PROVISIONTS=PRI20001"',
    ],
  },
});

// ---- Properties the plan calls for ----

/** A fixture: a plan whose site (with these keys, plus its CMG) has one policy with this command line. */
const withLine = (siteKeys: string, commandLine: string, top = '') =>
  `version: 1\n${top}site:\n${siteKeys}  cmg:\n    address: ${HOST}\ncomanagement:\n  policies:\n    - name: Install client\n      commandLine: ${commandLine}`;

export const entraPropertiesWithPkiCert = defineReadinessRule({
  id: 'command-line-entra-properties-with-pki-cert', area: 'command-line', severity: 'error', source: PREPARE_SOURCE,
  basis: { words: 'won\'t be able to get', page: 'https://learn.microsoft.com/intune/configmgr/core/clients/deploy/about-client-installation-properties#usepkicert' },
  title: 'Devices that authenticate with Entra ID but also hold a PKI certificate get AADCLIENTAPPID and AADRESOURCEURI',
  docUrl: PREPARE,
  appliesWhen: (plan) => hasCommandLine(plan) && plan.choice('site.clientAuthentication') === 'entra-id',
  needs: ['site.pkiClientCertificates'],
  check(plan) {
    if (plan.bool('site.pkiClientCertificates') !== true) return undefined;
    // With one of the two present, entra-properties-incomplete names the other.
    return plan.commandLines().filter(({ line }) => !find(line, 'AADCLIENTAPPID') && !find(line, 'AADRESOURCEURI')).map(({ line }) => ({
      message: 'These devices also hold a PKI client authentication certificate, so the command line needs AADCLIENTAPPID and AADRESOURCEURI for the client to use Microsoft Entra ID.',
      span: lineAnchor(line),
    }));
  },
  examples: {
    fail: [withLine('  clientAuthentication: entra-id\n  pkiClientCertificates: true\n', `CCMSETUPCMD="CCMHOSTNAME=${HOST} SMSSITECODE=ABC"`)],
    pass: [withLine('  clientAuthentication: entra-id\n  pkiClientCertificates: true\n', `CCMSETUPCMD="CCMHOSTNAME=${HOST} SMSSITECODE=ABC AADCLIENTAPPID=7506ee10-f7ec-415a-b415-cd3d58790d97 AADRESOURCEURI=https://contososerver"`)],
  },
});

/** A management point written with or without scheme, for comparisons. */
const mpKey = (value: string) => value.trim().replace(/^https?:\/\//i, '').replace(/\/+$/, '').toLowerCase();

export const smsmpForRoaming = defineReadinessRule({
  id: 'command-line-smsmp-for-roaming', area: 'command-line', severity: 'information', source: PREPARE_SOURCE,
  basis: { words: 'If the client roams back', page: 'https://learn.microsoft.com/intune/configmgr/comanage/how-to-prepare-win10#get-the-command-line-from-configuration-manager' },
  title: 'The command line names the intranet management point (SMSMP) for clients that roam back (advice)',
  docUrl: PREPARE,
  appliesWhen: (plan) => hasCommandLine(plan) && plan.has('site.managementPoint'),
  check(plan) {
    const mp = plan.str('site.managementPoint')!;
    return plan.commandLines().filter(({ line }) => !find(line, 'SMSMP')).map(({ line }) => ({
      message: `Advice: add SMSMP=${mp} so that clients which later roam onto the intranet find the on-premises management point.`,
      span: lineAnchor(line),
    }));
  },
  examples: {
    fail: [withLine('  managementPoint: https://mp1.contoso.com\n', `CCMSETUPCMD="CCMHOSTNAME=${HOST} SMSSITECODE=ABC"`)],
    pass: [withLine('  managementPoint: https://mp1.contoso.com\n', `CCMSETUPCMD="CCMHOSTNAME=${HOST} SMSSITECODE=ABC SMSMP=https://mp1.contoso.com"`)],
  },
});

export const smsmpMatches = defineReadinessRule({
  id: 'command-line-smsmp-matches', area: 'command-line', severity: 'warning', source: PROPERTIES_SOURCE,
  basis: { words: 'use the SMSMP property', page: 'https://learn.microsoft.com/intune/configmgr/comanage/how-to-prepare-win10#get-the-command-line-from-configuration-manager', override: 'A different management point than the plan names is likely a stale copy; the line may still work, so a warning' },
  title: 'SMSMP in each policy\'s command line is the plan\'s management point',
  docUrl: `${PROPERTIES}#smsmp`,
  appliesWhen: (plan) => plan.commandLines().some(({ line }) => find(line, 'SMSMP')?.value),
  needs: ['site.managementPoint'],
  check(plan) {
    const expected = plan.str('site.managementPoint')!;
    const findings: Finding[] = [];
    for (const { line } of plan.commandLines()) {
      const value = find(line, 'SMSMP')?.value;
      if (value && mpKey(value.text) !== mpKey(expected)) {
        findings.push({ message: `SMSMP names ${value.text}, but the plan's management point is ${expected}; clients start with the one on the command line.`, span: value.span });
      }
    }
    return findings;
  },
  examples: {
    fail: [withLine('  managementPoint: https://mp1.contoso.com\n', `CCMSETUPCMD="CCMHOSTNAME=${HOST} SMSSITECODE=ABC SMSMP=https://mp9.contoso.com"`)],
    pass: [withLine('  managementPoint: https://mp1.contoso.com\n', `CCMSETUPCMD="CCMHOSTNAME=${HOST} SMSSITECODE=ABC SMSMP=https://MP1.contoso.com/"`)],
  },
});

export const smsmpHttpsPrefix = defineReadinessRule({
  id: 'command-line-smsmp-https', area: 'command-line', severity: 'error', source: PROPERTIES_SOURCE,
  basis: { words: 'prefix the management point name', page: 'https://learn.microsoft.com/intune/configmgr/core/clients/deploy/about-client-installation-properties#smsmp', override: 'Read in context (docs map P21#23): SMSMP / SMSMPLIST: an HTTPS-only management point is prefixed https://' },
  title: 'On an HTTPS-only site the management point is written with https://',
  docUrl: `${PROPERTIES}#smsmp`,
  appliesWhen: (plan) => plan.has('site.managementPoint') || plan.commandLines().some(({ line }) => find(line, 'SMSMP')?.value),
  needs: ['site.communicationSecurity'],
  check(plan) {
    if (plan.choice('site.communicationSecurity') !== 'https-only') return undefined;
    const findings: Finding[] = [];
    const planned = plan.str('site.managementPoint');
    if (planned && !/^https:\/\//i.test(planned.trim())) findings.push({ message: 'The site accepts HTTPS only, so write its management point with the https:// prefix.', path: 'site.managementPoint' });
    for (const { line, exact } of plan.commandLines()) {
      const value = find(line, 'SMSMP')?.value;
      if (!value || /^https:\/\//i.test(value.text.trim())) continue;
      const plain = !/^[a-z]+:\/\//i.test(value.text);
      const fixes = plain && exact && !value.quoted ? [{ title: 'Add https://', edits: [{ span: { start: value.span.start, end: value.span.start }, newText: 'https://' }], preferred: true }] : undefined;
      findings.push({ message: 'The site accepts HTTPS only, so SMSMP needs the https:// prefix.', span: value.span, fixes });
    }
    return findings;
  },
  examples: {
    fail: [withLine('  communicationSecurity: https-only\n', `CCMSETUPCMD="CCMHOSTNAME=${HOST} SMSSITECODE=ABC SMSMP=mp1.contoso.com"`), 'version: 1\nsite:\n  communicationSecurity: https-only\n  managementPoint: mp1.contoso.com'],
    pass: [withLine('  communicationSecurity: https-only\n', `CCMSETUPCMD="CCMHOSTNAME=${HOST} SMSSITECODE=ABC SMSMP=https://mp1.contoso.com"`)],
  },
});

export const nocrlcheckForUnpublishedCrl = defineReadinessRule({
  id: 'command-line-nocrlcheck', area: 'command-line', severity: 'warning', source: PREPARE_SOURCE,
  basis: { words: 'If you don\'t publish a CRL', page: 'https://learn.microsoft.com/intune/configmgr/core/clients/manage/cmg/setup-cloud-management-gateway#configure-primary-site-for-client-certificate-authentication', override: 'Read in context (docs map P15#11): With PKI client certificates, the primary site uses "PKI client certificate when available"; without a CRL, turn off the CRL check' },
  title: 'With your own PKI and a CRL internet clients can\'t reach, the command line has /NoCRLCheck',
  docUrl: PREPARE,
  // "Your own PKI certificate" (seed 000): a PKI client certificate, or a CMG server certificate from
  // your PKI, whose revocation clients check before they trust the CMG.
  appliesWhen: (plan) => hasCommandLine(plan)
    && (plan.choice('site.clientAuthentication') === 'pki' || plan.choice('site.cmg.serverCertificate') === 'private-pki'),
  needs: ['site.crlPublishedToInternet'],
  check(plan) {
    if (plan.bool('site.crlPublishedToInternet') !== false) return undefined;
    return plan.commandLines().filter(({ line }) => !find(line, 'NoCRLCheck')).map(({ line }) => ({
      message: 'Internet clients can\'t reach your certificate revocation list, so add /NoCRLCheck; publishing the CRL to the internet is the recommended fix.',
      span: lineAnchor(line),
    }));
  },
  examples: {
    fail: [
      withLine('  clientAuthentication: pki\n  crlPublishedToInternet: false\n', `CCMSETUPCMD="CCMHOSTNAME=${HOST} SMSSITECODE=ABC"`),
      `version: 1\nsite:\n  clientAuthentication: entra-id\n  crlPublishedToInternet: false\n  cmg:\n    address: ${HOST}\n    serverCertificate: private-pki\ncomanagement:\n  policies:\n    - name: Install client\n      commandLine: CCMSETUPCMD="CCMHOSTNAME=${HOST} SMSSITECODE=ABC"`,
    ],
    pass: [withLine('  clientAuthentication: pki\n  crlPublishedToInternet: false\n', `CCMSETUPCMD="/NoCRLCheck CCMHOSTNAME=${HOST} SMSSITECODE=ABC"`), withLine('  clientAuthentication: pki\n  crlPublishedToInternet: true\n', `CCMSETUPCMD="CCMHOSTNAME=${HOST} SMSSITECODE=ABC"`)],
  },
});

export const upgradeToLatestAdvice = defineReadinessRule({
  id: 'command-line-upgradetolatest-advice', area: 'command-line', severity: 'information', source: PREPARE_SOURCE,
  basis: { words: 'the site\'s production client version', page: 'https://learn.microsoft.com/intune/configmgr/comanage/autopilot-enrollment#process' },
  title: 'Internet-based devices get the latest client version (UPGRADETOLATEST) (advice)',
  docUrl: PREPARE,
  appliesWhen: (plan) => hasCommandLine(plan) && onInternetPath(plan),
  // The property asks for the newest client, pre-production included, instead of the production
  // one; without a pre-production client they are the same, and the page's own example command
  // lines (without it) are correct.
  needsEach: (plan) => plan.commandLines().some(({ line }) => !find(line, 'UPGRADETOLATEST')) ? ['site.preProductionClient'] : [],
  check(plan) {
    if (plan.bool('site.preProductionClient') !== true) return [];
    return plan.commandLines().filter(({ line }) => !find(line, 'UPGRADETOLATEST')).map(({ line }) => ({
      message: 'Advice: the site has a pre-production client; add the UPGRADETOLATEST property so that new internet-based devices install the latest client version straight away instead of the production one (the reference documents no value for it; comanage writes UPGRADETOLATEST=TRUE).',
      span: lineAnchor(line),
    }));
  },
  examples: {
    fail: [withLine('  preProductionClient: true\n', `CCMSETUPCMD="CCMHOSTNAME=${HOST} SMSSITECODE=ABC"`, 'path: autopilot\n')],
    pass: [
      withLine('  preProductionClient: true\n', `CCMSETUPCMD="CCMHOSTNAME=${HOST} SMSSITECODE=ABC UPGRADETOLATEST=TRUE"`, 'path: autopilot\n'),
      // Production client only: the console's command line, as the page shows it, is right.
      withLine('  preProductionClient: false\n', `CCMSETUPCMD="CCMHOSTNAME=${HOST} SMSSITECODE=ABC"`, 'path: autopilot\n'),
    ],
  },
});

export const hostnameWithoutCmg = defineReadinessRule({
  id: 'command-line-ccmhostname-without-cmg', area: 'command-line', severity: 'warning', source: PREPARE_SOURCE,
  basis: { words: 'appears only if you\'ve met', page: 'https://learn.microsoft.com/intune/configmgr/comanage/how-to-enable#enable-co-management-for-versions-2107-and-earlier', override: 'Read in context (docs map P2#13): The Intune command line for internet devices appears only once prerequisites such as a CMG exist' },
  title: 'A command line that points at a CMG goes with a plan that has one',
  docUrl: PREPARE,
  // When the plan needs a CMG anyway, cmg-required-for-internet-clients or autopilot-needs-cmg reports it.
  appliesWhen: (plan) => hasCommandLine(plan) && !hasCmg(plan) && !needsCmgOutsideAutopilot(plan) && !isAutopilotIntoComanagement(plan)
    && plan.commandLines().some(({ line }) => isCmgAddress(find(line, 'CCMHOSTNAME')?.value?.text ?? '')),
  // Left out, site.cmg is unknown; only `site.cmg: none` says there is none.
  needs: ['site.cmg'],
  check(plan) {
    const findings: Finding[] = [];
    if (!statesNoCmg(plan)) return findings;
    for (const { line } of plan.commandLines()) {
      const value = find(line, 'CCMHOSTNAME')?.value;
      if (value && isCmgAddress(value.text)) {
        findings.push({ message: 'CCMHOSTNAME points at a cloud management gateway, but the plan says there is none (site.cmg: none); the Enablement tab only offers this line once a CMG exists. Add the CMG to the plan.', span: value.span });
      }
    }
    return findings;
  },
  examples: {
    fail: [`version: 1\npath: existing-clients\nsite:\n  code: ABC\n  cmg: none\ncomanagement:\n  policies:\n    - name: Install client\n      commandLine: CCMSETUPCMD="CCMHOSTNAME=${HOST} SMSSITECODE=ABC"`],
    pass: [withLine('  code: ABC\n', `CCMSETUPCMD="CCMHOSTNAME=${HOST} SMSSITECODE=ABC"`, 'path: existing-clients\n')],
  },
});

// ---- Token authentication ----

export const tokenNeedsRegtoken = defineReadinessRule({
  id: 'command-line-token-needs-regtoken', area: 'command-line', severity: 'warning',
  basis: { words: 'requires one of the following conditions', page: 'https://learn.microsoft.com/intune/configmgr/core/clients/manage/cmg/configure-clients#install-off-premises-clients-using-a-cmg', override: 'Read in context (docs map P16#4): Off-premises install needs a local administrator and either a bulk token, or /mp with the CMG URL plus PKI client certificates or an Entra (hybrid) join' },
  source: 'intune/configmgr/core/clients/manage/cmg/plan-client-authentication.md (newer copy)',
  title: 'Internet-only devices using token authentication get a bulk registration token at install',
  docUrl: 'https://learn.microsoft.com/intune/configmgr/core/clients/manage/cmg/plan-client-authentication#site-token',
  appliesWhen: (plan) => hasCommandLine(plan) && onInternetPath(plan) && plan.choice('site.clientAuthentication') === 'token',
  check(plan) {
    if (plan.commandLines().some(({ line }) => find(line, 'regtoken'))) return undefined;
    return { message: 'Devices that never see the intranet can\'t get a site token, so token authentication needs /regtoken on the command line, and a bulk token rarely fits Intune\'s 1024 characters; Microsoft Entra ID client authentication is the documented choice here.', path: 'site.clientAuthentication' };
  },
  examples: {
    fail: [withLine('  clientAuthentication: token\n', `CCMSETUPCMD="CCMHOSTNAME=${HOST} SMSSITECODE=ABC"`, 'path: new-internet-devices\n')],
    pass: [withLine('  clientAuthentication: entra-id\n', `CCMSETUPCMD="CCMHOSTNAME=${HOST} SMSSITECODE=ABC"`, 'path: new-internet-devices\n')],
  },
});

export const provisionTsWithTokenAuth = defineReadinessRule({
  id: 'command-line-provisionts-token-auth', area: 'command-line', severity: 'error', source: PROPERTIES_SOURCE,
  basis: { words: 'Token authentication alone doesn\'t work', page: 'https://learn.microsoft.com/intune/configmgr/core/clients/deploy/about-client-installation-properties#provisionts' },
  title: 'A provisioning task sequence that installs apps or updates doesn\'t rely on token authentication',
  docUrl: `${PROPERTIES}#provisionts`,
  appliesWhen: (plan) => plan.choice('site.clientAuthentication') === 'token' && plan.bool('autopilot.provisioningTaskSequence.installsAppsOrUpdates') !== false,
  // Absent, whether the task sequence installs apps or updates is unknown: the failure depends on it.
  needs: ['autopilot.provisioningTaskSequence.installsAppsOrUpdates'],
  check(plan) {
    // Lines that carry /regtoken themselves get the same advice from provisionts-with-token.
    return plan.commandLines().filter(({ line }) => find(line, 'PROVISIONTS') && !find(line, 'regtoken')).map(({ line }) => ({
      message: 'The plan authenticates clients with a token and this task sequence installs applications or software updates; a token alone doesn\'t work for that, so the client needs proper client authentication (Microsoft Entra ID or a PKI certificate).',
      span: find(line, 'PROVISIONTS')!.nameSpan,
    }));
  },
  examples: {
    fail: [withLine('  clientAuthentication: token\n', `CCMSETUPCMD="CCMHOSTNAME=${HOST} SMSSITECODE=ABC PROVISIONTS=PRI20001"`, 'autopilot:\n  provisioningTaskSequence:\n    installsAppsOrUpdates: true\n')],
    pass: [withLine('  clientAuthentication: entra-id\n', `CCMSETUPCMD="CCMHOSTNAME=${HOST} SMSSITECODE=ABC PROVISIONTS=PRI20001"`)],
  },
});
