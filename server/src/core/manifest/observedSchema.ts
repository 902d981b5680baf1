// The `observed:` section of the manifest format: what devices show (error codes, states, log
// lines), recorded by an admin so the readiness rules in rules/observed.ts can explain it against
// the plan. Facts about devices, not the plan: absent means nothing was recorded.
import { COMANAGE_DOCS, Field } from './schemaTypes';

const CODE = { kind: 'code' } as const;
const STATE = { kind: 'integer', min: 1, max: 4 } as const;
const BIT = { kind: 'integer', min: 0, max: 1 } as const;

export const OBSERVED_SCHEMA: Field = {
  description: 'What devices show: enrollment error codes, the Enrollment Status Page, the InstallationState registry values, the co-management WMI state, the ccmsetup exit code and log lines. comanage explains each with the documented meaning and the likely causes in this plan.',
  docUrl: `${COMANAGE_DOCS}/how-to-monitor`,
  type: {
    kind: 'object', fields: {
      enrollmentErrors: { description: 'Co-management enrollment errors devices report (the co-management dashboard\'s Enrollment errors), in hex (0x80180014) or decimal (2149056532).', docUrl: `${COMANAGE_DOCS}/how-to-monitor#enrollment-errors`, type: { kind: 'array', items: { description: 'An enrollment error code.', type: CODE, example: '0x80180014' } } },
      enrollmentState: { description: 'The device\'s state on the co-management dashboard (the status funnel and the enrollment status tile).', docUrl: `${COMANAGE_DOCS}/how-to-monitor#co-management-enrollment-status`, type: { kind: 'enum', values: [
        { value: 'eligible', description: 'Eligible for co-management enrollment.' },
        { value: 'scheduled', description: 'Enrollment is scheduled.' },
        { value: 'enrollment-initiated', description: 'Enrollment has started.' },
        { value: 'enrolling', description: 'Enrolling (the status tile).' },
        { value: 'enrolled', description: 'Enrolled (Success on the status tile).' },
        { value: 'failure', description: 'Enrollment failed (the status tile).' },
        { value: 'pending-user-sign-in', description: 'Pending user sign in: waiting for a user to sign in before enrollment starts.' },
      ] } },
      wmi: {
        description: 'The SMS_Client_ComanagementState WMI class on the site server, for one device.', docUrl: `${COMANAGE_DOCS}/how-to-monitor#wmi-device-data`,
        type: { kind: 'object', fields: {
          mdmEnrolled: { description: 'MDMEnrolled: 1 when the device is MDM-enrolled, 0 when not.', type: BIT, example: 1 },
          comgmtPolicyPresent: { description: 'ComgmtPolicyPresent: 1 when the co-management policy is on the client, 0 when not.', type: BIT, example: 1 },
        } },
      },
      esp: {
        description: 'The Enrollment Status Page error an Autopilot device showed.', docUrl: `${COMANAGE_DOCS}/autopilot-enrollment#troubleshoot`,
        type: { kind: 'object', fields: {
          phase: { description: 'The phase that failed.', type: { kind: 'enum', values: [
            { value: 'device-preparation', description: 'Device preparation: the page waits here for the Configuration Manager client to install.' },
            { value: 'device-setup', description: 'Device setup: the page tracks the PROVISIONTS task sequence here, as an app.' },
            { value: 'account-setup', description: 'Account setup: user-targeted items.' },
          ] } },
          errorCode: { description: 'The error code the page showed, e.g. 0x800705b4.', type: CODE, example: '0x800705b4' },
        } },
      },
      installationState: {
        description: 'The InstallationState registry values under HKLM\\SOFTWARE\\Microsoft\\Windows\\Autopilot\\EnrollmentStatusTracking.', docUrl: `${COMANAGE_DOCS}/autopilot-enrollment#troubleshoot`,
        type: { kind: 'object', fields: {
          configMgrProvider: { description: 'Device\\DevicePreparation\\PolicyProviders\\ConfigMgr: 1 not installed, 2 not required, 3 complete, 4 error.', type: STATE, example: 3 },
          provisioningTaskSequence: { description: 'Device\\Setup\\Apps\\Tracking\\ConfigMgr\\Provisioning_TS: 1 not installed, 2 in progress, 3 complete, 4 error.', type: STATE, example: 3 },
        } },
      },
      taskSequenceRunningAtTimeout: { description: 'Whether the PROVISIONTS task sequence was still running when the Enrollment Status Page timed out.', type: { kind: 'boolean' }, docUrl: `${COMANAGE_DOCS}/autopilot-enrollment#the-task-sequence-doesnt-complete` },
      ccmsetupExitCode: { description: 'The code ccmsetup.exe returned: 0, 6, 7, 8, 9 or 10, or an error code such as 0x87d0027e.', type: CODE, example: 0, docUrl: 'https://learn.microsoft.com/intune/configmgr/core/clients/deploy/about-client-installation-properties#ccmsetupReturnCodes' },
      logLines: { description: 'Lines copied from ccmsetup.log, ComanagementHandler.log, ClientLocation.log, SMS_AZUREAD_DISCOVERY_AGENT.log or the MDM diagnostics (Shell-Core events).', type: { kind: 'array', items: { description: 'One log line.', type: { kind: 'string' } } } },
    },
  },
};
