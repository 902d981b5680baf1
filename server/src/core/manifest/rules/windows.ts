// Windows versions: co-management covers Windows 10 (1709 and later) and Windows 11.
// The Autopilot-into-co-management floor lives with the Autopilot rules.
import { Plan } from '../plan';
import { DOCS, oldestWindows, windowsRank } from './scope';
import { Finding, defineReadinessRule } from './types';

/** Windows 7, 8 and 8.1, however the plan spells them ("8.1", "Windows 7"). */
const DOWN_LEVEL = /^\s*(windows\s*)?(7|8|8\.1)(\s|$)/i;

/** Every Windows version the plan writes, with where it is written. */
function writtenVersions(plan: Plan): { text: string; path: string }[] {
  const out: { text: string; path: string }[] = [];
  const min = plan.str('windows.minimumVersion');
  if (min) out.push({ text: min, path: 'windows.minimumVersion' });
  for (let i = 0; i < plan.count('windows.versions'); i++) {
    const text = plan.str(`windows.versions[${i}]`);
    if (text) out.push({ text, path: `windows.versions[${i}]` });
  }
  return out;
}

export const windows10OrLater = defineReadinessRule({
  id: 'windows-10-or-later', area: 'windows', severity: 'error',
  source: 'intune/configmgr/comanage/tutorial-co-manage-clients.md (newer copy); comanage/overview.md (newer copy)',
  title: 'Devices in scope run Windows 10 or later',
  docUrl: `${DOCS}/tutorial-co-manage-clients#configure-a-hybrid-azure-ad-join-using-azure-ad-connect`,
  needsAny: ['windows.minimumVersion', 'windows.versions'],
  check(plan) {
    return writtenVersions(plan).filter((v) => DOWN_LEVEL.test(v.text)).map((v): Finding => ({
      message: `Windows ${v.text.replace(/^\s*windows\s*/i, '').trim()} can be hybrid joined but never co-managed; co-management needs Windows 10 or later.`,
      path: v.path,
    }));
  },
  examples: {
    fail: ['version: 1\nwindows:\n  minimumVersion: "8.1"'],
    pass: ['version: 1\nwindows:\n  minimumVersion: "10 22H2"'],
  },
});

const WINDOWS_10_1709 = windowsRank('10 1709')!;

export const windowsFloor1709 = defineReadinessRule({
  id: 'windows-comanagement-1709-floor', area: 'windows', severity: 'error',
  source: 'memdocs/configmgr/comanage/overview.md (older copy, commit 00ef4d4f); enable-co-management-1906-2107.md (newer copy)',
  title: 'Windows 10 devices run version 1709 or later',
  docUrl: `${DOCS}/overview#windows`,
  needsAny: ['windows.minimumVersion', 'windows.versions'],
  check(plan) {
    const oldest = oldestWindows(plan);
    if (!oldest || oldest.rank >= WINDOWS_10_1709) return undefined;
    return { message: `Co-management starts at Windows 10 1709 (automatic enrollment skips older clients), and ${oldest.text} is older; newer pages go further and ask for a Windows version Intune still supports.`, path: oldest.path };
  },
  examples: {
    fail: ['version: 1\nwindows:\n  minimumVersion: "10 1703"'],
    pass: ['version: 1\nwindows:\n  minimumVersion: "10 1709"'],
  },
});
