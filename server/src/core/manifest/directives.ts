// `# comanage-disable-next-line [codes]` in a manifest: a YAML comment on a line of its own
// silences those codes (all, when it names none) on the next line that holds YAML, including
// findings inside an embedded command line and failed readiness checks shown there. A value that
// starts on that line and runs over several (a block scalar, a folded command line) counts whole.
// Misspelt directives and unknown codes get a warning, as in .ccmsetup files.
import { codeInfo, suppressibleCodes } from '../diagnosticCodes';
import { UNKNOWN_DIRECTIVE, directiveProblems, disabledCodes, readDirective } from '../directives';
import { LanguageSettings, Problem, Span } from '../languageTypes';
import { ManifestDocument, ManifestNode } from './ast';
import { Steps } from '../steps';

/** Directive comments read between two pauses of a long analysis. */
const COMMENTS_PER_STEP = 64;

/** A comment line that may be a directive (or a misspelt one): `#`, blanks, then "co…". */
const CANDIDATE = /^[ \t]*(#[ \t]*co[^\n]*)/gim;

interface Silenced { span: Span; codes: Set<string> }

/** `mask` hides tokens in the warnings, which quote the comment. */
export function* applyManifestDirectives(document: ManifestDocument, problems: Problem[], settings: LanguageSettings, mask: (text: string) => string): Steps<Problem[]> {
  const { text, root } = document;
  if (!/#[ \t]*co/i.test(text)) return problems;
  const warnings: Problem[] = [];
  const silenced: Silenced[] = [];
  const options = { codes: suppressibleCodes('manifest'), verbs: ['disable-next-line'] as const, contexts: [], severity: settings.rules?.[UNKNOWN_DIRECTIVE.id] };
  let read = 0;
  for (const match of text.matchAll(CANDIDATE)) {
    if (++read % COMMENTS_PER_STEP === 0) yield;
    const start = (match.index ?? 0) + match[0].indexOf('#');
    // A `#` inside a block scalar is text, not a comment.
    if (insideScalar(root, start)) continue;
    const comment = match[1].trimEnd();
    for (const warning of directiveProblems(comment, start, options)) {
      warnings.push({ ...warning, message: mask(warning.message), fixes: warning.fixes?.map((fix) => ({ ...fix, title: mask(fix.title) })) });
    }
    const directive = readDirective(comment);
    if (directive?.verb !== 'disable-next-line') continue;
    const line = nextYamlLine(text, start);
    if (line) silenced.push({ span: { start: line.start, end: Math.max(line.end, valuesEnd(root, line)) }, codes: disabledCodes(directive) });
  }
  const kept = silenced.length ? unsilenced(problems, silenced) : problems;
  if (!warnings.length) return kept;
  return [...kept, ...warnings].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
}

/** One sweep over problems and silenced lines, both in document order (no per-pair scan). */
function unsilenced(problems: Problem[], silenced: Silenced[]): Problem[] {
  const kept: Problem[] = [];
  let active: Silenced[] = [];
  let next = 0;
  for (const problem of problems) {
    while (next < silenced.length && silenced[next].span.start <= problem.span.start) active.push(silenced[next++]);
    if (active.length) active = active.filter((s) => s.span.end > problem.span.start);
    if (!active.some((s) => covers(s, problem))) kept.push(problem);
  }
  return kept;
}

function covers(silenced: Silenced, problem: Problem): boolean {
  if (problem.span.start < silenced.span.start || problem.span.start >= silenced.span.end) return false;
  // Limits and internal faults are never silenced; rule codes are.
  if (codeInfo(problem.code)?.origin !== 'rule') return false;
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
function valuesEnd(node: ManifestNode | undefined, line: Span): number {
  let end = line.end;
  const visit = (current: ManifestNode) => {
    if (current.span.end <= line.start || current.span.start >= line.end && current.span.start > line.start) return;
    if (current.span.start >= line.start && current.span.start < line.end) end = Math.max(end, current.span.end);
    if (current.kind === 'map') for (const entry of current.entries) { if (entry.node) visit(entry.node); }
    else if (current.kind === 'seq') for (const item of current.items) visit(item);
  };
  if (node) visit(node);
  return end;
}

function insideScalar(node: ManifestNode | undefined, offset: number): boolean {
  let current = node;
  while (current && offset >= current.span.start && offset < current.span.end) {
    if (current.kind === 'scalar') return true;
    const children: (ManifestNode | null)[] = current.kind === 'map' ? current.entries.map((e) => e.node) : current.items;
    current = children.find((child): child is ManifestNode => !!child && offset >= child.span.start && offset < child.span.end);
  }
  return false;
}
