// Graph exports into a plan, for an editor (the `comanage/importGraphExport` request) and for
// `comanage import` alike: reads the exports (read.ts), maps them (toPlan.ts), merges them into the
// plan's text (mergePlan.ts) and says what happened, every line ready to show. The editor shows
// `text` as a preview and writes it only when the user says so; the CLI prints or writes it. A token
// from an export is masked in everything said and never reaches the text; the plan's own text stays
// as it was (a token the user wrote is theirs).
import { findSecrets } from '../secrets';
import { decodeText } from '../text/decode';
import { GraphInput, readGraphExports } from './read';
import { planFromGraph, provenanceText } from './toPlan';
import { mergeImport } from './mergePlan';

export interface ImportConflictShown {
  /** The plan's key, e.g. `comanagement.policies[0].priority`. */
  path: string;
  /** The plan's value and the export's, as JSON text (shortened, masked). */
  plan: string;
  export: string;
  /** `imported from <file>: "<displayName>" (<id>)` */
  source: string;
}

export interface PlanImport {
  /** The plan with the exports merged in (the plan's line ends); undefined when `refused`. */
  text?: string;
  /** Why nothing could be merged (the plan isn't YAML, not a mapping, no object found). */
  refused?: string;
  /** Objects read from the exports (co-management settings, ESP and Autopilot profiles, restrictions). */
  objects: number;
  files: number;
  /** Values written (new or replaced), and values the plan already held. */
  written: number;
  same: number;
  /** Hand-written values that differ from the export's: kept unless `preferImport`. */
  conflicts: ImportConflictShown[];
  /** What the exports hold that the plan doesn't take, and why. */
  leftOut: string[];
  /** Objects of other types, by file. */
  skipped: string[];
  /** Files that couldn't be read (bad JSON with line and column, not text). */
  errors: string[];
  /** Other findings: decoding, wrong property types, duplicates, merge notes. */
  notes: string[];
}

export interface PlanImportOptions {
  /** Take the export's value where a hand-written value differs. */
  preferImport?: boolean;
  /** How the plan is named in what is said (its file name); "the plan" when not given. */
  planName?: string;
}

export function importIntoPlan(planText: string, inputs: readonly GraphInput[], options: PlanImportOptions = {}): PlanImport {
  return runGraphImport(planText, inputs, options).result;
}

export interface GraphImportRun {
  result: PlanImport;
  /** Masks every token found in the exports or the plan: for text shown on a screen or in a log. */
  mask(text: string): string;
}

/**
 * The import itself. `planText` undefined: there is no plan yet, the import starts one (a header
 * comment, then the imported keys).
 */
export function runGraphImport(planText: string | undefined, inputs: readonly GraphInput[], options: PlanImportOptions = {}): GraphImportRun {
  const result: PlanImport = { objects: 0, files: inputs.length, written: 0, same: 0, conflicts: [], leftOut: [], skipped: [], errors: [], notes: [] };
  // Decoded here (not in read.ts) so the exports' tokens can be found in their text.
  const texts: GraphInput[] = [];
  for (const input of inputs) {
    if (input.text !== undefined) {
      texts.push({ name: input.name, text: input.text });
      continue;
    }
    const decoded = decodeText(input.bytes ?? new Uint8Array());
    if (decoded.encoding === 'none') {
      result.errors.push(`${input.name}: ${decoded.problem?.message ?? 'This file is not text.'}`);
      continue;
    }
    if (decoded.problem) result.notes.push(`${input.name}: ${decoded.problem.message}`);
    texts.push({ name: input.name, text: decoded.text });
  }
  const exportText = texts.map((t) => `${t.name}\n${t.text}`).join('\n');
  const fromExports = findSecrets(exportText);
  const everywhere = findSecrets(`${exportText}\n${planText ?? ''}`);
  const mask = (line: string) => everywhere.mask(line);

  const read = readGraphExports(texts);
  const imported = planFromGraph(read);
  result.objects = read.objects.length;
  for (const error of read.errors) result.errors.push(`${error.file}${error.line ? `:${error.line}:${error.column}` : ''}: ${error.message}`);
  for (const skip of read.skipped) result.skipped.push(`${skip.file}${skip.displayName !== undefined ? `: "${skip.displayName}"` : ''}${skip.id ? ` (${skip.id})` : ''}: ${skip.reason}`);
  result.notes.push(...read.notes);
  result.leftOut.push(...imported.leftOut);

  const finish = (): GraphImportRun => ({
    mask,
    result: {
      ...result,
      refused: result.refused === undefined ? undefined : mask(result.refused),
      conflicts: result.conflicts.map((c) => ({ path: mask(c.path), plan: mask(c.plan), export: mask(c.export), source: mask(c.source) })),
      leftOut: result.leftOut.map(mask),
      skipped: result.skipped.map(mask),
      errors: result.errors.map(mask),
      notes: result.notes.map(mask),
    },
  });

  if (result.objects === 0) {
    result.refused = texts.length === 0
      ? 'No export could be read.'
      : 'No object comanage imports was found (co-management settings, Enrollment Status Page or Autopilot profiles, enrollment restrictions).';
    return finish();
  }
  const merged = mergeImport(planText, imported, { preferImport: options.preferImport });
  if (merged.refused !== undefined || merged.text === undefined) {
    result.refused = merged.refused ?? 'The exports could not be merged into the plan.';
    return finish();
  }
  result.written = merged.written;
  result.same = merged.same;
  result.notes.push(...merged.notes);
  for (const conflict of merged.conflicts) {
    result.conflicts.push({ path: conflict.path, plan: show(conflict.planValue), export: show(conflict.importValue), source: provenanceText(conflict.source) });
  }
  let text = planText?.includes('\r\n') ? merged.text.replace(/\r?\n/g, '\r\n') : merged.text;
  // A token in an export's name or description would land in a comment or a value: masked there.
  // A token the plan already held is the user's own text, left as it is.
  if (fromExports.inserts(text, planText ?? '')) {
    text = fromExports.mask(text);
    result.notes.push(`A bulk registration token in an export (a name or a description) was masked in ${options.planName ?? 'the plan'}.`);
  }
  // An unchanged plan keeps its text exactly (the yaml printer may respace what it didn't touch).
  result.text = merged.written === 0 && planText !== undefined ? planText : text;
  return finish();
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 120 ? `${text.slice(0, 120)}…` : text;
}
