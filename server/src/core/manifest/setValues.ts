// Writes values into a manifest's text the way a person would: the yaml package's Document API
// finds where each key is (or where it belongs), and only that spot changes, so comments, order,
// quoting and line ends of every other line stay byte for byte. Missing parent mappings are
// created; a value YAML would read as something else is quoted. Each result is checked against
// `Document.setIn` on the original: an edit that would mean anything else is refused, not written.
import { Document, Node as YamlNode, Pair, Scalar, YAMLMap, YAMLSeq, isMap, isScalar, isSeq, parse, parseDocument, stringify } from 'yaml';
import { formatPath, parsePath } from './plan';

export type SetValue = { path: string; value: string | number | boolean };

/** A replacement of [start, end) of the original text. */
export interface OffsetEdit { start: number; end: number; newText: string }

export interface SetValuesResult {
  /** Sorted, non-overlapping, in offsets of the text that was given. */
  edits: OffsetEdit[];
  /** Why nothing was written (the edits are then empty). */
  refused?: string;
}

type Step = string | number;
type Collection = YAMLMap<unknown, unknown> | YAMLSeq<unknown>;

const OPTIONS = { uniqueKeys: true, prettyErrors: false, keepSourceTokens: false } as const;

export function setValues(text: string, values: readonly SetValue[]): SetValuesResult {
  let current = text;
  let edits: OffsetEdit[] = [];
  for (const { path, value } of values) {
    const steps = parsePath(path);
    if (!steps.length) return { edits: [], refused: 'An empty key path can\'t be set.' };
    const result = editFor(current, steps, value);
    if ('refused' in result) return { edits: [], refused: result.refused };
    const next = apply(current, result);
    const problem = verify(current, next, steps, value);
    if (problem) return { edits: [], refused: `${formatPath(steps)}: ${problem}` };
    edits = merge(edits, result, current);
    current = next;
  }
  return { edits };
}

/** The one edit that sets `steps` to `value` in `text`, or why it can't. */
function editFor(text: string, steps: Step[], value: SetValue['value']): OffsetEdit | { refused: string } {
  const doc = parseDocument(text, OPTIONS);
  if (doc.errors.length) return { refused: `The plan isn't valid YAML (${doc.errors[0].message.split('\n')[0]}); fix that first.` };
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const root = doc.contents as YamlNode | null;
  if (root === null || (isScalar(root) && root.value === null)) {
    // An empty plan (or only comments): the keys go at the end, from column 0.
    const at = text.length;
    const lead = at > 0 && text[at - 1] !== '\n' ? eol : '';
    return { start: at, end: at, newText: lead + block(steps, value, 0, 2, eol) };
  }
  let node: YamlNode | null = root;
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i];
    if (isMap(node) && typeof step === 'string') {
      const pair = node.items.find((p) => keyOf(p) === step) as Pair<unknown, YamlNode | null> | undefined;
      if (!pair) return addTo(text, node, steps.slice(i), value, eol);
      if (i === steps.length - 1) return replaceValue(text, pair, value, steps);
      node = pair.value;
      if (node === null || (isScalar(node) && node.value === null)) {
        return { refused: `"${formatPath(steps.slice(0, i + 1))}" is empty; give it a mapping in the plan first.` };
      }
    } else if (isSeq(node) && typeof step === 'number') {
      if (step < node.items.length) {
        const item = node.items[step] as YamlNode;
        if (i === steps.length - 1) {
          if (!isScalar(item)) return { refused: `"${formatPath(steps)}" holds more than one value; change it by hand.` };
          return scalarEdit(text, item, value, !!node.flow);
        }
        node = item;
      } else if (step === node.items.length) {
        return addTo(text, node, steps.slice(i), value, eol);
      } else {
        return { refused: `"${formatPath(steps.slice(0, i))}" has ${node.items.length} items; item ${step} can't be added before the ones in between.` };
      }
    } else {
      return { refused: `"${formatPath(steps.slice(0, i)) || 'The plan'}" isn't ${typeof step === 'number' ? 'a list' : 'a mapping'}.` };
    }
  }
  return { refused: `"${formatPath(steps)}" isn't a single value.` };
}

function keyOf(pair: Pair<unknown, unknown>): unknown {
  return isScalar(pair.key) ? pair.key.value : pair.key;
}

/** Sets an existing key's value (a scalar, or nothing after the colon). */
function replaceValue(text: string, pair: Pair<unknown, YamlNode | null>, value: SetValue['value'], steps: Step[]): OffsetEdit | { refused: string } {
  const target = pair.value;
  if (target && !isScalar(target)) return { refused: `"${formatPath(steps)}" holds a ${isMap(target) ? 'mapping' : 'list'}; change it by hand.` };
  const flow = inFlow(text, (pair.key as YamlNode).range![0]);
  // A value, or a null written out (`~`, `null`): replaced where it stands.
  if (target && (target.value !== null || (target.range && target.range[1] > target.range[0]))) return scalarEdit(text, target, value, flow);
  // `key:` with nothing: the value goes after the colon, before any comment.
  const at = target?.range ? target.range[0] : afterColon(text, (pair.key as YamlNode).range![1]);
  const before = text[at - 1] === ' ' || text[at - 1] === '\t' ? '' : ' ';
  const after = at < text.length && !'\r\n,}'.includes(text[at]) ? ' ' : '';
  return { start: at, end: at, newText: before + scalar(value, flow) + after };
}

function scalarEdit(text: string, node: Scalar, value: SetValue['value'], flow: boolean): OffsetEdit {
  const [start] = node.range!;
  // A block scalar's (`|`, `>`) range takes in its last line break: that stays.
  let end = node.range![1];
  while (end > start && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
  return { start, end, newText: scalar(value, flow) };
}

function afterColon(text: string, from: number): number {
  const colon = text.indexOf(':', from);
  return colon === -1 ? from : colon + 1;
}

/** Whether the offset lies inside a flow collection, by its nearest unclosed bracket on the way back. */
function inFlow(text: string, offset: number): boolean {
  let depth = 0;
  for (let i = offset - 1; i >= 0 && text[i] !== '\n'; i--) {
    if (text[i] === '}' || text[i] === ']') depth++;
    else if (text[i] === '{' || text[i] === '[') { if (depth === 0) return true; depth--; }
  }
  return false;
}

/** Adds `steps` (their first one missing) to an existing mapping or list. */
function addTo(text: string, node: Collection, steps: Step[], value: SetValue['value'], eol: string): OffsetEdit | { refused: string } {
  if (node.flow) {
    const close = node.range![1] - 1;
    if (text[close] !== (isMap(node) ? '}' : ']')) return { refused: 'The plan\'s brackets are unusual here; add the key by hand.' };
    const entry = isMap(node) ? flowEntry(steps, value) : flowValue(steps.slice(1), value);
    let end = close;
    while (end > 0 && ' \t'.includes(text[end - 1])) end--;
    const comma = node.items.length ? ', ' : '';
    return { start: end, end, newText: comma + entry };
  }
  const last = node.items[node.items.length - 1] as Pair<YamlNode, YamlNode | null> | YamlNode | undefined;
  const first = node.items[0] as Pair<YamlNode, YamlNode | null> | YamlNode | undefined;
  if (!last || !first) return { refused: 'An empty block collection can\'t be extended.' };
  const firstStart = isMap(node) ? (first as Pair<YamlNode, unknown>).key.range![0] : itemDash(text, (first as YamlNode).range![0]);
  const column = firstStart - lineStart(text, firstStart);
  const lastEnd = isMap(node)
    ? ((last as Pair<YamlNode, YamlNode | null>).value ?? (last as Pair<YamlNode, unknown>).key).range![1]
    : (last as YamlNode).range![1];
  const at = endOfLine(text, lastEnd);
  const lead = at > 0 && text[at - 1] !== '\n' ? eol : '';
  const unit = indentUnit(text);
  const lines = isMap(node) ? block(steps, value, column, unit, eol) : listItem(steps.slice(1), value, column, unit, eol);
  return { start: at, end: at, newText: lead + lines };
}

/** The dash that starts a block list item whose value starts at `offset`. */
function itemDash(text: string, offset: number): number {
  let i = offset - 1;
  while (i >= 0 && text[i] !== '-' && text[i] !== '\n') i--;
  return i >= 0 && text[i] === '-' ? i : offset;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Just after the line holding `offset - 1` (the end of a node) ends. */
function endOfLine(text: string, offset: number): number {
  if (offset > 0 && text[offset - 1] === '\n') return offset;
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? text.length : newline + 1;
}

/** The plan's own indentation step: the smallest indentation of an indented line, 2 when none. */
function indentUnit(text: string): number {
  const match = /\n( +)[^\s#-]/.exec(text);
  return match ? match[1].length : 2;
}

/** `key:` lines, nested by `unit`, ending with the value. */
function block(steps: Step[], value: SetValue['value'], column: number, unit: number, eol: string): string {
  const pad = ' '.repeat(column);
  const [step, ...rest] = steps;
  const key = scalar(String(step), false);
  if (!rest.length) return `${pad}${key}: ${scalar(value, false)}${eol}`;
  if (typeof rest[0] === 'number') return `${pad}${key}:${eol}${listItem(rest.slice(1), value, column + unit, unit, eol)}`;
  return `${pad}${key}:${eol}${block(rest, value, column + unit, unit, eol)}`;
}

/** `- value` or `- key: value` with nested keys under it. */
function listItem(steps: Step[], value: SetValue['value'], column: number, unit: number, eol: string): string {
  const pad = ' '.repeat(column);
  if (!steps.length) return `${pad}- ${scalar(value, false)}${eol}`;
  const nested = block(steps, value, column + 2, unit, eol);
  return `${pad}- ${nested.slice(column + 2)}`;
}

function flowEntry(steps: Step[], value: SetValue['value']): string {
  return `${scalar(String(steps[0]), true)}: ${flowValue(steps.slice(1), value)}`;
}

function flowValue(steps: Step[], value: SetValue['value']): string {
  if (!steps.length) return scalar(value, true);
  if (typeof steps[0] === 'number') return `[${flowValue(steps.slice(1), value)}]`;
  return `{${flowEntry(steps, value)}}`;
}

/**
 * One line of YAML that every reader takes as `value`: plain when both YAML 1.1 and 1.2 read it
 * back the same (`yes`, `on`, `0o14`, `1.10` get quotes), single-quoted otherwise.
 */
export function scalar(value: SetValue['value'], flow: boolean): string {
  const plain = stringify(value, { version: '1.1' }).replace(/\n$/, '');
  const readsBack = !plain.includes('\n')
    && (!flow || !/[,[\]{}]/.test(plain))
    && [parse(plain, { version: '1.1' }), parse(plain, { version: '1.2' })].every((read) => read === value);
  if (readsBack && !(plain.startsWith('"') && typeof value === 'string' && value.includes('"'))) return plain;
  // Single quotes keep a command line's own `"` as written (`'…CCMSETUPCMD="…"…'`); `'` is doubled.
  return typeof value === 'string' && !/[\r\n]/.test(value) ? `'${value.replace(/'/g, "''")}'` : JSON.stringify(value);
}

/** Whether `next` is `before` with exactly this one value set (by the yaml package's own setIn). */
function verify(before: string, next: string, steps: Step[], value: SetValue['value']): string | undefined {
  const expected = parseDocument(before, OPTIONS) as Document;
  expected.setIn(steps, value);
  const written = parseDocument(next, OPTIONS);
  if (written.errors.length) return 'the edit would break the YAML; add it by hand.';
  if (JSON.stringify(written.toJS()) !== JSON.stringify(expected.toJS())) return 'the edit would change more than this key; add it by hand.';
  return undefined;
}

function apply(text: string, edit: OffsetEdit): string {
  return text.slice(0, edit.start) + edit.newText + text.slice(edit.end);
}

/**
 * Adds an edit made on `current` (the original with `edits` applied) to `edits`, in offsets of the
 * original. An edit that touches text an earlier edit wrote is joined with it.
 */
function merge(edits: OffsetEdit[], edit: OffsetEdit, current: string): OffsetEdit[] {
  // Each earlier edit's span in `current`.
  let shift = 0;
  const spans = edits.map((e) => {
    const start = e.start + shift;
    shift += e.newText.length - (e.end - e.start);
    return { edit: e, start, end: start + e.newText.length };
  });
  const touching = spans.filter((s) => s.start <= edit.end && edit.start <= s.end);
  const curStart = Math.min(edit.start, ...touching.map((s) => s.start));
  const curEnd = Math.max(edit.end, ...touching.map((s) => s.end));
  // An offset outside every edited span (or at its edge) less what the edits before it added.
  const toOriginal = (offset: number): number => offset - spans
    .filter((s) => s.end <= offset)
    .reduce((n, s) => n + s.edit.newText.length - (s.edit.end - s.edit.start), 0);
  const origStart = toOriginal(curStart);
  const origEnd = toOriginal(curEnd);
  const joined: OffsetEdit = { start: origStart, end: origEnd, newText: current.slice(curStart, edit.start) + edit.newText + current.slice(edit.end, curEnd) };
  return [...edits.filter((e) => !touching.some((s) => s.edit === e)), joined].sort((a, b) => a.start - b.start);
}
