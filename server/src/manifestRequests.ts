// The requests that write into a plan or start one: comanage/setValues (the "Answer unknown facts…"
// answers, as text edits) and comanage/templates (each setup path's template, "New workload
// manifest…"). Parameters come over the wire: each is checked before use.
import { Connection } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { LanguageService } from './core/languageService';
import { MANIFEST_TEMPLATES } from './core/manifest/templates';
import { runSafe } from './utils/runSafe';

export const SET_VALUES_REQUEST = 'comanage/setValues';
export const TEMPLATES_REQUEST = 'comanage/templates';

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

  connection.onRequest(TEMPLATES_REQUEST, (_params: unknown, token) => runSafe(connection, 'templates', () => MANIFEST_TEMPLATES, [], token));
}
