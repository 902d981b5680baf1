// Parses a large manifest in pieces so that an edit re-parses only the piece it touched, with
// pauses between pieces. The text is cut where indentation alone says one block collection entry
// ends and the next begins (a top-level key; inside a long section, each key or list item; short
// entries in small groups), each piece goes to the yaml parser on its own, and the results are
// joined into the tree a whole parse gives. Results are cached by the piece's text; a piece that
// moved is shifted, not re-parsed.
// Anything the cutting can't be sure about (anchors, aliases, tags, several documents, flow or
// explicit keys at a cut, a YAML error in any piece, more values than the node limit) returns
// undefined, and the caller parses the whole text instead. test/incremental.test.ts checks both
// ways give the same tree.
import type { Span } from '../ccmsetup/ast';
import { ManifestDocument, ManifestNode, ManifestSyntaxProblem, MapEntry, PieceCache } from './ast';
import { MANIFEST_LIMITS, ParsedYaml, duplicateKey, parseYaml } from './parser';
import { Steps, drain, due, work } from '../steps';

/** A piece with at most this many lines is parsed as it is. */
const LEAF_LINES = 40;
/** Short entries per parser call, on average. */
const ENTRIES_PER_GROUP = 4;
/** Below this length one parse of the whole text is cheaper than cutting it. */
export const PIECES_MIN_LENGTH = 16 * 1024;
/**
 * Anchors, aliases and tags can reach across pieces; directives and document markers change the
 * whole text. Line by line, so testing each newly parsed piece is testing the whole text.
 */
const UNSAFE = /(?:^|[\s[{,])[&*!]|^(?:---|\.\.\.|%)/m;

interface CachedPiece { base: number; parsed: ParsedYaml }

class CannotCut extends Error {}

interface Context {
  text: string;
  /** Start offset of each line, then text.length + 1. */
  lineStarts: number[];
  previous?: PieceCache;
  next: PieceCache;
  problems: ManifestSyntaxProblem[];
  nodes: number;
}

export function parseInPieces(text: string, previous?: PieceCache, minLength = PIECES_MIN_LENGTH): ManifestDocument | undefined {
  return drain(parseInPiecesSteps(text, previous, minLength));
}


export function* parseInPiecesSteps(text: string, previous?: PieceCache, minLength = PIECES_MIN_LENGTH): Steps<ManifestDocument | undefined> {
  if (text.length < minLength) return undefined;
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    lineStarts.push(i + 1);
    if ((lineStarts.length & 16383) === 0) yield;
  }
  lineStarts.push(text.length + 1);
  const context: Context = { text, lineStarts, previous, next: new Map(), problems: [], nodes: 0 };
  try {
    const root = yield* collection(context, 0, lineStarts.length - 1, 0, 0);
    if (!root || context.nodes > MANIFEST_LIMITS.maxNodes) return undefined;
    return { text, root, problems: context.problems, pieces: context.next };
  } catch (error) {
    if (error instanceof CannotCut) return undefined;
    throw error;
  }
}

/** Indentation of a line, or -1 when it holds nothing but blanks or a comment. */
function indentOf(context: Context, line: number): number {
  const { text, lineStarts } = context;
  const end = lineStarts[line + 1] - 1;
  let i = lineStarts[line];
  while (i < end && text.charCodeAt(i) === 32) i++;
  if (i >= end) return -1;
  const ch = text[i];
  if (ch === '#' || ch === '\r') return -1;
  return i - lineStarts[line];
}

/** True when the line, at `column`, starts a block sequence item (`-` then a blank or the end). */
function isItem(context: Context, line: number, column: number): boolean {
  const at = context.lineStarts[line] + column;
  const next = context.text[at + 1];
  return context.text[at] === '-' && (next === ' ' || next === '\n' || next === '\r' || next === undefined);
}

/**
 * Lines [from, to) hold one block mapping or sequence whose entries start at `indent`; `depth` is
 * its depth in the whole tree. Undefined when there is nothing but comments.
 */
function* collection(context: Context, from: number, to: number, indent: number, depth: number): Steps<ManifestNode | undefined> {
  let first = from;
  while (first < to && indentOf(context, first) === -1) first++;
  if (first === to) return undefined;
  if (indentOf(context, first) !== indent) throw new CannotCut();
  const sequence = isItem(context, first, indent);
  // Where each entry starts; leading comments go with the first one.
  const starts = [from];
  for (let line = first + 1; line < to; line++) {
    if ((line & 8191) === 0) yield;
    const column = indentOf(context, line);
    if (column === -1 || column > indent) continue;
    if (column < indent) throw new CannotCut();
    const ch = context.text[context.lineStarts[line] + column];
    if (ch === '?' || ch === ':' || ch === '[' || ch === '{') throw new CannotCut();
    const item = isItem(context, line, column);
    // A mapping may hold a sequence written at its own indentation ("key:\n- a"): not a cut.
    if (sequence ? item : !item) starts.push(line);
    else if (sequence) throw new CannotCut();
  }
  starts.push(to);
  groupEntries(context, starts);

  const nodes: ManifestNode[] = [];
  const entries: MapEntry[] = [];
  const seen = new Set<string>();
  for (let k = 0; k + 1 < starts.length; k++) {
    if (due()) yield;
    const piece = yield* entry(context, starts[k], starts[k + 1], indent, depth, sequence);
    if (!piece.root || piece.root.kind !== (sequence ? 'seq' : 'map')) throw new CannotCut();
    nodes.push(piece.root);
    if (piece.root.kind === 'seq') continue;
    // A key twice inside one piece was reported by its parse; here, keys seen in earlier pieces.
    const local = new Set<string>();
    piece.root.entries.forEach((e, n) => {
      const identity = piece.keyIdentities[n];
      if (identity && seen.has(identity) && !local.has(identity)) context.problems.push(duplicateKey(e.keySpan));
      if (identity) local.add(identity);
      entries.push(e);
    });
    for (const identity of local) seen.add(identity);
  }
  const span: Span = { start: nodes[0].span.start, end: nodes[nodes.length - 1].span.end };
  context.nodes += 1;
  if (sequence) return { kind: 'seq', span, items: nodes.flatMap((n) => (n.kind === 'seq' ? n.items : [])) };
  return { kind: 'map', span, entries };
}

/**
 * Joins short entries into groups of a few (one parser call costs more than a few entries do);
 * a long entry stays alone, to be cut further. Where a group ends depends only on the text of the
 * entries around it (a hash of each entry's first line, or a group's length), so an edit moves the
 * group ends near it and no others.
 */
function groupEntries(context: Context, starts: number[]): void {
  const kept = [starts[0]];
  const long = (k: number) => starts[k + 1] - starts[k] > LEAF_LINES;
  for (let k = 1; k + 1 < starts.length; k++) {
    const line = context.text.slice(context.lineStarts[starts[k]], context.lineStarts[starts[k] + 1]);
    let hash = 2166136261;
    for (let i = 0; i < line.length; i++) hash = Math.imul(hash ^ line.charCodeAt(i), 16777619);
    if ((hash >>> 0) % ENTRIES_PER_GROUP === 0 || starts[k] - kept[kept.length - 1] >= LEAF_LINES || long(k) || long(k - 1)) kept.push(starts[k]);
  }
  kept.push(starts[starts.length - 1]);
  starts.splice(0, starts.length, ...kept);
}

/** One entry of a collection: parsed as it is, or (a long `key:` section) cut further. */
function* entry(context: Context, from: number, to: number, indent: number, depth: number, sequence: boolean): Steps<ParsedYaml> {
  if (to - from <= LEAF_LINES || sequence) return leaf(context, from, to, depth);
  // `key:` alone on its line (a comment may follow), its value on the lines below.
  let header = from;
  while (indentOf(context, header) === -1) header++;
  const line = context.text.slice(context.lineStarts[header], context.lineStarts[header + 1] - 1);
  if (!/^ *[A-Za-z_][\w.-]* *:\s*(?:#.*)?$/.test(line)) return leaf(context, from, to, depth);
  let body = header + 1;
  while (body < to && indentOf(context, body) === -1) body++;
  const bodyIndent = body < to ? indentOf(context, body) : -1;
  if (bodyIndent < indent || (bodyIndent === indent && !isItem(context, body, indent))) return leaf(context, from, to, depth);
  const head = leaf(context, from, header + 1, depth);
  const value = yield* collection(context, header + 1, to, bodyIndent, depth + 1);
  if (!value || head.root?.kind !== 'map' || head.root.entries.length !== 1) throw new CannotCut();
  const [key] = head.root.entries;
  return {
    root: { kind: 'map', span: { start: head.root.span.start, end: value.span.end }, entries: [{ ...key, node: value }] },
    problems: [], keyIdentities: head.keyIdentities, nodes: 0, depth: 0,
  };
}

/** Lines [from, to) through the yaml parser, or from the cache when the same text was parsed before. */
function leaf(context: Context, from: number, to: number, depth: number): ParsedYaml {
  const base = context.lineStarts[from];
  const end = Math.min(context.lineStarts[to], context.text.length);
  const source = context.text.slice(base, end);
  // Reused only once per version: the same text twice in one version is parsed again for its
  // second place, so a piece moved in place belongs to one place only.
  // A piece found in the cache costs its lookup; parseYaml counts a parse.
  work(source.length + 16);
  let cached = context.next.has(source) ? undefined : (context.previous?.get(source) as CachedPiece | undefined);
  if (!cached) {
    if (UNSAFE.test(source)) throw new CannotCut();
    cached = { base, parsed: parseYaml(source, base) };
  } else if (cached.base !== base) {
    shiftInPlace(cached.parsed, base - cached.base);
    cached.base = base;
  }
  if (!context.next.has(source)) context.next.set(source, cached);
  const { parsed } = cached;
  if (parsed.problems.some((p) => p.code !== 'duplicate-key') || parsed.depth + depth > MANIFEST_LIMITS.maxDepth) throw new CannotCut();
  context.problems.push(...parsed.problems);
  context.nodes += parsed.nodes;
  // Past the node limit the whole parse says where it stopped; stop cutting early.
  if (context.nodes > MANIFEST_LIMITS.maxNodes) throw new CannotCut();
  return parsed;
}

function shiftInPlace(parsed: ParsedYaml, delta: number): void {
  const move = (span: Span) => { span.start += delta; span.end += delta; };
  const node = (n: ManifestNode): void => {
    move(n.span);
    if (n.kind === 'scalar') { if (n.textSpan !== n.span) move(n.textSpan); return; }
    if (n.kind === 'seq') { n.items.forEach(node); return; }
    for (const e of n.entries) {
      if (e.keySpan !== n.span) move(e.keySpan);
      if (e.node) node(e.node);
    }
  };
  if (parsed.root) node(parsed.root);
  for (const p of parsed.problems) move(p.span);
}
