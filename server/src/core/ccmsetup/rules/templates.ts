// Rules about text that should not reach a device: template placeholders, script variables,
// and secrets pasted in plain text.
import { docLink } from '../../catalog/types';
import { find } from '../query';
import { tokenExpiry } from '../../secrets';
import { PLACEHOLDER_SOURCE, SCRIPT_VARIABLE_SOURCE, TEMPLATE } from '../values';
import { defineRule } from './types';

// `[^{}]` rather than `[^}]`: with many unclosed `{{` the latter rescans to the end each time.
const PLACEHOLDER = new RegExp(PLACEHOLDER_SOURCE, 'g');
const SCRIPT_VARIABLE = new RegExp(SCRIPT_VARIABLE_SOURCE, 'g');
/** Environment variables Windows itself defines; a path like %WinDir%\ccmcache is legitimate. */
const WINDOWS_VARIABLES = new Set(['WINDIR', 'SYSTEMROOT', 'SYSTEMDRIVE', 'PROGRAMFILES', 'PROGRAMFILES(X86)', 'PROGRAMDATA', 'TEMP', 'TMP', 'COMPUTERNAME', 'USERDOMAIN']);

/** Each token the line gives ccmsetup, as document text (quotes and all), with its offset. */
function* tokens(line: Parameters<typeof find>[0], text: string): Generator<{ start: number; raw: string }> {
  for (const item of line.args) yield { start: item.span.start, raw: text.slice(item.span.start, item.span.end) };
}

export const unreplacedPlaceholder = defineRule({
  id: 'unreplaced-placeholder', severity: 'error', docUrl: docLink('ccmsetupexe-command-line-parameters'),
  basis: { words: 'immediately followed by the value', page: 'https://learn.microsoft.com/intune/configmgr/core/clients/deploy/about-client-installation-properties#ccmsetupexe-command-line-parameters', override: 'A template placeholder left in place isn\'t a value ccmsetup can use' },
  title: 'Template text such as <site code> left in the line',
  check(line, ctx) {
    for (const { start, raw } of tokens(line, ctx.text)) {
      for (const match of raw.matchAll(PLACEHOLDER)) {
        const at = start + (match.index ?? 0);
        ctx.report({ start: at, end: at + match[0].length }, `"${match[0].length > 40 ? `${match[0].slice(0, 40)}…` : match[0]}" looks like template text; replace it with the real value.`);
      }
    }
  },
  examples: { fail: ['ccmsetup.exe SMSSITECODE=<site code>', 'ccmsetup.exe /mp:{{mp}}'], pass: ['ccmsetup.exe SMSSITECODE=ABC'] },
});

export const scriptVariable = defineRule({
  id: 'script-variable', severity: 'warning', docUrl: docLink('ccmsetupexe-command-line-parameters'),
  basis: { words: 'immediately followed by the value', page: 'https://learn.microsoft.com/intune/configmgr/core/clients/deploy/about-client-installation-properties#ccmsetupexe-command-line-parameters', override: 'A script variable is only a value if the script expands it first, so a warning' },
  title: 'A script variable ($SiteCode, %SITECODE%, !SITECODE!) that nothing will expand',
  check(line, ctx) {
    for (const { start, raw } of tokens(line, ctx.text)) {
      for (const match of raw.matchAll(SCRIPT_VARIABLE)) {
        const batchName = match[1] ?? match[2];
        if (batchName && WINDOWS_VARIABLES.has(batchName.toUpperCase())) continue;
        const at = start + (match.index ?? 0);
        ctx.report({ start: at, end: at + match[0].length }, `${match[0]} is a script variable. Intune and ccmsetup don't expand it, so the device receives the name, not the value; write the value itself.`);
      }
    }
  },
  examples: {
    fail: ['ccmsetup.exe SMSSITECODE=$SiteCode', 'ccmsetup.exe SMSSITECODE=%SITECODE%', 'ccmsetup.exe /mp:!MP! SMSSITECODE=ABC'],
    pass: ['ccmsetup.exe SMSSITECODE=ABC SMSCACHEDIR="%WinDir%\\ccmcache"', 'ccmsetup.exe SMSSITECODE=ABC SMSCACHEDIR="!WinDir!\\ccmcache"'],
  },
});

export const regtokenInPlainText = defineRule({
  id: 'regtoken-in-plain-text', severity: 'warning', docUrl: 'https://learn.microsoft.com/intune/configmgr/core/clients/deploy/deploy-clients-cmg-token',
  basis: { words: 'save it in a secure location', page: 'https://learn.microsoft.com/intune/configmgr/core/clients/deploy/deploy-clients-cmg-token#bulk-registration-token', override: 'A security step with no stated failure: a token left readable in a shared file is a documented risk of misuse until it expires' },
  title: 'A bulk registration token written in the file',
  check(line, ctx) {
    const token = find(line, 'regtoken');
    const value = token?.value?.text ?? '';
    if (!token?.value || value.length === 0 || TEMPLATE.test(value)) return;
    // Never echo the token: the message names only its length.
    ctx.report(token.value.span, `This line holds a bulk registration token in plain text (${value.length} characters, masked here). Anyone who can read the file can register devices with it until it expires; keep it out of shared files and pass it in at install time.`);
  },
  examples: {
    fail: ['ccmsetup.exe /mp:https://contoso.cloudapp.net/CCM_Proxy_MutualAuth/1 /regtoken:eyJ0eXAiOiJKV1QifQ.eyJleHAiOjF9.c2ln CCMHOSTNAME=contoso.cloudapp.net/CCM_Proxy_MutualAuth/1 SMSSITECODE=ABC SMSMP=https://mp1.contoso.com'],
    pass: ['ccmsetup.exe /mp:https://contoso.cloudapp.net/CCM_Proxy_MutualAuth/1 /regtoken:<token> CCMHOSTNAME=contoso.cloudapp.net/CCM_Proxy_MutualAuth/1 SMSSITECODE=ABC SMSMP=https://mp1.contoso.com'],
  },
});

/** How long before expiry the warning starts. */
export const TOKEN_EXPIRY_WARNING_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;
const PAST_TOKEN = 'eyJ0eXAiOiJKV1QifQ.eyJleHAiOjE1ODA0MTUwNTB9.c2lnbmF0dXJl'; // exp 2020-01-30
const FUTURE_TOKEN = 'eyJ0eXAiOiJKV1QifQ.eyJleHAiOjQxMDI0NDQ4MDB9.c2lnbmF0dXJl'; // exp 2100-01-01
const CMG_LINE = (token: string) => `ccmsetup.exe /mp:https://contoso.cloudapp.net/CCM_Proxy_MutualAuth/1 /regtoken:${token} CCMHOSTNAME=contoso.cloudapp.net/CCM_Proxy_MutualAuth/1 SMSSITECODE=ABC SMSMP=https://mp1.contoso.com`;

/** "2020-01-30 20:10 UTC": precise enough to act on, the same in every locale. */
function formatExpiry(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export const regtokenExpiry = defineRule({
  id: 'regtoken-expiry', severity: 'warning', docUrl: 'https://learn.microsoft.com/intune/configmgr/core/clients/deploy/deploy-clients-cmg-token',
  basis: { words: 'You can\'t renew', page: 'https://learn.microsoft.com/intune/configmgr/core/clients/deploy/deploy-clients-cmg-token#token-renewal', override: 'Read in context (docs map P19#12): Bulk tokens can\'t be renewed; create a new one' },
  title: 'A bulk registration token that has expired or expires within a week',
  check(line, ctx) {
    const value = find(line, 'regtoken')?.value;
    if (!value || TEMPLATE.test(value.text)) return;
    // Decoded, never verified: the date only drives a warning. The message names the date, never the token.
    const expiry = tokenExpiry(value.text);
    if (!expiry) return;
    const left = expiry.getTime() - ctx.now.getTime();
    if (left <= 0) {
      ctx.report(value.span, `This bulk registration token expired on ${formatExpiry(expiry)}; devices can't register with it. Create a new token on the site server and use that.`);
    } else if (left < TOKEN_EXPIRY_WARNING_DAYS * DAY_MS) {
      const days = Math.ceil(left / DAY_MS);
      ctx.report(value.span, `This bulk registration token expires on ${formatExpiry(expiry)} (in ${days === 1 ? 'less than a day' : `${days} days`}); installs after that fail to register. Create a new token before then.`);
    }
  },
  examples: {
    fail: [CMG_LINE(PAST_TOKEN), `CCMSETUPCMD="/regtoken:${PAST_TOKEN}"`],
    pass: [CMG_LINE(FUTURE_TOKEN), CMG_LINE('<token>'), CMG_LINE('not-a-jwt')],
  },
});
