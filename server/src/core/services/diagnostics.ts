// Converts core problems (offsets) into LSP diagnostics (positions). The only place that does so.
import { Diagnostic, DiagnosticSeverity, DiagnosticTag, DIAGNOSTIC_SOURCE, Problem, Severity, TextDocument } from '../languageTypes';

export const LSP_SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostics(document: TextDocument, problems: Problem[]): Diagnostic[] {
  return problems.map((problem) => {
    const diagnostic: Diagnostic = {
      range: { start: document.positionAt(problem.span.start), end: document.positionAt(problem.span.end) },
      severity: LSP_SEVERITY[problem.severity],
      code: problem.code,
      codeDescription: { href: problem.docUrl },
      source: DIAGNOSTIC_SOURCE,
      message: problem.message,
    };
    if (problem.unnecessary) diagnostic.tags = [DiagnosticTag.Unnecessary];
    if (problem.related?.length) {
      diagnostic.relatedInformation = problem.related.map((r) => ({
        location: { uri: document.uri, range: { start: document.positionAt(r.span.start), end: document.positionAt(r.span.end) } },
        message: r.message,
      }));
    }
    return diagnostic;
  });
}
