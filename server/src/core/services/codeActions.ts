// Quick fixes: the fixes rules attached to their findings, offered where the request range
// touches a finding. Fixes are computed by the rules themselves, so no rule logic lives here.
// Fixes that share a `fixAll` title are also joined into one action for the whole file: a quick
// fix next to each of them, and a `source.fixAll.comanage` action (what "fix all on save" runs).
import { CodeAction, CodeActionKind, Fix, Problem, Range, TextDocument, TextEdit } from '../languageTypes';
import { toDiagnostics } from './diagnostics';
import type { ReadinessResult } from '../manifest/readiness';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.comanage`;

export function getCodeActions(document: TextDocument, problems: Problem[], range: Range): CodeAction[] {
  const from = document.offsetAt(range.start);
  const to = document.offsetAt(range.end);
  const actions: CodeAction[] = [];
  const groups = fixAllGroups(problems);
  const offered = new Set<string>();
  for (const problem of problems) {
    if (!problem.fixes?.length || problem.span.end < from || problem.span.start > to) continue;
    const [diagnostic] = toDiagnostics(document, [problem]);
    for (const fix of problem.fixes) {
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: fix.preferred,
        edit: { changes: { [document.uri]: textEdits(document, fix.edits) } },
      });
      const group = fix.fixAll !== undefined ? groups.get(fix.fixAll) : undefined;
      if (group && group.count > 1 && !offered.has(fix.fixAll!)) {
        offered.add(fix.fixAll!);
        actions.push({
          title: titleOf(fix.fixAll!, group.count),
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          edit: { changes: { [document.uri]: textEdits(document, group.edits) } },
        });
      }
    }
  }
  // The file-wide action, whatever the range: one per file joining every group.
  if (groups.size) {
    const all = [...groups.entries()];
    const applied = applicable(all.flatMap(([, group]) => group.fixes));
    actions.push({
      title: all.length === 1 ? titleOf(all[0][0], all[0][1].count) : `Apply ${applied.count} fixes of comanage in this file`,
      kind: FIX_ALL_KIND,
      edit: { changes: { [document.uri]: textEdits(document, applied.edits) } },
    });
  }
  return actions;
}

interface Group { count: number; fixes: readonly Fix[]; edits: Fix['edits'] }

function fixAllGroups(problems: Problem[]): Map<string, Group> {
  const fixes = new Map<string, Fix[]>();
  for (const problem of problems) {
    for (const fix of problem.fixes ?? []) {
      if (fix.fixAll === undefined) continue;
      const group = fixes.get(fix.fixAll) ?? [];
      group.push(fix);
      fixes.set(fix.fixAll, group);
    }
  }
  return new Map([...fixes].map(([key, group]) => [key, applicable(group)]));
}

/** The fixes applied together: each whole, none overlapping another; the count is of those applied. */
function applicable(fixes: readonly Fix[]): Group {
  const kept = new Set(withoutOverlaps(fixes.flatMap((fix) => fix.edits)));
  const whole = fixes.filter((fix) => fix.edits.every((edit) => kept.has(edit)));
  return { count: whole.length, fixes: whole, edits: withoutOverlaps(whole.flatMap((fix) => fix.edits)) };
}

/** In document order; an edit that overlaps one already taken is left out (a workspace edit may not overlap). */
function withoutOverlaps(edits: Fix['edits']): Fix['edits'] {
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  const kept: Fix['edits'] = [];
  for (const edit of sorted) {
    const last = kept[kept.length - 1];
    if (last && (edit.span.start < last.span.end || (edit.span.start === last.span.start && edit.span.end === last.span.end))) continue;
    kept.push(edit);
  }
  return kept;
}

function titleOf(template: string, count: number): string {
  return template.replace('{n}', String(count)).replace('{s}', count === 1 ? '' : 's');
}

function textEdits(document: TextDocument, edits: Fix['edits']): TextEdit[] {
  return edits.map((edit) => ({
    range: { start: document.positionAt(edit.span.start), end: document.positionAt(edit.span.end) },
    newText: edit.newText,
  }));
}

/** The client command that inserts a snippet at a position: [uri, position, snippet]. */
export const INSERT_SNIPPET_COMMAND = 'comanage.insertSnippet';

/**
 * Quick fixes for unknown readiness checks whose range (the key the missing fact belongs under)
 * touches the request range: insert the key there, as a snippet with the allowed values as choices.
 * A snippet needs the editor, so the action carries a command, not an edit.
 */
export function missingFactActions(document: TextDocument, readiness: readonly ReadinessResult[], range: Range): CodeAction[] {
  const from = document.offsetAt(range.start);
  const to = document.offsetAt(range.end);
  const actions: CodeAction[] = [];
  const offered = new Set<string>();
  for (const result of readiness) {
    if (result.status !== 'unknown' || !result.missing || !result.span || result.span.end < from || result.span.start > to) continue;
    for (const fact of result.missing) {
      if (!fact.insert || offered.has(fact.path)) continue;
      offered.add(fact.path);
      const choices = fact.allowed ? ` (${fact.allowed.map((a) => a.value).join(', ')})` : '';
      const title = `Add ${fact.path}${choices}: needed by "${result.title}"`;
      actions.push({
        title,
        kind: CodeActionKind.QuickFix,
        command: { title, command: INSERT_SNIPPET_COMMAND, arguments: [document.uri, document.positionAt(fact.insert.offset), fact.insert.snippet] },
      });
    }
  }
  return actions;
}
