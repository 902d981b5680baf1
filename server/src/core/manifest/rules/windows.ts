// Windows versions: co-management covers Windows 10 (1709 and later) and Windows 11.
// The Autopilot-into-co-management floor lives with the Autopilot rules.
import { Plan } from '../plan';
import { DOCS, WINDOWS_VERSION_KEYS, isAutopilotIntoComanagement, oldestWindows, windowsRank, windowsVersionsInScope } from './scope';
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
  basis: { words: 'Windows 10 or later devices', page: 'https://learn.microsoft.com/intune/configmgr/comanage/overview' },
  source: 'intune/configmgr/comanage/tutorial-co-manage-clients.md (newer copy); comanage/overview.md (newer copy)',
  title: 'Devices in scope run Windows 10 or later',
  docUrl: `${DOCS}/tutorial-co-manage-clients#configure-a-hybrid-azure-ad-join-using-azure-ad-connect`,
  needsAny: WINDOWS_VERSION_KEYS,
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
  basis: { words: 'only supported on Windows RS3 and above', page: 'https://learn.microsoft.com/intune/configmgr/comanage/how-to-monitor#enrollment-errors' },
  // The newest overview and enablement include say only "supported" (no number); the 1709 (RS3)
  // floor is documented by how-to-monitor's error 0x80070032 for MDM automatic enrollment.
  source: 'intune/configmgr/comanage/how-to-monitor.md (newer copy, commit 0a4a5335); memdocs/configmgr/comanage/overview.md (older copy, commit 00ef4d4f)',
  title: 'Windows 10 devices run version 1709 (RS3) or later, where MDM automatic enrollment works',
  docUrl: `${DOCS}/how-to-monitor#enrollment-errors`,
  needsAny: WINDOWS_VERSION_KEYS,
  check(plan) {
    const oldest = oldestWindows(plan);
    if (!oldest || oldest.rank >= WINDOWS_10_1709) return undefined;
    return { message: `MDM automatic enrollment works only on Windows 10 1709 (RS3) and later (error 0x80070032 otherwise), and ${oldest.text} is older, so these clients can't become co-managed; the overview asks for a supported Windows release anyway. Update these devices.`, path: oldest.path };
  },
  examples: {
    fail: ['version: 1\nwindows:\n  minimumVersion: "10 1703"'],
    pass: ['version: 1\nwindows:\n  minimumVersion: "10 1709"'],
  },
});

/**
 * Releases whose servicing had ended for every edition when the overview (seed 004, 12/04/2024)
 * asked for a supported release, and that have no long-term servicing edition: Windows 10 1709 to
 * 21H1 and Windows 11 21H2 (Windows release health). Older Windows 10 releases are reported by the
 * 1709 floor; 1507, 1607, 1809 and 21H2 are left out because LTSB/LTSC editions of them live longer.
 * A fixed list, so the outcome never depends on today's date.
 */
const ENDED_RELEASES = ['10 1709', '10 1803', '10 1903', '10 1909', '10 2004', '10 20H2', '10 21H1', '11 21H2'];
const ENDED_RANKS = new Set(ENDED_RELEASES.map((v) => windowsRank(v)!));

/**
 * Windows 10 releases out of servicing in every edition (the list above plus 1511 and 1703): a page
 * that asks for "a currently supported" Windows 10 is certainly not met by them. 1507, 1607, 1809 and
 * 21H2 have LTSB/LTSC editions still (or recently) serviced, so the plan's version alone can't say.
 */
const ENDED_WINDOWS_10 = new Set([...ENDED_RELEASES.filter((v) => v.startsWith('10 ')), '10 1511', '10 1703'].map((v) => windowsRank(v)!));
export const windows10EndedEverywhere = (rank: number): boolean => ENDED_WINDOWS_10.has(rank);
const WINDOWS_11_21H2 = windowsRank('11 21H2')!;
/** Windows 11 releases out of servicing in every edition (21H2; its LTSC is 24H2). */
export const windows11EndedEverywhere = (rank: number): boolean => rank === WINDOWS_11_21H2;

export const windowsReleaseOutOfServicing = defineReadinessRule({
  id: 'windows-release-out-of-servicing', area: 'windows', severity: 'error',
  basis: { words: 'Update your devices to a supported', page: 'https://learn.microsoft.com/intune/configmgr/comanage/overview#windows', override: 'The page asks for a supported release; one past its end of servicing breaks that requirement' },
  source: 'intune/configmgr/comanage/overview.md (seed 004); windows/release-health/release-information',
  title: 'No Windows release in scope is past its end of servicing',
  docUrl: `${DOCS}/overview#windows`,
  // Under Autopilot into co-management, autopilot-windows-minimum-version reports ended releases.
  appliesWhen: (plan) => !isAutopilotIntoComanagement(plan),
  needsAny: WINDOWS_VERSION_KEYS,
  check(plan) {
    // The oldest release is already an error when it is below the 1709 floor.
    const oldest = oldestWindows(plan);
    const reported = oldest && oldest.rank < WINDOWS_10_1709 ? oldest.path : undefined;
    return windowsVersionsInScope(plan).filter((v) => ENDED_RANKS.has(v.rank) && v.path !== reported).map((v): Finding => ({
      message: `Windows ${v.text} no longer gets updates in any edition; co-management expects a supported Windows 10 or 11 release, so update these devices.`,
      path: v.path,
    }));
  },
  examples: {
    fail: ['version: 1\nwindows:\n  minimumVersion: "10 21H1"', 'version: 1\nwindows:\n  versions: ["11 21H2", "11 23H2"]'],
    pass: ['version: 1\nwindows:\n  minimumVersion: "10 22H2"', 'version: 1\nwindows:\n  minimumVersion: "10 1703"'],
  },
});
