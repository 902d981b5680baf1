// Mistakes of a Graph export itself (a JSON file holding a co-management settings policy), found
// by the JSON host (json.ts) on the document rather than inside the command line. Same shape as
// the script hosts' rules: id, severity from the words of the docs, our own title, a doc link, and
// whole-file fixtures that must raise it and must not (test/scriptsJson.test.ts runs them).
import type { HostRule } from './hostRule';

const JSON_DOC = 'https://www.rfc-editor.org/rfc/rfc8259#section-2';
const CONFIGURE = 'https://learn.microsoft.com/intune/configmgr/comanage/autopilot-enrollment#configure';

const policy = (fields: string) => `{\n  "@odata.type": "#microsoft.graph.deviceComanagementAuthorityConfiguration",\n  "displayName": "Co-management settings",\n${fields}\n}`;
const LINE = 'CCMSETUPCMD=\\"CCMHOSTNAME=contoso.cloudapp.net/CCM_Proxy_MutualAuth/72186325152220500 SMSSITECODE=ABC\\"';

/** A file that isn't JSON can't be imported or checked: the one finding on it, with its position. */
export const jsonSyntax: HostRule = {
  id: 'graph-export-json-syntax', severity: 'error', docUrl: JSON_DOC, host: 'json',
  title: 'A Graph export that is not valid JSON: nothing in it can be read',
  examples: {
    fail: [policy('  "installConfigurationManagerAgent": true,\n  "configurationManagerAgentCommandLineArgument": "SMSSITECODE=ABC",\n')],
    pass: [policy(`  "installConfigurationManagerAgent": true,\n  "configurationManagerAgentCommandLineArgument": "${LINE}"`)],
  },
};

/**
 * The page's step: a policy that installs the client is given the command line from Configuration
 * Manager (the same statement as the manifest's `policy-command-line-required`).
 */
export const agentWithoutCommandLine: HostRule = {
  id: 'graph-export-agent-without-command-line', severity: 'error', docUrl: CONFIGURE, host: 'json',
  title: 'A co-management settings policy that installs the client with an empty command line',
  examples: {
    fail: [
      policy('  "installConfigurationManagerAgent": true,\n  "configurationManagerAgentCommandLineArgument": ""'),
      policy('  "installConfigurationManagerAgent": true,\n  "configurationManagerAgentCommandLineArgument": null'),
    ],
    pass: [
      policy(`  "installConfigurationManagerAgent": true,\n  "configurationManagerAgentCommandLineArgument": "${LINE}"`),
      policy('  "installConfigurationManagerAgent": false,\n  "configurationManagerAgentCommandLineArgument": ""'),
      // Not in the export: unknown, not empty.
      policy('  "installConfigurationManagerAgent": true'),
    ],
  },
};

export const JSON_RULES: readonly HostRule[] = [jsonSyntax, agentWithoutCommandLine];
