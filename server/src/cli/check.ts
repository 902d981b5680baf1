// `comanage check`: read each file, hand it to the core, collect its diagnostics. No rule logic here.
// A file that can't be read or decoded gets its finding and the others are still checked.
import { pathToFileURL } from 'url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SERVICE_CODES } from '../core/diagnosticCodes';
import type { LanguageService } from '../core/languageService';
import { documentKindOf, isScriptKind, type Diagnostic, type Problem } from '../core/languageTypes';
import { maskText } from '../core/secrets';
import { mentionsHostTarget } from '../core/hosts/host';
import { hostFor } from '../core/hosts';
import { toDiagnostics } from '../core/services/diagnostics';
import { FileEntry, PathFault, comparePaths, displayPath, readSourceFile } from './files';
import type { FileResult } from './format/types';

/** The languageId an editor would use; the core itself goes by the file name. */
const LANGUAGE_IDS = { ccmsetup: 'ccmsetup', manifest: 'comanage-manifest', powershell: 'powershell', batch: 'bat', json: 'json', none: 'plaintext' } as const;

export interface CheckRun {
  results: FileResult[];
  /** Files and folders that should have been read and could not be (exit 2 when nothing else was). */
  unreadable: number;
  /** Files read, whether or not they turned out to be text. */
  read: number;
}

/** One entry read and decoded: its document (undefined when not text or not read) and its findings so far. */
export interface OpenedFile {
  file: string;
  document?: TextDocument;
  diagnostics: Diagnostic[];
  /** Read from disk (text or not). */
  read: boolean;
  /** Should have been read and could not be. */
  unreadable: boolean;
  /** A JSON file that holds none of the Graph objects comanage reads: not listed at all. */
  notOurs?: boolean;
}

/** Reads an entry: path faults, then read and decoding findings, as diagnostics at their place. */
export function openEntry(entry: FileEntry, cwd: string): OpenedFile {
  // A file name can hold a token too (a token saved as a file): every format prints this name.
  const file = maskText(displayPath(entry.absolute, cwd));
  const uri = pathToFileURL(entry.absolute).href;
  const faults = entry.faults.map((fault) => faultProblem(fault));
  const unreadableFault = entry.faults.some((f) => f.code.severity === 'error');
  if (entry.source === undefined) return { file, diagnostics: toDiagnostics(EMPTY, faults), read: false, unreadable: unreadableFault };
  const read = readSourceFile(entry.source);
  if ('fault' in read) return { file, diagnostics: toDiagnostics(EMPTY, [...faults, faultProblem(read.fault)]), read: false, unreadable: true };
  const { decoded } = read;
  const kind = documentKindOf(uri);
  const document = TextDocument.create(uri, LANGUAGE_IDS[kind], 1, decoded.text);
  // A script that never names ccmsetup is not ours: an encoding warning about it would be noise.
  const quiet = isScriptKind(kind) && decoded.problem?.severity !== 'error' && !mentionsHostTarget(hostFor(kind), decoded.text);
  const problems = decoded.problem && !quiet ? [...faults, decoded.problem] : faults;
  // A .json file counts only when it holds a Graph object comanage reads (the same prefilter as the editor's).
  const notOurs = kind === 'json' && quiet && faults.length === 0;
  return { file, document: decoded.encoding === 'none' ? undefined : document, diagnostics: toDiagnostics(document, problems), read: true, unreadable: false, notOurs };
}

export function checkFiles(entries: readonly FileEntry[], cwd: string, service: LanguageService): CheckRun {
  let unreadable = 0;
  let read = 0;
  const results = entries.map((entry): FileResult | undefined => {
    const opened = openEntry(entry, cwd);
    if (opened.notOurs) return undefined;
    if (opened.unreadable) unreadable++;
    if (opened.read) read++;
    if (!opened.document) return { file: opened.file, path: entry.absolute, diagnostics: opened.diagnostics };
    try {
      const checked = checkTextDocument(opened.file, opened.document, service);
      return { ...checked, path: entry.absolute, text: opened.document.getText(), diagnostics: [...opened.diagnostics, ...checked.diagnostics] };
    } catch (error) {
      // One file tripping the core must not hide the others' results.
      if (process.env.COMANAGE_DEBUG) process.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
      const internal: Problem = {
        code: SERVICE_CODES.internalError.id, severity: SERVICE_CODES.internalError.severity, docUrl: SERVICE_CODES.internalError.docUrl,
        span: { start: 0, end: 0 }, message: 'comanage failed while checking this file, so it was not checked; please report it (set COMANAGE_DEBUG=1 for details).',
      };
      return { file: opened.file, path: entry.absolute, diagnostics: [...opened.diagnostics, ...toDiagnostics(opened.document, [internal])] };
    }
  }).filter((result): result is FileResult => result !== undefined);
  return { results: results.sort((a, b) => comparePaths(a.file, b.file)), unreadable, read };
}

const EMPTY = TextDocument.create('file:///', 'plaintext', 1, '');

function faultProblem(fault: PathFault): Problem {
  // A fault's message quotes paths (a link's target too), which can hold a token like any name.
  return { code: fault.code.id, severity: fault.code.severity, docUrl: fault.code.docUrl, span: { start: 0, end: 0 }, message: maskText(fault.message) };
}

/** One file's result as the formats print it. */
export function checkTextDocument(file: string, document: TextDocument, service: LanguageService): FileResult {
  // A file name can hold a token too (a token saved as a file): every format prints this name.
  return { file: maskText(file), diagnostics: service.doValidation(document) };
}
