// Rules about entries that the reference says must, or must not, appear together.
import { docLink } from '../../catalog/types';
import type { IntendedAuthentication } from '../ast';
import { find, findAll, has, targetsCmg, valueOf } from '../query';
import { trimBlanks } from '../tokenizer';
import { defineRule } from './types';

export const siteCodeAutoWithHostname = defineRule({
  id: 'sitecode-auto-with-ccmhostname', severity: 'error', docUrl: docLink('ccmhostname'),
  basis: { words: 'You can\'t use automatic site assignment', page: 'https://learn.microsoft.com/intune/configmgr/core/clients/deploy/deploy-clients-to-windows-computers#BKMK_ClientInternet' },
  title: 'SMSSITECODE=AUTO together with CCMHOSTNAME',
  check(line, ctx) {
    const siteCode = find(line, 'SMSSITECODE');
    if (siteCode?.value && valueOf(line, 'SMSSITECODE') === 'AUTO' && has(line, 'CCMHOSTNAME')) {
      ctx.report(siteCode.value.span, 'With CCMHOSTNAME (an internet-based management point), give the real three-character site code instead of AUTO.');
    }
  },
  examples: {
    fail: ['ccmsetup.exe CCMHOSTNAME=mp.contoso.com SMSSITECODE=AUTO'],
    pass: ['ccmsetup.exe CCMHOSTNAME=mp.contoso.com SMSSITECODE=ABC', 'ccmsetup.exe SMSSITECODE=AUTO'],
  },
});

/**
 * The reference says a missing SMSSITECODE acts as AUTO (#smssitecode) and that AUTO doesn't go with
 * CCMHOSTNAME; it never says the omission fails, and its own CCMHOSTNAME examples leave SMSSITECODE
 * out, so this is a warning, not the error of an explicit AUTO.
 */
export const siteCodeAbsentWithHostname = defineRule({
  id: 'sitecode-absent-with-ccmhostname', severity: 'warning', docUrl: docLink('smssitecode'),
  basis: { words: 'the default is AUTO', page: 'https://learn.microsoft.com/intune/configmgr/core/clients/deploy/about-client-installation-properties#smssitecode', override: 'Left out, the site code is AUTO, which a client on the internet may not resolve; the page doesn\'t say it fails, so a warning' },
  title: 'CCMHOSTNAME without SMSSITECODE (left out, it acts as AUTO)',
  check(line, ctx) {
    const hostname = find(line, 'CCMHOSTNAME');
    // missing-required-for-intune and regtoken-missing-companions already name it on their lines.
    if (!hostname || has(line, 'SMSSITECODE') || has(line, 'regtoken') || line.context === 'intune' || targetsCmg(line)) return;
    ctx.report(hostname.nameSpan, 'With CCMHOSTNAME (an internet-based management point), add SMSSITECODE with the real three-character site code: left out, the client looks its site up as with AUTO, which the reference says not to combine with CCMHOSTNAME.');
  },
  examples: {
    fail: ['ccmsetup.exe /UsePKICert CCMHOSTNAME=mp.contoso.com', 'ccmsetup.msi CCMSETUPCMD="/mp:https://mp.contoso.com CCMHOSTNAME=mp.contoso.com"'],
    pass: ['ccmsetup.exe CCMHOSTNAME=mp.contoso.com SMSSITECODE=ABC', 'ccmsetup.exe /mp:smsmp01.contoso.com', 'CCMSETUPCMD="CCMHOSTNAME=contoso.cloudapp.net/CCM_Proxy_MutualAuth/1"'],
  },
});

export const pkiCertWithEntra = defineRule({
  id: 'pki-cert-with-entra', severity: 'error', docUrl: docLink('usepkicert'),
  basis: { words: 'The only two required', page: 'https://learn.microsoft.com/intune/configmgr/core/clients/deploy/deploy-clients-cmg-azure#install-and-register-the-client-using-azure-ad-identity' },
  title: '/UsePKICert together with the Microsoft Entra properties',
  check(line, ctx) {
    const pki = find(line, 'UsePKICert');
    if (pki && (has(line, 'AADCLIENTAPPID') || has(line, 'AADRESOURCEURI'))) {
      ctx.report(pki.nameSpan, 'A client that authenticates with Microsoft Entra ID must not get /UsePKICert: with it, the client can\'t get Entra onboarding details from the CMG. Keep AADCLIENTAPPID and AADRESOURCEURI and drop /UsePKICert.');
    }
  },
  examples: {
    fail: ['ccmsetup.exe /UsePKICert AADCLIENTAPPID=aa28e7f1-b88a-43cd-a2e3-f88b257c863b AADRESOURCEURI=https://contososerver'],
    pass: ['ccmsetup.exe AADCLIENTAPPID=aa28e7f1-b88a-43cd-a2e3-f88b257c863b AADRESOURCEURI=https://contososerver', 'ccmsetup.exe /UsePKICert SMSSITECODE=ABC'],
  },
});

/** The items that belong to each way of authenticating, and what the person chose it as. */
const AUTHENTICATION_ITEMS: Record<IntendedAuthentication, { label: string; items: string[] }> = {
  'entra-id': { label: 'Microsoft Entra ID', items: ['AADCLIENTAPPID', 'AADRESOURCEURI'] },
  pki: { label: 'a PKI client certificate', items: ['UsePKICert'] },
  token: { label: 'a bulk registration token', items: ['regtoken'] },
};

export const contradictsChosenAuthentication = defineRule({
  id: 'contradicts-chosen-authentication', severity: 'error',
  basis: { words: 'won\'t be able to get', page: 'https://learn.microsoft.com/intune/configmgr/core/clients/deploy/about-client-installation-properties#usepkicert' },
  docUrl: 'https://learn.microsoft.com/intune/configmgr/core/clients/manage/cmg/plan-client-authentication',
  title: 'An item for another authentication method than the one chosen in the generator',
  check(line, ctx) {
    const chosen = line.intent?.authentication;
    if (!chosen) return;
    for (const [method, { label, items }] of Object.entries(AUTHENTICATION_ITEMS)) {
      if (method === chosen) continue;
      for (const name of items) {
        for (const item of findAll(line, name)) {
          ctx.report(item.nameSpan, `You chose ${AUTHENTICATION_ITEMS[chosen].label} for this client, but ${item.type === 'parameter' ? '/' : ''}${item.resolved?.entry.name ?? name} is for ${label}. Remove it, or go back and choose ${label}.`);
        }
      }
    }
  },
  examples: {
    intent: { authentication: 'entra-id' },
    fail: ['ccmsetup.exe /UsePKICert CCMHOSTNAME=contoso.cloudapp.net/CCM_Proxy_MutualAuth/72186325152220500 SMSSITECODE=ABC', 'CCMSETUPCMD="/UsePKICert CCMHOSTNAME=contoso.cloudapp.net/CCM_Proxy_MutualAuth/72186325152220500 SMSSITECODE=ABC"'],
    pass: ['CCMSETUPCMD="CCMHOSTNAME=contoso.cloudapp.net/CCM_Proxy_MutualAuth/72186325152220500 SMSSITECODE=ABC AADCLIENTAPPID=aa28e7f1-b88a-43cd-a2e3-f88b257c863b AADRESOURCEURI=https://contososerver"'],
  },
});

export const entraPropertiesIncomplete = defineRule({
  id: 'entra-properties-incomplete', severity: 'warning', docUrl: 'https://learn.microsoft.com/intune/configmgr/comanage/how-to-prepare-win10#get-the-command-line-from-configuration-manager',
  basis: { words: 'specify the following properties', page: 'https://learn.microsoft.com/intune/configmgr/comanage/how-to-prepare-win10#get-the-command-line-from-configuration-manager', override: 'The two properties go together; one alone is likely a copy mistake, so a warning' },
  title: 'Only one of AADCLIENTAPPID and AADRESOURCEURI',
  check(line, ctx) {
    const app = find(line, 'AADCLIENTAPPID');
    const resource = find(line, 'AADRESOURCEURI');
    if (app && !resource) ctx.report(app.nameSpan, 'AADCLIENTAPPID is given without AADRESOURCEURI; for Microsoft Entra authentication give both.');
    if (resource && !app) ctx.report(resource.nameSpan, 'AADRESOURCEURI is given without AADCLIENTAPPID; for Microsoft Entra authentication give both.');
  },
  examples: {
    fail: ['ccmsetup.exe AADCLIENTAPPID=aa28e7f1-b88a-43cd-a2e3-f88b257c863b'],
    pass: ['ccmsetup.exe AADCLIENTAPPID=aa28e7f1-b88a-43cd-a2e3-f88b257c863b AADRESOURCEURI=https://contososerver'],
  },
});

export const cachePercentConflict = defineRule({
  id: 'cache-percent-conflict', severity: 'error', docUrl: docLink('smscacheflags'),
  basis: { words: 'You can\'t use this property with', page: 'https://learn.microsoft.com/intune/configmgr/core/clients/deploy/about-client-installation-properties#smscacheflags' },
  title: 'SMSCACHEFLAGS with both PERCENTDISKSPACE and PERCENTFREEDISKSPACE',
  check(line, ctx) {
    const flags = find(line, 'SMSCACHEFLAGS');
    const values = (valueOf(line, 'SMSCACHEFLAGS') ?? '').split(';').map(trimBlanks);
    if (flags?.value && values.includes('PERCENTDISKSPACE') && values.includes('PERCENTFREEDISKSPACE')) {
      ctx.report(flags.value.span, 'Choose one of PERCENTDISKSPACE (share of the whole disk) and PERCENTFREEDISKSPACE (share of the free space); they can\'t be combined.');
    }
  },
  examples: {
    fail: ['ccmsetup.exe SMSCACHEFLAGS=PERCENTDISKSPACE;PERCENTFREEDISKSPACE SMSCACHESIZE=20'],
    pass: ['ccmsetup.exe SMSCACHEFLAGS=PERCENTFREEDISKSPACE SMSCACHESIZE=20'],
  },
});

export const cachePercentNeedsSize = defineRule({
  id: 'cache-percent-needs-size', severity: 'warning', docUrl: docLink('smscacheflags'),
  basis: { words: 'You can\'t use this property with', page: 'https://learn.microsoft.com/intune/configmgr/core/clients/deploy/about-client-installation-properties#smscacheflags', override: 'Read in context (docs map P21#19): SMSCACHEFLAGS percentage flags need a percentage SMSCACHESIZE and exclude each other; both are ignored on upgrade and can\'t shrink the cache on reinstall; client settings replace SMSCACHESIZE' },
  title: 'A PERCENT cache flag without SMSCACHESIZE as a percentage',
  check(line, ctx) {
    const flags = find(line, 'SMSCACHEFLAGS');
    const percent = (valueOf(line, 'SMSCACHEFLAGS') ?? '').split(';').map(trimBlanks).find((v) => v.startsWith('PERCENT'));
    if (!flags?.value || !percent) return;
    const size = find(line, 'SMSCACHESIZE');
    if (!size) {
      ctx.report(flags.value.span, `With ${percent}, also set SMSCACHESIZE to the percentage (1 to 100).`);
    } else if (size.value && /^\d+$/.test(size.value.text) && Number(size.value.text) > 100) {
      ctx.report(size.value.span, `With ${percent}, SMSCACHESIZE is a percentage: ${size.value.text} is more than 100.`);
    }
  },
  examples: {
    fail: ['ccmsetup.exe SMSCACHEFLAGS=PERCENTDISKSPACE', 'ccmsetup.exe SMSCACHEFLAGS=PERCENTFREEDISKSPACE SMSCACHESIZE=5120'],
    pass: ['ccmsetup.exe SMSCACHEFLAGS=PERCENTDISKSPACE SMSCACHESIZE=20', 'ccmsetup.exe SMSCACHESIZE=5120'],
  },
});

export const regtokenCompanions = defineRule({
  id: 'regtoken-missing-companions', severity: 'error', docUrl: docLink('regtoken'),
  basis: { words: 'the other required setup parameters', page: 'https://learn.microsoft.com/intune/configmgr/core/clients/deploy/about-client-installation-properties#regtoken', contradiction: { page: 'https://learn.microsoft.com/intune/configmgr/core/clients/deploy/deploy-clients-cmg-token', says: 'its example command line has no SMSMP' } },
  title: '/regtoken without /mp, CCMHOSTNAME, SMSSITECODE and SMSMP',
  check(line, ctx) {
    const token = find(line, 'regtoken');
    if (!token) return;
    const missing = ['mp', 'CCMHOSTNAME', 'SMSSITECODE', 'SMSMP'].filter((n) => !has(line, n)).map((n) => (n === 'mp' ? '/mp' : n));
    if (missing.length) {
      ctx.report(token.nameSpan, `A bulk registration token also needs ${missing.join(', ')} on the same line.${missing.includes('SMSMP') ? ' (The token page\'s own example leaves SMSMP out; the parameter reference, followed here, lists it.)' : ''}`);
    }
  },
  examples: {
    fail: ['ccmsetup.exe /regtoken:<token> SMSSITECODE=ABC'],
    pass: ['ccmsetup.exe /mp:https://contoso.cloudapp.net/CCM_Proxy_MutualAuth/1 /regtoken:<token> CCMHOSTNAME=contoso.cloudapp.net/CCM_Proxy_MutualAuth/1 SMSSITECODE=ABC SMSMP=https://mp1.contoso.com'],
  },
});

export const alwaysInternetCompanions = defineRule({
  id: 'always-internet-missing-companions', severity: 'error', docUrl: docLink('ccmalwaysinf'),
  basis: { words: 'Also specify this parameter', page: 'https://learn.microsoft.com/intune/configmgr/core/clients/deploy/about-client-installation-properties#usepkicert', override: 'Read in context (docs map P21#11): Internet-only clients: /UsePKICert with CCMALWAYSINF=1, CCMHOSTNAME, SMSSITECODE' },
  title: 'CCMALWAYSINF=1 without CCMHOSTNAME and SMSSITECODE',
  check(line, ctx) {
    const always = find(line, 'CCMALWAYSINF');
    if (!always || valueOf(line, 'CCMALWAYSINF') !== '1') return;
    const missing = ['CCMHOSTNAME', 'SMSSITECODE'].filter((n) => !has(line, n));
    if (missing.length) {
      ctx.report(always.span, `An always-internet client needs ${missing.join(' and ')} too: it has no intranet to find them on.`);
    }
  },
  examples: {
    fail: ['ccmsetup.exe /UsePKICert CCMALWAYSINF=1 SMSSITECODE=ABC'],
    pass: ['ccmsetup.exe /UsePKICert CCMALWAYSINF=1 CCMHOSTNAME=SERVER3.CONTOSO.COM SMSSITECODE=ABC'],
  },
});

export const debugLoggingWithoutLogging = defineRule({
  id: 'debug-logging-without-logging', severity: 'warning', docUrl: docLink('ccmdebuglogging'),
  basis: { words: 'Avoid using this property in production', page: 'https://learn.microsoft.com/intune/configmgr/core/clients/deploy/about-client-installation-properties#ccmdebuglogging' },
  title: 'CCMDEBUGLOGGING=1 while CCMENABLELOGGING=FALSE',
  check(line, ctx) {
    const debug = find(line, 'CCMDEBUGLOGGING');
    if (debug && valueOf(line, 'CCMDEBUGLOGGING') === '1' && valueOf(line, 'CCMENABLELOGGING') === 'FALSE') {
      ctx.report(debug.span, 'Debug logging needs logging turned on, but CCMENABLELOGGING=FALSE turns it off.');
    }
  },
  examples: {
    fail: ['ccmsetup.exe CCMDEBUGLOGGING=1 CCMENABLELOGGING=FALSE'],
    pass: ['ccmsetup.exe CCMDEBUGLOGGING=1 CCMENABLELOGGING=TRUE'],
  },
});

export const siteReassignNeedsAuto = defineRule({
  id: 'sitereassign-needs-auto', severity: 'information', docUrl: docLink('sitereassign'),
  basis: { words: 'when used with', page: 'https://learn.microsoft.com/intune/configmgr/core/clients/deploy/about-client-installation-properties#sitereassign' },
  title: 'SITEREASSIGN=TRUE without SMSSITECODE=AUTO',
  check(line, ctx) {
    const reassign = find(line, 'SITEREASSIGN');
    if (reassign && valueOf(line, 'SITEREASSIGN') === 'TRUE' && valueOf(line, 'SMSSITECODE') !== 'AUTO') {
      ctx.report(reassign.span, 'SITEREASSIGN=TRUE works together with SMSSITECODE=AUTO; with a fixed site code it has nothing to reassign.');
    }
  },
  examples: {
    fail: ['ccmsetup.exe SMSSITECODE=ABC SITEREASSIGN=TRUE'],
    pass: ['ccmsetup.exe SMSSITECODE=AUTO SITEREASSIGN=TRUE'],
  },
});

export const provisionTsWithToken = defineRule({
  id: 'provisionts-with-token', severity: 'information', docUrl: docLink('provisionts'),
  basis: { words: 'Token authentication alone doesn\'t work', page: 'https://learn.microsoft.com/intune/configmgr/core/clients/deploy/about-client-installation-properties#provisionts', override: 'The failure is conditional on the task sequence installing apps or updates, which a command line can\'t show: advice' },
  title: 'PROVISIONTS on a token-authenticated client (advice)',
  check(line, ctx) {
    const ts = find(line, 'PROVISIONTS');
    if (ts && has(line, 'regtoken')) {
      ctx.report(ts.nameSpan, 'Advice: if this task sequence installs software updates or applications, the client needs a client authentication certificate; a bulk registration token alone is not enough.');
    }
  },
  examples: {
    fail: ['ccmsetup.msi CCMSETUPCMD="/mp:https://contoso.cloudapp.net/CCM_Proxy_MutualAuth/1 /regtoken:<token> CCMHOSTNAME=contoso.cloudapp.net/CCM_Proxy_MutualAuth/1 SMSSITECODE=ABC SMSMP=https://mp1.contoso.com PROVISIONTS=PRI20001"'],
    pass: ['ccmsetup.msi CCMSETUPCMD="CCMHOSTNAME=contoso.cloudapp.net/CCM_Proxy_MutualAuth/1 SMSSITECODE=ABC PROVISIONTS=PRI20001"'],
  },
});
