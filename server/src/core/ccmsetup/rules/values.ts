// Rules that judge a value against its documented type. The checking itself lives in ../values.ts;
// each rule reports its own kind of finding.
import { REFERENCE_URL } from '../../catalog/types';
import { valueSubSpan } from '../parser';
import { isNamed } from '../query';
import { ValueIssueCode, checkValue } from '../values';
import type { SeverityBasis } from '../../severityBasis';
import { CcmsetupRule, defineRule } from './types';

function valueRule(code: ValueIssueCode, severity: CcmsetupRule['severity'], title: string, basis: SeverityBasis, examples: CcmsetupRule['examples']): CcmsetupRule {
  return defineRule({
    id: code, severity, title, docUrl: `${REFERENCE_URL}#clientMsiProps`, basis,
    check(line, ctx) {
      for (const item of line.args) {
        if (!isNamed(item) || !item.resolved || !item.value) continue;
        for (const issue of checkValue(item.resolved.entry, item.value)) {
          if (issue.code === code) {
            ctx.report(valueSubSpan(item.value, issue.from, issue.to), issue.message, { docUrl: item.resolved.entry.docUrl });
          }
        }
      }
    },
    examples,
  });
}

export const invalidValue = valueRule('invalid-value', 'error', 'A value that is not one the entry accepts (choices, TRUE/FALSE or 0/1, numbers, GUIDs, site codes, deployment IDs)', { words: 'Supported values', page: 'https://learn.microsoft.com/intune/configmgr/core/clients/deploy/about-client-installation-properties#clientMsiProps', override: 'A value outside the documented ones isn\'t one the entry accepts' }, {
  fail: [
    'ccmsetup.exe /BITSPriority:URGENT', 'ccmsetup.exe CCMENABLELOGGING=1', 'ccmsetup.exe CCMALWAYSINF=TRUE',
    'ccmsetup.exe AADCLIENTAPPID=not-a-guid', 'ccmsetup.exe SMSSITECODE=ABCD', 'CCMSETUPCMD="CCMHOSTNAME=a.contoso.com SMSSITECODE=ABC PROVISIONTS=PRI 20001"',
    'ccmsetup.exe SMSCACHEFLAGS=NTFSONLY;SMALL', 'ccmsetup.exe SMSCONFIGSOURCE=PX', 'ccmsetup.exe /retry:soon',
  ],
  pass: [
    'ccmsetup.exe /BITSPriority:high CCMENABLELOGGING=TRUE CCMALWAYSINF=1 CCMHOSTNAME=mp.contoso.com SMSSITECODE=AUTO',
    'ccmsetup.exe AADCLIENTAPPID=aa28e7f1-b88a-43cd-a2e3-f88b257c863b SMSCACHEFLAGS=NTFSONLY;COMPRESS SMSCONFIGSOURCE=RP',
  ],
});

export const valueOutOfRange = valueRule('value-out-of-range', 'error', 'A number outside the documented range', { words: 'the minimum size is 10,000 bytes', page: 'https://learn.microsoft.com/intune/configmgr/core/clients/deploy/about-client-installation-properties#ccmlogmaxsize', override: 'A number outside the documented range isn\'t one the entry accepts' }, {
  fail: ['ccmsetup.exe CCMEVALHOUR=24', 'ccmsetup.exe CCMLOGMAXSIZE=500', 'ccmsetup.exe CCMEVALINTERVAL=0'],
  // The reference gives these no range: value-beyond-advised-bound speaks for them, as advice.
  pass: ['ccmsetup.exe CCMEVALHOUR=23 CCMLOGMAXSIZE=300000 CCMEVALINTERVAL=1440', 'ccmsetup.exe /retry:0 /downloadtimeout:0 CCMHTTPPORT=70000 SMSCACHESIZE=0'],
});

export const valueBeyondAdvisedBound = valueRule('value-beyond-advised-bound', 'hint', 'A number outside the bound comanage advises where the reference gives no range (advice)', { words: 'no range given', page: 'https://learn.microsoft.com/intune/configmgr/core/clients/deploy/about-client-installation-properties#ccmsetupexe-command-line-parameters', override: 'The reference gives no range: the bound is comanage\'s advice, so a hint' }, {
  fail: ['ccmsetup.exe /retry:0', 'ccmsetup.exe /downloadtimeout:0', 'ccmsetup.exe CCMHTTPPORT=70000', 'ccmsetup.exe CCMHTTPSPORT=0', 'ccmsetup.exe SMSCACHESIZE=0'],
  pass: ['ccmsetup.exe /retry:20 /downloadtimeout:100 CCMHTTPPORT=8080 CCMHTTPSPORT=443 SMSCACHESIZE=10240', 'ccmsetup.exe CCMEVALHOUR=24'],
});

export const invalidAddress = valueRule('invalid-address', 'error', 'A host name, FQDN or URL that is malformed, or a URL where a name belongs', { words: 'specify the FQDN not the computer name', page: 'https://learn.microsoft.com/intune/configmgr/core/clients/deploy/about-client-installation-properties#mp', override: 'A malformed name or URL can\'t reach the server it names' }, {
  fail: ['ccmsetup.exe AADRESOURCEURI=contososerver', 'ccmsetup.exe AADRESOURCEURI=api://', 'ccmsetup.exe FSP=https://fsp01.contoso.com', 'ccmsetup.exe SMSMP=ftp://mp01', 'ccmsetup.exe /mp:mp_01..contoso.com'],
  pass: [
    'ccmsetup.exe /mp:smsmp01.contoso.com;https://mp2.contoso.com AADRESOURCEURI=https://contososerver FSP=SMSFP01 SMSMP=https://mp1.contoso.com',
    'ccmsetup.exe AADRESOURCEURI=api://5e97358c-d99c-4558-af0c-de7774091dda/ConfigMgrService',
  ],
});

export const emptyListItem = valueRule('empty-list-item', 'warning', 'A semicolon list with an empty item', { words: 'separate the values by semicolons', page: 'https://learn.microsoft.com/intune/configmgr/core/clients/deploy/about-client-installation-properties#mp', override: 'An empty item is ignored or misread, so a warning' }, {
  fail: ['ccmsetup.exe /mp:mp1.contoso.com;;mp2.contoso.com', 'ccmsetup.exe SMSMPLIST=https://mp1.contoso.com;'],
  pass: ['ccmsetup.exe /mp:mp1.contoso.com;mp2.contoso.com SMSMPLIST=https://mp1.contoso.com;mp2.contoso.com'],
});
