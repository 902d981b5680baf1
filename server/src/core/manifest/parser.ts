// Parses a workload manifest with the maintained `yaml` package (which keeps source ranges) into
// ManifestNode trees. Never throws: YAML errors, duplicate keys and runaway aliases become problems.
import { Alias, Composer, Document, Lexer, Parser, YAMLParseError, isAlias, isMap, isPair, isScalar, isSeq, visit } from 'yaml';
import type { Node as YamlNode } from 'yaml';
import { ManifestDocument, ManifestNode, ManifestSyntaxProblem, MapEntry, ScalarStyle } from './ast';
import { Steps, drain, due, work } from '../steps';

/** Bounds that keep a hostile file (alias bombs, deep nesting) from pinning a core. */
export const MANIFEST_LIMITS = { maxDepth: 64, maxNodes: 100_000, maxAliasExpansions: 1_000 };

/** The whole text as one YAML document, the way the format is defined. */
export function parseWhole(text: string): ManifestDocument {
  return drain(parseWholeSteps(text));
}

/** parseWhole in steps: the text is read a few thousand lexemes at a time. */
export function* parseWholeSteps(text: string): Steps<ManifestDocument> {
  const parsed = yield* parseYamlSteps(text, 0);
  return { text, root: parsed.root, problems: parsed.problems };
}

/** Work units (steps.ts) per character: lexing and parsing to tokens, then composing and converting. */
const LEX_UNITS_PER_CHAR = 6;
export const COMPOSE_UNITS_PER_CHAR = 4;

/**
 * What `parseDocument` does, with pauses: the yaml package's Lexer and Parser are driven one
 * lexeme at a time; composing the document (the Composer has no pause) is one unit of work.
 */
function* yamlDocumentSteps(text: string, options: ConstructorParameters<typeof Composer>[0]): Steps<Document> {
  const parser = new Parser();
  const tokens: ReturnType<Parser['end']> extends Generator<infer T> ? T[] : never = [];
  for (const lexeme of new Lexer().lex(text)) {
    for (const token of parser.next(lexeme)) tokens.push(token);
    work(lexeme.length * LEX_UNITS_PER_CHAR + 4);
    if (due()) yield;
  }
  for (const token of parser.end()) tokens.push(token);
  work(text.length * COMPOSE_UNITS_PER_CHAR);
  let document: Document | undefined;
  for (const next of new Composer(options).compose(tokens, true, text.length)) {
    if (!document) document = next as Document;
    else {
      // The same error parseDocument reports for a second document.
      document.errors.push(new YAMLParseError(next.range.slice(0, 2) as [number, number], 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
      break;
    }
  }
  return document!;
}

/** What one call of the YAML parser gives, with offsets moved by `base`. */
export interface ParsedYaml {
  root?: ManifestNode;
  problems: ManifestSyntaxProblem[];
  /** For the root mapping: each key's identity (type and value), to find duplicates across pieces. */
  keyIdentities: string[];
  nodes: number;
  depth: number;
}

/** Parses `text`, which starts at document offset `base`. */
export function parseYaml(text: string, base: number): ParsedYaml {
  return drain(parseYamlSteps(text, base));
}

export function* parseYamlSteps(text: string, base: number): Steps<ParsedYaml> {
  const problems: ManifestSyntaxProblem[] = [];
  let document: Document;
  try {
    // Duplicate keys are found in convert(): the yaml package's own check compares every key with
    // every other key of its mapping, which takes seconds on a large file.
    document = yield* yamlDocumentSteps(text, { uniqueKeys: false, prettyErrors: false, strict: true });
  } catch (error) {
    problems.push({ code: 'yaml-syntax', message: `The YAML parser stopped: ${error instanceof Error ? error.message : 'unknown error'}.`, span: { start: base, end: base } });
    return { problems, keyIdentities: [], nodes: 0, depth: 0 };
  }
  for (const error of document.errors) {
    const [start, end] = error.pos;
    if (error.code === 'MULTIPLE_DOCS') {
      problems.push(secondDocument(text, start, base));
      continue;
    }
    problems.push({
      code: 'yaml-syntax',
      message: `YAML syntax: ${firstLine(error.message)}`,
      span: { start: base + Math.min(start, text.length), end: base + Math.min(Math.max(end, start), text.length) },
    });
  }
  // Only a text with an anchor needs the index (a full walk of the document).
  const anchors = text.includes('&') ? anchorIndex(document) : new Map();
  const state: ConvertState = { base, nodes: 0, depth: 0, aliases: 0, limited: false, duplicates: new Set(), anchors, keyIdentities: [] };
  const root = document.contents ? yield* convert(document.contents as YamlNode, 0, state, problems) : undefined;
  return { root: root ?? undefined, problems, keyIdentities: state.keyIdentities, nodes: state.nodes, depth: state.depth };
}

interface ConvertState {
  base: number;
  nodes: number;
  depth: number;
  aliases: number;
  limited: boolean;
  /** Offsets of duplicate keys already reported (an alias may expand the same mapping again). */
  duplicates: Set<number>;
  /** Anchored nodes by name, in document order: resolving an alias must not walk the document. */
  anchors: Map<string, { start: number; node: YamlNode }[]>;
  keyIdentities: string[];
}

function anchorIndex(document: Document): Map<string, { start: number; node: YamlNode }[]> {
  const index = new Map<string, { start: number; node: YamlNode }[]>();
  visit(document, {
    Node(_key, node) {
      const anchor = (node as { anchor?: string }).anchor;
      if (!anchor) return;
      const list = index.get(anchor) ?? [];
      list.push({ start: node.range?.[0] ?? 0, node: node as YamlNode });
      index.set(anchor, list);
    },
  });
  return index;
}

/** An alias refers to the closest anchor of its name written before it (YAML allows redefining). */
function resolveAlias(alias: Alias, anchors: ConvertState['anchors']): YamlNode | undefined {
  const at = alias.range?.[0] ?? 0;
  let found: YamlNode | undefined;
  for (const entry of anchors.get(alias.source) ?? []) {
    if (entry.start >= at) break;
    found = entry.node;
  }
  return found;
}

/** Scalar keys by type and value, as YAML compares them (1 and "1" differ, name and "name" don't). */
const identityOf = (value: unknown) => `${typeof value}:${String(value)}`;

/** Work units (steps.ts) per converted node. */
const CONVERT_UNITS_PER_NODE = 60;

/** Converts a yaml node in document order; a whole parse may pause between the entries of a collection. */
function* convert(node: YamlNode, depth: number, state: ConvertState, problems: ManifestSyntaxProblem[]): Steps<ManifestNode | null> {
  work(CONVERT_UNITS_PER_NODE);
  const span = spanOf(node, state.base);
  if (depth > state.depth) state.depth = depth;
  if (++state.nodes > MANIFEST_LIMITS.maxNodes || depth > MANIFEST_LIMITS.maxDepth) {
    if (!state.limited) {
      state.limited = true;
      problems.push({ code: 'yaml-limit', message: `This file nests or repeats too deeply to check (more than ${MANIFEST_LIMITS.maxDepth} levels or ${MANIFEST_LIMITS.maxNodes} values); the rest is skipped.`, span });
    }
    return null;
  }
  if (isAlias(node)) {
    if (++state.aliases > MANIFEST_LIMITS.maxAliasExpansions) {
      if (!state.limited) {
        state.limited = true;
        problems.push({ code: 'yaml-limit', message: `This file expands more than ${MANIFEST_LIMITS.maxAliasExpansions} aliases; the rest is skipped.`, span });
      }
      return null;
    }
    const target = resolveAlias(node as Alias, state.anchors);
    if (!target) return null;
    const resolved = yield* convert(target as YamlNode, depth + 1, state, problems);
    // An alias stands where it is written: point findings at the alias, not the anchor.
    return resolved ? { ...resolved, span } : null;
  }
  if (isMap(node)) {
    const entries: MapEntry[] = [];
    const seen = new Set<string>();
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const keyNode = pair.key as YamlNode | null;
      const key = keyNode && isScalar(keyNode) ? String(keyNode.value) : '';
      const keySpan = keyNode ? spanOf(keyNode, state.base) : span;
      if (keyNode && isScalar(keyNode)) {
        const identity = identityOf(keyNode.value);
        if (seen.has(identity) && !state.duplicates.has(keySpan.start)) {
          state.duplicates.add(keySpan.start);
          problems.push(duplicateKey(keySpan));
        }
        seen.add(identity);
        if (depth === 0) state.keyIdentities.push(identity);
      } else if (depth === 0) state.keyIdentities.push('');
      if (due()) yield;
      const value = pair.value ? yield* convert(pair.value as YamlNode, depth + 1, state, problems) : null;
      entries.push({ key, keySpan, node: value });
    }
    return { kind: 'map', span, entries };
  }
  if (isSeq(node)) {
    const items: ManifestNode[] = [];
    for (const item of node.items) {
      if (due()) yield;
      const converted = item ? yield* convert(item as YamlNode, depth + 1, state, problems) : null;
      if (converted) items.push(converted);
    }
    return { kind: 'seq', span, items };
  }
  if (isScalar(node)) {
    const value = node.value;
    const plain = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value === null ? value : String(value);
    return { kind: 'scalar', span, value: plain, style: (node.type ?? 'PLAIN') as ScalarStyle, textSpan: span };
  }
  return null;
}

/** The yaml package reads the first document only; say so in our words, on the second one's `---`. */
function secondDocument(text: string, at: number, base: number): ManifestSyntaxProblem {
  const start = Math.min(Math.max(at, 0), text.length);
  const lineEnd = text.indexOf('\n', start);
  const marker = text.startsWith('---', start);
  const end = marker ? start + 3 : lineEnd === -1 ? text.length : lineEnd;
  return {
    code: 'multiple-documents',
    message: `A second YAML document starts here; a manifest is one document, so comanage reads only the first and ignores everything from here on. ${marker ? 'Remove this ---' : 'Remove the ... that ends the first document'}, or move the second plan into a file of its own.`,
    span: { start: base + start, end: base + Math.max(end, start) },
  };
}

export function duplicateKey(keySpan: { start: number; end: number }): ManifestSyntaxProblem {
  return { code: 'duplicate-key', message: 'This key appears twice in the same mapping; keep one.', span: { start: keySpan.start, end: Math.min(keySpan.start + 1, keySpan.end) } };
}

function spanOf(node: YamlNode, base: number): { start: number; end: number } {
  const range = node.range;
  return range ? { start: base + range[0], end: base + range[1] } : { start: 0, end: 0 };
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}
