// Reads the tenant's Graph exports a plan is compared with (its `sources:`, or the CLI's
// --against): files, or folders searched for *.json (dot-files, dot-folders and node_modules
// skipped, symbolic links not followed). Whatever can't be read becomes an ExportSource that says
// why, so the drift checks report it instead of passing quietly. The CLI reads synchronously, the
// language server asynchronously; both go through the same steps.
import * as fs from 'fs';
import * as path from 'path';
import type { ExportSource } from '../core/graph/drift';
import type { DecodedText } from '../core/text/decode';
import { readTextFile, readTextFileAsync } from './readText';

/** A tenant's export is a few hundred KB at most; more is not read. */
export const MAX_EXPORT_BYTES = 32 * 1024 * 1024;
/** Files read from the folders of one plan, at most. */
const MAX_EXPORT_FILES = 2000;

type Op = 'stat' | 'readdir' | 'read';

/** Runs the steps with the sync or the async fs: `sync` makes every await a plain value. */
function* readAll(paths: readonly string[], base: string, display: (absolute: string, written: string) => string): Generator<{ op: Op; arg: string }, ExportSource[], unknown> {
  const out: ExportSource[] = [];
  const readOne = function* (absolute: string, name: string): Generator<{ op: Op; arg: string }, void, unknown> {
    try {
      const decoded = (yield { op: 'read', arg: absolute }) as DecodedText;
      if (decoded.encoding === 'none') return void out.push({ name, unreadable: decoded.problem?.message ?? 'it is not text' });
      out.push({ name, text: decoded.text });
    } catch (error) {
      out.push({ name, unreadable: reason(error) });
    }
  };
  for (const written of paths) {
    const absolute = path.resolve(base, written);
    let stat: fs.Stats;
    try {
      stat = (yield { op: 'stat', arg: absolute }) as fs.Stats;
    } catch (error) {
      out.push({ name: written, unreadable: reason(error) });
      continue;
    }
    if (!stat.isDirectory()) {
      yield* readOne(absolute, written);
      continue;
    }
    const files: string[] = [];
    const folders = [absolute];
    let faulty: string | undefined;
    while (folders.length && files.length < MAX_EXPORT_FILES) {
      const folder = folders.shift()!;
      let entries: fs.Dirent[];
      try {
        entries = (yield { op: 'readdir', arg: folder }) as fs.Dirent[];
      } catch (error) {
        faulty ??= `${display(folder, written)}: ${reason(error)}`;
        continue;
      }
      for (const entry of [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
        if (entry.name.startsWith('.')) continue;
        const full = path.join(folder, entry.name);
        if (entry.isDirectory() && entry.name !== 'node_modules') folders.push(full);
        else if (entry.isFile() && entry.name.toLowerCase().endsWith('.json')) files.push(full);
      }
    }
    if (faulty) out.push({ name: written, unreadable: `a folder could not be read (${faulty})` });
    if (files.length === 0 && !faulty) out.push({ name: written, unreadable: 'the folder holds no .json export' });
    for (const file of files) yield* readOne(file, display(file, written));
  }
  return out;
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (error instanceof Error && !code) return error.message;
  return code ?? (error instanceof Error ? error.message : String(error));
}

/** A file found in a folder, named as the folder was written plus its path inside it. */
function displayFor(base: string): (absolute: string, written: string) => string {
  return (absolute, written) => {
    const root = path.resolve(base, written);
    const inside = path.relative(root, absolute).split(path.sep).join('/');
    return inside === '' ? written : `${written.replace(/[\\/]+$/, '')}/${inside}`;
  };
}

export function readExportSourcesSync(paths: readonly string[], base: string): ExportSource[] {
  const steps = readAll(paths, base, displayFor(base));
  let next = steps.next();
  while (!next.done) {
    const { op, arg } = next.value;
    try {
      const value = op === 'stat' ? fs.statSync(arg) : op === 'readdir' ? fs.readdirSync(arg, { withFileTypes: true }) : readTextFile(arg, MAX_EXPORT_BYTES);
      next = steps.next(value);
    } catch (error) {
      next = steps.throw(error);
    }
  }
  return next.value;
}

export async function readExportSources(paths: readonly string[], base: string): Promise<ExportSource[]> {
  const steps = readAll(paths, base, displayFor(base));
  let next = steps.next();
  while (!next.done) {
    const { op, arg } = next.value;
    try {
      const value = op === 'stat' ? await fs.promises.stat(arg) : op === 'readdir' ? await fs.promises.readdir(arg, { withFileTypes: true }) : await readTextFileAsync(arg, MAX_EXPORT_BYTES);
      next = steps.next(value);
    } catch (error) {
      next = steps.throw(error);
    }
  }
  return next.value;
}
