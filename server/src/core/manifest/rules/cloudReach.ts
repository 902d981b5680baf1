// Reaching clients from the cloud: the CMG that roaming clients should use (co-management FAQ).
import { statesNoCmg } from './cmg';
import { DOCS } from './scope';
import { defineReadinessRule } from './types';

export const cmgAdvisedForRoamingClients = defineReadinessRule({
  id: 'cmg-advised-for-roaming-clients', area: 'cmg', severity: 'warning',
  basis: { words: 'You should use a CMG', page: `${DOCS}/faq#does-co-management-require-a-cloud-management-gateway-cmg` },
  source: 'intune/configmgr/comanage/faq.yml (newer copy)',
  title: 'Clients that leave the intranet reach the site through a CMG',
  docUrl: `${DOCS}/faq#does-co-management-require-a-cloud-management-gateway-cmg`,
  appliesWhen: (plan) => plan.bool('clients.roamOffNetwork') === true,
  needs: ['site.cmg'],
  check(plan) {
    if (!statesNoCmg(plan)) return undefined;
    return { message: 'Some clients leave the intranet and the site has no CMG; co-management works without one, but those clients then reach Configuration Manager only over VPN. Consider a cloud management gateway.', path: 'site.cmg' };
  },
  examples: {
    fail: ['version: 1\nsite:\n  cmg: none\nclients:\n  roamOffNetwork: true'],
    pass: ['version: 1\nsite:\n  cmg:\n    address: contoso.eastus.cloudapp.azure.com/CCM_Proxy_MutualAuth/1\nclients:\n  roamOffNetwork: true'],
  },
});

