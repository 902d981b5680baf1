// What devices show (`observed:`), explained: the documented meaning of each recorded code, state
// or log line (knowledge/codes.ts, the one table), and the plan facts the pages tie to it as likely
// causes — only facts the plan states; an absent one is never offered as a cause. A code the table
// doesn't hold is reported as undocumented, never guessed at.
import {
  CCMSETUP_EXIT_CODES, CLIENT_INSTALL_TIMEOUT, CONFIGMGR_PROVIDER_STATES, DocumentedCode, MONITOR_ERRORS, MONITOR_WMI, PlanCause,
  TASK_SEQUENCE_STATES, TASK_SEQUENCE_TIMEOUT, codeLabel, findCode, findLogLine, hex, parseCode, CCMSETUP_RETURN_CODES,
} from '../../knowledge/codes';
import { Plan } from '../plan';
import { oldestWindows, windowsRank } from './scope';
import { Finding, defineReadinessRule } from './types';

const SOURCE_MONITOR = 'intune/configmgr/comanage/how-to-monitor.md (newer copy)';
const SOURCE_AUTOPILOT = 'intune/configmgr/comanage/autopilot-enrollment.md (newer copy)';
const SOURCE_PROPERTIES = 'intune/configmgr/core/clients/deploy/about-client-installation-properties.md (newer copy)';
const V = 'version: 1\n';
const DOCS_MONITOR = MONITOR_WMI.replace('#wmi-device-data', '');

const ERRORS = 'observed.enrollmentErrors';
const ESP_CODE = 'observed.esp.errorCode';
const EXIT = 'observed.ccmsetupExitCode';
const PROVIDER = 'observed.installationState.configMgrProvider';
const TS_STATE = 'observed.installationState.provisioningTaskSequence';
const TS_RUNNING = 'observed.taskSequenceRunningAtTimeout';
const LOG_LINES = 'observed.logLines';

/** The recorded codes at a path (a list's items, or one value), with their paths. */
function codesAt(plan: Plan, path: string): { path: string; value: number | undefined; written: string }[] {
  const paths = plan.node(path)?.kind === 'seq' ? Array.from({ length: plan.count(path) }, (_, i) => `${path}[${i}]`) : [path];
  return paths.flatMap((p) => {
    const raw = plan.value(p);
    if (raw === undefined || raw === null || typeof raw === 'boolean') return [];
    return [{ path: p, value: parseCode(raw), written: plan.str(p) ?? String(raw) }];
  });
}

/** The likely causes the plan states, as a sentence ('' when it states none of them). */
function causesInPlan(plan: Plan, causes: readonly PlanCause[] = []): string {
  const found = causes.filter((cause) => {
    const raw = plan.value(cause.path);
    if (raw === undefined || raw === null) return false;
    return cause.when(typeof raw === 'string' ? raw.toLowerCase() : raw);
  }).map((cause) => cause.says);
  return found.length ? ` In this plan: ${found.join('; ')}.` : '';
}

function explainCode(plan: Plan, code: DocumentedCode, where: string): string {
  return `${where} ${codeLabel(code)}: ${code.meaning}${code.check ? ` What to check: ${code.check}` : ''}${causesInPlan(plan, code.causes)}`;
}

function enrollmentErrors(plan: Plan, transient: boolean): Finding[] {
  return codesAt(plan, ERRORS).flatMap(({ path, value }) => {
    const code = value === undefined ? undefined : findCode(value);
    if (!code || code.source !== 'enrollment' || Boolean(code.transient) !== transient) return [];
    return [{ path, message: explainCode(plan, code, transient ? 'Enrollment error (documented as transient)' : 'Enrollment error') }];
  });
}

export const observedEnrollmentError = defineReadinessRule({
  id: 'observed-enrollment-error', area: 'enrollment', severity: 'warning', source: SOURCE_MONITOR,
  basis: { words: 'Enrollment errors', page: MONITOR_ERRORS, override: 'Explains what a device showed: the page describes it as a failure, so a warning' },
  title: 'No recorded enrollment error needs action',
  docUrl: MONITOR_ERRORS,
  appliesWhen: (plan) => plan.count(ERRORS) > 0,
  check: (plan) => enrollmentErrors(plan, false),
  examples: {
    fail: [`${V}intune:\n  customEnrollmentRestrictions: true\nobserved:\n  enrollmentErrors: [0x80180014]`, `${V}observed:\n  enrollmentErrors: ['2149056536']`],
    pass: [`${V}observed:\n  enrollmentErrors: [0x8018002B]`],
  },
});

export const observedEnrollmentErrorTransient = defineReadinessRule({
  id: 'observed-enrollment-error-transient', area: 'enrollment', severity: 'information', source: SOURCE_MONITOR,
  basis: { words: 'Enrollment errors', page: MONITOR_ERRORS },
  title: 'No recorded enrollment error is one the documentation calls transient',
  docUrl: MONITOR_ERRORS,
  appliesWhen: (plan) => plan.count(ERRORS) > 0,
  check: (plan) => enrollmentErrors(plan, true),
  examples: {
    fail: [`${V}observed:\n  enrollmentErrors: [2149056555]`],
    pass: [`${V}observed:\n  enrollmentErrors: [0x80180014]`],
  },
});

export const observedCodeUndocumented = defineReadinessRule({
  id: 'observed-code-undocumented', area: 'enrollment', severity: 'information', source: `${SOURCE_MONITOR}; ${SOURCE_AUTOPILOT}; ${SOURCE_PROPERTIES}`,
  basis: { words: 'Enrollment errors', page: MONITOR_ERRORS },
  title: 'Every recorded code is one the documentation explains',
  docUrl: MONITOR_ERRORS,
  appliesWhen: (plan) => plan.count(ERRORS) > 0 || plan.has(ESP_CODE) || plan.has(EXIT),
  check(plan) {
    const recorded = [...codesAt(plan, ERRORS), ...codesAt(plan, ESP_CODE), ...codesAt(plan, EXIT)];
    return recorded.flatMap(({ path, value }) => {
      if (value === undefined || findCode(value)) return [];
      if (path === EXIT && CCMSETUP_EXIT_CODES.has(value)) return [];
      return [{ path, message: `${hex(value)} (${value}) isn't among the codes the co-management documentation explains, so comanage doesn't guess its meaning. The dashboard's list holds the most common ones; Windows' MDM registration error values list the rest.` }];
    });
  },
  examples: {
    fail: [`${V}observed:\n  enrollmentErrors: [0x12345678]`, `${V}observed:\n  ccmsetupExitCode: 3`],
    pass: [`${V}observed:\n  enrollmentErrors: [0x80180014]\n  ccmsetupExitCode: 7`],
  },
});

export const observedWmiState = defineReadinessRule({
  id: 'observed-wmi-state', area: 'enrollment', severity: 'warning', source: SOURCE_MONITOR,
  basis: { words: 'WMI device data', page: MONITOR_WMI, override: 'Explains what a device showed: the page describes it as a failure, so a warning' },
  title: 'The recorded co-management WMI state shows the device co-managed (MDMEnrolled and ComgmtPolicyPresent both 1)',
  docUrl: MONITOR_WMI,
  appliesWhen: (plan) => plan.has('observed.wmi'),
  needs: ['observed.wmi.mdmEnrolled', 'observed.wmi.comgmtPolicyPresent'],
  check(plan) {
    const enrolled = plan.num('observed.wmi.mdmEnrolled');
    const policy = plan.num('observed.wmi.comgmtPolicyPresent');
    if (enrolled === 1 && policy === 1) return undefined;
    if (enrolled === 0) {
      return { path: 'observed.wmi.mdmEnrolled', message: `MDMEnrolled is 0: the device isn't MDM-enrolled, so it isn't co-managed whatever co-management policy it has. Record its enrollment error in observed.enrollmentErrors to have it explained.${causesInPlan(plan, [
        { path: 'intune.mdmUserScope', when: (v) => v === 'none', says: 'intune.mdmUserScope is none, so automatic enrollment is off' },
        { path: 'comanagement.autoEnroll', when: (v) => v === 'none', says: 'comanagement.autoEnroll is none, so Configuration Manager enrolls no client' },
      ])}` };
    }
    return { path: 'observed.wmi.comgmtPolicyPresent', message: `MDMEnrolled is 1 but ComgmtPolicyPresent is 0: the device is enrolled, but the Configuration Manager co-management policy isn't on the client yet, so it isn't co-managed. Check the pilot or production co-management policy in Monitoring > Deployments; the production policy doesn't apply to a server OS or to Windows older than 10.${causesInPlan(plan, [
      { path: 'comanagement.enabled', when: (v) => v === false, says: 'the plan says co-management isn\'t enabled in the console' },
    ])}` };
  },
  examples: {
    fail: [`${V}observed:\n  wmi:\n    mdmEnrolled: 1\n    comgmtPolicyPresent: 0`, `${V}intune:\n  mdmUserScope: none\nobserved:\n  wmi:\n    mdmEnrolled: 0\n    comgmtPolicyPresent: 1`],
    pass: [`${V}observed:\n  wmi:\n    mdmEnrolled: 1\n    comgmtPolicyPresent: 1`],
  },
});

export const observedEspError = defineReadinessRule({
  id: 'observed-esp-error', area: 'esp', severity: 'warning', source: `${SOURCE_AUTOPILOT}; ${SOURCE_MONITOR}`,
  basis: { words: "The client installation doesn't complete", page: CLIENT_INSTALL_TIMEOUT, override: 'Explains what a device showed: the page describes it as a failure, so a warning' },
  title: 'The recorded Enrollment Status Page error is explained',
  docUrl: CLIENT_INSTALL_TIMEOUT,
  appliesWhen: (plan) => plan.has(ESP_CODE),
  check(plan) {
    const [recorded] = codesAt(plan, ESP_CODE);
    const code = recorded?.value === undefined ? undefined : findCode(recorded.value);
    if (!code) return undefined;
    const phase = plan.choice('observed.esp.phase');
    let where = 'The Enrollment Status Page showed';
    if (code.source === 'esp' && phase === 'device-setup') where = 'In Device setup (where the page tracks the PROVISIONTS task sequence; the documentation places this code in Device preparation) the page showed';
    else if (code.source === 'esp' && phase === 'device-preparation') where = 'In Device preparation the page showed';
    const provider = plan.num(PROVIDER);
    const state = provider !== undefined && CONFIGMGR_PROVIDER_STATES.has(provider) ? ` The recorded ConfigMgr InstallationState is ${provider}: ${CONFIGMGR_PROVIDER_STATES.get(provider)}.` : '';
    return { path: ESP_CODE, message: `${explainCode(plan, code, where)}${state}` };
  },
  examples: {
    fail: [`${V}autopilot:\n  esp:\n    timeoutMinutes: 30\nobserved:\n  esp:\n    phase: device-preparation\n    errorCode: 0x800705b4`, `${V}observed:\n  esp:\n    errorCode: 2147943860`],
    pass: [`${V}observed:\n  esp:\n    phase: account-setup\n    errorCode: 0x12345678`],
  },
});

export const observedClientInstallState = defineReadinessRule({
  id: 'observed-client-install-state', area: 'esp', severity: 'warning', source: SOURCE_AUTOPILOT,
  basis: { words: "The client installation doesn't complete", page: CLIENT_INSTALL_TIMEOUT, override: 'Explains what a device showed: the page describes it as a failure, so a warning' },
  title: 'The recorded ConfigMgr policy provider InstallationState shows no failure (2 not required, 3 complete)',
  docUrl: CLIENT_INSTALL_TIMEOUT,
  appliesWhen: (plan) => plan.has(PROVIDER),
  needs: [PROVIDER],
  check(plan) {
    const state = plan.num(PROVIDER)!;
    if (state !== 1 && state !== 4) return undefined;
    const causes: PlanCause[] = state === 1
      ? Array.from({ length: plan.count('comanagement.policies') }, (_, i): PlanCause => ({ path: `comanagement.policies[${i}].installAgent`, when: (v) => v === false, says: `policy ${i + 1} doesn't install the Configuration Manager agent` }))
      : [{ path: 'site.cmg.serverCertificateTrustedByDevices', when: (v) => v === false, says: 'the plan says devices don\'t trust the CMG server certificate\'s root' }];
    return { path: PROVIDER, message: `ConfigMgr InstallationState ${state}: ${CONFIGMGR_PROVIDER_STATES.get(state)}. Make sure the device gets ccmsetup.msi from Intune and the full client content from the CMG.${causesInPlan(plan, causes)}` };
  },
  examples: {
    fail: [`${V}observed:\n  installationState:\n    configMgrProvider: 1`, `${V}observed:\n  installationState:\n    configMgrProvider: 4`],
    pass: [`${V}observed:\n  installationState:\n    configMgrProvider: 3`],
  },
});

export const observedTaskSequenceState = defineReadinessRule({
  id: 'observed-task-sequence-state', area: 'esp', severity: 'warning', source: SOURCE_AUTOPILOT,
  basis: { words: "The task sequence doesn't complete", page: TASK_SEQUENCE_TIMEOUT, override: 'Explains what a device showed: the page describes it as a failure, so a warning' },
  title: 'The recorded PROVISIONTS task sequence state shows it completed before the Enrollment Status Page timeout',
  docUrl: TASK_SEQUENCE_TIMEOUT,
  appliesWhen: (plan) => plan.has(TS_STATE) || plan.has(TS_RUNNING),
  needsAny: [TS_STATE, TS_RUNNING],
  check(plan) {
    const state = plan.num(TS_STATE);
    const timeout = plan.num('autopilot.esp.timeoutMinutes');
    const inPlan = timeout !== undefined ? ` In this plan the ESP timeout is ${timeout} minutes.` : '';
    if (state === 4) return { path: TS_STATE, message: `Provisioning_TS InstallationState 4: ${TASK_SEQUENCE_STATES.get(4)}.` };
    if (state === 1 || state === 2 || plan.bool(TS_RUNNING) === true) {
      const what = state === 1 || state === 2 ? `Provisioning_TS InstallationState ${state} (${TASK_SEQUENCE_STATES.get(state)})` : 'The task sequence was still running at the timeout';
      return { path: state === 1 || state === 2 ? TS_STATE : TS_RUNNING, message: `${what}: the task sequence probably hadn't finished when the Enrollment Status Page timed out (60 minutes by default). Look for steps that took longer than expected and remove them or use fewer steps, or raise the page's timeout.${inPlan}` };
    }
    return undefined;
  },
  examples: {
    fail: [`${V}observed:\n  installationState:\n    provisioningTaskSequence: 2`, `${V}observed:\n  taskSequenceRunningAtTimeout: true`, `${V}observed:\n  installationState:\n    provisioningTaskSequence: 4`],
    pass: [`${V}observed:\n  installationState:\n    provisioningTaskSequence: 3\n  taskSequenceRunningAtTimeout: false`],
  },
});

export const observedCcmsetupExit = defineReadinessRule({
  id: 'observed-ccmsetup-exit', area: 'command-line', severity: 'warning', source: SOURCE_PROPERTIES,
  basis: { words: 'CCMSetup return codes', page: CCMSETUP_RETURN_CODES, override: 'Explains what a device showed: the page describes it as a failure, so a warning' },
  title: 'The recorded ccmsetup exit code is 0 (success)',
  docUrl: CCMSETUP_RETURN_CODES,
  appliesWhen: (plan) => plan.has(EXIT),
  needs: [EXIT],
  check(plan) {
    const [recorded] = codesAt(plan, EXIT);
    if (recorded?.value === undefined) return undefined;
    const exit = CCMSETUP_EXIT_CODES.get(recorded.value);
    if (exit) return exit.ok ? undefined : { path: EXIT, message: `ccmsetup returned ${recorded.value}: ${exit.meaning}. %windir%\\ccmsetup\\Logs\\ccmsetup.log on the device has the details.` };
    const code = findCode(recorded.value);
    return code ? { path: EXIT, message: explainCode(plan, code, 'ccmsetup returned') } : undefined;
  },
  examples: {
    fail: [`${V}observed:\n  ccmsetupExitCode: 9`, `${V}observed:\n  ccmsetupExitCode: 0x87d0027e`],
    pass: [`${V}observed:\n  ccmsetupExitCode: 0`],
  },
});

function logLines(plan: Plan, problems: boolean): Finding[] {
  const findings: Finding[] = [];
  for (let i = 0; i < plan.count(LOG_LINES); i++) {
    const path = `${LOG_LINES}[${i}]`;
    const text = plan.str(path);
    if (text === undefined) continue;
    const known = findLogLine(text);
    if (known && known.problem === problems) findings.push({ path, message: `${known.log}: ${known.meaning}. (${known.docUrl})` });
    else if (!known && !problems) findings.push({ path, message: 'This line isn\'t one the co-management documentation quotes, so comanage doesn\'t explain it.' });
  }
  return findings;
}

export const observedLogLineProblem = defineReadinessRule({
  id: 'observed-log-line-problem', area: 'enrollment', severity: 'warning', source: `${SOURCE_AUTOPILOT}; ${SOURCE_PROPERTIES}; intune/configmgr/comanage/how-to-prepare-win10.md`,
  basis: { words: "The client installation doesn't complete", page: CLIENT_INSTALL_TIMEOUT, override: 'Explains what a device showed: the page describes it as a failure, so a warning' },
  title: 'No recorded log line is one the documentation quotes as a problem',
  docUrl: CLIENT_INSTALL_TIMEOUT,
  appliesWhen: (plan) => plan.count(LOG_LINES) > 0,
  check: (plan) => logLines(plan, true),
  examples: {
    fail: [`${V}observed:\n  logLines:\n    - 'WINHTTP_CALLBACK_STATUS_FLAG_INVALID_CA is set'`],
    pass: [`${V}observed:\n  logLines:\n    - 'Successfully published UDX for Microsoft Entra users'`],
  },
});

export const observedLogLine = defineReadinessRule({
  id: 'observed-log-line', area: 'enrollment', severity: 'information', source: `${SOURCE_MONITOR}; intune/configmgr/core/clients/deploy/deploy-clients-cmg-token.md; intune/configmgr/comanage/tutorial-co-manage-new-devices.md`,
  basis: { words: 'Co-management enrollment status', page: `${MONITOR_ERRORS.replace('#enrollment-errors', '#co-management-enrollment-status')}` },
  title: 'No recorded log line needs a note (a confirmation the documentation quotes, or a line it doesn\'t quote)',
  docUrl: `${MONITOR_ERRORS.replace('#enrollment-errors', '#co-management-enrollment-status')}`,
  appliesWhen: (plan) => plan.count(LOG_LINES) > 0,
  check: (plan) => logLines(plan, false),
  examples: {
    fail: [`${V}observed:\n  logLines:\n    - 'Enrolling device with RegisterDeviceWithManagementUsingAADDeviceCredentials'`, `${V}observed:\n  logLines:\n    - 'something else entirely'`],
    pass: [`${V}observed:\n  logLines:\n    - 'Client is stamped with /alwaysexcludeupgrade. Stop proceeding.'`],
  },
});

const WINDOWS_1803 = windowsRank('10 1803')!;

export const observedEnrollmentState = defineReadinessRule({
  id: 'observed-enrollment-state', area: 'enrollment', severity: 'information', source: SOURCE_MONITOR,
  basis: { words: 'Co-management enrollment status', page: `${DOCS_MONITOR}#co-management-enrollment-status` },
  title: 'The recorded co-management enrollment state needs no note (not pending user sign-in or failed)',
  docUrl: `${DOCS_MONITOR}#co-management-enrollment-status`,
  appliesWhen: (plan) => plan.has('observed.enrollmentState'),
  needs: ['observed.enrollmentState'],
  check(plan) {
    const state = plan.choice('observed.enrollmentState');
    if (state === 'failure') return { path: 'observed.enrollmentState', message: 'Enrollment failed: the dashboard\'s Enrollment errors list the device\'s error code; record it in observed.enrollmentErrors to have it explained.' };
    if (state !== 'pending-user-sign-in') return undefined;
    const oldest = oldestWindows(plan);
    const inPlan = oldest && oldest.rank < WINDOWS_1803 ? ` In this plan the oldest Windows is ${oldest.text}, older than 1803, so those devices wait for a user.` : '';
    return { path: 'observed.enrollmentState', message: `Pending user sign in: the device waits for a user's token to enroll. From Windows 10 1803 a new co-managed device enrolls with its Microsoft Entra device token instead, falling back to the user token only when that fails (ComanagementHandler.log then names RegisterDeviceWithManagementUsingAADDeviceCredentials).${inPlan}` };
  },
  examples: {
    fail: [`${V}windows:\n  minimumVersion: "10 1709"\nobserved:\n  enrollmentState: pending-user-sign-in`, `${V}observed:\n  enrollmentState: failure`],
    pass: [`${V}observed:\n  enrollmentState: enrolled`],
  },
});
