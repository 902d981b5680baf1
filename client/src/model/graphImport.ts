// "Import settings from a Graph export…": the plain parts. Which files of a picked folder are read,
// the names the plan's provenance comments give them, the question asked before writing (what will
// be written, every conflict, what was left out, what was skipped), and the smallest edit that turns
// the plan into the merged text. Whether a value is right, and what the export means, is the server's.
import { PlanImport } from './protocol';

export const WRITE = 'Write';
export const PREFER_IMPORT = 'Take the export\'s values';

/** Files bigger than this are not read (a tenant's export is a few hundred KB at most). */
export const MAX_EXPORT_BYTES = 32 * 1024 * 1024;
/** At most this many files, and this many bytes in all, go to the server at once. */
export const MAX_EXPORT_FILES = 5000;
export const MAX_TOTAL_BYTES = 64 * 1024 * 1024;

/** Lines of each list in the question; the rest are counted. */
const SHOWN = 12;

/** In a picked folder: *.json files; dot-files and dot-folders (settings, .vscode) and node_modules are not exports. */
export function isExportFileName(name: string): boolean {
  return !name.startsWith('.') && name.toLowerCase().endsWith('.json');
}

export function isSearchedFolderName(name: string): boolean {
  return !name.startsWith('.') && name !== 'node_modules';
}

/**
 * The name an export is known by in the plan's comments: its path relative to the plan's folder
 * (URI paths, `/`-separated), or `fallback` (workspace-relative) when it is far from the plan.
 */
export function exportName(planPath: string, filePath: string, fallback: string): string {
  const from = planPath.slice(0, planPath.lastIndexOf('/')).split('/').filter(Boolean);
  const to = filePath.split('/').filter(Boolean);
  // Windows paths (`/c:/…`) compare without case; elsewhere `Exports` and `exports` are two folders.
  const fold = /^[a-z]:$/i.test(from[0] ?? '') ? (text: string) => text.toLowerCase() : (text: string) => text;
  let common = 0;
  while (common < from.length && common < to.length - 1 && fold(from[common]) === fold(to[common])) common++;
  const up = from.length - common;
  // A different drive, or the far side of the disk: the workspace's name for it says more.
  if (common === 0 || up > 2) return fallback;
  return [...Array<string>(up).fill('..'), ...to.slice(common)].join('/');
}

export type ImportQuestion =
  | { error: string }
  | { unchanged: string }
  | { message: string; detail: string; actions: string[] };

function list(title: string, lines: readonly string[]): string[] {
  if (!lines.length) return [];
  const shown = lines.slice(0, SHOWN).map((line) => `• ${line}`);
  if (lines.length > SHOWN) shown.push(`• and ${lines.length - SHOWN} more`);
  return [`${title}:`, ...shown, ''];
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * What to ask once the server has merged the exports. `clientNotes`: what the client couldn't read
 * (a folder, a file too large). `preferred`: the import already takes the export's values.
 */
export function importQuestion(result: PlanImport | null | undefined, planName: string, clientNotes: readonly string[] = [], preferred = false): ImportQuestion {
  if (!result) return { error: 'The language server gave no answer; nothing was imported.' };
  const problems = [...clientNotes, ...result.errors];
  if (result.refused !== undefined || result.text === undefined) {
    const why = result.refused ?? 'The exports could not be merged into the plan.';
    return { error: `Nothing imported into ${planName}: ${why}${problems.length ? ` (${problems.slice(0, 3).join('; ')}${problems.length > 3 ? '; …' : ''})` : ''}` };
  }
  const read = `${plural(result.objects, 'object')} read from ${plural(result.files, 'file')}`;
  if (result.written === 0 && !result.conflicts.length) {
    return { unchanged: `${planName} already holds what the exports say (${read}, ${plural(result.same, 'value')} the same); nothing to write.` };
  }
  const message = result.conflicts.length && !preferred
    ? `Import into ${planName}: ${plural(result.written, 'value')} to write, ${plural(result.conflicts.length, 'conflict')} with values written by hand.`
    : `Import into ${planName}: ${plural(result.written, 'value')} to write${result.same ? `, ${result.same} already the same` : ''}.`;
  const detail = [
    `${read}. The preview shows the plan with the import; each imported value carries a comment naming its export.`,
    '',
    ...list(preferred ? 'The export\'s values replace these hand-written ones' : 'Conflicts: the plan keeps its own value unless you take the export\'s',
      result.conflicts.map((c) => `${c.path}: the plan says ${c.plan}, the export says ${c.export} (${c.source})`)),
    ...list('Left out (the plan can\'t say what it means)', result.leftOut),
    ...list('Skipped (not a type comanage imports)', result.skipped),
    ...list('Not read', problems),
    ...list('Notes', result.notes),
  ].join('\n').trimEnd();
  const actions = result.conflicts.length && !preferred ? [WRITE, PREFER_IMPORT] : [WRITE];
  return { message, detail, actions };
}

/** The one replacement (offsets into `before`) that turns `before` into `after`: what differs, no more. */
export function minimalEdit(before: string, after: string): { start: number; end: number; text: string } {
  let start = 0;
  const shorter = Math.min(before.length, after.length);
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  while (tail < shorter - start && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  // Never split a surrogate pair or a CRLF.
  while (start > 0 && (isLow(before.charCodeAt(start)) || isLow(after.charCodeAt(start)) || (before[start] === '\n' && before[start - 1] === '\r'))) start--;
  while (tail > 0 && (isLow(before.charCodeAt(before.length - tail)) || isLow(after.charCodeAt(after.length - tail)) || (before[before.length - tail] === '\n' && before[before.length - tail - 1] === '\r'))) tail--;
  return { start, end: before.length - tail, text: after.slice(start, after.length - tail) };
}

const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;
