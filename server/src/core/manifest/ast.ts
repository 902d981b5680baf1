// A workload manifest as a small tree with document offsets, converted from the `yaml` package's
// nodes. Aliases are expanded (within limits) so rules never see them.
import type { Span } from '../ccmsetup/ast';

export interface MapEntry {
  key: string;
  keySpan: Span;
  /** Null when the key has no value (`key:` alone). */
  node: ManifestNode | null;
}

export type ManifestNode =
  | { kind: 'map'; span: Span; entries: MapEntry[] }
  | { kind: 'seq'; span: Span; items: ManifestNode[] }
  | { kind: 'scalar'; span: Span; value: string | number | boolean | null; style: ScalarStyle; textSpan: Span };

/** How a scalar is written; `textSpan` is where its characters are (for an alias: the anchored scalar). */
export type ScalarStyle = 'PLAIN' | 'QUOTE_SINGLE' | 'QUOTE_DOUBLE' | 'BLOCK_LITERAL' | 'BLOCK_FOLDED';

export interface ManifestSyntaxProblem {
  code: 'yaml-syntax' | 'duplicate-key' | 'yaml-limit' | 'multiple-documents';
  message: string;
  span: Span;
}

export interface ManifestDocument {
  text: string;
  /** Absent when the file is empty or not a YAML document at all. */
  root?: ManifestNode;
  problems: ManifestSyntaxProblem[];
  /** Set when the text was too large to parse whole and couldn't be cut: nothing was parsed. */
  declined?: true;
  /** Parsed pieces the next version of this text can reuse (absent when it was parsed whole). */
  pieces?: PieceCache;
}

/** Parse results of pieces of a large manifest by their text; see pieces.ts. */
export type PieceCache = Map<string, unknown>;
