// Read access to a parsed manifest by key path ("site.cmg.address", "comanagement.policies[0].name").
// A key that is absent is `undefined`: rules treat that as "the plan doesn't say", never as false.
import { Catalog } from '../catalog';
import { CcmsetupDocument, CommandLine, LineContext, Span } from '../ccmsetup/ast';
import { parseCommandLine } from '../ccmsetup/parser';
import { ManifestDocument, ManifestNode, MapEntry } from './ast';
import { LineCache } from '../ccmsetup/lineCache';
import { LineOutline } from './lineOutline';
import { decodeScalar } from './scalarText';
import { Steps, drain, due, work } from '../steps';
import { Flaw, flawAt, flawsFrom } from './evidence';
import { PlaceholderValue, StructureFinding, checkStructureSteps } from './structure';
import { isPlaceholder } from './placeholders';

export type Scalar = string | number | boolean | null;

export interface PolicyCommandLine {
  /** Index of the policy in comanagement.policies. */
  policy: number;
  line: CommandLine;
  /** False when the YAML escaping could not be traced character by character (ranges approximate). */
  exact: boolean;
}

/** A command line the plan holds outside the co-management policies (client push, an Intune app). */
export interface PlanCommandLine {
  /** The key that holds it, e.g. "site.clientPush.commandLine". */
  path: string;
  line: CommandLine;
  exact: boolean;
}

/**
 * The other keys of kind commandLine, with the context their line is used in: client push's
 * Installation Properties (the Client tab's subset of parameters; never a program name), an Intune
 * app that installs the client (ccmsetup.msi's arguments, CCMSETUPCMD: the intranet line of the
 * deployment page has no CCMHOSTNAME, so it is not held to the co-management policy's two required
 * properties), the CCMSetup.exe line of a logon script or a manual install, and the properties group
 * policy provisions. Where `byProgram` is set, a line that names its program (ccmsetup.exe, or
 * msiexec with ccmsetup.msi, as a Win32 app's install command does) takes that program's context.
 * The logon-script and gpo-provisioning contexts are not used here: the readiness rules
 * logon-script-install-needs-logon and gpo-install-properties-length say that once, with the plan's method.
 */
export const OTHER_COMMAND_LINES: readonly { path: string; context: LineContext; byProgram?: true }[] = [
  { path: 'site.clientPush.commandLine', context: 'push' },
  { path: 'comanagement.intuneApp.commandLine', context: 'msi', byProgram: true },
  { path: 'comanagement.installCommandLine', context: 'exe', byProgram: true },
  { path: 'site.installPropertiesGpoCommandLine', context: 'exe' },
];

export class Plan {
  private commandLineCache?: PolicyCommandLine[];
  private otherLineCache?: PlanCommandLine[];
  private outlineCache?: LineOutline;
  private readonly keyIndex = new WeakMap<ManifestNode, Map<string, MapEntry>>();
  private flawCache?: Map<string, Flaw>;
  /** Paths asked for while the readiness engine listens (only when the plan has flaws). */
  private reads?: string[];

  /** `lines` keeps parsed command lines from the document's previous version (see LineCache). */
  constructor(readonly document: ManifestDocument, private readonly catalog: Catalog, private readonly lines?: LineCache) {}

  /** The node at a path: undefined if absent, null if the key is present without a value. */
  node(path: string): ManifestNode | null | undefined {
    return this.entry(path)?.node ?? (path === '' ? this.document.root : undefined);
  }

  entry(path: string): { key: string; keySpan: Span; node: ManifestNode | null } | undefined {
    this.reads?.push(path);
    const steps = parsePath(path);
    let current: ManifestNode | null | undefined = this.document.root;
    let found: MapEntry | undefined;
    for (let n = 0; n < steps.length; n++) {
      const step = steps[n];
      if (!current) return undefined;
      if (typeof step === 'number') {
        if (current.kind !== 'seq' || step >= current.items.length) return undefined;
        current = current.items[step];
        found = undefined;
        if (n === steps.length - 1) return { key: String(step), keySpan: current.span, node: current };
      } else {
        if (current.kind !== 'map') return undefined;
        found = this.lookup(current, step);
        if (!found) return undefined;
        current = found.node;
      }
    }
    return found;
  }

  /** A mapping's entry by key (the first one, as in a lookup); rules ask thousands of paths per version. */
  private lookup(map: Extract<ManifestNode, { kind: 'map' }>, key: string): MapEntry | undefined {
    const { entries } = map;
    // A policy has a handful of keys: a scan beats any index.
    if (entries.length <= 16) {
      for (let i = 0; i < entries.length; i++) if (entries[i].key === key) return entries[i];
      return undefined;
    }
    let index = this.keyIndex.get(map);
    if (!index) {
      index = new Map();
      for (const entry of entries) if (!index.has(entry.key)) index.set(entry.key, entry);
      this.keyIndex.set(map, index);
    }
    return index.get(key);
  }

  /**
   * Values that are no evidence: the structure check rejected them, or they are template
   * placeholders. The analysis hands over its structure verdicts (one structure check per
   * version); a plan used on its own checks the structure here, once.
   */
  flaws(): ReadonlyMap<string, Flaw> {
    if (!this.flawCache) {
      const placeholders: PlaceholderValue[] = [];
      const findings = this.document.root ? drain(checkStructureSteps(this.document.root, this.document.text, undefined, placeholders)) : [];
      this.flawCache = flawsFrom(findings, placeholders, this.document);
    }
    return this.flawCache;
  }

  useStructure(findings: readonly StructureFinding[], placeholders: readonly PlaceholderValue[]): void {
    this.flawCache = flawsFrom(findings, placeholders, this.document);
  }

  /** The flaw at a path or above it. */
  flawOf(path: string): Flaw | undefined {
    return flawAt(this.flaws(), path);
  }

  /** Starts noting every path read, so the engine can tell whether a check read a flawed value. */
  listen(): void {
    this.reads = [];
  }

  /** Stops noting reads; returns the flaws among the paths read (each once). */
  heard(): Flaw[] {
    const reads = this.reads ?? [];
    this.reads = undefined;
    const flaws = this.flaws();
    const found = new Set<Flaw>();
    for (const path of reads) {
      const flaw = flawAt(flaws, path);
      if (flaw) found.add(flaw);
    }
    return [...found];
  }

  /** Stops noting reads; returns every path read (tests use it to audit what a check depends on). */
  heardPaths(): string[] {
    const reads = this.reads ?? [];
    this.reads = undefined;
    return reads;
  }

  has(path: string): boolean {
    const node = this.node(path);
    return node !== undefined && node !== null && !(node.kind === 'scalar' && node.value === null);
  }

  value(path: string): Scalar | undefined {
    const node = this.node(path);
    return node?.kind === 'scalar' ? node.value : undefined;
  }

  /** Text at a path; a number as written (`012`, not 12), so messages quote what the file says. */
  str(path: string): string | undefined {
    const node = this.node(path);
    if (node?.kind !== 'scalar') return undefined;
    if (typeof node.value === 'string') return node.value;
    return typeof node.value === 'number' ? this.document.text.slice(node.textSpan.start, node.textSpan.end) : undefined;
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
    return (this.commandLineCache ??= drain(this.commandLineSteps()));
  }

  /** commandLines() in steps, for a long analysis that pauses between them. */
  *prepareCommandLines(): Steps<void> {
    this.commandLineCache ??= yield* this.commandLineSteps();
    this.otherLineCache ??= this.otherLines();
  }

  /** The command lines outside the policies (OTHER_COMMAND_LINES), parsed in their own context. */
  otherCommandLines(): PlanCommandLine[] {
    return (this.otherLineCache ??= this.otherLines());
  }

  /** The parsed line of one key of OTHER_COMMAND_LINES (undefined when the plan has none there). */
  otherCommandLine(path: string): CommandLine | undefined {
    return this.otherCommandLines().find((c) => c.path === path)?.line;
  }

  private otherLines(): PlanCommandLine[] {
    const lines: PlanCommandLine[] = [];
    for (const { path, context, byProgram } of OTHER_COMMAND_LINES) {
      const node = commandLineNode(this.node(path));
      if (!node) continue;
      const line = this.parseLine(node, context, byProgram);
      lines.push({ path, line, exact: !line.approximate });
    }
    return lines;
  }

  /**
   * A commandLine scalar parsed as a ccmsetup line in a context (through the line cache when there
   * is one); with `byProgram`, the program the line names decides, and the context is the default.
   */
  private parseLine(node: ScalarNode & { value: string }, context: LineContext, byProgram?: boolean): CommandLine {
    const { text } = this.document;
    const parse = () => {
      // Decoding the YAML scalar, then parsing it as a command line (ccmsetup/parser.ts counts that).
      work((node.textSpan.end - node.textSpan.start) * 2);
      const decoded = decodeScalar(text, node)!;
      const offsets = decoded.offsets;
      const map = (index: number) => offsets[Math.min(index, offsets.length - 1)] ?? node.span.start;
      const line = parseCommandLine(decoded.text, { catalog: this.catalog, map, context: byProgram ? undefined : context });
      if (byProgram && !line.program) { line.context = context; line.contextSource = 'directive'; }
      if (!decoded.exact) line.approximate = true;
      line.embedded = node.style;
      return line;
    };
    if (!this.lines) return parse();
    // The key holds the whole lines the scalar is written on: rules and fixes look at the blanks around it.
    const from = text.lastIndexOf('\n', node.textSpan.start - 1) + 1;
    const lastBreak = text.indexOf('\n', node.textSpan.end - 1);
    const to = lastBreak === -1 ? text.length : lastBreak;
    // A policy's line keeps its old key; another context is part of the key.
    const prefix = context === 'intune' ? '' : `${context}${byProgram ? '+' : ''}\u0002`;
    return this.lines.line(`${prefix}${node.style}\u0001${text.slice(from, to)}`, from, parse);
  }

  private *commandLineSteps(): Steps<PolicyCommandLine[]> {
    const lines: PolicyCommandLine[] = [];
    const policies = this.node('comanagement.policies');
    const items = policies?.kind === 'seq' ? policies.items : [];
    for (let i = 0; i < items.length; i++) {
      if (due()) yield;
      const policy = items[i];
      const node = commandLineNode(policy.kind === 'map' ? this.lookup(policy, 'commandLine')?.node : undefined);
      if (!node) continue;
      const line = this.parseLine(node, 'intune');
      lines.push({ policy: i, line, exact: !line.approximate });
    }
    return lines;
  }

  /**
   * Whether policy `index` has a command line: text that isn't blank. A number or true/false
   * (`commandLine: 12`) is not one; the structure check asks for quotes there.
   */
  hasCommandLine(index: number): boolean {
    return commandLineNode(this.node(`comanagement.policies[${index}].commandLine`)) !== undefined;
  }

  /** Every embedded command line (policies, client push, an Intune app) in document order. */
  allCommandLines(): CommandLine[] {
    const lines = [...this.commandLines().map((c) => c.line), ...this.otherCommandLines().map((c) => c.line)];
    return lines.sort((a, b) => a.span.start - b.span.start);
  }

  /** The embedded command lines as a ccmsetup document, so ccmsetup rules and services run on them. */
  commandLineDocument(): CcmsetupDocument {
    return { text: this.document.text, lines: this.allCommandLines(), comments: [] };
  }
}

type ScalarNode = Extract<ManifestNode, { kind: 'scalar' }>;

/** A policy's commandLine value when it holds a command line: text, not blank. */
function commandLineNode(node: ManifestNode | null | undefined): (ScalarNode & { value: string }) | undefined {
  // A template's `<command line …>` placeholder is no command line.
  return node?.kind === 'scalar' && typeof node.value === 'string' && node.value.trim() !== '' && !isPlaceholder(node.value) ? node as ScalarNode & { value: string } : undefined;
}

/**
 * "a.b[2].c" → ['a', 'b', 2, 'c']. Rules ask for each policy's paths on every version, so this is a
 * plain scan (no regex, nothing kept between calls). A part that isn't `name[1][2]…` is one step.
 */
export function parsePath(path: string): (string | number)[] {
  const steps: (string | number)[] = [];
  if (path === '') return steps;
  for (let start = 0; ;) {
    const dot = path.indexOf('.', start);
    const end = dot === -1 ? path.length : dot;
    pushPart(path, start, end, steps);
    if (dot === -1) return steps;
    start = dot + 1;
  }
}

function pushPart(path: string, from: number, to: number, steps: (string | number)[]): void {
  let i = from;
  while (i < to && path[i] !== '[' && path[i] !== ']') i++;
  const name = path.slice(from, i);
  const indexes: number[] = [];
  while (i < to) {
    let j = i + 1;
    while (j < to && path.charCodeAt(j) >= 48 && path.charCodeAt(j) <= 57) j++;
    if (path[i] !== '[' || j === i + 1 || path[j] !== ']' || j >= to) { steps.push(path.slice(from, to)); return; }
    indexes.push(Number(path.slice(i + 1, j)));
    i = j + 1;
  }
  if (name) steps.push(name);
  for (const index of indexes) steps.push(index);
}

export function formatPath(steps: (string | number)[]): string {
  return steps.reduce<string>((out, step) => (typeof step === 'number' ? `${out}[${step}]` : out ? `${out}.${step}` : step), '');
}
