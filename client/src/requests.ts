// Typed calls to the server's custom requests. The only way the client learns anything about a
// command line or a plan.
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  CHECK_LINE_REQUEST, CommandLineCheck, EXPORT_POLICY_REQUEST, INSERTION_POINT_REQUEST, INTUNE_LINE_REQUEST, InsertionPoint,
  IntuneCommandLine, LineContext, LineIntent, PLAN_FACTS_REQUEST, POLICIES_REQUEST, PlanFacts, PolicyExport, PolicyLineEdits,
  PolicySummary, Position, READINESS_REQUEST, ReadinessCheck, SET_POLICY_LINE_REQUEST,
  ManifestTemplate, TEMPLATES_REQUEST,
  ReadinessState, SET_VALUES_REQUEST, SetValuesResult, IMPORT_GRAPH_REQUEST, PlanImport,
} from './model/protocol';

export interface ServerRequests {
  readiness(uri: string): Promise<ReadinessCheck[]>;
  checkLine(text: string, context?: LineContext, intent?: LineIntent): Promise<CommandLineCheck>;
  intuneLine(text: string): Promise<IntuneCommandLine | null>;
  exportPolicy(uri: string, index: number): Promise<PolicyExport | null>;
  policies(uri: string): Promise<PolicySummary[]>;
  insertionPoint(uri: string, position: Position, text: string): Promise<InsertionPoint>;
  /** `text`: the file's content, for a manifest the editor hasn't opened. */
  planFacts(uri: string, text?: string): Promise<PlanFacts>;
  setPolicyLine(uri: string, index: number, commandLine: string): Promise<PolicyLineEdits>;
  templates(): Promise<ManifestTemplate[]>;
  /** The checks, and the YAML error when the plan can't be read. */
  readinessState(uri: string): Promise<ReadinessState>;
  /** Edits that write answers into an open manifest (values as text; the server types them by the format). */
  setValues(uri: string, values: { path: string; value: string }[]): Promise<SetValuesResult>;
  /** An open manifest with Graph exports merged in (the files' bytes as base64), for a preview; nothing is written. */
  importGraphExport(uri: string, files: { name: string; base64: string }[], preferImport: boolean): Promise<PlanImport>;
}

export function serverRequests(client: LanguageClient): ServerRequests {
  return {
    readiness: async (uri) => (await client.sendRequest<ReadinessCheck[] | null>(READINESS_REQUEST, { uri })) ?? [],
    async checkLine(text, context, intent) {
      const result = await client.sendRequest<CommandLineCheck | null>(CHECK_LINE_REQUEST, { text, context, intent });
      // null: the server caught an internal error; say so rather than pretend the line is clean.
      if (!result) throw new Error('the language server could not check the line');
      return result;
    },
    intuneLine: (text) => client.sendRequest<IntuneCommandLine | null>(INTUNE_LINE_REQUEST, { text }),
    exportPolicy: (uri, index) => client.sendRequest<PolicyExport | null>(EXPORT_POLICY_REQUEST, { uri, index }),
    policies: async (uri) => (await client.sendRequest<PolicySummary[] | null>(POLICIES_REQUEST, { uri })) ?? [],
    insertionPoint: async (uri, position, text) =>
      (await client.sendRequest<InsertionPoint | null>(INSERTION_POINT_REQUEST, { uri, position, text })) ?? { kind: 'none', refused: 'The language server gave no answer.' },
    planFacts: async (uri, text) => (await client.sendRequest<PlanFacts | null>(PLAN_FACTS_REQUEST, { uri, text })) ?? {},
    setPolicyLine: async (uri, index, commandLine) =>
      (await client.sendRequest<PolicyLineEdits | null>(SET_POLICY_LINE_REQUEST, { uri, index, commandLine })) ?? { refused: 'The language server gave no answer.' },
    templates: async () => (await client.sendRequest<ManifestTemplate[] | null>(TEMPLATES_REQUEST, {})) ?? [],
    async readinessState(uri) {
      const answer = await client.sendRequest<ReadinessState | ReadinessCheck[] | null>(READINESS_REQUEST, { uri, detailed: true });
      // An older server ignores `detailed` and answers with the list.
      return Array.isArray(answer) ? { checks: answer } : answer ?? { checks: [] };
    },
    async setValues(uri, values) {
      const result = await client.sendRequest<SetValuesResult | null>(SET_VALUES_REQUEST, { uri, values });
      if (!result) throw new Error('the language server could not write the answers');
      return result;
    },
    async importGraphExport(uri, files, preferImport) {
      const result = await client.sendRequest<PlanImport | null>(IMPORT_GRAPH_REQUEST, { uri, files, preferImport });
      if (!result) throw new Error('the language server could not read the exports');
      return result;
    },
  };
}
