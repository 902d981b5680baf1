// `comanage import <files or folders...> [--into <plan>] [--write] [--prefer-import]`: reads Intune
// Graph exports (JSON files, folders of them) and prints the plan they imply, or merges them into a
// plan (printed, or written with --write). The reading, mapping and merging are the core's
// (core/graph/*); this file finds and reads the files, and says what happened.
import * as fs from 'fs';
import * as path from 'path';
import { GraphInput, readGraphExports } from '../core/graph/read';
import { planFromGraph, provenanceText } from '../core/graph/toPlan';
import { mergeImport } from '../core/graph/mergePlan';
import { findSecrets } from '../core/secrets';
import { readTextFile } from '../node/readText';
import { comparePaths, displayPath } from './files';
import { UsageError, describeFsError } from './usageError';

export interface ImportOptions {
  into?: string;
  write?: boolean;
  preferImport?: boolean;
}

export interface ImportRun {
  /** What goes to stdout: the plan (masked), or nothing when it was written. */
  stdout: string;
  /** Lines for stderr, each one finding. */
  messages: string[];
  code: number;
}

/** Exports bigger than this are not read (a tenant's export is a few hundred KB at most). */
const MAX_EXPORT_BYTES = 32 * 1024 * 1024;

export function runImport(operands: readonly string[], options: ImportOptions, cwd: string): ImportRun {
  if (operands.length === 0) throw new UsageError("import needs at least one export file or folder, e.g. 'comanage import exports/'");
  if (options.write && options.into === undefined) throw new UsageError('--write needs --into <plan.comanage.yaml>: the plan to write');
  if (!options.into && options.preferImport) throw new UsageError('--prefer-import needs --into <plan.comanage.yaml>: it decides conflicts with that plan');

  const messages: string[] = [];
  const files = collectJson(operands, cwd, messages);
  const inputs: GraphInput[] = [];
  let unreadable = 0;
  for (const file of files) {
    const name = displayPath(file, cwd);
    try {
      const decoded = readTextFile(file, MAX_EXPORT_BYTES);
      if (decoded.encoding === 'none') {
        unreadable++;
        messages.push(`error: ${name}: ${decoded.problem?.message ?? 'not text'}`);
        continue;
      }
      if (decoded.problem) messages.push(`warning: ${name}: ${decoded.problem.message}`);
      inputs.push({ name, text: decoded.text });
    } catch (error) {
      unreadable++;
      messages.push(`error: ${name}: could not be read (${error instanceof RangeError ? error.message : describeFsError(error)})`);
    }
  }
  if (files.length === 0) {
    messages.push('error: no *.json file found in what was given');
    return { stdout: '', messages, code: 2 };
  }
  if (inputs.length === 0) return { stdout: '', messages: [...messages, 'no file could be read'], code: 2 };

  const read = readGraphExports(inputs);
  const imported = planFromGraph(read);
  for (const error of read.errors) messages.push(`error: ${error.file}${error.line ? `:${error.line}:${error.column}` : ''}: ${error.message}`);
  for (const skip of read.skipped) messages.push(`skipped: ${skip.file}${skip.displayName !== undefined ? `: "${skip.displayName}"` : ''}${skip.id ? ` (${skip.id})` : ''}: ${skip.reason}`);
  for (const note of read.notes) messages.push(`warning: ${note}`);
  for (const left of imported.leftOut) messages.push(`left out: ${left}`);

  let planText: string | undefined;
  let planBom = false;
  let planUtf16 = false;
  let planExists = false;
  if (options.into !== undefined) {
    const target = path.resolve(cwd, options.into);
    try {
      const decoded = readTextFile(target);
      if (decoded.encoding === 'none') throw new UsageError(`cannot read ${options.into}: ${decoded.problem?.message ?? 'not text'}`);
      planText = decoded.text;
      planBom = decoded.bom;
      planUtf16 = decoded.encoding.startsWith('utf-16');
      planExists = true;
    } catch (error) {
      if (error instanceof UsageError) throw error;
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new UsageError(`cannot read ${options.into}: ${describeFsError(error)}`);
      // No plan yet: the import starts one.
    }
  }

  const merged = mergeImport(planText, imported, { preferImport: options.preferImport });
  if (merged.refused !== undefined || merged.text === undefined) throw new UsageError(`${options.into}: ${merged.refused ?? 'cannot merge'}`);
  for (const note of merged.notes) messages.push(`warning: ${note}`);
  for (const conflict of merged.conflicts) {
    messages.push(`conflict: ${conflict.path}: the plan says ${show(conflict.planValue)}, the export says ${show(conflict.importValue)} (${provenanceText(conflict.source)}); the plan's value was kept. Change it by hand, or run with --prefer-import to take the export's.`);
  }
  const objects = read.objects.length;
  if (objects === 0) messages.push('error: no object comanage imports was found (co-management settings, Enrollment Status Page or Autopilot profiles, enrollment restrictions)');
  const failed = read.errors.length > 0 || unreadable > 0 || merged.conflicts.length > 0 || objects === 0;

  // Tokens from any export (and the plan) are masked in everything printed.
  const secrets = findSecrets([...inputs.map((i) => i.text ?? ''), planText ?? ''].join('\n'));
  const eol = planText?.includes('\r\n') ? '\r\n' : '\n';
  const text = eol === '\r\n' ? merged.text.replace(/\r?\n/g, '\r\n') : merged.text;

  if (options.write && options.into !== undefined) {
    if (merged.conflicts.length > 0) {
      messages.push(`not written: ${options.into} keeps its values until the ${merged.conflicts.length === 1 ? 'conflict is' : `${merged.conflicts.length} conflicts are`} settled`);
      return { stdout: '', messages: messages.map(secrets.mask), code: 1 };
    }
    // A token in an export's name or description would land in a comment or a value: masked there too.
    const safe = secrets.inserts(text, planText ?? '') ? secrets.mask(text) : text;
    if (safe !== text) messages.push(`warning: a bulk registration token in an export (a name or a description) was masked in ${options.into}`);
    if (planUtf16) messages.push(`warning: ${options.into} was UTF-16; it is written back as UTF-8, which comanage reads the same way`);
    const target = path.resolve(cwd, options.into);
    try {
      fs.writeFileSync(target, (planBom ? '\uFEFF' : '') + safe, planExists ? {} : { flag: 'wx' });
    } catch (error) {
      throw new UsageError(`cannot write ${options.into}: ${describeFsError(error)}`);
    }
    messages.push(`${planExists ? 'updated' : 'wrote'} ${options.into}: ${merged.written} value${merged.written === 1 ? '' : 's'} imported, ${merged.same} already the same; check it with 'comanage check --readiness ${options.into}'`);
    return { stdout: '', messages: messages.map(secrets.mask), code: failed ? 1 : 0 };
  }
  messages.push(`${objects} object${objects === 1 ? '' : 's'} read from ${inputs.length} file${inputs.length === 1 ? '' : 's'}: ${merged.written} value${merged.written === 1 ? '' : 's'} imported${options.into ? `, ${merged.same} already the same in ${options.into}` : ''}`);
  return { stdout: secrets.mask(text), messages: messages.map(secrets.mask), code: failed ? 1 : 0 };
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 120 ? `${text.slice(0, 120)}…` : text;
}

/** The JSON files named, or found in the folders named (node_modules, dot-files and dot-folders skipped), sorted. */
function collectJson(operands: readonly string[], cwd: string, messages: string[]): string[] {
  const found = new Set<string>();
  for (const operand of operands) {
    const absolute = path.resolve(cwd, operand);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(absolute);
    } catch (error) {
      throw new UsageError(`cannot read '${operand}': ${describeFsError(error)}`);
    }
    if (stat.isDirectory()) walk(absolute, found, messages, cwd, new Set());
    else if (stat.isFile()) found.add(absolute);
    else throw new UsageError(`cannot read '${operand}': not a regular file`);
  }
  return [...found].sort(comparePaths);
}

function walk(folder: string, found: Set<string>, messages: string[], cwd: string, visited: Set<string>): void {
  let entries: fs.Dirent[];
  try {
    const real = fs.realpathSync(folder);
    if (visited.has(real)) return;
    visited.add(real);
    entries = fs.readdirSync(folder, { withFileTypes: true });
  } catch (error) {
    messages.push(`error: ${displayPath(folder, cwd)}: this folder could not be read (${describeFsError(error)})`);
    return;
  }
  for (const entry of entries) {
    const full = path.join(folder, entry.name);
    // Dot-files and dot-folders (.comanage.json, .vscode) are settings, not exports.
    if (entry.name.startsWith('.')) continue;
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') walk(full, found, messages, cwd, visited);
    } else if (entry.isFile() && entry.name.toLowerCase().endsWith('.json')) {
      found.add(full);
    } else if (entry.isSymbolicLink() && entry.name.toLowerCase().endsWith('.json')) {
      messages.push(`warning: ${displayPath(full, cwd)}: a symbolic link, not followed; name its target to import it`);
    }
  }
}
