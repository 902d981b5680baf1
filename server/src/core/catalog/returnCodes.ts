// ccmsetup.exe exit codes, from the reference's return-code table (#ccmsetupreturncodes). The
// meanings are ours; the page points at ccmsetup.log for the detail behind each one.
import { docLink } from './types';

export interface ReturnCode {
  code: number;
  meaning: string;
}

export const CCMSETUP_LOG = '%WinDir%\\ccmsetup\\Logs\\ccmsetup.log';
export const RETURN_CODES_URL = docLink('ccmsetupReturnCodes');

export const CCMSETUP_RETURN_CODES: readonly ReturnCode[] = [
  { code: 0, meaning: 'Success: setup finished.' },
  { code: 6, meaning: 'Error: setup failed.' },
  { code: 7, meaning: 'A restart is needed to finish the installation.' },
  { code: 8, meaning: 'Setup is already running on the device.' },
  { code: 9, meaning: 'A prerequisite failed its evaluation.' },
  { code: 10, meaning: 'The setup manifest failed hash validation.' },
];

/** The plain-text explanation of a ccmsetup.exe exit code, or undefined when the reference lists no such code. */
export function describeReturnCode(text: string): string | undefined {
  if (!/^\d{1,2}$/.test(text.trim())) return undefined;
  const found = CCMSETUP_RETURN_CODES.find((r) => r.code === Number(text.trim()));
  if (!found) return undefined;
  return [
    `ccmsetup.exe return code ${found.code}`,
    '',
    found.meaning,
    '',
    `For the context, read ${CCMSETUP_LOG} on the client.`,
    '',
    `Documentation: ${RETURN_CODES_URL}`,
  ].join('\n');
}
