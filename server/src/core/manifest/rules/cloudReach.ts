// Reaching clients from the cloud: the CMG that roaming clients should use, and the Azure
// subscription a CMG needs (co-management FAQ; CMG requirements).
import { hasCmg, needsCmgOutsideAutopilot, statesNoCmg } from './cmg';
import { DOCS } from './scope';
import { defineReadinessRule } from './types';

const CMG_PLAN = 'https://learn.microsoft.com/intune/configmgr/core/clients/manage/cmg/plan-cloud-management-gateway';

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

export const azureSubscriptionPresent = defineReadinessRule({
  id: 'azure-subscription-present', area: 'cmg', severity: 'error',
  basis: { words: 'An Azure subscription to host the CMG', page: `${CMG_PLAN}#requirements`, override: 'Listed under the CMG requirements; the existing-clients tutorial lists it among its prerequisites too' },
  source: 'intune/configmgr/core/clients/manage/cmg/plan-cloud-management-gateway.md (newer copy); intune/configmgr/comanage/tutorial-co-manage-clients.md (newer copy)',
  title: 'A plan that has or needs a CMG has an Azure subscription to host it',
  docUrl: `${CMG_PLAN}#requirements`,
  appliesWhen: (plan) => hasCmg(plan) || needsCmgOutsideAutopilot(plan),
  needs: ['site.azureSubscriptionType'],
  check(plan) {
    if (plan.choice('site.azureSubscriptionType') !== 'none') return undefined;
    return { message: 'The plan has or needs a cloud management gateway, which runs in an Azure subscription, but says there is none (site.azureSubscriptionType: none); get a subscription (standard or CSP) in the Azure environment the site uses.', path: 'site.azureSubscriptionType' };
  },
  examples: {
    fail: ['version: 1\nsite:\n  azureSubscriptionType: none\n  cmg:\n    address: contoso.eastus.cloudapp.azure.com/CCM_Proxy_MutualAuth/1'],
    pass: ['version: 1\nsite:\n  azureSubscriptionType: standard\n  cmg:\n    address: contoso.eastus.cloudapp.azure.com/CCM_Proxy_MutualAuth/1'],
  },
});
