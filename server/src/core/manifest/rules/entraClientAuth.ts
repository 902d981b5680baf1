// Installing the client with Microsoft Entra ID: what the management point, Intune policies and
// client settings must allow (deploy-clients-cmg-azure.md).
import { defineReadinessRule } from './types';

const PAGE = 'https://learn.microsoft.com/intune/configmgr/core/clients/deploy/deploy-clients-cmg-azure';
const SOURCE = 'intune/configmgr/core/clients/deploy/deploy-clients-cmg-azure.md (newer copy)';

export const managementPointAspNet45 = defineReadinessRule({
  id: 'mp-aspnet45-for-entra-auth', area: 'site', severity: 'error',
  basis: { words: 'also enable ASP.NET 4.5', page: `${PAGE}#before-you-begin`, override: 'A prerequisite under "Before you begin" for Microsoft Entra client authentication' },
  source: SOURCE,
  title: 'With Microsoft Entra ID client authentication, the management point has ASP.NET 4.5 enabled',
  docUrl: `${PAGE}#before-you-begin`,
  appliesWhen: (plan) => plan.choice('site.clientAuthentication') === 'entra-id',
  needs: ['site.managementPointAspNet45'],
  check(plan) {
    if (plan.bool('site.managementPointAspNet45') !== false) return undefined;
    return { message: 'Clients that authenticate with Microsoft Entra ID need ASP.NET 4.5 on the management point, on top of its usual prerequisites; enable it (with the options it selects) in the server\'s roles and features.', path: 'site.managementPointAspNet45' };
  },
  examples: {
    fail: ['version: 1\nsite:\n  clientAuthentication: entra-id\n  managementPointAspNet45: false'],
    pass: ['version: 1\nsite:\n  clientAuthentication: entra-id\n  managementPointAspNet45: true'],
  },
});

export const nlmTlsEndpointsBreakRegistration = defineReadinessRule({
  id: 'nlm-tls-endpoints-breaks-registration', area: 'identity', severity: 'warning',
  basis: { words: 'can cause ... to fail to register', page: `${PAGE}#before-you-begin`, override: '"Can cause" names a documented risk under some network conditions, not a requirement' },
  source: SOURCE,
  title: 'Entra joined devices don\'t get the NLM AllowedTlsAuthenticationEndpoints policy, which can stop them registering on the local network',
  docUrl: `${PAGE}#before-you-begin`,
  appliesWhen: (plan) => plan.choice('identity.deviceJoin') === 'entra-joined',
  needs: ['intune.nlmAllowedTlsAuthenticationEndpoints'],
  check(plan) {
    if (plan.bool('intune.nlmAllowedTlsAuthenticationEndpoints') !== true) return undefined;
    return { message: 'An Intune policy sets NLM AllowedTlsAuthenticationEndpoints; Entra joined devices on a local network that reaches those endpoints can fail to register the Configuration Manager client. Leave them out of the policy, or test registration on the intranet first.', path: 'intune.nlmAllowedTlsAuthenticationEndpoints' };
  },
  examples: {
    fail: ['version: 1\nidentity:\n  deviceJoin: entra-joined\nintune:\n  nlmAllowedTlsAuthenticationEndpoints: true'],
    pass: ['version: 1\nidentity:\n  deviceJoin: entra-joined\nintune:\n  nlmAllowedTlsAuthenticationEndpoints: false'],
  },
});

export const clientSettingsDeviceCollections = defineReadinessRule({
  id: 'client-settings-device-collections', area: 'identity', severity: 'warning',
  basis: { words: 'Don\'t deploy these settings to user', page: `${PAGE}#configure-client-settings`, override: 'A "don\'t" instruction without a stated failure: the docs map reads it as a warning' },
  source: SOURCE,
  title: 'The Cloud Services client settings are deployed to device collections',
  docUrl: `${PAGE}#configure-client-settings`,
  needs: ['clientSettings.targetCollectionType'],
  check(plan) {
    if (plan.choice('clientSettings.targetCollectionType') !== 'user') return undefined;
    return { message: 'The Cloud Services client settings (cloud distribution point access, automatic Entra registration, CMG use) are device settings; deploy them to a device collection, not a user collection.', path: 'clientSettings.targetCollectionType' };
  },
  examples: {
    fail: ['version: 1\nclientSettings:\n  targetCollectionType: user'],
    pass: ['version: 1\nclientSettings:\n  targetCollectionType: device'],
  },
});
