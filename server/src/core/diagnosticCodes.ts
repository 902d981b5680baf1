// Every diagnostic code comanage can emit, with its default severity, title and doc link: the
// rules' own metadata plus the few codes the service itself reports. Settings, the CLI's config
// check, SARIF and the README's rule table all read this one list.
import { CCMSETUP_RULES } from './ccmsetup/rules';
import { MANIFEST_RULES } from './manifest/rules';
import { MANIFEST_FORMAT_DOC, STRUCTURE_CODES } from './manifest/structure';
import { PLACEHOLDER_CODE } from './manifest/placeholders';
import { Severity } from './languageTypes';
import { UNKNOWN_DIRECTIVE } from './directives';
import { HOST_RULES } from './hosts/rules';
import { DRIFT_CHECKS, DRIFT_DOC } from './graph/driftChecks';

export interface CodeInfo {
  id: string;
  severity: Severity;
  title: string;
  docUrl: string;
  /** 'rule' codes can be configured and suppressed; 'service' codes report limits and faults. */
  origin: 'rule' | 'service';
  language: 'ccmsetup' | 'manifest' | 'any';
}

const REPORT_URL = 'https://learn.microsoft.com/intune/configmgr/core/clients/deploy/about-client-installation-properties';
/** Windows' limit on a whole command line (lpCommandLine: 32,767 characters with the terminating null). */
const CREATE_PROCESS_DOC = 'https://learn.microsoft.com/windows/win32/api/processthreadsapi/nf-processthreadsapi-createprocessw';
/** Encodings and file faults are ours to explain: the README section that does. */
const FILES_DOC = 'https://github.com/comanage/comanage#encodings-and-unreadable-files';

export const SERVICE_CODES = {
  internalError: { id: 'internal-error', severity: 'error', title: 'A check failed inside comanage; the other checks still ran', docUrl: REPORT_URL, origin: 'service', language: 'any' },
  documentTooLarge: { id: 'document-too-large', severity: 'information', title: 'A file too large to check', docUrl: REPORT_URL, origin: 'service', language: 'any' },
  tooManyProblems: { id: 'too-many-problems', severity: 'information', title: 'More findings than are listed', docUrl: REPORT_URL, origin: 'service', language: 'any' },
  lineTooLong: { id: 'line-too-long', severity: 'error', title: 'A command line longer than Windows can start a program with (32,766 characters); not checked', docUrl: CREATE_PROCESS_DOC, origin: 'service', language: 'any' },
  analysisCutShort: { id: 'analysis-cut-short', severity: 'information', title: 'Checking a file took too long and stopped early', docUrl: REPORT_URL, origin: 'service', language: 'any' },
  // Decoding (core/text/decode.ts).
  notText: { id: 'not-text', severity: 'error', title: 'A file that is not UTF-8 or UTF-16 text; not checked', docUrl: FILES_DOC, origin: 'service', language: 'any' },
  damagedText: { id: 'damaged-text', severity: 'error', title: 'A UTF-8 or UTF-16 file with damaged bytes', docUrl: FILES_DOC, origin: 'service', language: 'any' },
  readAsWindows1252: { id: 'read-as-windows-1252', severity: 'warning', title: 'A file that is not UTF-8, read as Windows-1252', docUrl: FILES_DOC, origin: 'service', language: 'any' },
  utf16WithoutBom: { id: 'utf16-without-bom', severity: 'warning', title: 'A UTF-16 file without a byte-order mark', docUrl: FILES_DOC, origin: 'service', language: 'any' },
  // Files the CLI could not read as asked (cli/files.ts).
  fileUnreadable: { id: 'file-unreadable', severity: 'error', title: 'A file that could not be read; not checked', docUrl: FILES_DOC, origin: 'service', language: 'any' },
  folderUnreadable: { id: 'folder-unreadable', severity: 'error', title: 'A folder that could not be read; its files not checked', docUrl: FILES_DOC, origin: 'service', language: 'any' },
  brokenLink: { id: 'broken-link', severity: 'error', title: 'A symbolic link that leads nowhere; not checked', docUrl: FILES_DOC, origin: 'service', language: 'any' },
  linkOutsideFolder: { id: 'link-outside-folder', severity: 'warning', title: 'A symbolic link out of the folder checked; not followed', docUrl: FILES_DOC, origin: 'service', language: 'any' },
  fileNameNotUtf8: { id: 'file-name-not-utf8', severity: 'warning', title: 'A file name that is not UTF-8', docUrl: FILES_DOC, origin: 'service', language: 'any' },
} as const satisfies Record<string, CodeInfo>;

export const DIAGNOSTIC_CODES: readonly CodeInfo[] = [
  ...CCMSETUP_RULES.map((rule): CodeInfo => ({ id: rule.id, severity: rule.severity, title: rule.title, docUrl: rule.docUrl, origin: 'rule', language: 'ccmsetup' })),
  ...STRUCTURE_CODES.map((code): CodeInfo => ({ id: code.id, severity: code.severity, title: code.title, docUrl: MANIFEST_FORMAT_DOC, origin: 'rule', language: 'manifest' })),
  ...MANIFEST_RULES.map((rule): CodeInfo => ({ id: rule.id, severity: rule.severity, title: rule.title, docUrl: rule.docUrl, origin: 'rule', language: 'manifest' })),
  { id: PLACEHOLDER_CODE.id, severity: PLACEHOLDER_CODE.severity, title: PLACEHOLDER_CODE.title, docUrl: PLACEHOLDER_CODE.docUrl, origin: 'rule', language: 'manifest' },
  // Script mistakes that change what ccmsetup receives: they sit on ccmsetup lines, like the ccmsetup rules.
  ...HOST_RULES.map((rule): CodeInfo => ({ id: rule.id, severity: rule.severity, title: rule.title, docUrl: rule.docUrl, origin: 'rule', language: 'ccmsetup' })),
  // The plan against the tenant's exports (graph/drift.ts), in the readiness report's "Tenant export" area.
  ...Object.values(DRIFT_CHECKS).map((check): CodeInfo => ({ id: check.id, severity: check.severity, title: check.title, docUrl: DRIFT_DOC, origin: 'rule', language: 'manifest' })),
  UNKNOWN_DIRECTIVE,
  ...Object.values(SERVICE_CODES),
];

/** The codes a `# comanage-disable-next-line` may name in a file of this kind. */
export function suppressibleCodes(kind: 'ccmsetup' | 'manifest'): string[] {
  return DIAGNOSTIC_CODES.filter((code) => code.origin === 'rule' && (kind === 'manifest' || code.language !== 'manifest')).map((code) => code.id);
}

export function codeInfo(id: string): CodeInfo | undefined {
  return DIAGNOSTIC_CODES.find((code) => code.id === id);
}
