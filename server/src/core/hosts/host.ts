// A host is a language that carries ccmsetup command lines inside its own text (PowerShell, batch;
// later Markdown fences, Terraform heredocs, XML). The host only finds the command lines and says
// what ccmsetup receives; the ccmsetup parser, rules and services do the rest, on the decoded
// text, through the host's offset map (the same mechanism a YAML scalar uses: ParseOptions.map).
//
// Adding a host: write `hosts/<name>.ts` exporting a `Host`, add it to HOSTS in `hosts/index.ts`,
// add its file extensions to SCRIPT_EXTENSIONS (languageTypes.ts, read by `documentKindOf`) and to the CLI's
// SUPPORTED_EXTENSIONS, its language to the client's selectors, and a test file
// `test/scripts<Name>.test.ts` over realistic fixtures in `test/fixtures/scripts/`.
import type { Span } from '../ccmsetup/ast';
import type { Problem } from '../languageTypes';
import type { Steps } from '../steps';

/** Decoded text and where each of its characters came from. */
export interface SourceMap {
  /** What the program receives (or the host's best honest rendering of it, see SymbolicPart). */
  text: string;
  /** Document offset of each character of `text` (same length as `text`). Characters the host
   *  adds (the space Start-Process puts between array elements) point at the nearest source character. */
  offsets: readonly number[];
}

/** A piece of the decoded text whose value the host supplies at run time ($SiteCode, %SITE%). */
export interface SymbolicPart {
  /** Indices in `SourceMap.text`, end exclusive. */
  start: number;
  end: number;
  /** The reference as written in the script ($SiteCode, ${SiteCode}, $($cfg.Site), %SITE%). */
  name: string;
  /** The reference in the document. */
  span: Span;
  /**
   * When the file gives the variable exactly one constant value: the value (already in `text` in
   * place of the reference) and the literal it is written in. Findings on it are reported there,
   * with related information pointing at this reference.
   */
  constant?: {
    value: string; span: Span;
    /**
     * Set when each character of the value is mapped to the literal it was written in (not to the
     * reference): the literals (the assignment's, and those of the variables it names). Findings
     * then keep their exact range there.
     */
    sources?: Span[];
  };
}

/**
 * The contexts a script invocation can have: never 'intune' in a script (Intune only takes its own
 * field). Only a host that reads that field itself (hosts/json.ts, a Graph export) gives 'intune'.
 */
export type HostLineContext = 'exe' | 'msi' | 'push' | 'intune';

/** One invocation found in a host document: what ccmsetup (or msiexec, or the push cmdlet) receives. */
export interface EmbeddedLine {
  source: SourceMap;
  context: HostLineContext;
  /** The whole invocation in the document (command, program and arguments): related information
   *  points here and diagnostics stay inside it. */
  span: Span;
  /** Document ranges the arguments were read from (an assignment that built them included):
   *  hover and completion answer only inside these. */
  argumentSpans: Span[];
  /** Where the decoded text contains a value the host supplies. Without a constant, the part is
   *  symbolic: names and structure are checked, value checks skip it, no `script-variable`. In
   *  the decoded text an unknown variable appears as `$Name` / `%NAME%` (values.ts TEMPLATE). */
  symbols: SymbolicPart[];
  /**
   * Escapes a quick fix's replacement text for where it lands (`at` is the document offset of the
   * edit's start): a `"` inside a PowerShell double-quoted string becomes `` `" ``, a `%` in batch
   * `%%`. Undefined when the text can't be written there safely, or when `end` (the edit's end)
   * is given and the edit doesn't stay inside one string or word (the fix is then dropped).
   */
  encode(replacement: string, at: number, end?: number): string | undefined;
  /**
   * A document range made whole: when its end falls inside an escape sequence (the map points each
   * decoded character at the escape's first source character, so `map(last) + 1` stops inside
   * JSON's `\u00e9`), the end moves to the escape's end. Findings and fix edits go through it
   * before they are placed or encoded. Optional: a host without multi-character escapes needs none.
   */
  widen?(span: Span): Span;
  /** Codes switched off by a suppression comment on the line above ('*' for all). */
  disabled?: Set<string>;
  /** Host mistakes that change what the program receives (see hosts/<name>Rules.ts), in document offsets. */
  problems: Problem[];
}

/** What a host keeps between versions of one document: its own, opaque to the facade. */
export interface HostMemory { state?: unknown }

export interface Host {
  /** 'powershell' | 'batch' | …: also the DocumentKind of its files. */
  id: string;
  /** File name endings, lower case, with the dot. */
  extensions: readonly string[];
  /** Every invocation in the document, in document order, non-overlapping. Never throws; called
   *  only on text that passes the facade's prefilter (`mentions`, by default: it names ccmsetup), and must stay linear. */
  findLines(text: string): EmbeddedLine[];
  /**
   * findLines in steps (core/steps.ts), for the editor: pauses between units of work, and may keep
   * what it needs in `memory` to do less on the same document's next version. Optional.
   */
  findLinesSteps?(text: string, memory: HostMemory): Steps<EmbeddedLine[]>;
  /**
   * The script's comments that may be comanage directives, each as `# …` text with the document
   * offset of its first character (a batch `REM x` may be given as `#   x` at the `R`, same length),
   * so a misspelt `# comanage-disable-next-line` gets its warning. Optional.
   */
  comments?(text: string): { text: string; start: number }[];
  /**
   * The prefilter for this host's files (default `mentionsCcmsetup`): a document it rejects costs
   * one scan and yields nothing, not even a finding. Must be cheap and linear.
   */
  mentions?(text: string): boolean;
  /**
   * Findings on the document that belong to no invocation (a JSON export that doesn't parse, a
   * policy that installs the client with no command line), in document offsets. Called after
   * findLines on the same text. Optional.
   */
  documentProblems?(text: string): Problem[];
}

/**
 * The facade's prefilter: a file that never names ccmsetup (or the push cmdlets' installation
 * properties, which take ccmsetup's arguments without naming it) costs one scan and yields nothing.
 */
// Two plain searches: several times faster than one with an alternation on a large text.
const mentionsCcmsetup = (text: string): boolean => /ccmsetup/i.test(text) || /InstallationPropert/i.test(text);

/** The prefilter of a host's files: its own, else whether the text names ccmsetup. */
export const mentionsHostTarget = (host: Pick<Host, 'mentions'> | undefined, text: string): boolean => (host?.mentions ? host.mentions(text) : mentionsCcmsetup(text));
