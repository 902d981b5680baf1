// The custom requests the language server answers for the client, and the shapes of their answers.
// Copied by hand from server/src/server.ts and the core's facade: the client never imports server code.

export const READINESS_REQUEST = 'comanage/readiness';
export const CHECK_LINE_REQUEST = 'comanage/checkCommandLine';
export const INTUNE_LINE_REQUEST = 'comanage/intuneCommandLine';
/** The client command the server's missing-fact quick fix carries (server: services/codeActions.ts). */
export const INSERT_SNIPPET_COMMAND = 'comanage.insertSnippet';
export const EXPORT_POLICY_REQUEST = 'comanage/exportPolicy';
export const POLICIES_REQUEST = 'comanage/policies';
export const SET_VALUES_REQUEST = 'comanage/setValues';
export const INSERTION_POINT_REQUEST = 'comanage/insertionPoint';
export const PLAN_FACTS_REQUEST = 'comanage/planFacts';
export const SET_POLICY_LINE_REQUEST = 'comanage/setPolicyCommandLine';
export const TEMPLATES_REQUEST = 'comanage/templates';
export const IMPORT_GRAPH_REQUEST = 'comanage/importGraphExport';

export type CheckStatus = 'pass' | 'info' | 'warn' | 'fail' | 'unknown';

export interface Position { line: number; character: number }
export interface Range { start: Position; end: Position }

/** One readiness check of a manifest (`comanage/readiness`). */
export interface ReadinessCheck {
  id: string;
  area: string;
  title: string;
  status: CheckStatus;
  message: string;
  docUrl: string;
  range?: Range;
  /** For 'unknown': the facts the check needs that the plan doesn't state validly. */
  missing?: MissingFact[];
}

/** A fact a check needs that the plan doesn't state validly (absent, invalid, or a template placeholder). */
export interface MissingFact {
  /** Full key path, e.g. "licensing.entraId", "comanagement.policies[0].commandLine". */
  path: string;
  reason: 'absent' | 'invalid' | 'placeholder';
  /** The invalid or placeholder text as written (masked). */
  value?: string;
  /** In the format's order. */
  allowed?: { value: string; meaning: string }[];
  /** A YAML example of the key with a value, nested from the top. */
  example: string;
  /** Where the key belongs and a VS Code snippet (choices = allowed values), for comanage.insertSnippet. */
  insert?: { position: Position; snippet: string };
}

/** `comanage/templates`: a new manifest's template for one setup path. */
export interface ManifestTemplate {
  /** The format's `path` value. */
  path: string;
  title: string;
  description: string;
  text: string;
}

/** `comanage/readiness` with `detailed: true`. */
export interface ReadinessState {
  checks: ReadinessCheck[];
  /** The plan's first YAML error (line is 1-based): readiness needs a plan the parser can read. */
  parseError?: { message: string; line: number; range: Range };
}

/** A hand-written value that differs from an export's (`comanage/importGraphExport`). */
export interface ImportConflict {
  path: string;
  /** JSON text of each value (shortened, tokens masked). */
  plan: string;
  export: string;
  /** `imported from <file>: "<displayName>" (<id>)` */
  source: string;
}

/** `comanage/importGraphExport`: the open plan with Graph exports merged in (masked), for a preview; or why not. */
export interface PlanImport {
  text?: string;
  refused?: string;
  objects: number;
  files: number;
  written: number;
  same: number;
  conflicts: ImportConflict[];
  leftOut: string[];
  skipped: string[];
  errors: string[];
  notes: string[];
}

/** `comanage/setValues` */
export interface SetValuesResult { edits: { range: Range; newText: string }[]; refused?: string }

/** Where a command line is used; decides what the rules allow. */
export type LineContext = 'intune' | 'msi' | 'exe' | 'push';

export interface Span { start: number; end: number }

/** A finding on one command line, in offsets of the text that was sent. */
export interface LineProblem {
  code: string;
  span: Span;
  message: string;
  severity: 'error' | 'warning' | 'information' | 'hint';
  docUrl: string;
}

/** `comanage/checkCommandLine` */
export interface CommandLineCheck { problems: LineProblem[]; length: number; limit: number }

/** `comanage/intuneCommandLine` */
export interface IntuneCommandLine { text?: string; refused?: string; length: number; limit: number; problems: LineProblem[] }

/** `comanage/exportPolicy` */
export interface PolicyExport { body?: Record<string, unknown>; notes: string[]; refused?: string }

/** `comanage/policies` */
export interface PolicySummary { index: number; name: string }

/** What a generator chose, sent with `comanage/checkCommandLine` so the server holds the line to it. */
export interface LineIntent { authentication?: 'entra-id' | 'pki' | 'token' }

/** `comanage/insertionPoint`: the text to insert at the position (escaped for a script), or why nothing goes there. */
export interface InsertionPoint { kind: string; text?: string; refused?: string }

/** `comanage/planFacts`: what a plan states validly about the site and client authentication. */
export interface PlanFacts { siteCode?: string; cmg?: string; managementPoint?: string; authentication?: 'entra-id' | 'pki' | 'token' }

/** `comanage/setPolicyCommandLine` */
export type PolicyLineEdits = { edits: { range: Range; newText: string }[] } | { refused: string };
