// The invariants every document must satisfy, whatever its text. Each check throws an
// AssertionError naming what broke; fast-check then shrinks the document to a small example.
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range, TextEdit } from 'vscode-languageserver-types';
import { LanguageService, getLanguageService } from '../../server/src/core/languageService';
import { FuzzDocument } from './arbitraries';

let counter = 0;
/** A fresh URI each time, so no test sees another's cache. */
export function textDocument({ text, file }: FuzzDocument, version = 1): TextDocument {
  return TextDocument.create(`file:///fuzz/${++counter}/${file}`, 'plaintext', version, text);
}

/** The one place "inside the document" is defined: a valid position survives offset round trips. */
function assertInside(document: TextDocument, position: Position, what: string): void {
  assert.ok(Number.isInteger(position.line) && Number.isInteger(position.character), `${what}: non-integer position ${JSON.stringify(position)}`);
  assert.ok(position.line >= 0 && position.character >= 0, `${what}: negative position ${JSON.stringify(position)}`);
  assert.ok(position.line < document.lineCount, `${what}: line ${position.line} of ${document.lineCount}`);
  assert.deepEqual(document.positionAt(document.offsetAt(position)), position, `${what}: ${JSON.stringify(position)} is past the end of its line`);
}

function assertRange(document: TextDocument, range: Range, what: string): void {
  assertInside(document, range.start, what);
  assertInside(document, range.end, what);
  assert.ok(document.offsetAt(range.start) <= document.offsetAt(range.end), `${what}: range ends before it starts ${JSON.stringify(range)}`);
}

function assertEdits(document: TextDocument, edits: readonly TextEdit[], what: string): void {
  for (const edit of edits) assertRange(document, edit.range, what);
  // Edits of one change must not overlap, or an editor refuses (or garbles) them.
  const sorted = [...edits].sort((a, b) => document.offsetAt(a.range.start) - document.offsetAt(b.range.start));
  for (let i = 1; i < sorted.length; i++) {
    assert.ok(document.offsetAt(sorted[i - 1].range.end) <= document.offsetAt(sorted[i].range.start), `${what}: overlapping edits`);
  }
  TextDocument.applyEdits(document, [...edits]);
}

/** Cursor positions to probe: the given fractions of the text, both ends, line ends, and out-of-range ones. */
export function probePositions(document: TextDocument, fractions: readonly number[]): Position[] {
  const length = document.getText().length;
  const offsets = new Set([0, length, ...fractions.map((f) => Math.floor(f * length))]);
  const out = [...offsets].map((o) => document.positionAt(o));
  out.push({ line: 0, character: 10_000 }, { line: document.lineCount + 2, character: 0 }, { line: document.lineCount - 1, character: 5 });
  return out;
}

/** Everything the facade answers about a document, as plain data (for determinism checks). */
export function everything(service: LanguageService, document: TextDocument, at: readonly Position[]): unknown {
  const full = { start: { line: 0, character: 0 }, end: document.positionAt(document.getText().length) };
  return {
    kind: service.kindOf(document),
    problems: service.analyze(document),
    diagnostics: service.doValidation(document),
    symbols: service.findDocumentSymbols(document),
    actions: service.getCodeActions(document, full),
    readiness: service.getReadiness(document),
    policies: service.getPolicies(document),
    export: service.exportPolicy(document, 0),
    at: at.map((position) => ({ completion: service.doComplete(document, position), hover: service.doHover(document, position) })),
  };
}

/** Nothing throws; every range lies inside the document; every edit applies. */
export function checkDocument(doc: FuzzDocument, fractions: readonly number[], service: LanguageService = getLanguageService()): void {
  const document = textDocument(doc);
  const length = doc.text.length;
  for (const problem of service.analyze(document)) {
    assert.ok(problem.span.start >= 0 && problem.span.start <= problem.span.end && problem.span.end <= length,
      `${problem.code}: span ${JSON.stringify(problem.span)} outside 0..${length}`);
    assert.ok(problem.message.length > 0, `${problem.code}: empty message`);
  }
  const diagnostics = service.doValidation(document);
  for (const d of diagnostics) assertRange(document, d.range, `diagnostic ${d.code}`);

  for (const position of probePositions(document, fractions)) {
    const list = service.doComplete(document, position);
    for (const item of list.items) {
      const edit = item.textEdit;
      if (edit && 'range' in edit) assertEdits(document, [edit, ...(item.additionalTextEdits ?? [])], `completion ${item.label}`);
      else if (edit) { assertRange(document, edit.insert, `completion ${item.label}`); assertRange(document, edit.replace, `completion ${item.label}`); }
    }
    const hover = service.doHover(document, position);
    if (hover?.range) assertRange(document, hover.range, 'hover');
  }

  const ranges = [{ start: { line: 0, character: 0 }, end: document.positionAt(length) }, ...diagnostics.map((d) => d.range)];
  for (const range of ranges) {
    for (const action of service.getCodeActions(document, range)) {
      for (const [uri, edits] of Object.entries(action.edit?.changes ?? {})) {
        assert.equal(uri, document.uri, `code action "${action.title}" edits another document`);
        assertEdits(document, edits, `code action "${action.title}"`);
      }
    }
  }
  const symbols = service.findDocumentSymbols(document);
  const visit = (list: typeof symbols) => list.forEach((s) => {
    assertRange(document, s.range, `symbol ${s.name}`);
    assertRange(document, s.selectionRange, `symbol ${s.name}`);
    visit(s.children ?? []);
  });
  visit(symbols);
  for (const check of service.getReadiness(document)) if (check.range) assertRange(document, check.range, `readiness ${check.id}`);
  service.getPolicies(document);
  service.exportPolicy(document, 0);
  service.planFacts(document);
  for (const position of probePositions(document, fractions)) service.insertionPoint(document, position, 'CCMSETUPCMD="SMSSITECODE=ABC"');
  const set = service.setPolicyCommandLine(document, 0, 'CCMSETUPCMD="SMSSITECODE=ABC"');
  if ('edits' in set) for (const edit of set.edits) assertRange(document, edit.range, 'policy command line edit');
}

/** The same text gives the same answers: from a fresh service, and again from the same one (cached). */
export function checkDeterministic(doc: FuzzDocument, fractions: readonly number[]): void {
  const first = getLanguageService();
  const a = textDocument(doc);
  const at = probePositions(a, fractions);
  const once = everything(first, a, at);
  assert.deepEqual(everything(first, a, at), once, 'a second call on the same service differs');
  const b = textDocument(doc);
  const fresh = JSON.parse(JSON.stringify(everything(getLanguageService(), b, at)).split(b.uri).join(a.uri));
  assert.deepEqual(fresh, JSON.parse(JSON.stringify(once)), 'a fresh service gives a different answer');
}

/** Every string a person could see from a document: messages, titles, hovers, completions, outline, readiness. */
export function visibleText(service: LanguageService, document: TextDocument, at: readonly Position[]): string[] {
  const out: string[] = [];
  const full = { start: { line: 0, character: 0 }, end: document.positionAt(document.getText().length) };
  for (const p of service.analyze(document)) out.push(p.message, ...(p.fixes ?? []).map((f) => f.title));
  for (const a of service.getCodeActions(document, full)) out.push(a.title);
  out.push(JSON.stringify(service.findDocumentSymbols(document)));
  out.push(JSON.stringify(service.getReadiness(document)), JSON.stringify(service.getPolicies(document)), JSON.stringify(service.exportPolicy(document, 0)));
  for (const position of at) {
    out.push(JSON.stringify(service.doHover(document, position)?.contents ?? null));
    for (const item of service.doComplete(document, position).items) {
      // The text an item inserts is the user's own; what it shows is not.
      out.push(JSON.stringify([item.label, item.labelDetails, item.detail, item.documentation]));
    }
  }
  return out;
}

/** Positions on and around each occurrence of the secret: its edges, the separator before it, and every few characters inside. */
export function positionsAround(document: TextDocument, needle: string): Position[] {
  const text = document.getText();
  const offsets = new Set<number>();
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
    for (let o = Math.max(0, at - 12); o < at; o++) offsets.add(o);
    for (let o = at; o < at + needle.length; o += 5) offsets.add(o);
    for (let o = at + needle.length - 1; o <= Math.min(text.length, at + needle.length + 2); o++) offsets.add(o);
  }
  return [...offsets].map((o) => document.positionAt(o));
}

/** No 12-character piece of the secret is anywhere a person could see it. */
export function checkSecretHidden(doc: FuzzDocument, secret: string, service: LanguageService = getLanguageService()): void {
  const document = textDocument(doc);
  const shown = visibleText(service, document, positionsAround(document, secret));
  for (let i = 0; i + 12 <= secret.length; i += 4) {
    const piece = secret.slice(i, i + 12);
    const leak = shown.find((s) => s.includes(piece));
    assert.equal(leak, undefined, `the secret shows: ${leak?.slice(0, 300)}`);
  }
}
