// Moves a parsed command line and the problems found in it by a number of characters: when an
// edit elsewhere shifts an unchanged line, this is far cheaper than parsing and checking it again.
import type { Problem } from '../languageTypes';
import type { CommandLine, Span } from './ast';

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
    l.typographic?.forEach((c) => span(c.span));
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
