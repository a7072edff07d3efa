// validate(app): wsgiref.validate's counterpart. Wraps an app and checks every event both ways.
import { AsyncSpecError, isClientDisconnected } from '../errors.js';
import { expectPromise } from '../internal/checks.js';
import { HttpProtocol } from '../internal/http-protocol.js';
import { LifespanProtocol } from '../internal/lifespan-protocol.js';
import { WebSocketProtocol } from '../internal/websocket-protocol.js';
import { COMMON_MESSAGES, HTTP_MESSAGES } from '../messages.js';
import type { AsyncApp, Receive, Scope, Send } from '../types/app.js';
import { checkScope } from './scope.js';

interface Machine {
  receive(event: unknown): void;
  send(event: unknown): unknown;
}

/**
 * Wraps an app so every scope key and every event in both directions is checked against
 * docs/spec/async.md. The first broken rule raises an AsyncSpecError naming its section, at the
 * call that broke it: in the app's `send`, in its `receive` (a server fault), or when it returns.
 *
 * @example
 * const checked = validate(app);
 * await requestApp(checked, { target: '/' }); // throws "async §3.4: 'http.response.body' sent before ..."
 */
export function validate(app: AsyncApp): AsyncApp {
  if (typeof app !== 'function') throw new AsyncSpecError(COMMON_MESSAGES.notAFunction);
  return async (scope: Scope, receive: Receive, send: Send): Promise<void> => {
    checkScope(scope);
    const machine: Machine =
      scope.type === 'http' ? new HttpProtocol(scope) : scope.type === 'websocket' ? new WebSocketProtocol(scope) : new LifespanProtocol();
    let disconnected = false;

    const checkedReceive: Receive = async () => {
      const event = await receive();
      machine.receive(event);
      if (event.type === 'http.disconnect' || event.type === 'websocket.disconnect') disconnected = true;
      return event;
    };
    // async §2.5.1: a violation the app catches still fails it; later sends and the return repeat it.
    let violation: { error: unknown } | undefined;
    const checkedSend: Send = async (event) => {
      if (violation) throw violation.error;
      try {
        machine.send(event);
      } catch (error) {
        violation = { error };
        throw error;
      }
      try {
        await send(event);
      } catch (error) {
        if (isClientDisconnected(error)) disconnected = true;
        throw error;
      }
    };

    await expectPromise(app(scope, checkedReceive, checkedSend));
    if (violation) throw violation.error;
    if (machine instanceof HttpProtocol && !disconnected) {
      // async §3.6: an app that returns must have completed its response, unless the client left.
      if (machine.phase === 'start') throw new AsyncSpecError(HTTP_MESSAGES.returnedWithoutResponse);
      if (machine.phase !== 'complete') throw new AsyncSpecError(HTTP_MESSAGES.returnedIncomplete);
    }
  };
}
