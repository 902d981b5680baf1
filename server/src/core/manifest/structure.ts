// Structural checks of a manifest against the format's typed definitions: YAML syntax, duplicate
// keys, unknown keys (with did-you-mean), wrong types, bad values and missing required keys.
// Each finding is reported on the smallest node: the key for an unknown key, the value for a bad
// value, the owning key for a missing one.
import { Span } from '../ccmsetup/ast';
import { Fix, Severity } from '../languageTypes';
import type { Budget } from '../limits';
import { ManifestNode } from './ast';
import { MANIFEST_SCHEMA } from './manifestSchema';
import { Field } from './schemaTypes';
import { Steps, due, work } from '../steps';
import { suggest } from '../suggest';
import { isPlaceholder } from './placeholders';
import { parseCode } from '../knowledge/codes';

export interface StructureFinding {
  code: StructureCode;
  span: Span;
  message: string;
  fixes?: Fix[];
  /** The key path of a value judged wrong (wrong type, invalid value): readiness checks that read it are unknown. */
  path?: string;
}

/** A value that is a template placeholder (`<site code>`): not judged, reported as unreplaced. */
export interface PlaceholderValue {
  path: string;
  node: ManifestNode;
}

export type StructureCode = 'manifest-yaml-syntax' | 'manifest-multiple-documents' | 'manifest-duplicate-key' | 'manifest-too-complex' | 'manifest-unknown-key'
  | 'manifest-wrong-type' | 'manifest-invalid-value' | 'manifest-missing-key';

export interface StructureCodeInfo {
  id: StructureCode;
  severity: Severity;
  title: string;
  examples: { fail: string[]; pass: string[] };
}

const FORMAT_DOC = 'https://learn.microsoft.com/intune/configmgr/comanage/overview';
export { FORMAT_DOC as MANIFEST_FORMAT_DOC };

export const STRUCTURE_CODES: StructureCodeInfo[] = [
  { id: 'manifest-yaml-syntax', severity: 'error', title: 'The file is not valid YAML', examples: { fail: ['version: 1\nsite: [unclosed'], pass: ['version: 1'] } },
  { id: 'manifest-multiple-documents', severity: 'error', title: 'A second YAML document (---) in a manifest, which comanage does not read', examples: { fail: ['version: 1\n---\nversion: 1'], pass: ['---\nversion: 1\n...\n'] } },
  { id: 'manifest-duplicate-key', severity: 'error', title: 'The same key twice in one mapping', examples: { fail: ['version: 1\nname: a\nname: b'], pass: ['version: 1\nname: a'] } },
  { id: 'manifest-too-complex', severity: 'warning', title: 'Nesting or aliases beyond what comanage checks', examples: { fail: [`version: 1\nname: ${'['.repeat(80)}${']'.repeat(80)}`], pass: ['version: 1\nname: [[a]]'] } },
  { id: 'manifest-unknown-key', severity: 'error', title: 'A key the manifest format does not define', examples: { fail: ['version: 1\nsite:\n  cod: ABC'], pass: ['version: 1\nsite:\n  code: ABC'] } },
  { id: 'manifest-wrong-type', severity: 'error', title: 'A value of the wrong type (text, number, true/false, list, mapping), or text that YAML reads as a number', examples: { fail: ['version: 1\nautopilot:\n  enabled: yes', 'version: 1\nsite:\n  code: 012', 'version: 1\nwindows:\n  minimumVersion: 10'], pass: ['version: 1\nautopilot:\n  enabled: true', 'version: 1\nsite:\n  code: "012"'] } },
  { id: 'manifest-invalid-value', severity: 'error', title: 'A value outside the allowed choices, range or form', examples: { fail: ['version: 1\nautopilot:\n  deploymentMode: white-glove', 'version: 2'], pass: ['version: 1\nautopilot:\n  deploymentMode: user-driven'] } },
  { id: 'manifest-missing-key', severity: 'error', title: 'A required key is missing', examples: { fail: ['name: plan', 'version: 1\nworkloads:\n  clientApps:\n    pilotCollection: Pilot'], pass: ['version: 1\nworkloads:\n  clientApps:\n    authority: intune'] } },
];


/**
 * Walks the tree depth first with an explicit stack (a file of thousands of policies can then
 * pause between nodes); findings come out in the order a recursive walk gives.
 */
export function* checkStructureSteps(root: ManifestNode | undefined, text: string, budget?: Budget, placeholders: PlaceholderValue[] = []): Steps<StructureFinding[]> {
  const findings: StructureFinding[] = [];
  if (!root) {
    findings.push({ code: 'manifest-missing-key', span: { start: 0, end: Math.min(1, text.length) }, message: 'The manifest is empty: start with "version: 1".' });
    return findings;
  }
  const stack: Task[] = [() => visit(MANIFEST_SCHEMA, root, { start: 0, end: Math.min(1, text.length) }, 'the manifest', '', { findings, placeholders, stack, text, budget })];
  while (stack.length) {
    stack.pop()!();
    // A node's checks: a type test, a key lookup, now and then a did-you-mean.
    work(100);
    if (due()) yield;
  }
  return findings;
}

/** A node to visit, or the checks to run after an object's entries were visited. */
type Task = () => void;

interface Walk {
  findings: StructureFinding[];
  placeholders: PlaceholderValue[];
  stack: Task[];
  text: string;
  budget?: Budget;
}

function visit(field: Field, node: ManifestNode, ownerSpan: Span, label: string, path: string, walk: Walk): void {
  const { stack, text, budget } = walk;
  // Findings about this value carry its path (the readiness engine reads them as "invalid").
  const findings = { push: (finding: StructureFinding) => walk.findings.push({ ...finding, path }) };
  if (budget?.expired()) {
    stack.length = 0;
    return void budget.stop(node.span, 'the structure checks from here on, the command-line checks and the readiness checks');
  }
  if (node.kind === 'scalar' && typeof node.value === 'string' && isPlaceholder(node.value)) return void walk.placeholders.push({ path, node });
  const type = field.type;
  switch (type.kind) {
    case 'object': {
      // `cmg: none` states there is none; only keys whose format defines it accept the word.
      if (type.none && node.kind === 'scalar' && node.value === 'none') return;
      if (node.kind !== 'map') return void wrongType(node, `${label} should be a mapping of keys${type.none ? ', or none' : ''}`, findings);
      const known = Object.keys(type.fields);
      // Computed once per mapping: a per-entry scan would make a file of many unknown keys quadratic.
      const present = new Set(node.entries.map((e) => e.key));
      const unused = known.filter((k) => !present.has(k));
      const children: Task[] = [];
      for (const entry of node.entries) {
        const child = Object.hasOwn(type.fields, entry.key) ? type.fields[entry.key] : undefined;
        if (!child) {
          children.push(() => {
            const suggestion = suggest(entry.key, unused);
            walk.findings.push({
              code: 'manifest-unknown-key', span: entry.keySpan,
              message: `"${entry.key}" is not a key of ${label}.${suggestion ? ` Did you mean "${suggestion}"?` : ` Known keys: ${known.join(', ')}.`}`,
              fixes: suggestion ? [{ title: `Rename to ${suggestion}`, edits: [{ span: entry.keySpan, newText: suggestion }], preferred: true }] : undefined,
            });
          });
          continue;
        }
        const value = entry.node;
        if (value && !(value.kind === 'scalar' && value.value === null)) children.push(() => visit(child, value, entry.keySpan, `"${entry.key}"`, path ? `${path}.${entry.key}` : entry.key, walk));
      }
      stack.push(() => {
        for (const [key, child] of Object.entries(type.fields)) {
          if (child.required && !present.has(key)) {
            walk.findings.push({ code: 'manifest-missing-key', span: ownerSpan, message: `${capitalise(label)} needs the key "${key}" (${child.description})` });
          }
        }
      });
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
      return;
    }
    case 'array':
      if (node.kind !== 'seq') return void wrongType(node, `${label} should be a list`, findings);
      for (let index = node.items.length - 1; index >= 0; index--) {
        const item = node.items[index];
        // `- ~` is an empty item, like `-` alone: nothing to check (the JSON Schema agrees).
        if (item.kind === 'scalar' && item.value === null) continue;
        stack.push(() => visit(type.items, item, item.span, `item ${index + 1} of ${label}`, `${path}[${index}]`, walk));
      }
      return;
    case 'boolean':
      if (node.kind !== 'scalar' || typeof node.value !== 'boolean') {
        const hint = node.kind === 'scalar' && typeof node.value === 'string' && /^(yes|no|on|off|y|n|True|False|TRUE|FALSE)$/.test(node.value)
          ? ` Write true or false (YAML reads "${node.value}" as text).` : ' Write true or false.';
        const fix = node.kind === 'scalar' && typeof node.value === 'string' && /^(yes|on|y|true)$/i.test(node.value) ? 'true'
          : node.kind === 'scalar' && typeof node.value === 'string' && /^(no|off|n|false)$/i.test(node.value) ? 'false' : undefined;
        findings.push({ code: 'manifest-wrong-type', span: node.span, message: `${capitalise(label)} is true or false.${hint}`,
          fixes: fix ? [{ title: `Change to ${fix}`, edits: [{ span: node.span, newText: fix }], preferred: true }] : undefined });
      }
      return;
    case 'integer':
      if (node.kind !== 'scalar' || typeof node.value !== 'number' || !Number.isInteger(node.value)) return void wrongType(node, `${label} should be a whole number`, findings);
      if ((type.min !== undefined && node.value < type.min) || (type.max !== undefined && node.value > type.max)) {
        const range = type.min !== undefined && type.max !== undefined ? (type.min === type.max ? `${type.min}` : `${type.min} to ${type.max}`) : type.min !== undefined ? `at least ${type.min}` : `at most ${type.max}`;
        findings.push({ code: 'manifest-invalid-value', span: node.span, message: `${capitalise(label)} must be ${range}.` });
      }
      return;
    case 'string': case 'commandLine':
      if (node.kind === 'scalar' && (typeof node.value === 'number' || typeof node.value === 'boolean')) return void readAsText(node, label, findings, text);
      if (node.kind !== 'scalar' || typeof node.value !== 'string') return void wrongType(node, `${label} should be text`, findings);
      if (type.kind === 'string' && type.pattern && !patternOf(type.pattern).test(node.value)) {
        findings.push({ code: 'manifest-invalid-value', span: node.span, message: `${capitalise(label)} should be ${type.patternHint ?? `text matching ${type.pattern}`}.` });
      }
      return;
    case 'code':
      // YAML reads 0x80180014 as a number already; quoted hex or decimal text is fine too.
      if (node.kind !== 'scalar' || (typeof node.value !== 'number' && typeof node.value !== 'string')) return void wrongType(node, `${label} should be an error code such as 0x80180014 or 2149056532`, findings);
      if (parseCode(node.value) === undefined) findings.push({ code: 'manifest-invalid-value', span: node.span, message: `${capitalise(label)} should be a 32-bit error code in hex (0x80180014) or decimal (2149056532).` });
      return;
    case 'enum': {
      const values = type.values.map((v) => v.value);
      if (node.kind !== 'scalar' || node.value === null) return void wrongType(node, `${label} should be one of ${values.join(', ')}`, findings);
      const text = String(node.value);
      if (values.includes(text)) return;
      const caseMatch = values.find((v) => v.toLowerCase() === text.toLowerCase());
      const suggestion = caseMatch ?? suggest(text, values);
      findings.push({
        code: 'manifest-invalid-value', span: node.span,
        message: `${capitalise(label)} is one of ${values.join(', ')}; "${text}" is not.${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
        fixes: suggestion ? [{ title: `Change to ${suggestion}`, edits: [{ span: node.span, newText: suggestion }], preferred: true }] : undefined,
      });
    }
  }
}

const patterns = new Map<string, RegExp>();
const patternOf = (source: string) => {
  let pattern = patterns.get(source);
  if (!pattern) patterns.set(source, (pattern = new RegExp(source)));
  return pattern;
};

/**
 * Text that YAML reads as a number or true/false (`code: 012` is the number 12, `name: true` a
 * boolean): the finding quotes the source as written and offers to put it in quotes.
 */
type Sink = { push(finding: StructureFinding): void };

function readAsText(node: Extract<ManifestNode, { kind: 'scalar' }>, label: string, findings: Sink, text: string): void {
  const source = text.slice(node.textSpan.start, node.textSpan.end);
  const what = typeof node.value === 'boolean' ? 'a true/false value' : source === String(node.value) ? 'a number' : `the number ${node.value}`;
  // A plain scalar holds no quote or backslash; single quotes would need no escaping either.
  const quoted = `"${source.replace(/["\\]/g, '\\$&')}"`;
  findings.push({
    code: 'manifest-wrong-type', span: node.span,
    message: `${capitalise(label)} is text, but YAML reads ${source} as ${what}. Put it in quotes: ${quoted}.`,
    fixes: node.style === 'PLAIN' && node.span.start === node.textSpan.start ? [{ title: `Put ${source} in quotes`, edits: [{ span: node.span, newText: quoted }], preferred: true }] : undefined,
  });
}

function wrongType(node: ManifestNode, message: string, findings: Sink): void {
  findings.push({ code: 'manifest-wrong-type', span: node.span, message: `${capitalise(message)}.` });
}

function capitalise(text: string): string {
  return text.length ? text[0].toUpperCase() + text.slice(1) : text;
}
