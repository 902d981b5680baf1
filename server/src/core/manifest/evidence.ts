// Evidence for readiness checks: which values the structure check rejected or that are template
// placeholders (flaws), and, for each fact a check needs but can't use, what the admin must write:
// the allowed values with their meanings, a YAML example nested from the top, and where the key
// belongs in this document with a snippet to insert there.
import { parseDocument, stringify } from 'yaml';
import type { Span } from '../ccmsetup/ast';
import { ManifestDocument, ManifestNode } from './ast';
import { fieldAt } from './describeField';
import type { PlaceholderValue, StructureFinding } from './structure';
import { Field } from './schemaTypes';
import { parsePath } from './plan';
import { isPlaceholder } from './placeholders';

/** A fact a check needs that the plan doesn't state validly. */
export interface MissingFact {
  /** Full key path, e.g. "licensing.entraId", "comanagement.policies[0].commandLine". */
  path: string;
  reason: 'absent' | 'invalid' | 'placeholder';
  /** The invalid or placeholder text as written. */
  value?: string;
  /** In the format's order. */
  allowed?: { value: string; meaning: string }[];
  /** A YAML example of the key with a value, nested from the top. */
  example: string;
  /** Where the key belongs in this document and a VS Code snippet (choices = allowed values). */
  insert?: { offset: number; snippet: string };
}

/** A value the readiness checks must not take as evidence. */
export interface Flaw {
  path: string;
  reason: 'invalid' | 'placeholder';
  node: ManifestNode;
  /** A mapping or list of placeholders only: it hides nothing under it that it doesn't hold. */
  section?: true;
}

/** The structure check's verdicts by key path (computed once per version, with the structure check). */
export function flawsFrom(findings: readonly StructureFinding[], placeholders: readonly PlaceholderValue[], document: ManifestDocument): Map<string, Flaw> {
  const flaws = new Map<string, Flaw>();
  for (const finding of findings) {
    if (finding.path === undefined || (finding.code !== 'manifest-wrong-type' && finding.code !== 'manifest-invalid-value')) continue;
    const node = nodeAtSpan(document, finding.path, finding.span);
    if (node && !flaws.has(finding.path)) flaws.set(finding.path, { path: finding.path, reason: 'invalid', node });
  }
  for (const p of placeholders) if (!flaws.has(p.path)) flaws.set(p.path, { path: p.path, reason: 'placeholder', node: p.node });
  if (placeholders.length && document.root) placeholderSections(document.root, '', flaws);
  return flaws;
}

/**
 * A mapping or list that holds nothing but placeholders (a template's `cmg:` section) states
 * nothing either: a check that asks whether the section exists mustn't pass on it.
 */
function placeholderSections(node: ManifestNode, path: string, flaws: Map<string, Flaw>): boolean {
  if (node.kind === 'scalar') return flaws.get(path)?.reason === 'placeholder';
  let all = true;
  let any = false;
  if (node.kind === 'map') {
    for (const entry of node.entries) {
      any = true;
      if (!entry.node || !placeholderSections(entry.node, path ? `${path}.${entry.key}` : entry.key, flaws)) all = false;
    }
  } else {
    node.items.forEach((item, i) => { any = true; if (!placeholderSections(item, `${path}[${i}]`, flaws)) all = false; });
  }
  const section = any && all && path !== '';
  if (section && !flaws.has(path)) flaws.set(path, { path, reason: 'placeholder', node, section: true });
  return section;
}

/** The node a finding is about: the structure check reports on the value itself. */
function nodeAtSpan(document: ManifestDocument, path: string, span: Span): ManifestNode | undefined {
  let node: ManifestNode | null | undefined = document.root;
  for (const step of parsePath(path)) {
    if (!node) return undefined;
    if (typeof step === 'number') node = node.kind === 'seq' ? node.items[step] : undefined;
    else node = node.kind === 'map' ? node.entries.find((e) => e.key === step)?.node : undefined;
  }
  return node && node.span.start === span.start ? node : node ?? undefined;
}

/** The flaw at a path or at one of its ancestors (a list where a mapping belongs hides every key under it). */
export function flawAt(flaws: ReadonlyMap<string, Flaw>, path: string): Flaw | undefined {
  if (flaws.size === 0) return undefined;
  const own = flaws.get(path);
  if (own) return own;
  const root = flaws.get('');
  if (root && !root.section) return root;
  for (let i = 0; i < path.length; i++) {
    const c = path[i];
    if (c === '.' || c === '[') {
      const flaw = flaws.get(path.slice(0, i));
      if (flaw && !flaw.section) return flaw;
    }
  }
  return undefined;
}

const MAX_VALUE_SHOWN = 80;

/** The value as written in the file, cut short when long. */
export function writtenValue(text: string, node: ManifestNode): string {
  // Text as the plan means it (without YAML quotes); anything else as written.
  const raw = node.kind === 'scalar' && typeof node.value === 'string' ? node.value : text.slice(node.span.start, node.span.end).trim();
  return raw.length > MAX_VALUE_SHOWN ? `${raw.slice(0, MAX_VALUE_SHOWN - 1)}…` : raw;
}

/** The allowed values of a key with one-line meanings (our words, from the format), in the format's order. */
export function allowedValues(field: Field | undefined): { value: string; meaning: string }[] | undefined {
  if (!field) return undefined;
  if (field.type.kind === 'enum') return field.type.values.map((v) => ({ value: v.value, meaning: v.description }));
  if (field.type.kind === 'boolean') {
    // The format describes a true/false key as a statement ("Whether …", "The site is …").
    const statement = field.description.replace(/^Whether /, '').replace(/\.$/, '');
    return [{ value: 'true', meaning: `Yes: ${statement}.` }, { value: 'false', meaning: `No, not so: ${statement}.` }];
  }
  return undefined;
}


/** A value for the example: one the rule's own passing fixtures state, else the format's example, else one of the type. */
export function exampleValue(path: string, field: Field | undefined, passing: readonly string[] = []): unknown {
  const steps = parsePath(path);
  for (const fixture of passing) {
    const value = fixtureValue(fixture, steps);
    if (value !== undefined && fits(field, value)) return value;
  }
  if (field?.example !== undefined) return field.example;
  const type = field?.type;
  switch (type?.kind) {
    case 'enum': return type.values[0].value;
    case 'boolean': return true;
    case 'integer': return type.min ?? 1;
    case 'object': case 'array': return undefined;
    default: {
      // "…, e.g. contoso.cloudapp.net/…" or 'e.g. "10 20H2"': the format's descriptions carry an example.
      const eg = field && /e\.g\. "?([^",)]+)"?/.exec(field.description);
      return eg ? eg[1].trim() : `<${String(steps[steps.length - 1] ?? 'value')}>`;
    }
  }
}

const fixtureCache = new Map<string, ReturnType<typeof parseDocument>>();

function fixtureValue(fixture: string, steps: (string | number)[]): unknown {
  let document = fixtureCache.get(fixture);
  if (!document) fixtureCache.set(fixture, (document = parseDocument(fixture, { uniqueKeys: false })));
  if (document.errors.length) return undefined;
  const value = document.getIn(steps);
  return value === null || typeof value === 'object' ? undefined : value;
}

function fits(field: Field | undefined, value: unknown): boolean {
  switch (field?.type.kind) {
    case 'enum': return field.type.values.some((v) => v.value === value);
    case 'boolean': return typeof value === 'boolean';
    case 'integer': return typeof value === 'number' && Number.isInteger(value);
    case 'string': case 'commandLine': return typeof value === 'string' && value.trim() !== '' && !isPlaceholder(value);
    default: return false;
  }
}

/** One YAML scalar as it would be written (quoted when YAML would read it as something else). */
function yamlScalar(value: unknown): string {
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

/** The key with its value, nested from the top of the document. */
export function exampleYaml(steps: (string | number)[], value: unknown): string {
  return renderSteps(steps, 0, value === undefined ? '' : ` ${yamlScalar(value)}`).join('\n');
}

/** Lines for `steps` starting at `indent`; `tail` follows the last key (a value, or a snippet). */
function renderSteps(steps: (string | number)[], indent: number, tail: string): string[] {
  const lines: string[] = [];
  let pad = indent;
  let dash = false;
  steps.forEach((step, i) => {
    if (typeof step === 'number') { dash = true; return; }
    const last = i === steps.length - 1;
    const prefix = dash ? `${' '.repeat(pad)}- ` : ' '.repeat(pad);
    lines.push(`${prefix}${step}:${last ? tail : ''}`);
    pad += dash ? 4 : 2;
    dash = false;
  });
  return lines;
}

const snippetText = (text: string) => text.replace(/[$}\\]/g, '\\$&');

/** The value part of an inserted key as a snippet: a choice for allowed values, else the example selected. */
function valueSnippet(field: Field | undefined, value: unknown): string {
  const allowed = allowedValues(field);
  if (allowed) return ` \${1|${allowed.map((a) => a.value.replace(/[,|\\$}]/g, '\\$&')).join(',')}|}`;
  if (value === undefined) return '$0';
  return ` \${1:${snippetText(yamlScalar(value))}}`;
}

/**
 * Where a missing key goes: inside the deepest mapping of its path that the document has, after
 * that mapping's last key, at its indentation; an ancestor that is absent is written too. Nothing
 * when the place can't be found safely (a flow mapping, a list item that isn't there, a key of
 * another type on the way).
 */
export function insertionFor(document: ManifestDocument, steps: (string | number)[], field: Field | undefined, value: unknown): { offset: number; snippet: string; parentKey?: Span } | undefined {
  const { text } = document;
  const tail = valueSnippet(field, value);
  const root = document.root;
  if (!root) {
    const offset = text.length;
    const lead = offset > 0 && !text.endsWith('\n') ? '\n' : '';
    return { offset, snippet: lead + renderSteps(steps, 0, tail).join('\n') };
  }
  let map: ManifestNode = root;
  let parentKey: Span | undefined;
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i];
    if (typeof step === 'number') return undefined;
    if (map.kind !== 'map' || isFlow(text, map)) return undefined;
    const entry = map.entries.find((e) => e.key === step);
    if (!entry) {
      if (map.entries.length === 0) return undefined;
      if (i === 0) {
        // A new top-level section goes at the end of the file.
        const lead = text.endsWith('\n') ? '' : '\n';
        return { offset: text.length, snippet: `${lead}${renderSteps(steps, 0, tail).join('\n')}${lead ? '' : '\n'}` };
      }
      const lastEntry = map.entries[map.entries.length - 1];
      const indent = columnOf(text, map.entries[0].keySpan.start);
      return { ...onNextLine(text, lineEnd(text, (lastEntry.node ?? { span: lastEntry.keySpan }).span.end), renderSteps(steps.slice(i), indent, tail)), parentKey };
    }
    if (i === steps.length - 1) return undefined;
    const node = entry.node;
    const next = steps[i + 1];
    if (!node || (node.kind === 'scalar' && node.value === null)) {
      // `licensing:` with nothing under it: the keys go below, one level deeper.
      return { ...onNextLine(text, lineEnd(text, entry.keySpan.end), renderSteps(steps.slice(i + 1), columnOf(text, entry.keySpan.start) + 2, tail)), parentKey: entry.keySpan };
    }
    parentKey = entry.keySpan;
    if (typeof next === 'number') {
      if (node.kind !== 'seq' || isFlow(text, node)) return undefined;
      const item = node.items[next];
      if (!item || item.kind !== 'map') return undefined;
      map = item;
      i++;
      continue;
    }
    map = node;
  }
  return undefined;
}

/**
 * The lines go at the start of the line after `end` (the end of a line): an editor that indents a
 * snippet's new lines like the line it starts on (VS Code does) then adds nothing. At the end of a
 * file without a final line break, they follow a line break instead.
 */
function onNextLine(text: string, end: number, lines: string[]): { offset: number; snippet: string } {
  return text[end] === '\n' ? { offset: end + 1, snippet: `${lines.join('\n')}\n` } : { offset: end, snippet: `\n${lines.join('\n')}` };
}

function isFlow(text: string, node: ManifestNode): boolean {
  const c = text[node.span.start];
  return c === '{' || c === '[';
}

function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

/** The end of the line a span ends on (a span that ends after its line break ends on that line). */
function lineEnd(text: string, end: number): number {
  const from = end > 0 && text[end - 1] === '\n' ? end - 1 : end;
  const at = text.indexOf('\n', from);
  return at === -1 ? text.length : at;
}

/** The missing fact's facts: allowed values, example and insertion, for a path the plan lacks or can't use. */
export function describeMissing(document: ManifestDocument, path: string, reason: MissingFact['reason'], passing: readonly string[], flaw?: Flaw): { fact: MissingFact; anchor?: Span } {
  const steps = parsePath(path);
  const field = fieldAt(steps);
  const value = exampleValue(path, field, passing);
  const fact: MissingFact = { path, reason, example: exampleYaml(steps, value) };
  if (flaw && !flaw.section) fact.value = writtenValue(document.text, flaw.node);
  const allowed = allowedValues(field);
  if (allowed) fact.allowed = allowed;
  if (reason !== 'absent') return { fact };
  const insertion = insertionFor(document, steps, field, value);
  if (!insertion) return { fact };
  fact.insert = { offset: insertion.offset, snippet: insertion.snippet };
  return { fact, anchor: insertion.parentKey ?? { start: insertion.offset, end: insertion.offset } };
}
