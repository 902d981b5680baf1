// Statements of the installation properties reference about what a property does to the device or
// the site, beyond its value: a restart without warning, debug logging, App-V's version check
// and App-V's version check skipped (docs map P21).
import { docLink } from '../../catalog/types';
import { find, valueOf } from '../query';
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
