// Every LSP handler runs through here so a bug in the core costs one empty answer, never the server.
// Logs never carry document text: a .ccmsetup line may hold a /regtoken: secret.
import { CancellationToken, Connection, LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import { maskText } from '../core/secrets';

// Engine-made messages describe code ("Cannot read properties of undefined"); our own errors may
// quote the input, so their messages are left out. Quoted parts are blanked either way.
const ENGINE_ERRORS = new Set(['TypeError', 'RangeError', 'ReferenceError', 'SyntaxError']);

/** A loggable summary of an error: its type, an engine message with quoted text blanked, a few stack frames. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return `thrown ${typeof error}`;
  const message = ENGINE_ERRORS.has(error.name)
    ? `: ${error.message.replace(/(["'`]).*?\1/g, '$1…$1').slice(0, 160)}`
    : '';
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, 4)
    .join('\n');
  // And anything shaped like a token is masked, should an engine message quote one unquoted.
  return maskText(`${error.name}${message}${frames ? `\n${frames}` : ''}`);
}

/** Runs a synchronous piece of work, logging and swallowing any exception. */
export function tryRun<T>(connection: Connection, label: string, work: () => T, fallback: T): T {
  try {
    return work();
  } catch (error) {
    connection.console.error(`comanage: ${label} failed: ${describeError(error)}`);
    return fallback;
  }
}

function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled');
}

/**
 * Runs a request handler on a later tick (so a queued $/cancelRequest can arrive first) and
 * answers "cancelled" if the client gave up; any exception becomes `fallback`.
 */
export function runSafe<T>(
  connection: Connection,
  label: string,
  work: () => T,
  fallback: T,
  token?: CancellationToken,
): Promise<T | ResponseError<void>> {
  return new Promise((resolve) => {
    setImmediate(() => {
      if (token?.isCancellationRequested) return resolve(cancelled());
      const result = tryRun(connection, label, work, fallback);
      resolve(token?.isCancellationRequested ? cancelled() : result);
    });
  });
}
