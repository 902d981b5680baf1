// The one place tokens are kept out of what the facade hands out. Every answer about a document
// (diagnostics, problems, hovers, completions, outline, quick fixes, readiness, policies, the
// Graph export) passes through the masker of that document's secrets (secrets.ts), found once per
// version. Text is masked; an edit that would put a piece of a token where it wasn't (a fix that
// moves /regtoken, a completion) is dropped instead, since masking it would write the mask into
// the file. URIs are left as they are: editors need them to find the document.
import type { LanguageService } from './languageService';
import type { CodeAction, CompletionItem, Problem, Range, TextDocument } from './languageTypes';
import { DocumentSecrets, findSecrets } from './secrets';

/**
 * Keys whose values are never masked: document identity, edits (checked, not masked), and what
 * comes from the rules' definitions, never from the document (codes, doc links, the source name).
 */
const KEEP = new Set(['uri', 'newText', 'insertText', 'code', 'href', 'docUrl', 'source']);

/** A copy of `value` with every string masked, or `value` itself when the document holds no secret. */
export function maskDeep<T>(value: T, secrets: DocumentSecrets): T {
  if (secrets.none) return value;
  // Findings repeat their messages line after line: each distinct text is masked once.
  const seen = new Map<string, string>();
  const mask = (text: string) => {
    let masked = seen.get(text);
    if (masked === undefined) seen.set(text, masked = secrets.mask(text));
    return masked;
  };
  const copy = (v: unknown): unknown => {
    if (typeof v === 'string') return mask(v);
    if (Array.isArray(v)) return v.map(copy);
    if (!v || typeof v !== 'object') return v;
    const out: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(v)) out[key] = KEEP.has(key) ? field : copy(field);
    return out;
  };
  return copy(value) as T;
}

export function withMaskedOutputs(inner: LanguageService): LanguageService {
  // One entry per open document, for the version last asked about.
  const found = new Map<string, { version: number; text: string; secrets: DocumentSecrets }>();
  function secretsOf(document: TextDocument): DocumentSecrets {
    const text = document.getText();
    const hit = found.get(document.uri);
    if (hit && hit.version === document.version && hit.text === text) return hit.secrets;
    const secrets = findSecrets(text);
    found.delete(document.uri);
    found.set(document.uri, { version: document.version, text, secrets });
    if (found.size > 200) found.delete(found.keys().next().value as string);
    return secrets;
  }
  const slice = (document: TextDocument, range: Range) => document.getText(range);
  const safeProblems = (document: TextDocument, problems: Problem[]): Problem[] => {
    const secrets = secretsOf(document);
    if (secrets.none) return problems;
    const text = document.getText();
    return maskDeep(problems.map((p) => (p.fixes ? {
      ...p, fixes: p.fixes.filter((fix) => !fix.edits.some((e) => secrets.inserts(e.newText, text.slice(e.span.start, e.span.end)))),
    } : p)), secrets);
  };
  const insertsSecret = (item: CompletionItem, secrets: DocumentSecrets) =>
    [item.label, item.insertText, item.filterText, item.textEdit?.newText, ...(item.additionalTextEdits ?? []).map((e) => e.newText)]
      .some((text) => text !== undefined && secrets.inserts(text));

  // Every method is listed (no spread): a method added to the facade doesn't compile until it is
  // decided here whether and how its answer is masked.
  return {
    configure: (settings) => inner.configure(settings),
    kindOf: (document) => inner.kindOf(document),
    // Parses ahead of a request; it answers nothing.
    parseSteps: (document) => inner.parseSteps(document),
    // Finds the problems ahead of a code action request; it answers nothing.
    problemSteps: (document) => inner.problemSteps(document),
    forget(uri) {
      found.delete(uri);
      inner.forget(uri);
    },
    analyze: (document) => safeProblems(document, inner.analyze(document)),
    doValidation(document) {
      const diagnostics = inner.doValidation(document);
      return diagnostics.length ? maskDeep(diagnostics, secretsOf(document)) : diagnostics;
    },
    *validationSteps(document) {
      const diagnostics = yield* inner.validationSteps(document);
      // Nothing to mask: a script without an invocation costs no search for tokens.
      if (!diagnostics.length) return diagnostics;
      // The search for tokens (up to ~10 ms for 2 MB) and the masking each get a slice of their own.
      yield;
      const secrets = secretsOf(document);
      yield;
      return maskDeep(diagnostics, secrets);
    },
    doComplete(document, position) {
      const list = inner.doComplete(document, position);
      const secrets = secretsOf(document);
      return secrets.none ? list : maskDeep({ ...list, items: list.items.filter((item) => !insertsSecret(item, secrets)) }, secrets);
    },
    // The item comes back from the editor, already masked; what resolve adds is from the catalog.
    doResolve: (item) => maskDeep(inner.doResolve(item), findSecrets(JSON.stringify(item))),
    doHover: (document, position) => maskDeep(inner.doHover(document, position), secretsOf(document)),
    getCodeActions(document, range) {
      const actions = inner.getCodeActions(document, range);
      const secrets = secretsOf(document);
      if (secrets.none) return actions;
      const moves = (edits: { range: Range; newText: string }[]) => edits.some((e) => secrets.inserts(e.newText, slice(document, e.range)));
      // Edits as `changes` or as `documentChanges` (file operations carry no text).
      const editsOf = (action: CodeAction) => [
        ...Object.values(action.edit?.changes ?? {}),
        ...(action.edit?.documentChanges ?? []).map((change) => ('edits' in change ? change.edits : [])),
      ];
      return maskDeep(actions.filter((action) => !editsOf(action).some(moves)), secrets);
    },
    findDocumentSymbols: (document) => maskDeep(inner.findDocumentSymbols(document), secretsOf(document)),
    // Drift messages quote the tenant's values: the import cuts tokens out of them and drift.ts masks them besides.
    getReadiness: (document, options) => maskDeep(inner.getReadiness(document, options), secretsOf(document)),
    // The exports go in, nothing comes out.
    setExports: (uri, exports) => inner.setExports(uri, exports),
    // Paths the plan lists, for the shell to read: kept whole (a masked path would name another file).
    getSources: (document) => inner.getSources(document),
    getPolicies: (document) => maskDeep(inner.getPolicies(document), secretsOf(document)),
    getReadinessState: (document, options) => maskDeep(inner.getReadinessState(document, options), secretsOf(document)),
    setManifestValues(document, values) {
      // The edits write the user's own answers into the plan (kept whole); a refusal is shown, so it is masked.
      const result = inner.setManifestValues(document, values);
      return { ...result, refused: maskDeep(result.refused, secretsOf(document)) };
    },
    exportPolicy(document, index) {
      const result = inner.exportPolicy(document, index);
      const masked = maskDeep(result, secretsOf(document));
      // A name or a group that holds a token: a masked body would still be posted to Graph.
      if (JSON.stringify(masked.body) !== JSON.stringify(result.body)) {
        return { notes: [], refused: 'The policy\'s name, its target group or the plan\'s name holds what looks like a bulk registration token; comanage doesn\'t copy secrets into exports. Remove it from the plan, then export.' };
      }
      return masked;
    },
    // The tokens are in the exports, which the document doesn't hold: the import masks its own
    // answer (core/graph/importPlan.ts), every message with the exports' and the plan's tokens, and
    // keeps the exports' out of the merged text.
    importGraphExports: (document, files, options) => inner.importGraphExports(document, files, options),
    checkCommandLine(text, context, intent) {
      return maskDeep(inner.checkCommandLine(text, context, intent), findSecrets(text));
    },
    insertionPoint(document, position, text) {
      // `text` is the user's own line, to be inserted where they asked: kept whole; the reason is masked.
      const result = inner.insertionPoint(document, position, text);
      return result.refused === undefined ? result : { ...result, refused: maskDeep(result.refused, findSecrets(text)) };
    },
    // Values the plan states; a token in the plan's text is masked like everywhere else.
    planFacts: (document) => maskDeep(inner.planFacts(document), secretsOf(document)),
    // Refuses a line holding a token itself; the edits carry only the user's line (checked, not masked).
    setPolicyCommandLine: (document, index, commandLine) => inner.setPolicyCommandLine(document, index, commandLine),
    intuneCommandLine(text) {
      // `text` is the user's own line, wrapped for Intune to be pasted there: it is kept whole.
      const result = inner.intuneCommandLine(text);
      const secrets = findSecrets(text);
      return { ...result, problems: maskDeep(result.problems, secrets), refused: maskDeep(result.refused, secrets) };
    },
  };
}
