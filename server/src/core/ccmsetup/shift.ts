// Moves a parsed command line, or the problems found in it, by a number of characters: when an
// edit elsewhere shifts an unchanged line, this is far cheaper than parsing and checking it again.
// A node shared between two places (the wrapper in `items`, its items in `args`) stays shared.
import type { Problem } from '../languageTypes';
import type { CommandLine, ItemNode, ParseProblem, Span, ValueNode } from './ast';

export function shiftCommandLine(line: CommandLine, delta: number): CommandLine {
  const copies = new Map<object, object>();
  const span = (s: Span): Span => ({ start: s.start + delta, end: s.end + delta });
  const once = <T extends object>(node: T, copy: () => T): T => {
    let done = copies.get(node) as T | undefined;
    if (!done) { done = copy(); copies.set(node, done); }
    return done;
  };
  const value = (v: ValueNode): ValueNode => {
    const moved: ValueNode = { ...v, span: span(v.span) };
    if (v.offsets) moved.offsets = v.offsets.map((o) => o + delta);
    return moved;
  };
  const problem = (p: ParseProblem) => once(p, () => ({ ...p, span: span(p.span) }));
  const item = (node: ItemNode): ItemNode => once(node, () => {
    if (node.type === 'stray' || node.type === 'installerOption') return { ...node, span: span(node.span) };
    const moved = { ...node, span: span(node.span), nameSpan: span(node.nameSpan) };
    if (node.separator) moved.separator = { ...node.separator, span: span(node.separator.span) };
    if (node.value) moved.value = value(node.value);
    if (node.type === 'property' && node.inner && moved.type === 'property') moved.inner = commandLine(node.inner);
    return moved;
  });
  const commandLine = (l: CommandLine): CommandLine => once(l, () => ({
    ...l,
    span: span(l.span),
    launcher: l.launcher.map(span),
    program: l.program && { ...l.program, span: span(l.program.span) },
    items: l.items.map(item),
    wrapper: l.wrapper && (item(l.wrapper) as typeof l.wrapper),
    args: l.args.map(item),
    problems: l.problems.map(problem),
  }));
  return commandLine(line);
}

export function shiftProblem(problem: Problem, delta: number): Problem {
  const moved: Problem = { ...problem, span: { start: problem.span.start + delta, end: problem.span.end + delta } };
  if (problem.fixes) {
    moved.fixes = problem.fixes.map((fix) => ({
      ...fix, edits: fix.edits.map((edit) => ({ ...edit, span: { start: edit.span.start + delta, end: edit.span.end + delta } })),
    }));
  }
  return moved;
}

/**
 * Moves a line and its problems where they are, without copying: for a line the previous version
 * of a document owned and no one reads any more. Spans and offset lists may be shared between
 * nodes and problems (a fix deleting a token reuses its span), so each is moved once.
 */
export function shiftInPlace(line: CommandLine, problems: readonly Problem[] | undefined, delta: number): void {
  const moved = new Set<object>();
  const span = (s: Span | undefined) => {
    if (!s || moved.has(s)) return;
    moved.add(s);
    s.start += delta;
    s.end += delta;
  };
  const commandLine = (l: CommandLine) => {
    span(l.span);
    l.launcher.forEach(span);
    span(l.program?.span);
    l.problems.forEach((p) => span(p.span));
    for (const item of l.items) {
      span(item.span);
      if (item.type === 'stray' || item.type === 'installerOption') continue;
      span(item.nameSpan);
      span(item.separator?.span);
      if (item.value) {
        span(item.value.span);
        const offsets = item.value.offsets;
        if (offsets && !moved.has(offsets)) {
          moved.add(offsets);
          for (let i = 0; i < offsets.length; i++) offsets[i] += delta;
        }
      }
      if (item.type === 'property' && item.inner) commandLine(item.inner);
    }
  };
  commandLine(line);
  for (const problem of problems ?? []) {
    span(problem.span);
    for (const fix of problem.fixes ?? []) for (const edit of fix.edits) span(edit.span);
  }
}
