// Statements of the installation properties reference about what a property does to the device or
// the site, beyond its value: a restart without warning, debug logging, App-V's version check
// and App-V's version check skipped (docs map P21).
import { docLink } from '../../catalog/types';
import { find, has, valueOf } from '../query';
import { defineRule } from './types';

const REFERENCE = 'https://learn.microsoft.com/intune/configmgr/core/clients/deploy/about-client-installation-properties';

export const silentReboot = defineRule({
  id: 'silent-reboot', severity: 'warning', docUrl: docLink('ccmallowsilentreboot'),
  basis: {
    words: 'the computer restarts without warning', page: `${REFERENCE}#ccmallowsilentreboot`,
    override: 'A documented risk in an Important note: the restart comes even while a user is signed in, so a warning',
  },
  title: 'CCMALLOWSILENTREBOOT lets the installation restart the computer without warning',
  check(line, ctx) {
    const reboot = find(line, 'CCMALLOWSILENTREBOOT');
    if (!reboot) return;
    ctx.report(reboot.nameSpan, 'With CCMALLOWSILENTREBOOT the computer restarts without warning if the installation needs it, even while a user is signed in. Keep it for computers nobody is using, or leave it out and plan the restart.');
  },
  examples: {
    fail: ['ccmsetup.exe SMSSITECODE=ABC CCMALLOWSILENTREBOOT'],
    pass: ['ccmsetup.exe SMSSITECODE=ABC'],
  },
});

export const debugLoggingInProduction = defineRule({
  id: 'debug-logging-in-production', severity: 'information', docUrl: docLink('ccmdebuglogging'),
  basis: {
    words: 'Avoid using this property in production', page: `${REFERENCE}#ccmdebuglogging`,
    override: 'The advice is for production sites, and a command line doesn\'t say whether its site is one: surfaced as advice, not a warning',
  },
  title: 'CCMDEBUGLOGGING=1 is for troubleshooting, not production sites (advice)',
  check(line, ctx) {
    const debug = find(line, 'CCMDEBUGLOGGING');
    if (!debug || valueOf(line, 'CCMDEBUGLOGGING') !== '1') return;
    ctx.report(debug.span, 'Advice: CCMDEBUGLOGGING=1 writes low-level debug entries, so much that the useful lines get hard to find; keep it for troubleshooting, not for a production site.');
  },
  examples: {
    fail: ['ccmsetup.exe SMSSITECODE=ABC CCMDEBUGLOGGING=1'],
    pass: ['ccmsetup.exe SMSSITECODE=ABC CCMDEBUGLOGGING=0', 'ccmsetup.exe SMSSITECODE=ABC'],
  },
});

export const appvCheckSkipped = defineRule({
  id: 'appv-check-skipped', severity: 'information', docUrl: docLink('ignoreappvversioncheck'),
  basis: {
    words: "you can't deploy virtual applications", page: `${REFERENCE}#ignoreappvversioncheck`,
    override: 'The failure needs App-V to be missing from the device, which a command line doesn\'t say: surfaced as a fact to check',
  },
  title: 'IGNOREAPPVVERSIONCHECK=TRUE skips the App-V version check; without App-V, virtual applications can\'t be deployed',
  check(line, ctx) {
    const ignore = find(line, 'IGNOREAPPVVERSIONCHECK');
    if (!ignore || valueOf(line, 'IGNOREAPPVVERSIONCHECK') !== 'TRUE') return;
    ctx.report(ignore.span, 'IGNOREAPPVVERSIONCHECK=TRUE installs the client without checking for the App-V version it needs; on devices without App-V, Configuration Manager can\'t deploy virtual applications.');
  },
  examples: {
    fail: ['ccmsetup.exe SMSSITECODE=ABC IGNOREAPPVVERSIONCHECK=TRUE'],
    pass: ['ccmsetup.exe SMSSITECODE=ABC'],
  },
});

/** A stray token naming client.msi (a path or quotes around it allowed). */
const CLIENT_MSI = /(^|[\\/])client\.msi$/i;

export const clientMsiDirect = defineRule({
  id: 'client-msi-direct', severity: 'error', docUrl: docLink('aboutCCMSetup'),
  basis: { words: "You can't directly install client.msi", page: `${REFERENCE}#aboutCCMSetup` },
  title: 'client.msi run directly instead of through ccmsetup',
  check(line, ctx) {
    for (const item of line.items) {
      if (item.type !== 'stray' || !CLIENT_MSI.test(item.text.replace(/^["']|["']$/g, ''))) continue;
      ctx.report(item.span, 'client.msi can\'t be installed directly: run ccmsetup.exe (or ccmsetup.msi) instead, which installs the prerequisites and then client.msi with the properties of this line.');
      return;
    }
  },
  examples: {
    fail: ['msiexec /i client.msi SMSSITECODE=ABC', 'msiexec.exe /i "\\\\srv\\Client\\x64\\client.msi" /qn SMSSITECODE=ABC'],
    pass: ['ccmsetup.exe SMSSITECODE=ABC', 'msiexec /i ccmsetup.msi CCMSETUPCMD="SMSSITECODE=ABC"'],
  },
});

export const serviceInScript = defineRule({
  id: 'service-in-script', severity: 'warning', docUrl: docLink('service'),
  basis: { words: 'It might not correctly report installation details', page: `${REFERENCE}#service` },
  title: 'A script runs ccmsetup with /service: it gets control back when the service starts, without the installation\'s result',
  check(line, ctx) {
    if (line.contextSource !== 'host' || !has(line, 'service')) return;
    const service = find(line, 'service')!;
    ctx.report(service.nameSpan, 'With /service, CCMSetup.exe exits as soon as its service starts, so this script doesn\'t learn how the installation went (its exit code and details may be wrong). Leave /service out when the script must wait for the result, or check ccmsetup.log afterwards.');
  },
  examples: {
    file: 'install.ps1',
    fail: ['& .\\ccmsetup.exe /service /mp:mp01.contoso.com SMSSITECODE=ABC'],
    pass: ['& .\\ccmsetup.exe /mp:mp01.contoso.com SMSSITECODE=ABC'],
  },
});
