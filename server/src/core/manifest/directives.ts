// `# comanage-disable-next-line [codes]` in a manifest: a YAML comment on a line of its own
// silences those codes (all, when it names none) on the next line that holds YAML, including
// findings inside an embedded command line and failed readiness checks shown there. A value that
// starts on that line and runs over several (a block scalar, a folded command line) counts whole.
// Misspelt directives and unknown codes get a warning, as in .ccmsetup files.
import { suppressibleCodes } from '../diagnosticCodes';
import { UNKNOWN_DIRECTIVE, directiveProblems, disabledCodes, readDirective } from '../directives';
import { LanguageSettings, Problem, Span } from '../languageTypes';
import { ManifestDocument, ManifestNode } from './ast';
import { Steps, due, work } from '../steps';
import { MAX_PROBLEMS } from '../limits';

/** A comment line that may be a directive (or a misspelt one): `#`, blanks, then "co…". */
const CANDIDATE = /^[ \t]*(#[ \t]*co[^\n]*)/gim;

interface Silenced { span: Span; codes: Set<string> }

/** The warnings quote the comment; a token there is masked at the facade's output boundary. */
export function* applyManifestDirectives(document: ManifestDocument, problems: Problem[], settings: LanguageSettings): Steps<Problem[]> {
  const { text, root } = document;
  if (!/#[ \t]*co/i.test(text)) return problems;
  const warnings: Problem[] = [];
  const silenced: Silenced[] = [];
  const options = { codes: suppressibleCodes('manifest'), verbs: ['disable-next-line'] as const, contexts: [], severity: settings.rules?.[UNKNOWN_DIRECTIVE.id] };
  for (const match of text.matchAll(CANDIDATE)) {
    if (due()) yield;
    // The comment is read a few times (directive, typo check), and where it sits is looked up in the tree.
    work(4 * match[0].length + 64);
    const start = (match.index ?? 0) + match[0].indexOf('#');
    // A `#` inside a block scalar is text, not a comment.
    if (insideScalar(root, start)) continue;
    const comment = match[1].trimEnd();
    // Past the per-file cap of findings they would be dropped anyway.
    if (warnings.length < MAX_PROBLEMS) for (const warning of directiveProblems(comment, start, options)) {
      warnings.push(warning);
    }
    const directive = readDirective(comment);
    if (directive?.verb !== 'disable-next-line') continue;
    // Directives written one under the other share the line after them: found once.
    const previous = silenced[silenced.length - 1];
    const span = previous && previous.span.start > start ? previous.span : nextYamlLine(text, start);
    if (span) silenced.push({ span: span === previous?.span ? span : { start: span.start, end: Math.max(span.end, valuesEnd(root, span)) }, codes: disabledCodes(directive) });
  }
  yield;
  const kept = silenced.length ? unsilenced(problems, silenced, new Set(options.codes)) : problems;
  if (!warnings.length) return kept;
  return [...kept, ...warnings].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
}

/** One sweep over problems and silenced lines, both in document order (no per-pair scan). */
function unsilenced(problems: Problem[], silenced: Silenced[], ruleCodes: Set<string>): Problem[] {
  const kept: Problem[] = [];
  let active: Silenced[] = [];
  let next = 0;
  for (const problem of problems) {
    while (next < silenced.length && silenced[next].span.start <= problem.span.start) active.push(silenced[next++]);
    if (active.length) active = active.filter((s) => s.span.end > problem.span.start);
    if (!active.some((s) => covers(s, problem, ruleCodes))) kept.push(problem);
  }
  return kept;
}

function covers(silenced: Silenced, problem: Problem, ruleCodes: Set<string>): boolean {
  if (problem.span.start < silenced.span.start || problem.span.start >= silenced.span.end) return false;
  // Limits and internal faults are never silenced; rule codes are.
  if (!ruleCodes.has(problem.code)) return false;
  return silenced.codes.has('*') || silenced.codes.has(problem.code.toLowerCase());
}

/** The next line after the one at `offset` that isn't blank or a comment. */
function nextYamlLine(text: string, offset: number): Span | undefined {
  let lineEnd = text.indexOf('\n', offset);
  while (lineEnd !== -1) {
    const start = lineEnd + 1;
    lineEnd = text.indexOf('\n', start);
    const end = lineEnd === -1 ? text.length : lineEnd;
    const content = text.slice(start, end).trim();
    if (content && !content.startsWith('#')) return { start, end };
  }
  return undefined;
}

/** The end of the last value that starts on the line (a block scalar may run over the lines after). */
function valuesEnd(root: ManifestNode | undefined, line: Span): number {
  let end = line.end;
  const visit = (node: ManifestNode) => {
    if (node.span.start >= line.start && node.span.start < line.end) end = Math.max(end, node.span.end);
    // Children are in document order: find the first that reaches the line, stop after the line.
    const children = childrenOf(node);
    for (let i = firstEndingAfter(children, line.start); i < children.length && children[i].span.start < line.end; i++) visit(children[i]);
  };
  if (root) visit(root);
  return end;
}

function insideScalar(root: ManifestNode | undefined, offset: number): boolean {
  let current = root;
  while (current && offset >= current.span.start && offset < current.span.end) {
    if (current.kind === 'scalar') return true;
    const children = childrenOf(current);
    current = children[firstEndingAfter(children, offset)];
  }
  return false;
}

/** A mapping's values, listed once per mapping (a file may hold thousands of directives). */
const mapValues = new WeakMap<ManifestNode, ManifestNode[]>();

function childrenOf(node: ManifestNode): ManifestNode[] {
  if (node.kind === 'seq') return node.items;
  if (node.kind !== 'map') return [];
  let values = mapValues.get(node);
  if (!values) mapValues.set(node, (values = node.entries.flatMap((entry) => (entry.node ? [entry.node] : []))));
  return values;
}

/** Index of the first node (of nodes in document order) that ends after `offset`: binary search. */
function firstEndingAfter(nodes: ManifestNode[], offset: number): number {
  let low = 0;
  let high = nodes.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (nodes[mid].span.end <= offset) low = mid + 1; else high = mid;
  }
  return low;
}
