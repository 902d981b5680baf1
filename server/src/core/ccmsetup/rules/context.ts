// Rules that depend on where a line is used: Intune's co-management settings (ccmsetup.msi with
// CCMSETUPCMD), a plain ccmsetup.exe line, or the Client tab of client push.
import { displayName } from '../../catalog';
import { docLink } from '../../catalog/types';
import { CommandLine } from '../ast';
import { find, has, isNamed, lineAnchor, targetsCmg } from '../query';
import { defineRule } from './types';

/** Intune rejects (the install fails on) a longer command line. */
export const INTUNE_COMMAND_LINE_LIMIT = 1024;

const PREPARE = 'https://learn.microsoft.com/intune/configmgr/comanage/how-to-prepare-win10#get-the-command-line-from-configuration-manager';

/** The text Intune stores for the line: a bare line whole, or the CCMSETUPCMD="…" token. */
export function intuneMeasuredSpan(line: CommandLine) {
  // A CCMSETUPCMD a script passes to msiexec never goes through Intune's field.
  if (line.contextSource === 'host') return undefined;
  if (line.context === 'intune' && !line.program) return line.span;
  return line.wrapper?.span;
}

export const intuneLengthLimit = defineRule({
  id: 'intune-length-limit', severity: 'error', docUrl: PREPARE,
  basis: { words: 'limits the command line to 1024', page: 'https://learn.microsoft.com/intune/configmgr/core/clients/deploy/about-client-installation-properties#ccmsetupcmd', override: 'Read in context (docs map P21#12): CCMSETUPCMD is for the Intune MDM install; Intune limits the line to 1024 characters' },
  title: `A command line for Intune longer than ${INTUNE_COMMAND_LINE_LIMIT} characters`,
  check(line, ctx) {
    const span = intuneMeasuredSpan(line);
    if (!span) return;
    const length = span.end - span.start;
    if (length <= INTUNE_COMMAND_LINE_LIMIT) return;
    ctx.report({ start: span.start + INTUNE_COMMAND_LINE_LIMIT, end: span.end },
      `This command line is ${length} characters long; Intune allows at most ${INTUNE_COMMAND_LINE_LIMIT}, and the client installation fails beyond that. Remove ${length - INTUNE_COMMAND_LINE_LIMIT} characters.`);
  },
  examples: {
    fail: [`CCMSETUPCMD="CCMHOSTNAME=mp.contoso.com SMSSITECODE=ABC CCMADMINS=${'contoso\\admin;'.repeat(70)}contoso\\last"`],
    pass: ['CCMSETUPCMD="CCMHOSTNAME=mp.contoso.com SMSSITECODE=ABC"'],
  },
});

export const missingRequiredForIntune = defineRule({
  id: 'missing-required-for-intune', severity: 'error', docUrl: PREPARE,
  basis: { words: 'The only two required', page: 'https://learn.microsoft.com/intune/configmgr/core/clients/deploy/deploy-clients-cmg-azure#install-and-register-the-client-using-azure-ad-identity' },
  title: 'CCMHOSTNAME or SMSSITECODE missing from a line for Intune or a CMG',
  check(line, ctx) {
    if (has(line, 'regtoken')) return; // regtoken-missing-companions names what is missing
    const forIntune = line.context === 'intune';
    if (!forIntune && !targetsCmg(line)) return;
    const missing = ['CCMHOSTNAME', 'SMSSITECODE'].filter((n) => !has(line, n));
    if (missing.length === 0) return;
    const why = forIntune ? 'A command line for Intune co-management' : 'A command line that installs through a cloud management gateway';
    ctx.report(lineAnchor(line), `${why} needs both CCMHOSTNAME and SMSSITECODE; ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} missing.`);
  },
  examples: {
    fail: ['CCMSETUPCMD="CCMHOSTNAME=contoso.cloudapp.net/CCM_Proxy_MutualAuth/72186325152220500"', 'ccmsetup.exe /mp:https://contoso.cloudapp.net/CCM_Proxy_MutualAuth/1 SMSSITECODE=ABC'],
    pass: ['CCMSETUPCMD="CCMHOSTNAME=contoso.cloudapp.net/CCM_Proxy_MutualAuth/72186325152220500 SMSSITECODE=ABC"', 'ccmsetup.exe /mp:smsmp01.contoso.com SMSSITECODE=ABC'],
  },
});

export const provisionTsNeedsMsi = defineRule({
  id: 'provisionts-needs-msi', severity: 'error', docUrl: docLink('provisionts'),
  basis: { words: 'only use this property with ccmsetup.msi', page: 'https://learn.microsoft.com/intune/configmgr/core/clients/deploy/about-client-installation-properties#provisionts' },

  title: 'PROVISIONTS on a line that does not install with ccmsetup.msi',
  check(line, ctx) {
    const ts = find(line, 'PROVISIONTS');
    if (ts && (line.context === 'exe' || line.context === 'logon-script' || line.context === 'push')) {
      ctx.report(ts.nameSpan, 'PROVISIONTS is only supported when the client installs with ccmsetup.msi (as Intune does), not with ccmsetup.exe or client push.');
    }
  },
  examples: {
    fail: ['ccmsetup.exe SMSSITECODE=ABC PROVISIONTS=PRI20001'],
    pass: ['ccmsetup.msi CCMSETUPCMD="SMSSITECODE=ABC PROVISIONTS=PRI20001"'],
  },
});

export const notAllowedInClientPush = defineRule({
  id: 'not-allowed-in-client-push', severity: 'error', docUrl: `${docLink('client-push-installation')}`,
  basis: { words: 'subset ... are allowed', page: 'https://learn.microsoft.com/intune/configmgr/core/clients/deploy/plan/client-installation-methods#20', override: 'Read in context (docs map P20#6): Client push uses only the parameters allowed on the Client tab' },
  title: 'A ccmsetup parameter that client push does not accept',
  check(line, ctx) {
    if (line.context !== 'push') return;
    for (const item of line.args) {
      if (item.type !== 'parameter' || !item.resolved || item.resolved.entry.clientPush) continue;
      ctx.report(item.nameSpan, `Client push accepts only some ccmsetup parameters, and ${displayName(item.resolved.entry)} is not one of them.`);
    }
  },
  examples: {
    fail: ['# comanage-context: push\n/mp:smsmp01.contoso.com SMSSITECODE=ABC'],
    pass: ['# comanage-context: push\n/BITSPriority:HIGH /UsePKICert SMSSITECODE=ABC'],
  },
});

export const ccmsetupcmdOnExe = defineRule({
  id: 'ccmsetupcmd-not-for-exe', severity: 'error', docUrl: docLink('ccmsetupcmd'),
  basis: { words: 'limits the command line to 1024', page: 'https://learn.microsoft.com/intune/configmgr/core/clients/deploy/about-client-installation-properties#ccmsetupcmd', override: 'Read in context (docs map P21#12): CCMSETUPCMD is for the Intune MDM install; Intune limits the line to 1024 characters' },
  title: 'CCMSETUPCMD on a ccmsetup.exe or client push line',
  check(line, ctx) {
    if (line.wrapper && (line.context === 'exe' || line.context === 'logon-script' || line.context === 'push')) {
      ctx.report(line.wrapper.nameSpan, 'CCMSETUPCMD is a ccmsetup.msi property. On a ccmsetup.exe line, write the parameters and properties directly.');
    }
  },
  examples: {
    fail: ['ccmsetup.exe CCMSETUPCMD="SMSSITECODE=ABC"'],
    pass: ['ccmsetup.msi CCMSETUPCMD="SMSSITECODE=ABC"', 'ccmsetup.exe SMSSITECODE=ABC'],
  },
});

export const outsideCcmsetupcmd = defineRule({
  id: 'outside-ccmsetupcmd', severity: 'warning', docUrl: docLink('ccmsetupcmd'),
  basis: { words: 'limits the command line to 1024', page: 'https://learn.microsoft.com/intune/configmgr/core/clients/deploy/about-client-installation-properties#ccmsetupcmd', override: 'Outside CCMSETUPCMD the Intune install drops the entry, so a warning' },
  title: 'A ccmsetup parameter outside CCMSETUPCMD on a ccmsetup.msi line',
  check(line, ctx) {
    if (line.context !== 'msi' && line.context !== 'intune') return;
    // Only /parameters: msiexec would read them as its own switches. Properties written after the
    // quotes are passed on (the co-management tutorial writes SMSSITECODE there), so they stay.
    for (const item of line.items) {
      if (item.type !== 'parameter') continue;
      ctx.report(item.span, line.wrapper
        ? `Move /${item.name} inside the quotes of CCMSETUPCMD: ccmsetup.msi hands only CCMSETUPCMD on to ccmsetup.exe.`
        : `With ccmsetup.msi, ccmsetup parameters such as /${item.name} go inside CCMSETUPCMD="…".`);
    }
  },
  examples: {
    fail: ['ccmsetup.msi CCMSETUPCMD="CCMHOSTNAME=mp.contoso.com SMSSITECODE=ABC" /UsePKICert', 'ccmsetup.msi /mp:mp01.contoso.com SMSSITECODE=ABC'],
    pass: ['msiexec /i ccmsetup.msi /qn CCMSETUPCMD="CCMHOSTNAME=mp.contoso.com" SMSSITECODE=ABC'],
  },
});

export const requiresNewerSite = defineRule({
  id: 'requires-newer-site', severity: 'warning', docUrl: docLink('ccmsetupexe-command-line-parameters'),
  basis: { words: 'Starting in version', page: 'https://learn.microsoft.com/intune/configmgr/core/clients/deploy/about-client-installation-properties#ccmsetupexe-command-line-parameters', override: 'An entry newer than the site is ignored by older clients, so a warning' },
  title: 'An entry newer than the Configuration Manager version the file states (only versions the reference gives)',
  check(line, ctx) {
    if (line.siteVersion === undefined) return;
    for (const item of line.args) {
      if (!isNamed(item) || !item.resolved) continue;
      const entry = item.resolved.entry;
      if (entry.sinceVersion && entry.sinceVersion > line.siteVersion) {
        ctx.report(item.nameSpan, `${displayName(entry)} needs Configuration Manager ${entry.sinceVersion} or later; this file says the site runs ${line.siteVersion}.`, { docUrl: entry.docUrl });
      } else if (line.context === 'push' && entry.clientPushSince && entry.clientPushSince > line.siteVersion) {
        ctx.report(item.nameSpan, `Client push accepts ${displayName(entry)} from Configuration Manager ${entry.clientPushSince}; this file says the site runs ${line.siteVersion}.`,
          { docUrl: docLink('client-push-installation') });
      }
    }
  },
  examples: {
    fail: [
      '# comanage-site-version: 2203\nccmsetup.exe CCMCERTNAMECHECK=0 SMSSITECODE=ABC',
      '# comanage-context: push\n# comanage-site-version: 2010\n/AllowMetered SMSSITECODE=ABC',
    ],
    pass: [
      '# comanage-site-version: 2303\nccmsetup.exe CCMCERTNAMECHECK=0 SMSSITECODE=ABC',
      // The reference states no version for /AllowMetered or /regtoken outside client push.
      '# comanage-site-version: 2002\nccmsetup.exe /AllowMetered SMSSITECODE=ABC',
      '# comanage-site-version: 1910\nccmsetup.exe /mp:https://contoso.cloudapp.net/CCM_Proxy_MutualAuth/1 /regtoken:abc CCMHOSTNAME=contoso.cloudapp.net/CCM_Proxy_MutualAuth/1 SMSSITECODE=ABC SMSMP=https://mp1.contoso.com',
      '# comanage-context: push\n# comanage-site-version: 2103\n/AllowMetered SMSSITECODE=ABC',
    ],
  },
});
