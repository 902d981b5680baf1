// Types shared by the core's API. LSP shapes come from vscode-languageserver-types so the server
// can hand results straight to the connection; nothing here knows about a connection or `vscode`.
export {
  CodeAction, CodeActionKind, CompletionItem, CompletionItemKind, CompletionList, Diagnostic,
  DiagnosticSeverity, DiagnosticTag, DocumentSymbol, Hover, InsertTextFormat, MarkupContent, MarkupKind,
  Position, Range, SymbolKind, TextEdit, WorkspaceEdit,
} from 'vscode-languageserver-types';
export type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Span } from './ccmsetup/ast';
export type { Span } from './ccmsetup/ast';

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = Severity | 'off';

/** Which language a document speaks, decided from its file name, never from the editor's languageId. */
export type DocumentKind = 'ccmsetup' | 'manifest' | ScriptKind | 'none';
/**
 * Files that carry command lines inside their own text: each is a host (core/hosts/), checked only
 * where it holds one. Scripts (PowerShell, batch) where they invoke ccmsetup; JSON (a Graph export)
 * where it holds a co-management settings policy.
 */
export type ScriptKind = 'powershell' | 'batch' | 'json';
export const SCRIPT_EXTENSIONS: Record<ScriptKind, readonly string[]> = { powershell: ['.ps1', '.psm1'], batch: ['.cmd', '.bat'], json: ['.json'] };
export const isScriptKind = (kind: DocumentKind): kind is ScriptKind => kind === 'powershell' || kind === 'batch' || kind === 'json';

export interface LanguageSettings {
  /** Per-rule severity overrides, keyed by rule id; 'off' silences a rule. */
  rules?: Record<string, SeveritySetting>;
  /** PowerShell and batch scripts: checked where they start ccmsetup (default true). JSON exports are not scripts: always checked. */
  scripts?: { enabled?: boolean };
}

/** A source change that fixes a problem. */
export interface Fix {
  title: string;
  edits: { span: Span; newText: string }[];
  /** The one fix an editor may apply without asking (VS Code's "auto fix"). */
  preferred?: boolean;
  /**
   * Fixes with the same value here can all be applied at once: the code actions add one "fix all"
   * action for the file, titled by this template ({n}: how many fixes, {s}: "s" when more than one).
   */
  fixAll?: string;
}

/** One finding, in document offsets; converted to an LSP Diagnostic only at the service edge. */
export interface Problem {
  code: string;
  span: Span;
  message: string;
  severity: Severity;
  docUrl: string;
  fixes?: Fix[];
  unnecessary?: boolean;
  /** Other places the finding concerns (a script variable's use, when the finding is on its value). */
  related?: { span: Span; message: string }[];
}

export const DIAGNOSTIC_SOURCE = 'comanage';

/** The editor's language ids of our languages: an untitled document has no file name, only one of these. */
const UNTITLED_LANGUAGES: Record<string, DocumentKind> = { ccmsetup: 'ccmsetup', 'comanage-manifest': 'manifest', powershell: 'powershell', bat: 'batch' };

/**
 * Decides the language from a URI or path: `*.ccmsetup`, `*.comanage.yaml` / `*.comanage.yml`, scripts.
 * Only an `untitled:` document whose name says nothing goes by its language id (a new editor the
 * user or a generator opened with the language set): a saved file is always judged by its name.
 */
export function documentKindOf(uriOrPath: string, languageId?: string): DocumentKind {
  const lower = decodeURIComponent(uriOrPath.split(/[?#]/)[0]).toLowerCase();
  if (lower.endsWith('.ccmsetup')) return 'ccmsetup';
  if (lower.endsWith('.comanage.yaml') || lower.endsWith('.comanage.yml')) return 'manifest';
  for (const [kind, extensions] of Object.entries(SCRIPT_EXTENSIONS)) if (extensions.some((e) => lower.endsWith(e))) return kind as ScriptKind;
  if (languageId && lower.startsWith('untitled:') && Object.hasOwn(UNTITLED_LANGUAGES, languageId)) return UNTITLED_LANGUAGES[languageId];
  return 'none';
}
