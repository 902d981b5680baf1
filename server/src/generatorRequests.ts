// The requests behind the client's generators: where a generated line may go (comanage/insertionPoint),
// the facts of a plan to start from (comanage/planFacts), and the edit that sets a policy's command
// line (comanage/setPolicyCommandLine). Parameters come over the wire: each is checked before use.
import { Connection } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { IntendedAuthentication, LineIntent } from './core/ccmsetup/ast';
import type { LanguageService } from './core/languageService';
import { documentKindOf } from './core/languageTypes';
import { runSafe } from './utils/runSafe';

export const INSERTION_POINT_REQUEST = 'comanage/insertionPoint';
export const PLAN_FACTS_REQUEST = 'comanage/planFacts';
export const SET_POLICY_LINE_REQUEST = 'comanage/setPolicyCommandLine';

const AUTHENTICATIONS: readonly IntendedAuthentication[] = ['entra-id', 'pki', 'token'];

/** The generator's choices as sent; anything not understood is left out. */
export function intentOf(raw: { authentication?: unknown } | undefined): LineIntent | undefined {
  const authentication = AUTHENTICATIONS.find((a) => a === raw?.authentication);
  return authentication ? { authentication } : undefined;
}

const isPosition = (p: unknown): p is { line: number; character: number } =>
  !!p && typeof p === 'object' && Number.isInteger((p as { line?: unknown }).line) && Number.isInteger((p as { character?: unknown }).character);

export function registerGeneratorRequests(
  connection: Connection, languageService: LanguageService, checkedDocument: (uri: string) => TextDocument | undefined,
): void {
  // { uri, position, text } → { kind, text? | refused? }: a document the server doesn't check takes no line.
  connection.onRequest(INSERTION_POINT_REQUEST, (params: { uri?: unknown; position?: unknown; text?: unknown }, token) => runSafe(connection, 'insertionPoint', () => {
    const doc = typeof params?.uri === 'string' ? checkedDocument(params.uri) : undefined;
    if (!doc || !isPosition(params.position) || typeof params.text !== 'string') return { kind: 'none', refused: 'Not a ccmsetup file or script.' };
    return languageService.insertionPoint(doc, params.position, params.text);
  }, null, token));

  // { uri, text? } → facts: an open manifest as the editor has it, else the text the client read from disk.
  connection.onRequest(PLAN_FACTS_REQUEST, (params: { uri?: unknown; text?: unknown }, token) => runSafe(connection, 'planFacts', () => {
    if (typeof params?.uri !== 'string') return {};
    const open = checkedDocument(params.uri);
    if (open) return languageService.planFacts(open);
    if (typeof params.text !== 'string' || documentKindOf(params.uri) !== 'manifest') return {};
    return languageService.planFacts(TextDocument.create(params.uri, 'comanage-manifest', 0, params.text));
  }, {}, token));

  // { uri, index, commandLine } → { edits } | { refused }, for an open manifest.
  connection.onRequest(SET_POLICY_LINE_REQUEST, (params: { uri?: unknown; index?: unknown; commandLine?: unknown }, token) => runSafe(connection, 'setPolicyCommandLine', () => {
    const doc = typeof params?.uri === 'string' ? checkedDocument(params.uri) : undefined;
    if (!doc) return { refused: 'Open the manifest first.' };
    if (typeof params.index !== 'number' || typeof params.commandLine !== 'string') return { refused: 'The request needs a policy index and a command line.' };
    return languageService.setPolicyCommandLine(doc, params.index, params.commandLine);
  }, null, token));
}
