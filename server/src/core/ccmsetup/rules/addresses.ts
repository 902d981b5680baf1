// Rules about management point and CMG addresses: where https:// belongs and where it doesn't.
import { docLink } from '../../catalog/types';
import { valueSubSpan } from '../parser';
import { findAll, isCmgAddress } from '../query';
import { trimBlanks } from '../tokenizer';
import { defineRule } from './types';

export const cmgMpNeedsHttps = defineRule({
  id: 'cmg-mp-needs-https', severity: 'error', docUrl: docLink('mp'),
  basis: { words: 'it must start with `https://`', page: 'https://learn.microsoft.com/intune/configmgr/core/clients/deploy/about-client-installation-properties#mp' },
  title: '/mp points at a cloud management gateway without https://',
  check(line, ctx) {
    for (const mp of findAll(line, 'mp')) {
      const value = mp.value;
      if (!value) continue;
      let offset = 0;
      for (const part of value.text.split(';')) {
        const trimmed = trimBlanks(part);
        const at = offset + part.indexOf(trimmed);
        offset += part.length + 1;
        if (!isCmgAddress(trimmed) || /^https:\/\//i.test(trimmed)) continue;
        const scheme = /^[a-z]+:\/\//i.exec(trimmed);
        const schemeSpan = valueSubSpan(value, at, at + (scheme ? scheme[0].length : 0));
        ctx.report(valueSubSpan(value, at, at + trimmed.length), 'A cloud management gateway given to /mp must start with https://.', {
          fixes: [{ title: scheme ? `Replace ${scheme[0]} with https://` : 'Add https://', edits: [{ span: schemeSpan, newText: 'https://' }], preferred: true }],
        });
      }
    }
  },
  examples: {
    fail: ['ccmsetup.exe /mp:contoso.cloudapp.net/CCM_Proxy_MutualAuth/72057598037248100 CCMHOSTNAME=contoso.cloudapp.net/CCM_Proxy_MutualAuth/72057598037248100 SMSSITECODE=ABC'],
    pass: ['ccmsetup.exe /mp:https://contoso.cloudapp.net/CCM_Proxy_MutualAuth/72057598037248100 CCMHOSTNAME=contoso.cloudapp.net/CCM_Proxy_MutualAuth/72057598037248100 SMSSITECODE=ABC'],
  },
});

export const ccmhostnameHasScheme = defineRule({
  id: 'ccmhostname-has-scheme', severity: 'error', docUrl: docLink('ccmhostname'),
  basis: { words: 'don\'t append a prefix', page: 'https://learn.microsoft.com/intune/configmgr/core/clients/deploy/about-client-installation-properties#ccmhostname', override: 'Read in context (docs map P21#16): A CMG address in CCMHOSTNAME has no https:// prefix' },
  title: 'CCMHOSTNAME written with https:// (only /mp takes the prefix)',
  check(line, ctx) {
    for (const item of findAll(line, 'CCMHOSTNAME')) {
      const value = item.value;
      const scheme = value && /^[a-z]+:\/\//i.exec(value.text);
      if (!value || !scheme) continue;
      const span = valueSubSpan(value, 0, scheme[0].length);
      ctx.report(span, `CCMHOSTNAME takes the address without a prefix: remove "${scheme[0]}". Only /mp takes https:// for a CMG.`, {
        fixes: [{ title: `Remove ${scheme[0]}`, edits: [{ span, newText: '' }], preferred: true }],
      });
    }
  },
  examples: {
    fail: ['CCMSETUPCMD="CCMHOSTNAME=https://contoso.cloudapp.net/CCM_Proxy_MutualAuth/72186325152220500 SMSSITECODE=ABC"'],
    pass: ['CCMSETUPCMD="CCMHOSTNAME=contoso.cloudapp.net/CCM_Proxy_MutualAuth/72186325152220500 SMSSITECODE=ABC"'],
  },
});

export const httpsNeedsFqdn = defineRule({
  id: 'https-mp-needs-fqdn', severity: 'warning', docUrl: docLink('mp'),
  basis: { words: 'using an FQDN is recommended', page: 'https://learn.microsoft.com/intune/configmgr/core/clients/deploy/about-client-installation-properties#mp' },
  title: 'An https:// management point given as a short computer name instead of an FQDN',
  check(line, ctx) {
    for (const name of ['mp', 'SMSMP', 'SMSMPLIST']) {
      for (const item of findAll(line, name)) {
        const value = item.value;
        if (!value) continue;
        let offset = 0;
        for (const part of value.text.split(';')) {
          const at = offset;
          offset += part.length + 1;
          const match = /^https:\/\/([^/:;\s]+)/i.exec(trimBlanks(part));
          if (!match || match[1].includes('.')) continue;
          const lead = part.indexOf(trimBlanks(part));
          ctx.report(valueSubSpan(value, at + lead, at + lead + match[0].length),
            `Over HTTPS, give the management point's FQDN (as in its certificate), not the computer name "${match[1]}".`);
        }
      }
    }
  },
  examples: { fail: ['ccmsetup.exe /mp:https://SMSMP01 SMSSITECODE=ABC'], pass: ['ccmsetup.exe /mp:https://smsmp01.contoso.com SMSSITECODE=ABC'] },
});
