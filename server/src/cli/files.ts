// Which files `comanage check` looks at, and reading them. Lives outside the core because it uses fs.
// A path that can't be read (a broken link, a folder or file without permission, a link out of the
// folder, an odd name) becomes a finding on that path, and every other file is still checked.
import * as fs from 'fs';
import * as path from 'path';
import type { CodeInfo } from '../core/diagnosticCodes';
import { SERVICE_CODES } from '../core/diagnosticCodes';
import { decodeName, type DecodedText } from '../core/text/decode';
import { readTextFile } from '../node/readText';
import { UsageError, describeFsError } from './usageError';

/** File name endings the CLI checks; explicit files must have one of them. A `.json` file is listed only when it holds a Graph object comanage reads (check.ts). */
export const SUPPORTED_EXTENSIONS = ['.ccmsetup', '.comanage.yaml', '.comanage.yml', '.ps1', '.psm1', '.cmd', '.bat', '.json'] as const;

export function isSupportedFile(fileName: string): boolean {
  const lower = fileName.toLowerCase();
  return SUPPORTED_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/** Folders a recursive walk never enters: dependencies and dot-folders (.git, .vscode, …). */
function isSkippedFolder(name: string): boolean {
  return name === 'node_modules' || name.startsWith('.');
}

/** A finding about the path itself, reported at the top of the file. */
export interface PathFault {
  code: CodeInfo;
  message: string;
}

export interface FileEntry {
  /** Absolute path as text; bytes of a name that aren't UTF-8 are shown as `\xNN`. */
  absolute: string;
  /** What to read: the path's own bytes when its name isn't UTF-8. Undefined: reported, not read. */
  source?: string | Buffer;
  faults: PathFault[];
}

/**
 * Expands the command-line operands into the files to check, without duplicates and sorted by
 * path. Throws UsageError only for a mistake in the command: an operand that doesn't exist, or an
 * explicit file whose name we don't check. Anything unreadable found on the way is an entry with
 * a fault.
 */
export function collectFiles(inputs: readonly string[], cwd: string): FileEntry[] {
  const found = new Map<string, FileEntry>();
  const add = (entry: FileEntry) => { if (!found.has(entry.absolute)) found.set(entry.absolute, entry); };
  for (const input of inputs) {
    const absolute = path.resolve(cwd, input);
    try {
      fs.lstatSync(absolute);
    } catch (error) {
      throw new UsageError(`cannot read '${input}': ${describeFsError(error)}`);
    }
    let stat: fs.Stats;
    try {
      stat = fs.statSync(absolute);
    } catch (error) {
      add(brokenLink(absolute, error));
      continue;
    }
    if (stat.isDirectory()) {
      walk(Buffer.from(absolute), realBytes(absolute), add, new Set());
    } else if (!stat.isFile()) {
      throw new UsageError(`cannot read '${input}': not a regular file`);
    } else if (!isSupportedFile(absolute)) {
      throw new UsageError(`'${input}' is not a file comanage checks; supported: ${SUPPORTED_EXTENSIONS.map((e) => `*${e}`).join(', ')}`);
    } else {
      add({ absolute, source: absolute, faults: [] });
    }
  }
  return [...found.values()].sort((a, b) => comparePaths(a.absolute, b.absolute));
}

/**
 * Walks a folder by bytes (`encoding: 'buffer'`), so a name that isn't UTF-8 is still found and
 * read. Links are followed inside `root` only; real paths already seen stop loops.
 */
function walk(folder: Buffer, root: Buffer | undefined, add: (entry: FileEntry) => void, visited: Set<string>): void {
  const shownFolder = decodeName(folder).text;
  let real: Buffer;
  let entries: fs.Dirent<Buffer>[];
  try {
    real = fs.realpathSync(folder, { encoding: 'buffer' });
    entries = fs.readdirSync(folder, { withFileTypes: true, encoding: 'buffer' });
  } catch (error) {
    add({ absolute: shownFolder, faults: [{ code: SERVICE_CODES.folderUnreadable, message: `This folder could not be read (${describeFsError(error)}), so the files in it were not checked.` }] });
    return;
  }
  const key = real.toString('latin1');
  if (visited.has(key)) return;
  visited.add(key);
  for (const entry of entries) {
    const full = Buffer.concat([folder, Buffer.from(path.sep), entry.name]);
    const name = decodeName(entry.name);
    const absolute = `${shownFolder}${path.sep}${name.text}`;
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      let target: Buffer;
      try {
        target = fs.realpathSync(full, { encoding: 'buffer' });
        const stat = fs.statSync(target);
        isDir = stat.isDirectory();
        isFile = stat.isFile();
      } catch (error) {
        // A dangling link we would have checked is reported, not silently dropped.
        if (isSupportedFile(name.text)) add(brokenLink(absolute, error, full));
        continue;
      }
      if ((isDir || (isFile && isSupportedFile(name.text))) && !(isSkippedFolder(name.text) && isDir) && !isInside(target, root)) {
        // Not followed: checking a folder must not read whatever a link in it points at.
        add({ absolute, faults: [{ code: SERVICE_CODES.linkOutsideFolder, message: `This symbolic link leads out of the folder being checked (to '${decodeName(target).text}'), so it was not followed. Name the target on the command line to check it.` }] });
        continue;
      }
    }
    if (isDir) {
      if (!isSkippedFolder(name.text)) walk(full, root, add, visited);
    } else if (isFile && isSupportedFile(name.text)) {
      // A name (or a folder above it) that isn't UTF-8 is read through its bytes and reported.
      const valid = decodeName(full).valid;
      const faults: PathFault[] = valid ? [] : [{ code: SERVICE_CODES.fileNameNotUtf8, message: 'This path is not UTF-8; it is shown with each byte that is not as \\xNN. The file was still checked; rename it so every tool can open it.' }];
      add({ absolute, source: valid ? full.toString() : full, faults });
    }
  }
}

function brokenLink(absolute: string, error: unknown, link: fs.PathLike = absolute): FileEntry {
  let to = '';
  try {
    to = ` to '${decodeName(fs.readlinkSync(link, { encoding: 'buffer' })).text}'`;
  } catch {
    // Not a link after all (or gone since): the reason alone says enough.
  }
  const why = (error as NodeJS.ErrnoException)?.code === 'ENOENT' ? 'leads to nothing' : describeFsError(error);
  return { absolute, faults: [{ code: SERVICE_CODES.brokenLink, message: `This symbolic link${to} is broken (${why}), so nothing was checked here.` }] };
}

function realBytes(folder: string): Buffer | undefined {
  try {
    return fs.realpathSync(folder, { encoding: 'buffer' });
  } catch {
    return undefined; // The walk reports the folder itself.
  }
}

function isInside(target: Buffer, root: Buffer | undefined): boolean {
  if (!root) return false;
  if (target.equals(root)) return true;
  const prefix = root[root.length - 1] === path.sep.charCodeAt(0) ? root : Buffer.concat([root, Buffer.from(path.sep)]);
  return target.length > prefix.length && target.subarray(0, prefix.length).equals(prefix);
}

/** Plain code-unit order, so output is the same on every machine and locale. */
export function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The decoded text of a file, or the reason it could not be read. Never throws. */
export function readSourceFile(source: string | Buffer): { decoded: DecodedText } | { fault: PathFault } {
  try {
    return { decoded: readTextFile(source) };
  } catch (error) {
    return { fault: { code: SERVICE_CODES.fileUnreadable, message: `This file could not be read (${describeFsError(error)}), so it was not checked.` } };
  }
}

/** How a file is named in output: relative to the current folder, with forward slashes. */
export function displayPath(absolute: string, cwd: string): string {
  const relative = path.relative(cwd, absolute) || path.basename(absolute);
  return relative.split(path.sep).join('/');
}
