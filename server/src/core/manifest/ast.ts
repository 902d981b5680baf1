// A workload manifest as a small tree with document offsets, converted from the `yaml` package's
// nodes. Aliases are expanded (within limits) so rules never see them.
import type { Scalar } from 'yaml';
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
  | { kind: 'scalar'; span: Span; value: string | number | boolean | null; source: Scalar };

export interface ManifestSyntaxProblem {
  code: 'yaml-syntax' | 'duplicate-key' | 'yaml-limit';
  message: string;
  span: Span;
}

export interface ManifestDocument {
  text: string;
  /** Absent when the file is empty or not a YAML document at all. */
  root?: ManifestNode;
  problems: ManifestSyntaxProblem[];
}
