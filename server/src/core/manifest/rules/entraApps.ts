// The Microsoft Entra web (server) app the site uses for cloud management (docs map P4): its App
// ID URI. Admin consent and pre-created apps are in rules/site.ts and rules/adminRights.ts.
import { defineReadinessRule } from './types';

const TUTORIAL = 'https://learn.microsoft.com/intune/configmgr/comanage/tutorial-co-manage-new-devices#enable-azure-cloud-services-in-configuration-manager';
const GUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
/** api://{tenant ID}/{string} or https://{domain}/{string}: the two forms the tutorial recommends. */
const RECOMMENDED = new RegExp(`^(api://${GUID}/[^/\\s]+.*|https://[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+/[^/\\s]+.*)$`, 'i');

export const entraServerAppIdUriFormat = defineReadinessRule({
  id: 'entra-server-app-id-uri-format', area: 'identity', severity: 'warning', source: 'intune/configmgr/comanage/tutorial-co-manage-new-devices.md (newer copy)',
  basis: { words: 'one of the following recommended formats', page: TUTORIAL },
  title: 'The server app\'s App ID URI has one of the recommended forms: api://{tenant ID}/{name} or https://{verified domain}/{name}',
  docUrl: TUTORIAL,
  appliesWhen: (plan) => plan.has('site.entraApps.serverAppIdUri'),
  needs: ['site.entraApps.serverAppIdUri'],
  check(plan) {
    const uri = (plan.str('site.entraApps.serverAppIdUri') ?? '').trim();
    if (uri === '' || RECOMMENDED.test(uri)) return undefined;
    const isDefault = /^https:\/\/ConfigMgrService\/?$/i.test(uri);
    return {
      message: `${isDefault ? 'The server app keeps the console\'s default App ID URI, https://ConfigMgrService' : `The server app's App ID URI "${uri}" has neither recommended form`} (site.entraApps.serverAppIdUri). The URI must be unique in the tenant, and the tutorial advises api://{tenant ID}/{name} (for example api://<tenant ID>/ConfigMgrService) or https://{verified domain}/{name} when you create the app.`,
      path: 'site.entraApps.serverAppIdUri',
    };
  },
  examples: {
    fail: ['version: 1\nsite:\n  entraApps:\n    serverAppIdUri: https://ConfigMgrService'],
    pass: ['version: 1\nsite:\n  entraApps:\n    serverAppIdUri: api://5e97358c-d99c-4558-af0c-de7774091dda/ConfigMgrService', 'version: 1\nsite:\n  entraApps:\n    serverAppIdUri: https://contoso.onmicrosoft.com/ConfigMgrService'],
  },
});
