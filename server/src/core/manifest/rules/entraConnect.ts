// Microsoft Entra Connect for hybrid join: the version whose wizard configures hybrid join, and the
// device attributes its sync has to keep. (Computer-account sync itself: identity.ts.)
import { compareDotted, isHybridJoined } from './scope';
import { defineReadinessRule } from './types';

const HYBRID_JOIN = 'https://learn.microsoft.com/entra/identity/devices/how-to-hybrid-join';
const HYBRID_JOIN_SOURCE = 'entra-docs docs/identity/devices/how-to-hybrid-join.md (newest copy)';

/** The first version of Microsoft Entra Connect with the hybrid join wizard. */
const WIZARD_VERSION = [1, 1, 819, 0];

export const entraConnectVersion = defineReadinessRule({
  id: 'identity-entra-connect-version', area: 'identity', severity: 'error',
  basis: { words: 'version 1.1.819.0 or later', page: `${HYBRID_JOIN}#prerequisites` },
  source: `${HYBRID_JOIN_SOURCE}; intune/configmgr/comanage/tutorial-co-manage-clients.md (newer copy)`,
  title: 'Microsoft Entra Connect is version 1.1.819.0 or later, the first with the hybrid join wizard',
  docUrl: `${HYBRID_JOIN}#prerequisites`,
  appliesWhen: isHybridJoined,
  needs: ['identity.entraConnect.version'],
  check(plan) {
    const text = plan.str('identity.entraConnect.version')!;
    const parts = text.split('.').map(Number);
    if (parts.some((n) => !Number.isFinite(n)) || compareDotted(parts, WIZARD_VERSION) >= 0) return undefined;
    return { message: `Microsoft Entra Connect ${text} predates 1.1.819.0, the version whose "Configure device options" wizard sets up hybrid join; upgrade it (identity.entraConnect.version), or configure device registration by hand as the Entra manual hybrid join article describes.`, path: 'identity.entraConnect.version' };
  },
  examples: {
    fail: ['version: 1\nidentity:\n  deviceJoin: hybrid-joined\n  entraConnect:\n    version: 1.1.750.0'],
    pass: ['version: 1\nidentity:\n  deviceJoin: hybrid-joined\n  entraConnect:\n    version: 2.3.20.0', 'version: 1\nidentity:\n  deviceJoin: hybrid-joined\n  entraConnect:\n    version: 1.1.819.0'],
  },
});

export const entraConnectDeviceAttributes = defineReadinessRule({
  id: 'entra-connect-device-attributes', area: 'identity', severity: 'warning',
  basis: { words: 'Don\'t exclude the default device attributes', page: `${HYBRID_JOIN}#prerequisites`, override: 'A "don\'t" instruction with no stated failure: the docs map reads don\'t as a documented risk (warning)' },
  source: HYBRID_JOIN_SOURCE,
  title: 'Microsoft Entra Connect keeps syncing the default device attributes',
  docUrl: `${HYBRID_JOIN}#prerequisites`,
  appliesWhen: isHybridJoined,
  needs: ['identity.entraConnect.deviceAttributesSynced'],
  check(plan) {
    if (plan.bool('identity.entraConnect.deviceAttributesSynced') !== false) return undefined;
    return { message: 'The Microsoft Entra Connect sync configuration filters out some of the default device attributes; hybrid join relies on them reaching Microsoft Entra ID, so take the device attributes out of the filter (identity.entraConnect.deviceAttributesSynced).', path: 'identity.entraConnect.deviceAttributesSynced' };
  },
  examples: {
    fail: ['version: 1\nidentity:\n  deviceJoin: hybrid-joined\n  entraConnect:\n    deviceAttributesSynced: false'],
    pass: ['version: 1\nidentity:\n  deviceJoin: hybrid-joined\n  entraConnect:\n    deviceAttributesSynced: true'],
  },
});
