// Command-line facts from the CMG pages (configure clients for CMG) rather than the parameter reference.
import { find, targetsCmg, valueOf } from '../query';
import { defineRule } from './types';

export const alwaysInternetIgnoresBoundaries = defineRule({
  id: 'always-internet-ignores-boundaries', severity: 'information',
  docUrl: 'https://learn.microsoft.com/intune/configmgr/core/clients/manage/cmg/configure-clients#client-location',
  basis: { words: 'This setting will always apply', page: 'https://learn.microsoft.com/intune/configmgr/core/clients/manage/cmg/configure-clients#client-location' },
  title: 'CCMALWAYSINF=1 with a CMG keeps the client on the CMG even on the intranet',
  check(line, ctx) {
    const always = find(line, 'CCMALWAYSINF');
    // Only with a CMG, the page's subject; an internet-based management point line is left alone.
    if (!always || valueOf(line, 'CCMALWAYSINF') !== '1' || !targetsCmg(line)) return;
    ctx.report(always.span, 'CCMALWAYSINF=1 makes the client always use the CMG, even when it is on the intranet where boundary groups would give it local management points and content; use it for clients that should never use local resources, or for tests.');
  },
  examples: {
    fail: ['ccmsetup.exe CCMALWAYSINF=1 CCMHOSTNAME=contoso.eastus.cloudapp.azure.com/CCM_Proxy_MutualAuth/1 SMSSITECODE=ABC'],
    pass: ['ccmsetup.exe CCMHOSTNAME=contoso.eastus.cloudapp.azure.com/CCM_Proxy_MutualAuth/1 SMSSITECODE=ABC', 'ccmsetup.exe /UsePKICert CCMALWAYSINF=1 CCMHOSTNAME=ibcm.contoso.com SMSSITECODE=ABC'],
  },
});
