// VS Code glue (modelled on Microsoft's lsp-sample client): start the bundled language server over
// IPC and route our documents to it, then wire the Readiness view, status bar and commands. All
// checking lives in the server, so other editors get the same; the client only presents answers.
import * as vscode from 'vscode';
import {
  LanguageClient, LanguageClientOptions, ServerOptions, TransportKind,
} from 'vscode-languageclient/node';
import { registerCommands } from './commands';
import { ReadinessNode } from './model/readinessTree';
import { ReadinessProvider, createReadinessView } from './readinessView';
import { serverRequests } from './requests';
import { createStatusBar } from './statusBar';
import { UiSlot, vscodeUi } from './ui';

/** What `activate` returns; tests reach the running client, the tree and the prompts through it. */
export interface ComanageApi {
  client: LanguageClient;
  readiness: ReadinessProvider;
  readinessView: vscode.TreeView<ReadinessNode>;
  /** Swap `ui.current` to answer prompts from a script. */
  ui: UiSlot;
  /** The readiness status bar item, for the tests to read. */
  statusBar: vscode.StatusBarItem;
}

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<ComanageApi> {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: {
      module: serverModule,
      transport: TransportKind.ipc,
      options: { execArgv: ['--nolazy', '--inspect=6009'] },
    },
  };

  const clientOptions: LanguageClientOptions = {
    // The server decides by file name; the language entries also cover files a user re-labelled.
    documentSelector: [
      { scheme: 'file', pattern: '**/*.ccmsetup' },
      { scheme: 'file', language: 'ccmsetup' },
      { scheme: 'file', pattern: '**/*.{comanage.yaml,comanage.yml}' },
      { scheme: 'file', language: 'comanage-manifest' },
      // Scripts: the server answers only inside ccmsetup invocations and stays silent elsewhere.
      { scheme: 'file', pattern: '**/*.{ps1,psm1,cmd,bat,PS1,PSM1,CMD,BAT}' },
      { scheme: 'file', language: 'powershell' },
      { scheme: 'file', language: 'bat' },
      // Graph exports: the server checks only JSON that names a co-management settings type and ignores the rest.
      { scheme: 'file', pattern: '**/*.{json,JSON}' },
      // A new editor with the language set (the generator's "Open in a new editor"): the server goes by the language id.
      { scheme: 'untitled', language: 'ccmsetup' },
      { scheme: 'untitled', language: 'comanage-manifest' },
    ],
    synchronize: { configurationSection: 'comanage' },
  };

  // The id 'comanage' makes the `comanage.trace.server` setting apply to this client.
  client = new LanguageClient('comanage', 'Co-management', serverOptions, clientOptions);
  await client.start();

  const requests = serverRequests(client);
  const ui: UiSlot = { current: vscodeUi };
  const readiness = new ReadinessProvider(requests);
  const view = createReadinessView(context, readiness);
  const statusBar = createStatusBar(context, readiness);
  registerCommands({ context, requests, ui, provider: readiness, view });
  return { client, readiness, readinessView: view, ui, statusBar };
}

export async function deactivate(): Promise<void> {
  const running = client;
  client = undefined;
  if (running) await running.stop();
}
