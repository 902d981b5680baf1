// Which files `comanage check` looks at, and reading them. Lives outside the core because it uses fs.
import * as fs from 'fs';
import * as path from 'path';
import { UsageError, describeFsError } from './usageError';

/** File name endings the CLI checks; explicit files must have one of them. */
export const SUPPORTED_EXTENSIONS = ['.ccmsetup', '.comanage.yaml', '.comanage.yml'] as const;

export function isSupportedFile(fileName: string): boolean {
  const lower = fileName.toLowerCase();
  return SUPPORTED_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/** Folders a recursive walk never enters: dependencies and dot-folders (.git, .vscode, …). */
function isSkippedFolder(name: string): boolean {
  return name === 'node_modules' || name.startsWith('.');
}

/**
 * Expands the command-line operands into the absolute paths of the files to check, without
 * duplicates and sorted by path. Throws UsageError for a missing or unreadable operand, or for an
 * explicit file whose name we do not check.
 */
export function collectFiles(inputs: readonly string[], cwd: string): string[] {
  const found = new Set<string>();
  for (const input of inputs) {
    const absolute = path.resolve(cwd, input);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(absolute);
    } catch (error) {
      throw new UsageError(`cannot read '${input}': ${describeFsError(error)}`);
    }
    if (stat.isDirectory()) {
      walk(absolute, input, found, new Set());
    } else if (!stat.isFile()) {
      throw new UsageError(`cannot read '${input}': not a regular file`);
    } else if (!isSupportedFile(absolute)) {
      throw new UsageError(`'${input}' is not a file comanage checks; supported: ${SUPPORTED_EXTENSIONS.map((e) => `*${e}`).join(', ')}`);
    } else {
      found.add(absolute);
    }
  }
  return [...found].sort(comparePaths);
}

function walk(folder: string, shown: string, found: Set<string>, visited: Set<string>): void {
  // Remember real paths so a symbolic link back up the tree cannot loop forever.
  let real: string;
  let entries: fs.Dirent[];
  try {
    real = fs.realpathSync(folder);
    entries = fs.readdirSync(folder, { withFileTypes: true });
  } catch (error) {
    throw new UsageError(`cannot read folder '${shown}': ${describeFsError(error)}`);
  }
  if (visited.has(real)) return;
  visited.add(real);
  for (const entry of entries) {
    const full = path.join(folder, entry.name);
    const shownChild = path.join(shown, entry.name);
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      // Follow links; a dangling link to a file we would check is reported, not silently dropped.
      try {
        const target = fs.statSync(full);
        isDir = target.isDirectory();
        isFile = target.isFile();
      } catch (error) {
        if (isSupportedFile(entry.name)) throw new UsageError(`cannot read '${shownChild}': ${describeFsError(error)}`);
        continue;
      }
    }
    if (isDir) {
      if (!isSkippedFolder(entry.name)) walk(full, shownChild, found, visited);
    } else if (isFile && isSupportedFile(entry.name)) {
      found.add(full);
    }
  }
}

/** Plain code-unit order, so output is the same on every machine and locale. */
export function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Reads a file as UTF-8. Invalid bytes become U+FFFD rather than failing, so a damaged file is still
 * checked; a leading byte-order mark is dropped, as editors do, so columns match what users see.
 */
export function readSourceFile(absolute: string, shown: string): string {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(absolute);
  } catch (error) {
    throw new UsageError(`cannot read '${shown}': ${describeFsError(error)}`);
  }
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** How a file is named in output: relative to the current folder, with forward slashes. */
export function displayPath(absolute: string, cwd: string): string {
  const relative = path.relative(cwd, absolute) || path.basename(absolute);
  return relative.split(path.sep).join('/');
}
