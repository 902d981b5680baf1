// Typed calls to the server's custom requests. The only way the client learns anything about a
// command line or a plan.
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  CHECK_LINE_REQUEST, CommandLineCheck, EXPORT_POLICY_REQUEST, INTUNE_LINE_REQUEST, IntuneCommandLine, LineContext,
  POLICIES_REQUEST, PolicyExport, PolicySummary, READINESS_REQUEST, ReadinessCheck,
  ManifestTemplate, TEMPLATES_REQUEST,
} from './model/protocol';

export interface ServerRequests {
  readiness(uri: string): Promise<ReadinessCheck[]>;
  checkLine(text: string, context?: LineContext): Promise<CommandLineCheck>;
  intuneLine(text: string): Promise<IntuneCommandLine | null>;
  exportPolicy(uri: string, index: number): Promise<PolicyExport | null>;
  policies(uri: string): Promise<PolicySummary[]>;
  templates(): Promise<ManifestTemplate[]>;
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
    templates: async () => (await client.sendRequest<ManifestTemplate[] | null>(TEMPLATES_REQUEST, {})) ?? [],
  };
}
