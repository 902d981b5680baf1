// Node entry point (dist/server.js). `--stdio` for most editors: stdin passes through FrameResync
// first, so a corrupt frame costs that message, not the session. Any other transport
// (`--node-ipc` when the VS Code client spawns us, `--socket`, `--pipe`) is picked by createConnection.
import { format } from 'node:util';
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { lifecycleGate } from '../lifecycle';
import { startServer } from '../server';
import { FrameResync } from './frameResync';

const stdio = process.argv.includes('--stdio');
if (stdio) {
  // stdout carries the protocol; a stray console.log there would corrupt it.
  for (const method of ['log', 'info', 'debug', 'warn'] as const) {
    console[method] = (...args: unknown[]) => void process.stderr.write(`${format(...args)}\n`);
  }
}
// Requests before `initialize` or after `shutdown` are refused, notifications then dropped (lifecycle.ts).
const gate = lifecycleGate();
const options = { messageStrategy: gate.messageStrategy };
const connection = stdio
  ? createConnection(ProposedFeatures.all, process.stdin.pipe(new FrameResync()), process.stdout, options)
  : createConnection(ProposedFeatures.all, options);
gate.attach(connection);
startServer(connection);
connection.listen();
