// Read access to a parsed manifest by key path ("site.cmg.address", "comanagement.policies[0].name").
// A key that is absent is `undefined`: rules treat that as "the plan doesn't say", never as false.
import { Catalog } from '../catalog';
import { CcmsetupDocument, CommandLine, Span } from '../ccmsetup/ast';
import { parseCommandLine } from '../ccmsetup/parser';
import { ManifestDocument, ManifestNode, MapEntry } from './ast';
import { LineOutline } from './lineOutline';
import { decodeScalar } from './scalarText';

export type Scalar = string | number | boolean | null;

export interface PolicyCommandLine {
  /** Index of the policy in comanagement.policies. */
  policy: number;
  line: CommandLine;
  /** False when the YAML escaping could not be traced character by character (ranges approximate). */
  exact: boolean;
}

export class Plan {
  private commandLineCache?: PolicyCommandLine[];
  private outlineCache?: LineOutline;
  private readonly keyIndex = new WeakMap<ManifestNode, Map<string, MapEntry>>();

  constructor(readonly document: ManifestDocument, private readonly catalog: Catalog) {}

  /** The node at a path: undefined if absent, null if the key is present without a value. */
  node(path: string): ManifestNode | null | undefined {
    return this.entry(path)?.node ?? (path === '' ? this.document.root : undefined);
  }

  entry(path: string): { key: string; keySpan: Span; node: ManifestNode | null } | undefined {
    let current: ManifestNode | null | undefined = this.document.root;
    let found: MapEntry | { key: string; keySpan: Span; node: ManifestNode | null } | undefined;
    for (const step of parsePath(path)) {
      if (!current) return undefined;
      if (typeof step === 'number') {
        if (current.kind !== 'seq' || step >= current.items.length) return undefined;
        const item: ManifestNode = current.items[step];
        found = { key: String(step), keySpan: item.span, node: item };
        current = item;
      } else {
        if (current.kind !== 'map') return undefined;
        found = this.indexOf(current).get(step);
        if (!found) return undefined;
        current = found.node;
      }
    }
    return found;
  }

  /** Entries of a mapping by key (first one wins, as in a lookup): rules ask hundreds of paths. */
  private indexOf(map: Extract<ManifestNode, { kind: 'map' }>): Map<string, MapEntry> {
    let index = this.keyIndex.get(map);
    if (!index) {
      index = new Map();
      for (const entry of map.entries) if (!index.has(entry.key)) index.set(entry.key, entry);
      this.keyIndex.set(map, index);
    }
    return index;
  }

  has(path: string): boolean {
    const node = this.node(path);
    return node !== undefined && node !== null && !(node.kind === 'scalar' && node.value === null);
  }

  value(path: string): Scalar | undefined {
    const node = this.node(path);
    return node?.kind === 'scalar' ? node.value : undefined;
  }

  str(path: string): string | undefined {
    const value = this.value(path);
    return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
  }

  num(path: string): number | undefined {
    const value = this.value(path);
    return typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : undefined;
  }

  bool(path: string): boolean | undefined {
    const value = this.value(path);
    return typeof value === 'boolean' ? value : undefined;
  }

  /** Lower-cased string value, for comparisons with enum values. */
  choice(path: string): string | undefined {
    return this.str(path)?.toLowerCase();
  }

  count(path: string): number {
    const node = this.node(path);
    return node?.kind === 'seq' ? node.items.length : 0;
  }

  /** Where to point a finding about `path`: its value, else its key, else the nearest ancestor's key. */
  spanOf(path: string): Span {
    const steps = parsePath(path);
    for (let n = steps.length; n > 0; n--) {
      const prefix = formatPath(steps.slice(0, n));
      const entry = this.entry(prefix);
      if (entry) return n === steps.length && entry.node ? entry.node.span : entry.keySpan;
    }
    return { start: 0, end: 0 };
  }

  /** The key of a path (or nearest ancestor): where "missing" and "unknown" findings point. */
  keySpanOf(path: string): Span {
    const steps = parsePath(path);
    for (let n = steps.length; n > 0; n--) {
      const entry = this.entry(formatPath(steps.slice(0, n)));
      if (entry) return entry.keySpan;
    }
    return { start: 0, end: 0 };
  }

  /** Key paths by line, for completion while a line is half typed. */
  outline(): LineOutline {
    this.outlineCache ??= new LineOutline(this.document.text);
    return this.outlineCache;
  }

  /** Each co-management policy's command line, parsed as a ccmsetup line in the Intune context. */
  commandLines(): PolicyCommandLine[] {
    if (this.commandLineCache) return this.commandLineCache;
    const lines: PolicyCommandLine[] = [];
    for (let i = 0; i < this.count('comanagement.policies'); i++) {
      const node = this.node(`comanagement.policies[${i}].commandLine`);
      if (node?.kind !== 'scalar' || typeof node.value !== 'string') continue;
      const decoded = decodeScalar(this.document.text, node.source);
      if (!decoded || decoded.text.trim() === '') continue;
      const offsets = decoded.offsets;
      const map = (index: number) => offsets[Math.min(index, offsets.length - 1)] ?? node.span.start;
      lines.push({ policy: i, exact: decoded.exact, line: parseCommandLine(decoded.text, { catalog: this.catalog, map, context: 'intune' }) });
    }
    this.commandLineCache = lines;
    return lines;
  }

  /** The embedded command lines as a ccmsetup document, so ccmsetup rules and services run on them. */
  commandLineDocument(): CcmsetupDocument {
    return { text: this.document.text, lines: this.commandLines().map((c) => c.line), comments: [] };
  }
}

export function parsePath(path: string): (string | number)[] {
  if (path === '') return [];
  const steps: (string | number)[] = [];
  for (const part of path.split('.')) {
    const match = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!match) { steps.push(part); continue; }
    if (match[1]) steps.push(match[1]);
    for (const index of match[2].matchAll(/\[(\d+)\]/g)) steps.push(Number(index[1]));
  }
  return steps;
}

export function formatPath(steps: (string | number)[]): string {
  return steps.reduce<string>((out, step) => (typeof step === 'number' ? `${out}[${step}]` : out ? `${out}.${step}` : step), '');
}
