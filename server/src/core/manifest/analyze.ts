// Everything comanage finds in a manifest: YAML and structure problems, the ccmsetup findings of
// each embedded command line (with ranges in the YAML file), and failed readiness checks.
import { Catalog } from '../catalog';
import { analyzeCcmsetupSteps } from '../ccmsetup/analyze';
import { Steps, drain, due, work } from '../steps';
import type { LineCache } from '../ccmsetup/lineCache';
import { SERVICE_CODES } from '../diagnosticCodes';
import { LanguageSettings, Problem } from '../languageTypes';
import { withLineFeeds } from '../lineBreaks';
import { Budget, MAX_WHOLE_MANIFEST_LENGTH } from '../limits';
import { ManifestDocument, PieceCache } from './ast';
import { MANIFEST_LIMITS, parseWholeSteps } from './parser';
import { parseInPiecesSteps } from './pieces';
import { applyManifestDirectives } from './directives';
import { Plan } from './plan';
import { ReadinessResult, evaluateReadinessSteps } from './readiness';
import type { ReadinessRule } from './rules/types';
import { MANIFEST_FORMAT_DOC, PlaceholderValue, STRUCTURE_CODES, StructureCode, checkStructureSteps } from './structure';
import { PLACEHOLDER_CODE, placeholderMessage } from './placeholders';
import { writtenValue } from './evidence';
import { keyCharacterSteps } from './keyCharacters';
import { typographicCharacter } from '../ccmsetup/rules/characters';
import { charactersIn, placedCharacters } from '../ccmsetup/characters';
import type { CommandLine, Span } from '../ccmsetup/ast';
import { ExportSource, driftResults } from '../graph/drift';

export interface ManifestAnalysis {
  document: ManifestDocument;
  plan: Plan;
  problems: Problem[];
  readiness: ReadinessResult[];
}

const SYNTAX_CODE: Record<string, StructureCode> = {
  'yaml-syntax': 'manifest-yaml-syntax', 'duplicate-key': 'manifest-duplicate-key', 'yaml-limit': 'manifest-too-complex',
  'multiple-documents': 'manifest-multiple-documents',
};

/**
 * A large manifest is parsed in pieces, reusing those of the document's previous version
 * (`previous`), so an edit re-parses only what it touched; a small one, or one that can't be cut
 * safely, is parsed whole.
 */
export function parseAndPlan(text: string, catalog: Catalog, previous?: PieceCache, lines?: LineCache): { document: ManifestDocument; plan: Plan } {
  return drain(parseAndPlanSteps(text, catalog, previous, lines));
}

export function* parseAndPlanSteps(source: string, catalog: Catalog, previous?: PieceCache, lines?: LineCache): Steps<{ document: ManifestDocument; plan: Plan }> {
  // Lines end where the editor's positions say they do (a lone \r included).
  const text = withLineFeeds(source);
  const document = (yield* parseInPiecesSteps(text, previous))
    ?? (text.length <= MAX_WHOLE_MANIFEST_LENGTH ? yield* parseWholeSteps(text) : notCut(text));
  return { document, plan: new Plan(document, catalog, lines) };
}

/** The line (sorted by offset, not overlapping) whose span holds a span, if any. */
function lineHolding(lines: readonly CommandLine[], span: Span): CommandLine | undefined {
  let low = 0;
  let high = lines.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (lines[mid].span.end < span.end) low = mid + 1;
    else high = mid;
  }
  const line = lines[low];
  return line && line.span.start <= span.start ? line : undefined;
}

/** A message with the pasted characters inside its span named (characters sorted by offset). */
function naming(message: string, span: Span | undefined, characters: readonly { node: { span: Span }; label: string }[]): string {
  const covered = span && characters.length ? charactersIn(characters, span) : [];
  return covered.length ? `${message} It contains ${[...new Set(covered.map((c) => c.label))].join(' and ')}.` : message;
}

/** A large manifest the pieces parser can't cut would need one uninterruptible parse of seconds. */
function notCut(text: string): ManifestDocument {
  return {
    text, declined: true,
    problems: [{
      code: 'yaml-limit', span: { start: 0, end: Math.min(1, text.length) },
      message: `This manifest has ${text.length.toLocaleString('en-US')} characters and can't be read in parts (it uses anchors, aliases or tags, or holds more than ${MANIFEST_LIMITS.maxNodes.toLocaleString('en-US')} values), so comanage checks it only up to ${MAX_WHOLE_MANIFEST_LENGTH.toLocaleString('en-US')} characters. Split it, or write the repeated parts out.`,
    }],
  };
}

export interface ManifestAnalyzeOptions {
  catalog: Catalog;
  settings: LanguageSettings;
  /** Absent means no time limit. */
  budget?: Budget;
  /** "Now" for rules about dates; the real clock when absent. */
  now?: Date;
  /** The readiness rules to run (tests swap in a failing one); MANIFEST_RULES when absent. */
  readinessRules?: readonly ReadinessRule[];
  /** Problems of command lines checked for an earlier version (see LineCache). */
  lines?: LineCache;
  /** The tenant's exports the plan is compared with (graph/drift.ts), as the shell read them; none: no "Tenant export" checks. */
  exports?: readonly ExportSource[];
}

export function analyzeManifest(document: ManifestDocument, plan: Plan, options: ManifestAnalyzeOptions): ManifestAnalysis {
  return drain(analyzeManifestSteps(document, plan, options));
}

export function* analyzeManifestSteps(document: ManifestDocument, plan: Plan, options: ManifestAnalyzeOptions): Steps<ManifestAnalysis> {
  const overrides = options.settings.rules ?? {};
  const problems: Problem[] = [];
  yield* plan.prepareCommandLines();
  const push = (code: string, defaultSeverity: Problem['severity'], problem: Omit<Problem, 'code' | 'severity' | 'docUrl'> & { docUrl?: string }) => {
    const override = overrides[code];
    if (override === 'off') return;
    problems.push({ ...problem, code, severity: override ?? defaultSeverity, docUrl: problem.docUrl ?? MANIFEST_FORMAT_DOC });
  };
  const severityOf = (code: StructureCode) => STRUCTURE_CODES.find((c) => c.id === code)!.severity;

  for (const syntax of document.problems) {
    const code = SYNTAX_CODE[syntax.code];
    push(code, severityOf(code), { span: syntax.span, message: syntax.message });
  }
  // A document the YAML parser could not read has no reliable structure to judge.
  const readable = !document.declined && !document.problems.some((p) => p.code === 'yaml-syntax');
  // Keys holding a pasted character get the named finding; a structure finding on such a key names it too.
  const keyCharacters = !document.declined && overrides[typographicCharacter.id] !== 'off' ? yield* keyCharacterSteps(document.root, document.text) : [];
  const inKeys = keyCharacters.map((c) => ({ node: { span: c.span }, label: c.label })).sort((a, b) => a.node.span.start - b.node.span.start);
  if (readable) {
    const placeholders: PlaceholderValue[] = [];
    const findings = yield* checkStructureSteps(document.root, document.text, options.budget, placeholders);
    // The same verdicts tell the readiness checks which values are no evidence.
    plan.useStructure(findings, placeholders);
    for (const finding of findings) {
      push(finding.code, severityOf(finding.code), { span: finding.span, message: naming(finding.message, finding.span, inKeys), fixes: finding.fixes });
    }
    for (const { path, node } of placeholders) {
      push(PLACEHOLDER_CODE.id, PLACEHOLDER_CODE.severity, { span: node.span, message: placeholderMessage(path, writtenValue(document.text, node)), docUrl: PLACEHOLDER_CODE.docUrl });
    }
  }
  for (const c of keyCharacters) {
    push(c.code, typographicCharacter.severity, { span: c.span, message: c.message, fixes: c.fixes, docUrl: typographicCharacter.docUrl });
  }
  yield;
  problems.push(...yield* analyzeCcmsetupSteps(plan.commandLineDocument(), { catalog: options.catalog, settings: options.settings, budget: options.budget, now: options.now, lines: options.lines }));

  // A readiness finding on a command-line value that holds a pasted character names it (the plan
  // says ABC, the line ABC”): the characters are placed only for a line such a finding falls in.
  const pastedLines = overrides[typographicCharacter.id] === 'off' ? []
    : plan.allCommandLines().filter((line) => line.typographic?.length);
  const readiness = readable ? yield* evaluateReadinessSteps(plan, options.settings, options.readinessRules, options.budget) : [];
  if (readable && options.exports?.length) {
    yield;
    readiness.push(...driftResults(plan, options.exports, { overrides }));
  }
  if (pastedLines.length) {
    for (const [index, result] of readiness.entries()) {
      const line = result.span && lineHolding(pastedLines, result.span);
      if (!line) continue;
      readiness[index] = { ...result, message: naming(result.message, result.span, placedCharacters(line, document.text)) };
      work(line.span.end - line.span.start);
      if (due()) yield;
    }
  }
  for (const result of readiness) {
    // A rule that threw reads 'unknown' in the readiness list and is reported once, by name.
    if (result.failed) {
      problems.push({
        code: SERVICE_CODES.internalError.id, span: result.span ?? { start: 0, end: 0 },
        message: `The readiness check "${result.id}" failed inside comanage; its result is unknown and the other checks still ran. Please report it.`,
        severity: SERVICE_CODES.internalError.severity, docUrl: SERVICE_CODES.internalError.docUrl,
      });
      continue;
    }
    if (result.status !== 'fail' && result.status !== 'warn' && result.status !== 'info') continue;
    problems.push({ code: result.id, span: result.span ?? { start: 0, end: 0 }, message: result.message, severity: result.severity, docUrl: result.docUrl, fixes: result.fixes });
  }
  problems.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  return { document, plan, problems: yield* applyManifestDirectives(document, problems, options.settings), readiness };
}
