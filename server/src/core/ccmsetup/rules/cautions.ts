// Entries that do what they say but carry a documented risk or a companion list: a silent restart,
// debug logging, the App-V check skipped, /service under a script, client.msi run on its own, a
// logon script without /logon, and group policy provisioning beyond the template's 255 characters.
import { docLink } from '../../catalog/types';
import { find, has, lineAnchor, valueOf } from '../query';
import { defineRule } from './types';

const PAGE = 'https://learn.microsoft.com/intune/configmgr/core/clients/deploy/about-client-installation-properties';

export const silentReboot = defineRule({
  id: 'silent-reboot', severity: 'warning', docUrl: docLink('ccmallowsilentreboot'),
  basis: { words: 'the computer restarts without warning', page: `${PAGE}#ccmallowsilentreboot`, override: 'An [!IMPORTANT] note about a restart with a user signed in: a documented risk, not a failure' },
  title: 'CCMALLOWSILENTREBOOT restarts the computer without warning',
  check(line, ctx) {
    const reboot = find(line, 'CCMALLOWSILENTREBOOT');
    if (!reboot) return;
    ctx.report(reboot.nameSpan, 'CCMALLOWSILENTREBOOT lets the computer restart after installation with no warning, even while someone is signed in and working. Keep it for devices nobody uses at install time (new or lab devices), or leave it out and restart on a schedule.');
  },
  examples: {
    fail: ['ccmsetup.exe SMSSITECODE=ABC CCMALLOWSILENTREBOOT'],
    pass: ['ccmsetup.exe SMSSITECODE=ABC'],
  },
});

export const debugLoggingInProduction = defineRule({
  id: 'debug-logging-in-production', severity: 'information', docUrl: docLink('ccmdebuglogging'),
  basis: { words: 'Avoid using this property in production', page: `${PAGE}#ccmdebuglogging`, override: 'The advice is about production sites, which a command line can\'t show (the reference\'s own example sets it): a reminder, not a warning' },
  title: 'CCMDEBUGLOGGING=1 on a line meant for production devices',
  check(line, ctx) {
    const debug = find(line, 'CCMDEBUGLOGGING');
    if (!debug || valueOf(line, 'CCMDEBUGLOGGING') !== '1') return;
    ctx.report(debug.span, 'Advice: CCMDEBUGLOGGING=1 turns on low-level debug logging, meant for troubleshooting: in production it floods the client logs and buries what you look for. Use it on test devices only, or set it to 0.');
  },
  examples: {
    fail: ['ccmsetup.exe SMSSITECODE=ABC CCMDEBUGLOGGING=1 CCMENABLELOGGING=TRUE'],
    pass: ['ccmsetup.exe SMSSITECODE=ABC CCMDEBUGLOGGING=0', 'ccmsetup.exe SMSSITECODE=ABC CCMENABLELOGGING=TRUE'],
  },
});

export const appvCheckSkipped = defineRule({
  id: 'appv-check-skipped', severity: 'information', docUrl: docLink('ignoreappvversioncheck'),
  basis: { words: 'you can\'t deploy virtual applications', page: `${PAGE}#ignoreappvversioncheck`, override: 'The failure holds only on devices without App-V, which a command line doesn\'t say (the reference\'s own example sets it): a fact to surface' },
  title: 'IGNOREAPPVVERSIONCHECK=TRUE skips the App-V version check',
  check(line, ctx) {
    const skip = find(line, 'IGNOREAPPVVERSIONCHECK');
    if (!skip || valueOf(line, 'IGNOREAPPVVERSIONCHECK') !== 'TRUE') return;
    ctx.report(skip.span, 'IGNOREAPPVVERSIONCHECK=TRUE installs the client without checking for App-V; on devices without App-V, Configuration Manager can\'t deploy virtual applications to them. Install App-V first if you deploy App-V apps.');
  },
  examples: {
    fail: ['ccmsetup.exe SMSSITECODE=ABC IGNOREAPPVVERSIONCHECK=TRUE'],
    pass: ['ccmsetup.exe SMSSITECODE=ABC', 'ccmsetup.exe SMSSITECODE=ABC IGNOREAPPVVERSIONCHECK=FALSE'],
  },
});

export const serviceInScript = defineRule({
  id: 'service-in-script', severity: 'warning', docUrl: docLink('service'),
  basis: { words: 'It might not correctly report', page: `${PAGE}#service` },
  title: '/service in a script that waits for ccmsetup',
  check(line, ctx) {
    if (line.contextSource !== 'host') return;
    const service = find(line, 'service');
    if (!service) return;
    ctx.report(service.nameSpan, 'With /service, ccmsetup.exe exits as soon as its service starts, so this script gets control back before the client is installed and may not get the installation\'s result. Leave /service out if the script waits for ccmsetup or reads its exit code.');
  },
  examples: {
    file: 'install.cmd',
    fail: ['@echo off\nccmsetup.exe /service /mp:mp01.contoso.com SMSSITECODE=ABC\n'],
    pass: ['@echo off\nccmsetup.exe /mp:mp01.contoso.com SMSSITECODE=ABC\n', '@echo off\nccmsetup.exe /noservice /mp:mp01.contoso.com SMSSITECODE=ABC\n'],
  },
});

/** client.msi named as the thing to run: a stray word, or the program launched by msiexec. */
const CLIENT_MSI = /^"?(?:.*[\\/])?client\.msi"?$/i;

export const clientMsiDirect = defineRule({
  id: 'client-msi-direct', severity: 'error', docUrl: docLink('aboutCCMSetup'),
  basis: { words: 'You can\'t directly install client.msi', page: `${PAGE}#aboutCCMSetup` },
  title: 'client.msi installed on its own instead of through ccmsetup',
  check(line, ctx) {
    for (const item of line.items) {
      if (item.type !== 'stray' || !CLIENT_MSI.test(item.text)) continue;
      ctx.report(item.span, 'client.msi can\'t be installed directly: run ccmsetup.exe (or ccmsetup.msi) with these properties, and it installs client.msi with its prerequisites.');
      return;
    }
  },
  examples: {
    fail: ['msiexec /i client.msi SMSSITECODE=ABC', 'msiexec /i "\\\\server\\SMS_ABC\\Client\\x64\\client.msi" SMSSITECODE=ABC'],
    pass: ['ccmsetup.exe SMSSITECODE=ABC', 'msiexec /i ccmsetup.msi CCMSETUPCMD="SMSSITECODE=ABC"'],
  },
});

const DEPLOY = 'https://learn.microsoft.com/intune/configmgr/core/clients/deploy/deploy-clients-to-windows-computers';

export const logonScriptNeedsLogon = defineRule({
  id: 'logon-script-needs-logon', severity: 'warning', docUrl: `${DEPLOY}#BKMK_ClientLogonScript`,
  basis: { words: 'Specify the `/logon` installation parameter', page: `${DEPLOY}#BKMK_ClientLogonScript`, override: 'Left out, the client reinstalls each time the logon script runs: a documented risk, not a failed install' },
  title: 'A logon-script install without /logon',
  check(line, ctx) {
    if (line.context !== 'logon-script' || has(line, 'logon') || line.args.length === 0) return;
    ctx.report(lineAnchor(line), 'A logon script runs at every sign-in, and without /logon ccmsetup installs the client again each time. Add /logon so setup stops when a client is already installed.');
  },
  examples: {
    fail: ['# comanage-context: logon-script\nccmsetup.exe /mp:mp01.contoso.com SMSSITECODE=ABC'],
    pass: ['# comanage-context: logon-script\nccmsetup.exe /mp:mp01.contoso.com /logon SMSSITECODE=ABC', 'ccmsetup.exe /mp:mp01.contoso.com SMSSITECODE=ABC'],
  },
});

/** The default MAXLEN of the SetupParameters value in ConfigMgrInstallation.adm. */
export const ADM_TEMPLATE_MAXLEN = 255;

export const admTemplateLength = defineRule({
  id: 'adm-template-length', severity: 'warning', docUrl: `${DEPLOY}#BKMK_Provision`,
  basis: { words: 'doesn\'t support strings larger than 255', page: `${DEPLOY}#BKMK_Provision`, override: 'Only the template as shipped stops at 255 characters; raising its MAXLEN lifts the limit, which the line doesn\'t say: a risk' },
  title: `Group policy provisioning properties longer than ${ADM_TEMPLATE_MAXLEN} characters`,
  check(line, ctx) {
    if (line.context !== 'gpo-provisioning') return;
    const length = line.span.end - line.span.start;
    if (length <= ADM_TEMPLATE_MAXLEN) return;
    ctx.report({ start: line.span.start + ADM_TEMPLATE_MAXLEN, end: line.span.end },
      `These installation properties are ${length} characters long; the ConfigMgrInstallation.adm template as shipped holds at most ${ADM_TEMPLATE_MAXLEN}. Raise MAXLEN of VALUENAME SetupParameters in the template (for example to 511), or shorten the line.`);
  },
  examples: {
    fail: [`# comanage-context: gpo-provisioning\nSMSSITECODE=ABC SMSMP=mp01.contoso.com CCMCERTISSUERS="${'CN=Contoso Root CA; OU=Servers; O=Contoso, Ltd; C=US | '.repeat(4)}CN=Last Root CA"`],
    pass: ['# comanage-context: gpo-provisioning\nSMSSITECODE=ABC SMSMP=mp01.contoso.com'],
  },
});
