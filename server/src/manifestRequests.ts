// The requests that write into a plan or start one: comanage/setValues (the "Answer unknown facts…"
// answers, as text edits), comanage/templates (each setup path's template, "New workload
// manifest…") and comanage/importGraphExport (Graph exports merged into an open plan, "Import
// settings from a Graph export…"). Parameters come over the wire: each is checked before use.
import { Connection } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { LanguageService } from './core/languageService';
import { MANIFEST_TEMPLATES } from './core/manifest/templates';
import { runSafe } from './utils/runSafe';

export const SET_VALUES_REQUEST = 'comanage/setValues';
export const TEMPLATES_REQUEST = 'comanage/templates';
export const IMPORT_GRAPH_REQUEST = 'comanage/importGraphExport';

/** What one import may carry (the client reads at most this much too). */
const MAX_IMPORT_FILES = 5000;
const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

export function registerManifestRequests(
  connection: Connection, languageService: LanguageService, checkedDocument: (uri: string) => TextDocument | undefined,
): void {
  // { uri, values: [{ path, value }] } → { edits, refused? }: answers written into an open manifest.
  connection.onRequest(SET_VALUES_REQUEST, (params: { uri?: unknown; values?: unknown }, token) => runSafe(connection, 'setValues', () => {
    const doc = typeof params?.uri === 'string' ? checkedDocument(params.uri) : undefined;
    if (!doc) return { edits: [], refused: 'Open the manifest first.' };
    const values = Array.isArray(params.values) ? params.values : [];
    const valid = values.filter((v): v is { path: string; value: string } => typeof v?.path === 'string' && typeof v?.value === 'string');
    if (valid.length !== values.length) return { edits: [], refused: 'Each answer needs a key path and a value as text.' };
    return languageService.setManifestValues(doc, valid);
  }, null, token));

  // { uri, files: [{ name, base64 }], preferImport? } → PlanImport (core/graph/importPlan.ts): the open
  // plan's text with the exports merged in, for the editor to preview and write; never written here.
  connection.onRequest(IMPORT_GRAPH_REQUEST, (params: { uri?: unknown; files?: unknown; preferImport?: unknown }, token) => runSafe(connection, 'importGraphExport', () => {
    const empty = { objects: 0, files: 0, written: 0, same: 0, conflicts: [], leftOut: [], skipped: [], errors: [], notes: [] };
    const doc = typeof params?.uri === 'string' ? checkedDocument(params.uri) : undefined;
    if (!doc) return { ...empty, refused: 'Open the manifest first.' };
    const files = Array.isArray(params.files) ? params.files : [];
    if (!files.length || files.length > MAX_IMPORT_FILES) return { ...empty, refused: `Send between 1 and ${MAX_IMPORT_FILES} export files.` };
    const valid = files.filter((f): f is { name: string; base64: string } => typeof f?.name === 'string' && typeof f?.base64 === 'string');
    if (valid.length !== files.length) return { ...empty, refused: 'Each export file needs a name and its bytes (base64).' };
    if (valid.reduce((n, f) => n + f.base64.length * 0.75, 0) > MAX_IMPORT_BYTES) return { ...empty, refused: 'The exports are too large to import at once (64 MB).' };
    const inputs = valid.map((f) => ({ name: f.name, bytes: new Uint8Array(Buffer.from(f.base64, 'base64')) }));
    return languageService.importGraphExports(doc, inputs, { preferImport: params.preferImport === true });
  }, null, token));

  connection.onRequest(TEMPLATES_REQUEST, (_params: unknown, token) => runSafe(connection, 'templates', () => MANIFEST_TEMPLATES, [], token));
}
