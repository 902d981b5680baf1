// Cross-checks between the plan and the command line inside its co-management policies.
import { find, isCmgAddress } from '../../ccmsetup/query';
import { Plan } from '../plan';
import { isManagedDesktop } from './scope';
import { Finding, defineReadinessRule } from './types';

const PREPARE = 'https://learn.microsoft.com/intune/configmgr/comanage/how-to-prepare-win10#get-the-command-line-from-configuration-manager';

/** Each policy's parsed command line, or nothing when no policy has one. */
function eachLine(plan: Plan) {
  return plan.commandLines();
}

const hasCommandLine = (plan: Plan) => eachLine(plan).length > 0;

export const siteCodeMatches = defineReadinessRule({
  id: 'command-line-site-code-matches', area: 'command-line', severity: 'error', source: 'memdocs/configmgr/comanage/how-to-prepare-Win10.md (seed 000)',
  title: 'SMSSITECODE in each policy\'s command line is the plan\'s site code',
  docUrl: PREPARE,
  appliesWhen: hasCommandLine,
  needs: ['site.code'],
  check(plan) {
    const expected = plan.str('site.code')!.toUpperCase();
    const findings: Finding[] = [];
    for (const { line } of eachLine(plan)) {
      const value = find(line, 'SMSSITECODE')?.value;
      if (value && value.text.toUpperCase() !== expected) {
        findings.push({ message: `The command line assigns site ${value.text}, but the plan's site code is ${expected}.`, span: value.span,
          fixes: [{ title: `Change to ${expected}`, edits: [{ span: value.span, newText: expected }], preferred: true }] });
      }
    }
    return findings;
  },
  examples: {
    fail: ['version: 1\nsite:\n  code: ABC\ncomanagement:\n  policies:\n    - name: p\n      commandLine: CCMSETUPCMD="CCMHOSTNAME=mp.contoso.com SMSSITECODE=XYZ"'],
    pass: ['version: 1\nsite:\n  code: ABC\ncomanagement:\n  policies:\n    - name: p\n      commandLine: CCMSETUPCMD="CCMHOSTNAME=mp.contoso.com SMSSITECODE=ABC"'],
  },
});

export const hostnameMatchesCmg = defineReadinessRule({
  id: 'command-line-cmg-matches', area: 'command-line', severity: 'error', source: 'memdocs/configmgr/comanage/how-to-prepare-Win10.md (seed 000)',
  title: 'CCMHOSTNAME in each policy\'s command line is the plan\'s CMG address',
  docUrl: PREPARE,
  appliesWhen: hasCommandLine,
  needs: ['site.cmg.address'],
  check(plan) {
    const expected = plan.str('site.cmg.address')!.replace(/^https?:\/\//i, '');
    const findings: Finding[] = [];
    for (const { line } of eachLine(plan)) {
      const value = find(line, 'CCMHOSTNAME')?.value;
      if (!value) continue;
      const written = value.text.replace(/^https?:\/\//i, '');
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
  title: 'The command line\'s authentication properties match the plan\'s client authentication',
  docUrl: 'https://learn.microsoft.com/intune/configmgr/core/clients/deploy/about-client-installation-properties#usepkicert',
  appliesWhen: hasCommandLine,
  needs: ['site.clientAuthentication'],
  check(plan) {
    const auth = plan.choice('site.clientAuthentication');
    const findings: Finding[] = [];
    for (const { line } of eachLine(plan)) {
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
  id: 'task-sequence-esp-timeout', area: 'esp', severity: 'information', source: 'memdocs/configmgr/comanage/autopilot-enrollment.md (seed 003)',
  title: 'A task sequence started from the command line fits in the Enrollment Status Page timeout (advice)',
  docUrl: 'https://learn.microsoft.com/intune/configmgr/comanage/autopilot-enrollment#recommendations',
  appliesWhen: (plan) => eachLine(plan).some(({ line }) => find(line, 'PROVISIONTS') !== undefined) && !isManagedDesktop(plan),
  check(plan) {
    const timeout = plan.num('autopilot.esp.timeoutMinutes') ?? 60;
    return eachLine(plan).filter(({ line }) => find(line, 'PROVISIONTS')).map(({ line }) => ({
      message: `Advice: the Enrollment Status Page waits for this task sequence and gives up after ${timeout} minutes${plan.has('autopilot.esp.timeoutMinutes') ? '' : ' (the default)'}; keep it to the apps needed right away and deploy the rest separately.`,
      span: find(line, 'PROVISIONTS')!.nameSpan,
    }));
  },
  examples: {
    fail: ['version: 1\ncomanagement:\n  policies:\n    - name: p\n      commandLine: CCMSETUPCMD="CCMHOSTNAME=mp.contoso.com SMSSITECODE=ABC PROVISIONTS=PRI20001"'],
    pass: ['version: 1\ncomanagement:\n  policies:\n    - name: p\n      commandLine: CCMSETUPCMD="CCMHOSTNAME=mp.contoso.com SMSSITECODE=ABC"'],
  },
});
