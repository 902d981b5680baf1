// Puts what Graph exports say (toPlan.ts) into a plan's text with the yaml Document API, so the
// plan's comments, key order and quoting stay as they were. Each value written carries a comment
// naming the export it came from. A hand-written value that differs is a conflict: kept and
// reported, unless the caller prefers the import. Policies are matched by name.
import { Document, Pair, Scalar, YAMLMap, YAMLSeq, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { formatPath, parsePath } from '../manifest/plan';
import { isPlaceholder } from '../manifest/placeholders';
import { GraphImport, ImportValue, Provenance, provenanceText } from './toPlan';

export interface ImportConflict {
  path: string;
  planValue: unknown;
  importValue: ImportValue;
  source: Provenance;
}

export interface MergeResult {
  /** The merged plan; undefined when the plan couldn't be read as YAML (see `refused`). */
  text?: string;
  refused?: string;
  conflicts: ImportConflict[];
  /** Values written (new or replaced). */
  written: number;
  /** Values the plan already held, unchanged. */
  same: number;
  notes: string[];
}

export interface MergeOptions {
  preferImport?: boolean;
}

const PARSE = { uniqueKeys: true, prettyErrors: false } as const;
const PRINT = { lineWidth: 0, minContentWidth: 0 } as const;

/** Merges into `planText`, or builds a new plan when it is undefined or holds nothing. */
export function mergeImport(planText: string | undefined, imported: GraphImport, options: MergeOptions = {}): MergeResult {
  const result: MergeResult = { conflicts: [], written: 0, same: 0, notes: [] };
  let doc: Document;
  if (planText === undefined || planText.trim() === '') {
    doc = new Document({ version: 1 });
    doc.commentBefore = ' A co-management plan implied by Intune Graph exports (comanage import).\n Facts the exports don\'t hold are left out: add them by hand.';
  } else if (isEmptyDoc(planText)) {
    // Only comments: they stay, the keys come after them.
    doc = parseDocument(planText, PARSE);
    doc.contents = doc.createNode({ version: 1 });
  } else {
    doc = parseDocument(planText, PARSE);
    if (doc.errors.length) {
      return { ...result, refused: `The plan isn't valid YAML (${doc.errors[0].message.split('\n')[0]}); fix it first.` };
    }
    if (!isMap(doc.contents)) return { ...result, refused: 'The plan is not a mapping of keys; it can\'t take imported values.' };
  }
  const importedPaths = new Map<string, ImportValue>();

  if (imported.policies.length > 0) {
    const seq = ensureSeq(doc, ['comanagement', 'policies']);
    if (!seq) {
      result.notes.push('comanagement.policies is not a list in the plan, so no policy was imported.');
    } else {
      // Items this import added or filled: a second policy of the same name gets its own entry.
      const taken = new Set<unknown>();
      for (const policy of imported.policies) {
        const name = String(policy.values.name).trim().toLowerCase();
        const index = seq.items.findIndex((item) => !taken.has(item) && isMap(item) && String(item.get('name') ?? '').trim().toLowerCase() === name);
        if (index >= 0) taken.add(seq.items[index]);
        if (index < 0) {
          const node = doc.createNode(policy.values) as YAMLMap;
          node.commentBefore = ` ${provenanceText(policy.source)}`;
          seq.items.push(node);
          taken.add(node);
          result.written += Object.keys(policy.values).length;
          continue;
        }
        const item = seq.items[index] as YAMLMap;
        for (const [key, value] of Object.entries(policy.values)) {
          if (key === 'name') continue;
          put(doc, item, key, value, ['comanagement', 'policies', index, key], policy.source, options, result);
        }
      }
    }
  }

  for (const fact of imported.facts) {
    const steps = parsePath(fact.path);
    const earlier = importedPaths.get(fact.path);
    if (earlier !== undefined) {
      if (!equal(earlier, fact.value)) result.notes.push(`${fact.path}: ${provenanceText(fact.source)} says ${show(fact.value)}, but an earlier export said ${show(earlier)}; the first one was kept.`);
      continue;
    }
    importedPaths.set(fact.path, fact.value);
    const parent = ensureMap(doc, steps.slice(0, -1) as string[]);
    if (!parent) {
      result.notes.push(`${fact.path}: a key on the way is not a mapping in the plan, so ${show(fact.value)} was not imported.`);
      continue;
    }
    put(doc, parent, String(steps[steps.length - 1]), fact.value, steps, fact.source, options, result);
  }
  return { ...result, text: doc.toString(PRINT) };
}

function isEmptyDoc(text: string): boolean {
  const doc = parseDocument(text, PARSE);
  return doc.errors.length === 0 && (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null));
}

/** Sets `key` in `map` unless a different hand-written value is there (a conflict). */
function put(doc: Document, map: YAMLMap, key: string, value: ImportValue, steps: (string | number)[], source: Provenance, options: MergeOptions, result: MergeResult): void {
  const pair = map.items.find((p) => keyText(p) === key) as Pair<unknown, unknown> | undefined;
  const comment = ` ${provenanceText(source)}`;
  if (!pair) {
    const keyNode = doc.createNode(key) as Scalar;
    keyNode.commentBefore = comment;
    map.items.push(doc.createPair(keyNode, value) as Pair<unknown, unknown>);
    result.written++;
    return;
  }
  const current = toJs(pair.value);
  if (equal(current, value)) {
    result.same++;
    return;
  }
  // An empty value or a template placeholder (`<site code>`) states nothing: the export fills it.
  const unstated = current === null || current === undefined || (typeof current === 'string' && isPlaceholder(current.trim()));
  if (!options.preferImport && !unstated) {
    result.conflicts.push({ path: formatPath(steps), planValue: current, importValue: value, source });
    return;
  }
  pair.value = doc.createNode(value);
  const keyNode = isScalar(pair.key) ? pair.key : (doc.createNode(pair.key) as Scalar);
  keyNode.commentBefore = unstated ? comment : `${comment} (was ${show(current)})`;
  pair.key = keyNode;
  result.written++;
}

function keyText(pair: Pair<unknown, unknown>): string | undefined {
  const key = isScalar(pair.key) ? pair.key.value : pair.key;
  return key === null || key === undefined ? undefined : String(key);
}

function toJs(node: unknown): unknown {
  if (node && typeof (node as { toJSON?: unknown }).toJSON === 'function') return (node as { toJSON(): unknown }).toJSON();
  return node;
}

/** The map at `steps`, created where missing; undefined when something on the way isn't a map. */
function ensureMap(doc: Document, steps: string[]): YAMLMap | undefined {
  let node = doc.contents as unknown;
  for (const step of steps) {
    if (!isMap(node)) return undefined;
    let next = node.get(step, true) as unknown;
    if (next === undefined || next === null || (isScalar(next) && next.value === null)) {
      next = new YAMLMap();
      node.set(doc.createNode(step), next);
    }
    node = next;
  }
  return isMap(node) ? node : undefined;
}

function ensureSeq(doc: Document, steps: string[]): YAMLSeq | undefined {
  const parent = ensureMap(doc, steps.slice(0, -1));
  if (!parent) return undefined;
  const last = steps[steps.length - 1];
  let node = parent.get(last, true) as unknown;
  if (node === undefined || node === null || (isScalar(node) && node.value === null)) {
    node = new YAMLSeq();
    parent.set(doc.createNode(last), node);
  }
  return isSeq(node) ? node : undefined;
}

function equal(a: unknown, b: unknown): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a.trim() === b.trim();
  return JSON.stringify(a) === JSON.stringify(b);
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}
