// The LSP lifecycle that vscode-languageserver leaves to the server: before `initialize` a request
// is answered ServerNotInitialized and a notification dropped; after `shutdown` a request is
// answered InvalidRequest and a notification dropped; `exit` always goes through (the library
// then exits with 0 after shutdown, 1 without). It sits in front of every handler as the
// connection's message strategy, so it holds for any transport and any method, ours or the library's.
import { Connection, ErrorCodes, Message, MessageStrategy, ResponseError } from 'vscode-languageserver';

type Phase = 'new' | 'running' | 'shutdown';

/** Refused requests are re-routed here; the params object is ours, so no client can send one. */
const REFUSED = '$/comanage/refused';

interface Refusal { code: number; message: string }

export interface LifecycleGate {
  messageStrategy: MessageStrategy;
  /** Registers the handler that answers refused requests; call once the connection exists. */
  attach(connection: Connection): void;
}

export function lifecycleGate(): LifecycleGate {
  let phase: Phase = 'new';
  const refusals = new WeakSet<object>();

  const refuse = (message: Message, refusal: Refusal, next: (message: Message) => void) => {
    refusals.add(refusal);
    next({ ...message, method: REFUSED, params: refusal } as Message);
  };

  return {
    messageStrategy: {
      handleMessage(message, next) {
        if (Message.isRequest(message)) {
          if (phase === 'new' && message.method !== 'initialize') {
            return refuse(message, { code: ErrorCodes.ServerNotInitialized, message: `The server is not initialized yet: send "initialize" before "${message.method}".` }, next);
          }
          if (phase === 'shutdown') {
            return refuse(message, { code: ErrorCodes.InvalidRequest, message: `The server is shutting down: "${message.method}" is not answered after "shutdown".` }, next);
          }
          if (message.method === 'initialize' && phase === 'running') {
            return refuse(message, { code: ErrorCodes.InvalidRequest, message: 'The server is already initialized.' }, next);
          }
          if (message.method === 'initialize') phase = 'running';
          else if (message.method === 'shutdown') phase = 'shutdown';
        } else if (Message.isNotification(message) && message.method !== 'exit' && phase !== 'running') {
          return; // dropped, as the spec asks
        }
        next(message);
      },
    },
    attach(connection) {
      connection.onRequest(REFUSED, (params: unknown) => (params && typeof params === 'object' && refusals.has(params)
        ? new ResponseError((params as Refusal).code, (params as Refusal).message)
        : new ResponseError(ErrorCodes.MethodNotFound, `Unhandled method ${REFUSED}`)));
    },
  };
}
