// `comanage import <files or folders...> [--into <plan>] [--write] [--prefer-import]`: reads Intune
// Graph exports (JSON files, folders of them) and prints the plan they imply, or merges them into a
// plan (printed, or written with --write). The reading, mapping, merging and masking are the core's
// (core/graph/importPlan.ts, the same the editor's import uses); this file finds and reads the
// files, prints or writes the plan, and says what happened.
import * as fs from 'fs';
import * as path from 'path';
import { GraphInput } from '../core/graph/read';
import { runGraphImport } from '../core/graph/importPlan';
import { MAX_EXPORT_BYTES } from '../node/readExports';
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

  let planText: string | undefined;
  let planBom = false;
  let planUtf16 = false;
  if (options.into !== undefined) {
    const target = path.resolve(cwd, options.into);
    try {
      const decoded = readTextFile(target);
      if (decoded.encoding === 'none') throw new UsageError(`cannot read ${options.into}: ${decoded.problem?.message ?? 'not text'}`);
      planText = decoded.text;
      planBom = decoded.bom;
      planUtf16 = decoded.encoding.startsWith('utf-16');
    } catch (error) {
      if (error instanceof UsageError) throw error;
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new UsageError(`cannot read ${options.into}: ${describeFsError(error)}`);
      // No plan yet: the import starts one.
    }
  }
  const planExists = planText !== undefined;

  // The same import as the editor's (core/graph/importPlan.ts): every line it says is masked.
  const { result: imported, mask } = runGraphImport(planText, inputs, { preferImport: options.preferImport, planName: options.into });
  for (const error of imported.errors) messages.push(`error: ${error}`);
  for (const skip of imported.skipped) messages.push(`skipped: ${skip}`);
  for (const note of imported.notes) messages.push(`warning: ${note}`);
  for (const left of imported.leftOut) messages.push(`left out: ${left}`);
  for (const conflict of imported.conflicts) {
    messages.push(`conflict: ${conflict.path}: the plan says ${conflict.plan}, the export says ${conflict.export} (${conflict.source}); the plan's value was kept. Change it by hand, or run with --prefer-import to take the export's.`);
  }
  // Messages of this file's own (file names, counts) are masked too: a token could be in a file name.
  const done = (code: number, stdout = ''): ImportRun => ({ stdout, messages: messages.map(mask), code });
  if (imported.objects === 0) {
    messages.push('error: no object comanage imports was found (co-management settings, Enrollment Status Page or Autopilot profiles, enrollment restrictions)');
    return done(1);
  }
  if (imported.refused !== undefined || imported.text === undefined) throw new UsageError(`${options.into}: ${imported.refused ?? 'cannot merge'}`);
  const failed = imported.errors.length > 0 || unreadable > 0 || imported.conflicts.length > 0;
  const text = imported.text;

  if (options.write && options.into !== undefined) {
    if (imported.conflicts.length > 0) {
      messages.push(`not written: ${options.into} keeps its values until the ${imported.conflicts.length === 1 ? 'conflict is' : `${imported.conflicts.length} conflicts are`} settled`);
      return done(1);
    }
    if (planUtf16) messages.push(`warning: ${options.into} was UTF-16; it is written back as UTF-8, which comanage reads the same way`);
    const target = path.resolve(cwd, options.into);
    try {
      fs.writeFileSync(target, (planBom ? '\uFEFF' : '') + text, planExists ? {} : { flag: 'wx' });
    } catch (error) {
      throw new UsageError(`cannot write ${options.into}: ${describeFsError(error)}`);
    }
    messages.push(`${planExists ? 'updated' : 'wrote'} ${options.into}: ${imported.written} value${imported.written === 1 ? '' : 's'} imported, ${imported.same} already the same; check it with 'comanage check --readiness ${options.into}'`);
    return done(failed ? 1 : 0);
  }
  messages.push(`${imported.objects} object${imported.objects === 1 ? '' : 's'} read from ${inputs.length} file${inputs.length === 1 ? '' : 's'}: ${imported.written} value${imported.written === 1 ? '' : 's'} imported${options.into ? `, ${imported.same} already the same in ${options.into}` : ''}`);
  // Printed: a token the plan itself holds is masked too (the output may land in a log).
  return done(failed ? 1 : 0, mask(text));
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
