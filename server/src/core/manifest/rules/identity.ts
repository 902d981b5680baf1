// Identity: how devices join Microsoft Entra ID decides whether they can be co-managed.
import { DOCS } from './scope';
import { defineReadinessRule } from './types';

export const registeredDevicesUnsupported = defineReadinessRule({
  id: 'registered-devices-not-comanaged', area: 'identity', severity: 'error',
  source: 'intune/configmgr/comanage/overview.md',
  title: 'Devices must be Microsoft Entra joined or hybrid joined; registered (workplace joined) devices can\'t be co-managed',
  docUrl: `${DOCS}/overview#microsoft-entra-id`,
  needs: ['identity.deviceJoin'],
  check(plan) {
    if (plan.choice('identity.deviceJoin') === 'registered') {
      return { message: 'Co-management needs Microsoft Entra joined or hybrid joined devices; devices that are only registered (workplace joined) can\'t be co-managed.', path: 'identity.deviceJoin' };
    }
    return undefined;
  },
  examples: { fail: ['version: 1\nidentity:\n  deviceJoin: registered'], pass: ['version: 1\nidentity:\n  deviceJoin: hybrid-joined'] },
});
