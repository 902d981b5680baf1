// Helpers for core tests: build a document from a string, `|` marks the cursor.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../../server/src/core/languageService';
import { LanguageSettings, Problem } from '../../server/src/core/languageTypes';

let counter = 0;

export function doc(text: string, name = 'test.ccmsetup'): TextDocument {
  return TextDocument.create(`file:///tmp/${++counter}/${name}`, 'ccmsetup', 1, text);
}

/** Splits `a|b` into the text without the bar and the cursor offset. */
export function withCursor(marked: string): { text: string; offset: number } {
  const offset = marked.indexOf('|');
  if (offset === -1) throw new Error('no | cursor in test input');
  return { text: marked.slice(0, offset) + marked.slice(offset + 1), offset };
}

export function problems(text: string, settings: LanguageSettings = {}, name?: string): Problem[] {
  return getLanguageService({ settings }).analyze(doc(text, name));
}

export function codes(text: string, settings: LanguageSettings = {}, name?: string): string[] {
  return problems(text, settings, name).map((p) => p.code);
}

/** The source text each problem with `code` points at. */
export function spansOf(text: string, code: string): string[] {
  return problems(text).filter((p) => p.code === code).map((p) => text.slice(p.span.start, p.span.end));
}

/** Applies the first (or named) quick fix of the first problem with `code`; returns the new text. */
export function applyFix(text: string, code: string, title?: RegExp, name?: string): string {
  const problem = problems(text, {}, name).find((p) => p.code === code);
  if (!problem?.fixes?.length) throw new Error(`no fix for ${code}`);
  const fix = title ? problem.fixes.find((f) => title.test(f.title)) : problem.fixes[0];
  if (!fix) throw new Error(`no fix matching ${title}`);
  const edits = [...fix.edits].sort((a, b) => b.span.start - a.span.start);
  let out = text;
  for (const edit of edits) out = out.slice(0, edit.span.start) + edit.newText + out.slice(edit.span.end);
  return out;
}
