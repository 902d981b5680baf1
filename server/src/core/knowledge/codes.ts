// The codes, states and log lines the co-management documentation explains, in our words, with
// the page each comes from. One table answers the `observed:` readiness rules, `comanage explain
// <code>` and the hover on a code in a manifest. A code the table doesn't hold is "not documented":
// never a guess. Codes are kept as unsigned 32-bit numbers (what the pages print in hex).
import { CCMSETUP_RETURN_CODES as RETURN_CODE_LIST } from '../catalog/returnCodes';
import { windowsRank } from '../manifest/rules/scope';

const LEARN = 'https://learn.microsoft.com/intune/configmgr';
export const MONITOR_ERRORS = `${LEARN}/comanage/how-to-monitor#enrollment-errors`;
export const MONITOR_WMI = `${LEARN}/comanage/how-to-monitor#wmi-device-data`;
export const CLIENT_INSTALL_TIMEOUT = `${LEARN}/comanage/autopilot-enrollment#the-client-installation-doesnt-complete`;
export const TASK_SEQUENCE_TIMEOUT = `${LEARN}/comanage/autopilot-enrollment#the-task-sequence-doesnt-complete`;
const PROPERTIES = `${LEARN}/core/clients/deploy/about-client-installation-properties`;
export const CCMSETUP_RETURN_CODES = `${PROPERTIES}#ccmsetupReturnCodes`;

/** Where a code shows up. */
export type CodeSource = 'enrollment' | 'esp' | 'ccmsetup';

/** A plan fact the page ties to a code: when the plan states it so, it is a likely cause. */
export interface PlanCause {
  path: string;
  /** The plan's value (as `Plan.choice`/`num`/`bool` read it) that makes it a likely cause. */
  when: (value: string | number | boolean) => boolean;
  /** Why, in our words. */
  says: string;
}

export interface DocumentedCode {
  /** Unsigned 32-bit value. */
  value: number;
  /** The page's symbolic name, when it gives one. */
  name?: string;
  source: CodeSource;
  meaning: string;
  /** What to check, in our words. */
  check?: string;
  /** The page says it should clear by itself (the device or client retries). */
  transient?: boolean;
  /** The page gives only the decimal form; the hex form is computed. */
  hexComputed?: boolean;
  docUrl: string;
  causes?: PlanCause[];
}

const isFalse = (v: string | number | boolean) => v === false;
const isTrue = (v: string | number | boolean) => v === true;
const scopeNone: PlanCause = { path: 'intune.mdmUserScope', when: (v) => v === 'none', says: 'the plan sets intune.mdmUserScope to none, so Windows automatic enrollment is off' };
const usersNotSynced: PlanCause = { path: 'identity.usersSynced', when: isFalse, says: 'the plan says on-premises users aren\'t synchronised to Microsoft Entra ID, so they have no Entra identity to enroll with' };
const restrictions: PlanCause = { path: 'intune.customEnrollmentRestrictions', when: isTrue, says: 'custom enrollment restrictions apply to these users or devices: check that they allow Windows (MDM)' };
const defaultBlocksWindows: PlanCause = { path: 'intune.defaultRestriction.windows', when: (v) => v === 'block', says: 'the default enrollment restriction blocks Windows (MDM), and co-managed devices enroll under the default restriction' };
const customMdmUrls: PlanCause = { path: 'intune.mdmUrls', when: (v) => v === 'custom', says: 'the plan says the MDM URLs of automatic enrollment were changed from the defaults' };
const managedDomain: PlanCause = { path: 'identity.domainType', when: (v) => v === 'managed', says: 'the users\' domain is managed, and integrated Windows authentication is only offered in a federated sign-in' };
const WINDOWS_10_1709 = windowsRank('10 1709')!;
const olderThan1709: PlanCause = { path: 'windows.minimumVersion', when: (v) => typeof v === 'string' && (windowsRank(v) ?? WINDOWS_10_1709) < WINDOWS_10_1709, says: 'the plan\'s oldest Windows version is older than 10 1709' };

/** The enrollment errors of "How to monitor co-management" (21 rows; 0x80180014 is listed twice). */
const ENROLLMENT: DocumentedCode[] = [
  { value: 0x8000FFFF, source: 'enrollment', meaning: 'MDM enrollment isn\'t set up in Microsoft Entra ID yet, or the enrollment URL isn\'t the one expected.', check: 'Turn on Windows automatic enrollment (MDM user scope) and keep the default MDM URLs.', docUrl: MONITOR_ERRORS, causes: [customMdmUrls, scopeNone] },
  { value: 0x80180018, name: 'MENROLL_E_USERLICENSE', source: 'enrollment', meaning: 'The user\'s licence is in a state that blocks enrollment.', check: 'Assign the user an Intune licence.', docUrl: MONITOR_ERRORS, causes: [{ path: 'licensing.intune', when: isFalse, says: 'the plan says users have no Intune licence' }] },
  { value: 0x8018002B, name: 'MENROLL_E_MDM_NOT_CONFIGURED', source: 'enrollment', transient: true, meaning: 'Automatic enrollment ran before the Microsoft Entra configuration had fully applied; the device tries again shortly.', check: 'Wait for the retry; if it persists, check the MDM user scope.', docUrl: MONITOR_ERRORS, causes: [scopeNone] },
  { value: 0x8018002A, source: 'enrollment', transient: true, meaning: 'The user cancelled: enrollment needs multifactor authentication, the user hadn\'t signed in to Windows with a second factor and didn\'t act on the enrollment notification. Configuration Manager retries and prompts again.', check: 'Have users sign in to Windows with multifactor authentication, and tell them to act on the prompt.', docUrl: MONITOR_ERRORS },
  { value: 0x80180014, name: 'MENROLL_E_DEVICENOTSUPPORTED', source: 'enrollment', meaning: 'MDM isn\'t supported for this device. The page lists this code twice: once for device (enrollment) restrictions, once for a platform or Windows version that isn\'t supported.', check: 'Check the Intune enrollment restrictions (Windows MDM allowed) and that the device meets the co-management Windows minimum.', docUrl: MONITOR_ERRORS, causes: [defaultBlocksWindows, restrictions, olderThan1709] },
  { value: 0x80180015, name: 'MENROLL_E_NOTSUPPORTED', source: 'enrollment', meaning: 'MDM isn\'t supported for this device.', check: 'Check the Intune enrollment restrictions (Windows MDM allowed).', docUrl: MONITOR_ERRORS, causes: [defaultBlocksWindows, restrictions, olderThan1709] },
  { value: 0x80180002, name: 'MENROLL_E_DEVICE_AUTHENTICATION_ERROR', source: 'enrollment', meaning: 'The enrollment server couldn\'t authenticate the user: there is no Microsoft Entra token for them.', check: 'Make sure the user can authenticate to Microsoft Entra ID.', docUrl: MONITOR_ERRORS, causes: [usersNotSynced] },
  { value: 0x80070032, source: 'enrollment', meaning: 'MDM automatic enrollment needs Windows 10 1709 (RS3) or later.', check: 'Check the device against the co-management Windows requirements.', docUrl: MONITOR_ERRORS, causes: [olderThan1709] },
  { value: 3400073293, hexComputed: true, source: 'enrollment', meaning: 'ADAL: the user realm response was unknown.', check: 'Check the Microsoft Entra configuration and that users can authenticate.', docUrl: MONITOR_ERRORS, causes: [usersNotSynced] },
  { value: 3399548929, hexComputed: true, source: 'enrollment', transient: true, meaning: 'A user sign-in is needed: the user signed out before the enrollment task ran.', docUrl: MONITOR_ERRORS },
  { value: 3400073236, hexComputed: true, source: 'enrollment', meaning: 'ADAL: the security token request failed.', check: 'Check the Microsoft Entra configuration and that users can authenticate.', docUrl: MONITOR_ERRORS, causes: [usersNotSynced] },
  { value: 2149122477, hexComputed: true, source: 'enrollment', meaning: 'A generic HTTP problem.', check: 'Check the device\'s network path (proxy, firewall) to the cloud.', docUrl: MONITOR_ERRORS },
  { value: 3400073247, hexComputed: true, source: 'enrollment', meaning: 'ADAL: integrated Windows authentication works only in a federated sign-in flow.', check: 'Review the Microsoft Entra hybrid join plan (managed or federated domain).', docUrl: MONITOR_ERRORS, causes: [managedDomain] },
  { value: 3399942148, hexComputed: true, source: 'enrollment', transient: true, meaning: 'The server or proxy wasn\'t found; passes once the device reaches the cloud.', check: 'If it persists, make sure the device has steady connectivity to Azure.', docUrl: MONITOR_ERRORS },
  { value: 2147943568, hexComputed: true, source: 'enrollment', transient: true, meaning: 'Element not found.', check: 'If it persists, contact Microsoft Support.', docUrl: MONITOR_ERRORS },
  { value: 2192179208, hexComputed: true, source: 'enrollment', transient: true, meaning: 'Not enough memory to process the command; clears when the client retries.', docUrl: MONITOR_ERRORS },
  { value: 3399614467, hexComputed: true, source: 'enrollment', meaning: 'ADAL: the authorization grant failed for this assertion.', check: 'Check the Microsoft Entra configuration and that users can authenticate.', docUrl: MONITOR_ERRORS, causes: [usersNotSynced] },
  { value: 2149056517, hexComputed: true, source: 'enrollment', transient: true, meaning: 'A generic failure on the management server, such as a database access error.', check: 'If it persists, contact Microsoft Support.', docUrl: MONITOR_ERRORS },
  { value: 2149134055, hexComputed: true, source: 'enrollment', meaning: 'WinHTTP couldn\'t resolve the service\'s name.', check: 'Check the DNS configuration.', docUrl: MONITOR_ERRORS },
  { value: 2149134050, hexComputed: true, source: 'enrollment', transient: true, meaning: 'Internet timeout; passes once the device reaches the cloud.', check: 'If it persists, make sure the device has steady connectivity to Azure.', docUrl: MONITOR_ERRORS },
];

/** Codes of Autopilot into co-management (the ESP) and of ccmsetup. */
const OTHER: DocumentedCode[] = [
  { value: 0x800705B4, source: 'esp', meaning: 'A timeout. On the Enrollment Status Page in Device preparation ("Preparing your device for mobile management") the Configuration Manager client didn\'t finish installing before the page\'s timeout (60 minutes by default); the MDM diagnostics show it as PolicyProvidersInstallation_TimedOut with errorCode 2147943860. In self-deploying mode the same code means the device has no TPM 2.0 with attestation (virtual machines included).', check: 'Read the ConfigMgr policy provider\'s InstallationState and %windir%\\ccmsetup\\Logs\\ccmsetup.log; make sure the device gets ccmsetup.msi from Intune and the client content from the CMG.', docUrl: CLIENT_INSTALL_TIMEOUT,
    causes: [
      { path: 'autopilot.esp.timeoutMinutes', when: (v) => typeof v === 'number' && v < 60, says: 'the plan sets the ESP timeout below its 60-minute default' },
      { path: 'site.cmg.contentEnabled', when: isFalse, says: 'the plan says the CMG serves no content, and the client content comes from the CMG here' },
      { path: 'clientSettings.cloudDistributionPointAccess', when: isFalse, says: 'the plan turns off access to cloud distribution points in the client settings' },
      { path: 'autopilot.deploymentMode', when: (v) => v === 'self-deploying', says: 'the plan uses self-deploying mode, which fails this way without TPM 2.0 attestation (and Autopilot into co-management supports user-driven mode only)' },
    ] },
  { value: 0x87D0027E, source: 'ccmsetup', meaning: 'A ccmsetup error the client installation reference mentions for /regtoken command lines: try the command line without /mp.', docUrl: `${PROPERTIES}#regtoken` },
];

export const DOCUMENTED_CODES: readonly DocumentedCode[] = [...ENROLLMENT, ...OTHER];

const BY_VALUE = new Map(DOCUMENTED_CODES.map((c) => [c.value, c]));

/** ccmsetup.exe return codes: the catalog's table (catalog/returnCodes.ts), keyed by code; only 0 is success. */
export const CCMSETUP_EXIT_CODES: ReadonlyMap<number, { meaning: string; ok: boolean }> = new Map(
  RETURN_CODE_LIST.map((r) => [r.code, { meaning: r.meaning.replace(/\.$/, ''), ok: r.code === 0 }]),
);

/**
 * A code as people write it: 0x80180014, 80180014 (hex digits with a letter), 2149056532, or the
 * negative 32-bit form -2145910764 (a signed HRESULT). Undefined when it's no 32-bit code.
 */
export function parseCode(input: string | number): number | undefined {
  if (typeof input === 'number') return normalise(input);
  const text = input.trim();
  if (/^0x[0-9a-f]{1,8}$/i.test(text)) return Number.parseInt(text.slice(2), 16);
  if (/^[0-9a-f]{8}$/i.test(text) && /[a-f]/i.test(text)) return Number.parseInt(text, 16);
  if (/^-?\d{1,10}$/.test(text)) return normalise(Number(text));
  return undefined;
}

function normalise(n: number): number | undefined {
  if (!Number.isInteger(n)) return undefined;
  if (n < 0) return n >= -0x80000000 ? n + 0x100000000 : undefined;
  return n <= 0xFFFFFFFF ? n : undefined;
}

export const hex = (value: number) => `0x${value.toString(16).toUpperCase().padStart(8, '0')}`;

export function findCode(value: number): DocumentedCode | undefined {
  return BY_VALUE.get(value);
}

/** "0x80180014 (2149056532, MENROLL_E_DEVICENOTSUPPORTED)". */
export function codeLabel(code: DocumentedCode): string {
  return `${hex(code.value)} (${code.value}${code.name ? `, ${code.name}` : ''})`;
}

/** The explanation of a documented code, plain text or Markdown (hover). */
export function describeCode(code: DocumentedCode, markdown = false): string {
  const where = { enrollment: 'a co-management enrollment error', esp: 'an Enrollment Status Page error (Autopilot into co-management)', ccmsetup: 'a ccmsetup error' }[code.source];
  const title = markdown ? `**${codeLabel(code)}**: ${where}` : `${codeLabel(code)}: ${where}`;
  const lines = [title, '', code.meaning];
  if (code.transient) lines.push('', 'The documentation says it should clear by itself when the device or client retries.');
  if (code.check) lines.push('', `What to check: ${code.check}`);
  if (code.hexComputed) lines.push('', `The page gives the decimal form only; ${hex(code.value)} is computed from it.`);
  lines.push('', markdown ? `[Documentation](${code.docUrl})` : `Documentation: ${code.docUrl}`);
  return lines.join('\n');
}

/** The words of a text that may be codes (hex or decimal, 7+ digits), for hover. */
export function codeAt(line: string, column: number): { value: number; start: number; end: number } | undefined {
  for (const match of line.matchAll(/-?\b(?:0x[0-9a-f]{1,8}|[0-9a-f]{8}|\d{7,10})\b/gi)) {
    const start = match.index ?? 0;
    const end = start + match[0].length;
    if (column < start || column > end) continue;
    const value = parseCode(match[0]);
    return value === undefined ? undefined : { value, start, end };
  }
  return undefined;
}

/** The states of the two `InstallationState` registry values the Autopilot troubleshooting reads. */
export const CONFIGMGR_PROVIDER_STATES: ReadonlyMap<number, string> = new Map([
  [1, 'not installed: the default for a registered policy provider, so the ccmsetup.msi bootstrap never downloaded from Intune or never started'],
  [2, 'not required'],
  [3, 'complete: the client installed'],
  [4, 'error: ccmsetup failed; read %windir%\\ccmsetup\\Logs\\ccmsetup.log'],
]);

export const TASK_SEQUENCE_STATES: ReadonlyMap<number, string> = new Map([
  [1, 'not installed'],
  [2, 'in progress'],
  [3, 'complete'],
  [4, 'error: the task sequence failed; read %windir%\\CCM\\Logs\\SMSTS\\smsts.log'],
]);

/** Log lines and events the pages quote, recognised by a distinctive part of their text. */
export interface DocumentedLogLine {
  match: RegExp;
  log: string;
  meaning: string;
  /** A sign of a problem (else a confirmation that something works). */
  problem: boolean;
  docUrl: string;
}

export const DOCUMENTED_LOG_LINES: readonly DocumentedLogLine[] = [
  { match: /WINHTTP_CALLBACK_STATUS_FLAG_INVALID_CA/i, log: 'ccmsetup.log', problem: true, meaning: 'the device doesn\'t trust the root of the CMG server authentication certificate', docUrl: `${LEARN}/comanage/how-to-prepare-win10#install-the-configuration-manager-client` },
  { match: /Client is stamped with \/alwaysexcludeupgrade/i, log: 'ccmsetup.log', problem: true, meaning: 'an automatic client upgrade stopped because the client was installed with /AlwaysExcludeUpgrade:TRUE', docUrl: `${PROPERTIES}#alwaysexcludeupgrade` },
  { match: /PolicyProvidersInstallation_TimedOut/i, log: 'MDM diagnostics (Shell-Core)', problem: true, meaning: 'the ESP timed out in Device preparation waiting for the Configuration Manager client to install (errorCode 2147943860 is 0x800705B4)', docUrl: CLIENT_INSTALL_TIMEOUT },
  { match: /SubcategoryProcessing_Failed|DeviceSetup\.AppsSubcategory/i, log: 'MDM diagnostics (Shell-Core)', problem: true, meaning: 'the ESP\'s Device setup apps step failed: the PROVISIONTS task sequence didn\'t complete; read smsts.log', docUrl: TASK_SEQUENCE_TIMEOUT },
  { match: /RegisterDeviceWithManagementUsingAADDeviceCredentials/i, log: 'ComanagementHandler.log', problem: false, meaning: 'the device enrolls with its Microsoft Entra device token, without waiting for a user to sign in', docUrl: `${LEARN}/comanage/how-to-monitor#co-management-enrollment-status` },
  { match: /Rotating internet management point/i, log: 'ClientLocation.log', problem: false, meaning: 'the client found its internet management point (the CMG), e.g. after installing with a bulk registration token', docUrl: `${LEARN}/core/clients/deploy/deploy-clients-cmg-token#bulk-registration-token` },
  { match: /Successfully published UDX for/i, log: 'SMS_AZUREAD_DISCOVERY_AGENT.log', problem: false, meaning: 'Microsoft Entra user discovery works', docUrl: `${LEARN}/comanage/tutorial-co-manage-new-devices#enable-azure-cloud-services-in-configuration-manager` },
];

export function findLogLine(line: string): DocumentedLogLine | undefined {
  return DOCUMENTED_LOG_LINES.find((l) => l.match.test(line));
}
