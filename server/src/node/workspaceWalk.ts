// Lists the files of the workspace folders that comanage checks, for the background check of closed
// files (workspaceDiagnostics.ts). Bounded: at most `maxEntries` directory entries are looked at and
// `maxFiles` files / `maxBytes` bytes kept; node_modules, .git and excluded names are never entered,
// and links are not followed (no loops, nothing outside the folder). Asynchronous, one folder at a
// time, so the server keeps answering while it lists.
import { promises as fs } from 'fs';
import * as path from 'path';

export interface WalkLimits { maxEntries: number; maxFiles: number; maxBytes: number }
export interface WalkOptions {
  /** Whether a file (by absolute path) is one of ours. */
  wanted(file: string): boolean;
  /** Names (files or folders) never looked into: node_modules, .git and the `**\/name` patterns of files.exclude. */
  skipped: ReadonlySet<string>;
  /** Files bigger than this are not kept (the core would not check them either). */
  maxFileBytes: number;
  limits: WalkLimits;
  /** Stops the walk early (shutdown, a newer walk). */
  cancelled?: () => boolean;
}
export interface WalkResult { files: { path: string; size: number }[]; truncated?: string; /** Our files left out for their size. */ tooLarge: number }

export const ALWAYS_SKIPPED = ['node_modules', '.git'];

export async function walkWorkspace(roots: readonly string[], options: WalkOptions): Promise<WalkResult> {
  const { limits } = options;
  const files: WalkResult['files'] = [];
  let entries = 0;
  let bytes = 0;
  let tooLarge = 0;
  const queue = [...roots];
  // Breadth first: the files near a folder's top are the likeliest to matter when the list is cut.
  // (An index, not shift(), which would move the whole queue for every folder.)
  for (let next = 0; next < queue.length; next++) {
    if (options.cancelled?.()) return { files, tooLarge, truncated: 'cancelled' };
    const folder = queue[next];
    let listing;
    try {
      listing = await fs.readdir(folder, { withFileTypes: true });
    } catch {
      continue; // A folder we can't list holds nothing we can check.
    }
    listing.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of listing) {
      if (++entries > limits.maxEntries) return { files, tooLarge, truncated: `looked at ${limits.maxEntries.toLocaleString('en-US')} entries` };
      if (options.skipped.has(entry.name)) continue;
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) queue.push(full);
      else if (entry.isFile() && options.wanted(full)) {
        let size: number;
        try {
          size = (await fs.stat(full)).size;
        } catch {
          continue;
        }
        if (size > options.maxFileBytes) {
          tooLarge++;
          continue;
        }
        if (files.length >= limits.maxFiles) return { files, tooLarge, truncated: `${limits.maxFiles.toLocaleString('en-US')} files` };
        if (bytes + size > limits.maxBytes) return { files, tooLarge, truncated: `${Math.round(limits.maxBytes / 1024 / 1024)} MB` };
        bytes += size;
        files.push({ path: full, size });
      }
    }
  }
  return { files, tooLarge };
}

/** The names files.exclude hides everywhere (`**\/name` or `**\/name/**` set to true); other patterns are left to the editor. */
export function excludedNames(filesExclude: unknown): string[] {
  if (!filesExclude || typeof filesExclude !== 'object') return [];
  return Object.entries(filesExclude as Record<string, unknown>)
    .filter(([, on]) => on === true)
    .map(([glob]) => /^\*\*\/([^*?[\]{}/]+)(?:\/\*\*)?$/.exec(glob)?.[1])
    .filter((name): name is string => !!name);
}
