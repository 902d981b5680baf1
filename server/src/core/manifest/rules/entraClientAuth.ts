// Installing the client with Microsoft Entra ID: what Intune policies and client settings must
// allow (deploy-clients-cmg-azure.md; the management point's ASP.NET 4.5 is in the CMG rules).
import { defineReadinessRule } from './types';

const PAGE = 'https://learn.microsoft.com/intune/configmgr/core/clients/deploy/deploy-clients-cmg-azure';
const SOURCE = 'intune/configmgr/core/clients/deploy/deploy-clients-cmg-azure.md (newer copy)';

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
