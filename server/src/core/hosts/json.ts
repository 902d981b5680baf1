// The JSON host: a Graph export (`.json`) holding Intune co-management settings policies
// (`deviceComanagementAuthorityConfiguration`) carries each policy's client command line in
// `configurationManagerAgentCommandLineArgument`. That string is what Intune stores and hands to
// ccmsetup, so it is checked in the Intune context, as a manifest's `commandLine` is.
//
// Shapes read: one object (a GET of one policy, or one file of a folder export), a list response
// (`{"value": [...]}`, one page of it) and a bare array of objects. Objects are recognised by their
// `@odata.type` (graph/odataTypes.ts); other objects and nested lists are left alone. The JSON is
// parsed by jsonc-parser (strict: no comments, no trailing commas) with offsets; each string is
// decoded here with an offset per character (`\"`, `\\`, `\uXXXX` point at their backslash), and a
// finding whose end falls inside an escape is widened to the whole escape. A fix is escaped for a
// JSON string (JSON.stringify's escapes) and refused unless it starts and ends on a whole character.
// A file that doesn't parse gets one finding with its position, and nothing else is checked.
import { parseTree, type Node, type ParseError } from 'jsonc-parser';
import type { Span } from '../ccmsetup/ast';
import { INTUNE_COMMAND_LINE_LIMIT, intuneLengthLimit } from '../ccmsetup/rules/context';
import type { Problem } from '../languageTypes';
import { graphTypeOf, mentionsGraphType } from '../graph/odataTypes';
import { work } from '../steps';
import type { EmbeddedLine, Host } from './host';
import { hostProblem } from './hostRule';
import { agentWithoutCommandLine, jsonSyntax } from './jsonRules';

const COMMAND_LINE_PROPERTY = 'configurationManagerAgentCommandLineArgument';
const INSTALL_AGENT_PROPERTY = 'installConfigurationManagerAgent';

/** What jsonc-parser's error codes mean, in our words. */
const ERRORS: Record<number, string> = {
  1: 'a character JSON doesn\'t allow here',
  2: 'a number written in a form JSON doesn\'t allow',
  3: 'a property name (in double quotes) was expected',
  4: 'a value was expected',
  5: 'a colon was expected after the property name',
  6: 'a comma was expected between the entries',
  7: 'a closing } was expected',
  8: 'a closing ] was expected',
  9: 'the text goes on after the end of the JSON value',
  10: 'a comment, which JSON doesn\'t allow',
  11: 'a comment that never ends',
  12: 'a string that ends with its line (a missing closing quote, or a line break written as is instead of \\n)',
  13: 'a number that ends too early',
  14: 'a \\u escape without four hexadecimal digits',
  15: 'a backslash escape JSON doesn\'t define (use \\\\ for a backslash)',
  16: 'a control character (a line break or tab) inside a string; write it as \\n or \\t',
};

const SIMPLE_ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/** A JSON string literal decoded, with the document offset of each decoded character. */
export interface DecodedString {
  text: string;
  offsets: number[];
  /** Escape start → the offset just after it, for each escape in the literal. */
  escapes: Map<number, number>;
  /** The literal's content (inside its quotes), in document offsets. */
  content: Span;
}

/** Decodes the string literal at `node` (a parsed, valid JSON string). Linear. */
export function decodeJsonString(text: string, node: Node): DecodedString {
  const from = node.offset + 1;
  const to = node.offset + node.length - 1;
  let out = '';
  const offsets: number[] = [];
  const escapes = new Map<number, number>();
  for (let i = from; i < to;) {
    const ch = text[i];
    if (ch !== '\\') { out += ch; offsets.push(i); i++; continue; }
    const next = text[i + 1];
    if (next === 'u') {
      out += String.fromCharCode(Number.parseInt(text.slice(i + 2, i + 6), 16));
      offsets.push(i);
      escapes.set(i, i + 6);
      i += 6;
      continue;
    }
    out += SIMPLE_ESCAPES[next] ?? next;
    offsets.push(i);
    escapes.set(i, i + 2);
    i += 2;
  }
  return { text: out, offsets, escapes, content: { start: from, end: to } };
}

/** Text escaped for the inside of a JSON string. */
export const escapeJsonString = (value: string): string => JSON.stringify(value).slice(1, -1);

/** The first index in sorted `values` that is ≥ `x`. */
function lowerBound(values: readonly number[], x: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (values[mid] < x) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** One co-management settings policy found in the export. */
export interface ExportedPolicy {
  node: Node;
  commandLine?: Node;
  installAgent?: Node;
}

export interface JsonScan {
  lines: EmbeddedLine[];
  problems: Problem[];
  policies: ExportedPolicy[];
}

/** The property named `name` of an object node (the last one, as JSON.parse keeps). */
function property(object: Node, name: string): Node | undefined {
  let found: Node | undefined;
  for (const child of object.children ?? []) {
    const [key, value] = child.children ?? [];
    if (key?.value === name && value) found = value;
  }
  return found;
}

/** The co-management settings policies of an export: the object itself, or the items of a list. */
function exportedPolicies(root: Node | undefined): ExportedPolicy[] {
  if (!root) return [];
  const objects: Node[] = [];
  if (root.type === 'object') {
    const list = property(root, 'value');
    // A list response holds its objects under `value` (and has no @odata.type of its own).
    if (list?.type === 'array' && graphTypeOf(property(root, '@odata.type')?.value) === undefined) objects.push(...(list.children ?? []));
    else objects.push(root);
  } else if (root.type === 'array') {
    objects.push(...(root.children ?? []));
  }
  const policies: ExportedPolicy[] = [];
  for (const object of objects) {
    if (object.type !== 'object' || graphTypeOf(property(object, '@odata.type')?.value) !== 'comanagementSettings') continue;
    policies.push({ node: object, commandLine: property(object, COMMAND_LINE_PROPERTY), installAgent: property(object, INSTALL_AGENT_PROPERTY) });
  }
  return policies;
}

/** Line and column (1-based) of an offset, for a message. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) { line++; start = i + 1; }
  return { line, column: offset - start + 1 };
}

function syntaxProblem(text: string, error: ParseError): Problem {
  const start = Math.min(error.offset, text.length);
  const end = Math.min(text.length, start + Math.max(error.length, text.length > start ? 1 : 0));
  const { line, column } = lineColumn(text, start);
  const what = ERRORS[error.error] ?? 'something JSON doesn\'t allow';
  return hostProblem(jsonSyntax, { start, end },
    `This Graph export is not valid JSON: ${what}, at line ${line}, column ${column}. Fix the file (or export it again); its command lines are checked once it parses.`);
}

function tooDeep(text: string): Problem {
  return hostProblem(jsonSyntax, { start: 0, end: Math.min(1, text.length) },
    'This JSON file is nested too deeply to read; a Graph export never is. Check that it is the export you meant.');
}

const isBlank = (value: unknown) => value === null || (typeof value === 'string' && value.trim() === '');

function embeddedLine(text: string, node: Node): EmbeddedLine {
  const decoded = decodeJsonString(text, node);
  const { offsets, escapes, content } = decoded;
  const problems: Problem[] = [];
  // Intune stores the field as it is: its limit counts the decoded characters, not the escapes.
  // (The ccmsetup rule measures a manifest's line; a host's line is measured by its host.)
  if (decoded.text.length > INTUNE_COMMAND_LINE_LIMIT) {
    const length = decoded.text.length;
    problems.push({
      code: intuneLengthLimit.id, severity: intuneLengthLimit.severity, docUrl: intuneLengthLimit.docUrl,
      span: { start: offsets[INTUNE_COMMAND_LINE_LIMIT], end: content.end },
      message: `This command line is ${length} characters long; Intune allows at most ${INTUNE_COMMAND_LINE_LIMIT}, and the client installation fails beyond that. Remove ${length - INTUNE_COMMAND_LINE_LIMIT} characters.`,
    });
  }
  const boundary = (at: number) => at === content.end || offsets[lowerBound(offsets, at)] === at;
  return {
    source: { text: decoded.text, offsets },
    context: 'intune',
    span: { start: node.offset, end: node.offset + node.length },
    argumentSpans: [content],
    symbols: [],
    widen(span) {
      if (span.end <= span.start) return span;
      const after = escapes.get(span.end - 1);
      return after === undefined ? span : { start: span.start, end: after };
    },
    encode(replacement, at, end = at) {
      // Inside the string's quotes, and never half an escape.
      if (at < content.start || end > content.end || end < at || !boundary(at) || !boundary(end)) return undefined;
      return escapeJsonString(replacement);
    },
    problems,
  };
}

/** The whole scan of one text: command lines, the export's own findings, the policies. */
export function scanJson(source: string): JsonScan {
  // A byte-order mark the editor kept is no JSON character: read as a blank, offsets unchanged.
  const text = source.charCodeAt(0) === 0xfeff ? ` ${source.slice(1)}` : source;
  const errors: ParseError[] = [];
  // One parse of the whole text, not cut into steps (Graph exports are small); counted so the next pause comes sooner.
  work(text.length);
  let root: Node | undefined;
  try {
    root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  } catch {
    // jsonc-parser descends recursively: thousands of nested brackets overflow the stack.
    return { lines: [], problems: [tooDeep(text)], policies: [] };
  }
  if (errors.length) return { lines: [], problems: [syntaxProblem(text, errors[0])], policies: [] };
  const policies = exportedPolicies(root);
  const lines: EmbeddedLine[] = [];
  const problems: Problem[] = [];
  for (const policy of policies) {
    const line = policy.commandLine;
    if (line?.type === 'string' && !isBlank(line.value)) lines.push(embeddedLine(text, line));
    else if (policy.installAgent?.value === true && line && isBlank(line.value)) {
      problems.push({
        ...hostProblem(agentWithoutCommandLine, { start: line.offset, end: line.offset + line.length },
          `This policy installs the Configuration Manager client (${INSTALL_AGENT_PROPERTY} is true) but its ${COMMAND_LINE_PROPERTY} is empty; paste the command line from the Enablement tab of the cloud attach properties.`),
        related: [{ span: { start: policy.installAgent.offset, end: policy.installAgent.offset + policy.installAgent.length }, message: 'The client is installed because of this setting.' }],
      });
    }
  }
  return { lines, problems, policies };
}

// findLines and documentProblems are asked for the same text one after the other: parsed once.
let last: { text: string; scan: JsonScan } | undefined;
function scanOnce(text: string): JsonScan {
  if (last?.text !== text) last = { text, scan: scanJson(text) };
  return last.scan;
}

export const jsonHost: Host = {
  id: 'json',
  extensions: ['.json'],
  mentions: mentionsGraphType,
  findLines: (text) => scanOnce(text).lines,
  documentProblems: (text) => scanOnce(text).problems,
};
