// Quick fixes: the fixes rules attached to their findings, offered where the request range
// touches a finding. Fixes are computed by the rules themselves, so no rule logic lives here.
import { CodeAction, CodeActionKind, Problem, Range, TextDocument, TextEdit } from '../languageTypes';
import { toDiagnostics } from './diagnostics';

export function getCodeActions(document: TextDocument, problems: Problem[], range: Range): CodeAction[] {
  const from = document.offsetAt(range.start);
  const to = document.offsetAt(range.end);
  const actions: CodeAction[] = [];
  for (const problem of problems) {
    if (!problem.fixes?.length || problem.span.end < from || problem.span.start > to) continue;
    const [diagnostic] = toDiagnostics(document, [problem]);
    for (const fix of problem.fixes) {
      const edits: TextEdit[] = fix.edits.map((edit) => ({
        range: { start: document.positionAt(edit.span.start), end: document.positionAt(edit.span.end) },
        newText: edit.newText,
      }));
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: fix.preferred,
        edit: { changes: { [document.uri]: edits } },
      });
    }
  }
  return actions;
}
