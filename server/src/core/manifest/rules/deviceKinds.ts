// Kinds of Windows devices the co-management pages exclude or accept: Windows Server (the
// co-management policy never applies to it) and Windows 365 Cloud PCs (which can be co-managed).
// Entra-registered-only devices: identity.ts (registered-devices-not-comanaged).
import { defineReadinessRule } from './types';

const MONITOR = 'https://learn.microsoft.com/intune/configmgr/comanage/how-to-monitor#deployment-policies';
const FAQ = 'https://learn.microsoft.com/intune/configmgr/comanage/faq#can-i-co-manage-windows-365-cloud-pcs';

export const windowsServerNotComanaged = defineReadinessRule({
  id: 'windows-server-not-comanaged', area: 'windows', severity: 'error',
  basis: { words: 'If the client runs a server OS', page: MONITOR, override: 'Read in context (docs map P8#6): the production co-management policy\'s applicability condition leaves a server OS out, so a server in scope is never co-managed' },
  source: 'intune/configmgr/comanage/how-to-monitor.md (newer copy)',
  title: 'No Windows Server devices are counted on to be co-managed',
  docUrl: MONITOR,
  needs: ['windows.serverDevices'],
  check(plan) {
    if (plan.bool('windows.serverDevices') !== true) return undefined;
    return {
      message: 'The co-management policy checks the operating system and doesn\'t apply to a server OS, so servers in scope are never co-managed (they stay managed by Configuration Manager alone). Take them out of the co-management scope and collections, and set windows.serverDevices: false.',
      path: 'windows.serverDevices',
    };
  },
  examples: {
    fail: ['version: 1\nwindows:\n  serverDevices: true'],
    pass: ['version: 1\nwindows:\n  serverDevices: false'],
  },
});

export const cloudPcsSupported = defineReadinessRule({
  id: 'cloud-pcs-supported', area: 'windows', severity: 'information',
  basis: { words: 'You can co-manage Windows 365 Cloud PCs', page: FAQ },
  source: 'intune/configmgr/comanage/faq.yml (newer copy); intune/device-enrollment/restrictions.md (newer copy); windows-365/enterprise/requirements.md',
  title: 'Windows 365 Cloud PCs in scope can be co-managed (advice)',
  docUrl: FAQ,
  appliesWhen: (plan) => plan.bool('windows.cloudPCs') === true,
  // A Cloud PC estate set up as documented (Windows allowed by the default restriction) is fine:
  // the advice is for the plan whose default restriction blocks the Windows (MDM) platform.
  needs: ['windows.cloudPCs', 'intune.defaultRestriction.windows'],
  check(plan) {
    if (plan.choice('intune.defaultRestriction.windows') !== 'block') return undefined;
    return {
      message: 'Advice: Windows 365 Cloud PCs can be co-managed, but the default enrollment restriction blocks Windows (MDM). Their Intune enrollment isn\'t user-driven, so that default restriction applies to them, and the Windows 365 requirements ask it to allow the Windows (MDM) platform for corporate enrollment (intune.defaultRestriction.windows: allow). Hybrid joined Cloud PCs also need automatic hybrid join of domain-joined devices and users synchronized to Microsoft Entra ID.',
      path: 'windows.cloudPCs',
    };
  },
  examples: {
    fail: ['version: 1\nwindows:\n  cloudPCs: true\nintune:\n  defaultRestriction:\n    windows: block'],
    pass: [
      'version: 1\nwindows:\n  cloudPCs: false',
      // Cloud PCs with Windows allowed, as the Windows 365 requirements ask.
      'version: 1\nwindows:\n  cloudPCs: true\nintune:\n  defaultRestriction:\n    windows: allow',
    ],
  },
});
