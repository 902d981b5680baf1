// Everything comanage finds in a manifest: YAML and structure problems, the ccmsetup findings of
// each embedded command line (with ranges in the YAML file), and failed readiness checks.
import { Catalog } from '../catalog';
import { analyzeCcmsetup } from '../ccmsetup/analyze';
import { LanguageSettings, Problem } from '../languageTypes';
import { maskSecrets } from '../secrets';
import { ManifestDocument } from './ast';
import { parseManifest } from './parser';
import { Plan } from './plan';
import { ReadinessResult, evaluateReadiness } from './readiness';
import { MANIFEST_FORMAT_DOC, STRUCTURE_CODES, StructureCode, checkStructure } from './structure';

export interface ManifestAnalysis {
  document: ManifestDocument;
  plan: Plan;
  problems: Problem[];
  readiness: ReadinessResult[];
}

const SYNTAX_CODE: Record<string, StructureCode> = {
  'yaml-syntax': 'manifest-yaml-syntax', 'duplicate-key': 'manifest-duplicate-key', 'yaml-limit': 'manifest-too-complex',
};

export function parseAndPlan(text: string, catalog: Catalog): { document: ManifestDocument; plan: Plan } {
  const document = parseManifest(text);
  return { document, plan: new Plan(document, catalog) };
}

export function analyzeManifest(document: ManifestDocument, plan: Plan, options: { catalog: Catalog; settings: LanguageSettings }): ManifestAnalysis {
  const overrides = options.settings.rules ?? {};
  const problems: Problem[] = [];
  const push = (code: string, defaultSeverity: Problem['severity'], problem: Omit<Problem, 'code' | 'severity' | 'docUrl'> & { docUrl?: string }) => {
    const override = overrides[code];
    if (override === 'off') return;
    problems.push({ ...problem, code, severity: override ?? defaultSeverity, docUrl: problem.docUrl ?? MANIFEST_FORMAT_DOC, message: maskSecrets(problem.message) });
  };
  const severityOf = (code: StructureCode) => STRUCTURE_CODES.find((c) => c.id === code)!.severity;

  for (const syntax of document.problems) {
    const code = SYNTAX_CODE[syntax.code];
    push(code, severityOf(code), { span: syntax.span, message: syntax.message });
  }
  // A document the YAML parser could not read has no reliable structure to judge.
  const readable = !document.problems.some((p) => p.code === 'yaml-syntax');
  if (readable) {
    for (const finding of checkStructure(document.root, document.text.length)) {
      push(finding.code, severityOf(finding.code), { span: finding.span, message: finding.message, fixes: finding.fixes });
    }
  }
  problems.push(...analyzeCcmsetup(plan.commandLineDocument(), { catalog: options.catalog, settings: options.settings }));

  const readiness = readable ? evaluateReadiness(plan, options.settings) : [];
  for (const result of readiness) {
    if (result.status !== 'fail' && result.status !== 'warn') continue;
    problems.push({ code: result.id, span: result.span ?? { start: 0, end: 0 }, message: maskSecrets(result.message), severity: result.severity, docUrl: result.docUrl, fixes: result.fixes });
  }
  problems.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  return { document, plan, problems, readiness };
}
