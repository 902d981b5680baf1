// Syntax tree of a ccmsetup file. Every node holds document offsets (start inclusive, end
// exclusive); line/character positions are computed only when a result leaves the core.
import type { Resolved } from '../catalog';
import type { FlaggedCharacter } from '../text/typographic';

export interface Span { start: number; end: number }

/**
 * Where a command line is used; it decides which context rules apply. 'logon-script': ccmsetup.exe
 * started by a logon script (checked as an exe line too); 'gpo-provisioning': the CCMSetup box of
 * the ConfigMgrInstallation.adm group policy.
 */
export type LineContext = 'intune' | 'msi' | 'exe' | 'push' | 'logon-script' | 'gpo-provisioning' | 'unknown';
export const LINE_CONTEXTS: readonly LineContext[] = ['intune', 'msi', 'exe', 'push', 'logon-script', 'gpo-provisioning', 'unknown'];

export interface ValueNode {
  /** The value as written, quotes included. */
  raw: string;
  /** The value with quotes removed and escaped quotes resolved. */
  text: string;
  span: Span;
  quoted: boolean;
  /** Document offset of each character of `text`; absent when text maps 1:1 onto span. */
  offsets?: number[];
}

interface NamedNode {
  span: Span;
  /** The name without slash, as written. */
  name: string;
  /** The name as written, slash included for parameters. */
  nameSpan: Span;
  separator?: { char: ':' | '='; span: Span };
  value?: ValueNode;
  /** The catalog entry, when the name is documented. */
  resolved?: Resolved;
}

export interface ParameterNode extends NamedNode { type: 'parameter' }
export interface PropertyNode extends NamedNode {
  type: 'property';
  /** For CCMSETUPCMD: the command line inside its quotes. */
  inner?: CommandLine;
}
/** A token that is neither a parameter nor a property (e.g. a stray word). */
export interface StrayNode { type: 'stray'; span: Span; text: string }
/** An msiexec switch such as /qn on a ccmsetup.msi line; not ccmsetup's business. */
export interface InstallerOptionNode { type: 'installerOption'; span: Span; text: string }

export type ItemNode = ParameterNode | PropertyNode | StrayNode | InstallerOptionNode;

export interface ProgramNode { span: Span; kind: 'exe' | 'msi'; text: string }

export interface ParseProblem {
  code: 'unbalanced-quote';
  span: Span;
}

export interface CommandLine {
  span: Span;
  /** The line's text as written (for a CCMSETUPCMD inner line: the unquoted content). */
  text: string;
  context: LineContext;
  /** 'host': a script starts this line (core/hosts/), so it is not an Intune string. */
  contextSource: 'directive' | 'program' | 'wrapper' | 'default' | 'host';
  /** Tokens before the program (msiexec /i, start /wait, a path): kept, not checked. */
  launcher: Span[];
  program?: ProgramNode;
  /** Top-level items, in source order. */
  items: ItemNode[];
  /** The CCMSETUPCMD property that wraps the real arguments, when present. */
  wrapper?: PropertyNode;
  /** What ccmsetup.exe receives: the wrapper's inner items, else the top-level ones (CCMSETUPCMD excluded). */
  args: ItemNode[];
  problems: ParseProblem[];
  /** Codes switched off for this line by a `# comanage-disable-next-line` comment; '*' for all. */
  disabled?: Set<string>;
  /** Configuration Manager version stated by a `# comanage-site-version:` comment. */
  siteVersion?: number;
  /** For a line inside a YAML scalar: how the scalar is written (a fix must be escaped for it). */
  embedded?: 'PLAIN' | 'QUOTE_SINGLE' | 'QUOTE_DOUBLE' | 'BLOCK_LITERAL' | 'BLOCK_FOLDED';
  /** Typographic and invisible characters in the line, in order; absent when there are none. */
  typographic?: TypographicNode[];
  /** Set when the line came out of an escaped string whose offsets could only be estimated. */
  approximate?: true;
  /** What the person building the line chose (the generator's answers), for rules that hold the line to it. */
  intent?: LineIntent;
}

/** How the client should authenticate, as chosen in a generator; never read from a file. */
export type IntendedAuthentication = 'entra-id' | 'pki' | 'token';
export interface LineIntent { authentication?: IntendedAuthentication }

/** A character pasted text brought (typographic quote, Unicode space, ...): see text/typographic.ts. */
export interface TypographicNode extends FlaggedCharacter {
  /** Index in the line's `text`. */
  index: number;
  span: Span;
}

export interface CommentNode { span: Span; text: string }

export interface CcmsetupDocument {
  text: string;
  lines: CommandLine[];
  comments: CommentNode[];
}
