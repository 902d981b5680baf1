// A PowerShell script's statements, kept from one version of a document to the next. An edit
// changes a few lines: the text before the last checkpoint ahead of it is lexed as before, and
// from the first checkpoint after it where the previous version stood at a checkpoint too, the
// rest is the previous version's statements, moved by the edit's length. Only the lines between
// are lexed again. Lexing runs in chunks between checkpoints, so a large script pauses on the way
// (core/steps.ts). Statements that move are moved in place: the previous version's are not kept.
import { Steps, due, work } from '../steps';
import { LexedRange, PsStatement, PsToken, lexRange } from './powershellLexer';

/** What the lexer found in one text. */
export interface PsLexState { text: string; statements: PsStatement[]; checkpoints: number[] }

/** Characters lexed before the lexer looks for a checkpoint to pause at. */
const CHUNK = 16 * 1024;

function shiftToken(token: PsToken, delta: number): void {
  token.start += delta;
  token.end += delta;
  if (token.kind === 'here') { token.bodyStart += delta; token.bodyEnd += delta; }
  else if (token.kind === 'group') for (const item of token.items) shiftToken(item, delta);
}

function shiftStatement(statement: PsStatement, delta: number): void {
  statement.start += delta;
  statement.end += delta;
  if (statement.directive) statement.directive.start += delta;
  for (const token of statement.tokens) shiftToken(token, delta);
}

/** Index of the first element of sorted `list` with key >= value. */
function lowerBound<T>(list: readonly T[], value: number, key: (item: T) => number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (key(list[mid]) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const self = (n: number) => n;

/** Lexes `text` from `from` until `stopAt` says yes at a checkpoint, in chunks, pausing between them. */
function* lexSteps(text: string, from: number, stopAt: (checkpoint: number) => boolean): Steps<LexedRange> {
  const all: LexedRange = { statements: [], comments: [], checkpoints: [], stop: from };
  for (;;) {
    const start = all.stop;
    const part = lexRange(text, start, (c) => stopAt(c) || c - start >= CHUNK);
    work(part.stop - start);
    for (const s of part.statements) all.statements.push(s);
    for (const c of part.checkpoints) all.checkpoints.push(c);
    all.stop = part.stop;
    if (part.stop >= text.length || stopAt(part.stop)) return all;
    if (due()) yield;
  }
}

/**
 * The statements of `text`, reusing what `memory` holds from the document's previous version, and
 * leaving this version's there. `memory.state` is replaced in one go, with no pause between the
 * moving of the old statements and the replacement, so a version whose analysis is dropped half
 * way leaves the memory true to one text.
 */
export function* lexIncrementally(text: string, memory: { state?: PsLexState }): Steps<PsStatement[]> {
  const old = memory.state;
  if (!old) {
    const fresh = yield* lexSteps(text, 0, () => false);
    memory.state = { text, statements: fresh.statements, checkpoints: fresh.checkpoints };
    return fresh.statements;
  }
  if (old.text === text) return old.statements;
  // The changed part: [same, oldEnd) of the old text became [same, newEnd) of the new one.
  const limit = Math.min(old.text.length, text.length);
  let same = 0;
  while (same < limit && old.text.charCodeAt(same) === text.charCodeAt(same)) same++;
  let tail = 0;
  while (tail < limit - same && old.text.charCodeAt(old.text.length - 1 - tail) === text.charCodeAt(text.length - 1 - tail)) tail++;
  work((same + tail) / 8);
  const delta = text.length - old.text.length;
  const newEnd = text.length - tail;
  // Restart at the last checkpoint at or before the change (0 when there is none).
  const before = lowerBound(old.checkpoints, same + 1, self) - 1;
  const restart = before >= 0 ? old.checkpoints[before] : 0;
  // Stop at a checkpoint after the change where the old text had one too: from there on, the
  // same characters are lexed from the same state.
  const oldAt = (c: number) => {
    const k = lowerBound(old.checkpoints, c - delta, self);
    return k < old.checkpoints.length && old.checkpoints[k] === c - delta;
  };
  const middle = yield* lexSteps(text, restart, (c) => c >= newEnd && oldAt(c));
  // No pause from here on: the old statements are moved and the memory replaced together.
  const firstKept = middle.stop >= text.length ? old.statements.length : lowerBound(old.statements, middle.stop - delta, (s) => s.start);
  const statements = old.statements.slice(0, lowerBound(old.statements, restart, (s) => s.start));
  for (const s of middle.statements) statements.push(s);
  let moved = 0;
  for (let k = firstKept; k < old.statements.length; k++) {
    const s = old.statements[k];
    if (delta) shiftStatement(s, delta);
    moved += s.tokens.length;
    statements.push(s);
  }
  const checkpoints = old.checkpoints.slice(0, before + 1);
  for (const c of middle.checkpoints) checkpoints.push(c);
  const keptFrom = middle.stop >= text.length ? old.checkpoints.length : lowerBound(old.checkpoints, middle.stop - delta + 1, self);
  for (let k = keptFrom; k < old.checkpoints.length; k++) checkpoints.push(old.checkpoints[k] + delta);
  work(statements.length / 8 + moved + (old.checkpoints.length - keptFrom) / 8);
  memory.state = { text, statements, checkpoints };
  return statements;
}
