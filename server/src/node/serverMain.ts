// Node entry point (dist/server.js). createConnection picks the transport from argv:
// `--stdio` for most editors, `--node-ipc` when the VS Code client spawns us with TransportKind.ipc.
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { startServer } from '../server';

const connection = createConnection(ProposedFeatures.all);
startServer(connection);
connection.listen();
