// Typed calls to the server's custom requests. The only way the client learns anything about a
// command line or a plan.
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  CHECK_LINE_REQUEST, CommandLineCheck, EXPORT_POLICY_REQUEST, INTUNE_LINE_REQUEST, IntuneCommandLine, LineContext,
  POLICIES_REQUEST, PolicyExport, PolicySummary, READINESS_REQUEST, ReadinessCheck, ReadinessState,
  SET_VALUES_REQUEST, SetValuesResult,
} from './model/protocol';

export interface ServerRequests {
  readiness(uri: string): Promise<ReadinessCheck[]>;
  checkLine(text: string, context?: LineContext): Promise<CommandLineCheck>;
  intuneLine(text: string): Promise<IntuneCommandLine | null>;
  exportPolicy(uri: string, index: number): Promise<PolicyExport | null>;
  policies(uri: string): Promise<PolicySummary[]>;
  /** The checks, and the YAML error when the plan can't be read. */
  readinessState(uri: string): Promise<ReadinessState>;
  /** Edits that write answers into an open manifest (values as text; the server types them by the format). */
  setValues(uri: string, values: { path: string; value: string }[]): Promise<SetValuesResult>;
}

export function serverRequests(client: LanguageClient): ServerRequests {
  return {
    readiness: async (uri) => (await client.sendRequest<ReadinessCheck[] | null>(READINESS_REQUEST, { uri })) ?? [],
    async checkLine(text, context) {
      const result = await client.sendRequest<CommandLineCheck | null>(CHECK_LINE_REQUEST, { text, context });
      // null: the server caught an internal error; say so rather than pretend the line is clean.
      if (!result) throw new Error('the language server could not check the line');
      return result;
    },
    intuneLine: (text) => client.sendRequest<IntuneCommandLine | null>(INTUNE_LINE_REQUEST, { text }),
    exportPolicy: (uri, index) => client.sendRequest<PolicyExport | null>(EXPORT_POLICY_REQUEST, { uri, index }),
    policies: async (uri) => (await client.sendRequest<PolicySummary[] | null>(POLICIES_REQUEST, { uri })) ?? [],
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
  };
}
