// Which parts of the documentation apply to a plan: shared so that rules agree on it.
import { Plan } from '../plan';
import { WORKLOAD_KEYS, WorkloadKey } from '../manifestSchema';

/** The plan provisions devices with Autopilot into co-management (the Intune policy installs the client). */
export function isAutopilotIntoComanagement(plan: Plan): boolean {
  const path = plan.choice('path');
  if (path === 'autopilot' || path === 'managed-desktop') return true;
  if (plan.bool('autopilot.enabled') !== true) return false;
  for (let i = 0; i < plan.count('comanagement.policies'); i++) {
    if (plan.bool(`comanagement.policies[${i}].installAgent`) === true) return true;
  }
  return false;
}

export function isManagedDesktop(plan: Plan): boolean {
  return plan.choice('path') === 'managed-desktop';
}

export function workloadsWithAuthority(plan: Plan, authority: string): WorkloadKey[] {
  return WORKLOAD_KEYS.filter((key) => plan.choice(`workloads.${key}.authority`) === authority);
}

export const DOCS = 'https://learn.microsoft.com/intune/configmgr/comanage';

/** All seven slider positions: what a "no workload is …" check must see before it passes. */
export const SLIDER_PATHS: readonly string[] = WORKLOAD_KEYS.map((key) => `workloads.${key}.authority`);

/** Windows 10 releases in order; every Windows 11 release comes after all of them. */
const WINDOWS_10_RELEASES = ['1507', '1511', '1607', '1703', '1709', '1803', '1809', '1903', '1909', '2004', '20H2', '21H1', '21H2', '22H2'];

/**
 * A sortable number for a Windows version written "10 22H2" or "11 23H2" (undefined if unreadable).
 * Windows 10 releases rank by their position; Windows 11 releases rank above every Windows 10.
 */
export function windowsRank(version: string | undefined): number | undefined {
  const match = /^(10|11) ?([0-9]{2}H[12]|[0-9]{4})$/i.exec((version ?? '').trim());
  if (!match) return undefined;
  const release = match[2].toUpperCase();
  if (match[1] === '10') {
    const index = WINDOWS_10_RELEASES.indexOf(release);
    return index === -1 ? undefined : index;
  }
  // Windows 11: 21H2 = first release; order by year and half.
  const year = Number(release.slice(0, 2));
  const half = release.endsWith('H2') ? 1 : 0;
  return 100 + year * 2 + half;
}

/** The oldest Windows version the plan has in scope: windows.versions, else windows.minimumVersion. */
export function oldestWindows(plan: Plan): { rank: number; text: string; path: string } | undefined {
  const candidates: { rank: number; text: string; path: string }[] = [];
  for (let i = 0; i < plan.count('windows.versions'); i++) {
    const text = plan.str(`windows.versions[${i}]`);
    const rank = windowsRank(text);
    if (text && rank !== undefined) candidates.push({ rank, text, path: `windows.versions[${i}]` });
  }
  if (candidates.length === 0) {
    const text = plan.str('windows.minimumVersion');
    const rank = windowsRank(text);
    if (text && rank !== undefined) candidates.push({ rank, text, path: 'windows.minimumVersion' });
  }
  return candidates.sort((a, b) => a.rank - b.rank)[0];
}

/** Every co-management policy overrides to Intune for all workloads (so the sliders don't apply). */
export function overridesAllToIntune(plan: Plan): boolean {
  const count = plan.count('comanagement.policies');
  if (count === 0) return false;
  for (let i = 0; i < count; i++) if (plan.bool(`comanagement.policies[${i}].overrideToIntune`) !== true) return false;
  return true;
}

/**
 * Authority of a workload; the docs say every slider starts at Configuration Manager, and a policy
 * that overrides to Intune for all workloads puts every workload on Intune for its devices.
 */
export function authorityOf(plan: Plan, key: WorkloadKey): 'configmgr' | 'pilot-intune' | 'intune' {
  if (overridesAllToIntune(plan)) return 'intune';
  const value = plan.choice(`workloads.${key}.authority`);
  return value === 'intune' || value === 'pilot-intune' ? value : 'configmgr';
}

/** The keys that say which Windows versions are in scope: a rule on them needs any one (needsAny). */
export const WINDOWS_VERSION_KEYS: string[] = ['windows.minimumVersion', 'windows.versions'];

/** Every readable Windows version in scope: windows.versions, else windows.minimumVersion. */
export function windowsVersionsInScope(plan: Plan): { rank: number; text: string; path: string; major: 10 | 11 }[] {
  const read = (path: string) => {
    const text = plan.str(path);
    const rank = windowsRank(text);
    return text && rank !== undefined ? [{ rank, text, path, major: (rank >= 100 ? 11 : 10) as 10 | 11 }] : [];
  };
  const listed = Array.from({ length: plan.count('windows.versions') }, (_, i) => read(`windows.versions[${i}]`)).flat();
  return listed.length > 0 ? listed : read('windows.minimumVersion');
}

/** The index of every policy in comanagement.policies. */
export const policyIndexes = (plan: Plan): number[] => Array.from({ length: plan.count('comanagement.policies') }, (_, i) => i);

/** A policy's name for messages, or the given stand-in when it has none. */
export const policyName = (plan: Plan, i: number, fallback = `#${i + 1}`): string => plan.str(`comanagement.policies[${i}].name`) ?? fallback;

/** The plan follows the existing-clients path (clients already managed by Configuration Manager). */
export const isExistingClientsPath = (plan: Plan): boolean => plan.choice('path') === 'existing-clients';

/** Devices are hybrid joined to Microsoft Entra ID (joined to the on-premises domain too). */
export const isHybridJoined = (plan: Plan): boolean => plan.choice('identity.deviceJoin') === 'hybrid-joined';

/** The key paths of `windows.editions` items naming `edition` (e.g. home), for a finding each. */
export const editionPaths = (plan: Plan, edition: string): string[] =>
  Array.from({ length: plan.count('windows.editions') }, (_, i) => `windows.editions[${i}]`)
    .filter((path) => plan.choice(path) === edition);

/**
 * Hybrid joined, and the plan says the service connection point isn't configured yet: hybrid join is
 * still to be set up in Entra Connect (identity-hybrid-join-scp reports it).
 */
export const scpStillToConfigure = (plan: Plan): boolean => isHybridJoined(plan) && plan.bool('identity.hybridJoin.scpConfigured') === false;

/** The plan enrolls devices in Windows Autopatch. */
export const usesAutopatch = (plan: Plan): boolean => plan.bool('services.windowsAutopatch') === true;

/** The plan says a third-party MDM manages devices today. */
export const hasThirdPartyMdm = (plan: Plan): boolean => plan.bool('thirdPartyMdm.enabled') === true;

/** The third-party MDM's name for messages. */
export const mdmName = (plan: Plan): string => plan.str('thirdPartyMdm.name') ?? 'the third-party MDM';

/** Negative, zero or positive as version a is older than, equal to or newer than b. */
export function compareDotted(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
