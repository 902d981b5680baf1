// Where SARIF paths are relative to. Code scanning reads artifact URIs as relative to the repository
// root, so `comanage check plans --format sarif` run from anywhere in a checkout must say
// `plans/x.ccmsetup`, not a path relative to the current folder. Found by walking up for `.git` (a
// folder in a clone, a file in a worktree or submodule); no git process is needed for that.
import * as fs from 'fs';
import * as path from 'path';
import { UsageError, describeFsError } from './usageError';

/** The nearest folder at or above `start` that holds a `.git` folder or file; undefined if none. */
export function findRepoRoot(start: string): string | undefined {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, '.git'))) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/**
 * The folder SARIF URIs are relative to: `--base` when given (it must be a folder), else the
 * repository around the current folder, else the repository around the checked files, else the
 * current folder. Symbolic links resolved, as code scanning matches files by their real path.
 */
export function resolveSarifBase(baseOption: string | undefined, cwd: string, files: readonly string[]): string {
  if (baseOption !== undefined) {
    const absolute = path.resolve(cwd, baseOption);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(absolute);
    } catch (error) {
      throw new UsageError(`cannot use '${baseOption}' as --base: ${describeFsError(error)}`);
    }
    if (!stat.isDirectory()) throw new UsageError(`cannot use '${baseOption}' as --base: not a folder`);
    return realPath(absolute);
  }
  const root = findRepoRoot(cwd) ?? (files.length > 0 ? findRepoRoot(commonFolder(files)) : undefined);
  return realPath(root ?? cwd);
}

/** The real path (symbolic links resolved), or the path itself when it can't be resolved. */
export function realPath(p: string): string {
  try {
    return fs.realpathSync.native(p);
  } catch {
    return p;
  }
}

/** Whether `p` is `folder` itself or lies below it (both absolute). */
export function isInside(folder: string, p: string): boolean {
  const relative = path.relative(folder, p);
  return relative === '' || (!path.isAbsolute(relative) && relative !== '..' && !relative.startsWith(`..${path.sep}`));
}

function commonFolder(files: readonly string[]): string {
  let common = path.dirname(files[0]);
  for (const file of files) {
    while (common !== path.dirname(common) && !isInside(common, file)) common = path.dirname(common);
  }
  return common;
}
