// THE WebSocket connection cycle every host runs (async §4.8): handshake, messages, close.
import { ClientDisconnected, isAsyncSpecError, isClientDisconnected } from './errors.js';
import { concat } from './internal/bytes.js';
import { EMPTY, expectPromise } from './internal/checks.js';
import { LazySignal } from './internal/deferred.js';
import { utf8 } from './internal/runtime.js';
import { disconnect, openInbox, type WebSocketInbox } from './internal/websocket-inbox.js';
import { WebSocketProtocol, type WebSocketOutput } from './internal/websocket-protocol.js';
import { COMMON_MESSAGES } from './messages.js';
import { defaultLog, type CloseInfo, type LogFn, type WebSocketTransport } from './transport.js';
import type { AsyncApp, Receive, Send } from './types/app.js';
import type { HeaderList } from './types/common.js';
import type { WebSocketReceiveMessage, WebSocketScope } from './types/websocket.js';

// async §4.6: a handshake that never completed reports 1006, as browsers do.
const ABNORMAL: CloseInfo = { code: 1006, reason: '' };
// async §4.3: the handshake's own fields are the server's; the app's headers may not replace them.
const HANDSHAKE = new Set(['upgrade', 'connection', 'sec-websocket-accept', 'sec-websocket-protocol', 'sec-websocket-extensions']);
const RESOLVED = Promise.resolve();
const noop = (): void => undefined;
const PLAIN: HeaderList = [['content-type', 'text/plain; charset=utf-8']];

/**
 * Runs one WebSocket connection through an async app over a host's transport (async §4.8). Never
 * rejects for app errors: before accept they become a 500 denial, after it a 1011 close.
 *
 * @example
 * await runWebSocket(app, createWebSocketScope({ target: req.url, headers }), transport);
 */
export function runWebSocket(app: AsyncApp, scope: WebSocketScope, transport: WebSocketTransport): Promise<void> {
  // Not an async function: an open connection then holds one suspended frame fewer (idle memory).
  try {
    return new WebSocketCycle(scope, transport).run(app);
  } catch (error) {
    return rejected(error);
  }
}

class WebSocketCycle {
  private readonly scope: WebSocketScope;
  private readonly protocol: WebSocketProtocol;
  private readonly log: LogFn;
  private readonly inbox: WebSocketInbox;
  private readonly closed: Promise<CloseInfo>;
  /** Resolves when the handshake is answered, so a receive() waiting on it can go on. */
  private readonly answered = new LazySignal();
  private connectSent = false;
  private accepted = false;
  private gone: CloseInfo | null = null;
  private denial: { status: number; headers: HeaderList; chunks: Uint8Array[] } | null = null;
  private tail: Promise<void> = RESOLVED;
  /** The app's first spec violation (async §2.5.1); it decides how the connection ends. */
  private violation: { error: unknown } | undefined;

  constructor(scope: WebSocketScope, private readonly transport: WebSocketTransport) {
    // async §6.8: every kit host can answer with an HTTP response, through transport.deny. A host
    // that put it in the scope already spares a copy per connection.
    this.scope =
      scope.extensions?.['websocket.http.response'] === undefined
        ? { ...scope, extensions: Object.assign({ 'websocket.http.response': {} }, scope.extensions) }
        : scope;
    this.protocol = new WebSocketProtocol(this.scope);
    this.log = transport.log ?? defaultLog;
    this.closed = transport.closed.then(
      (info) => this.ended(info),
      () => this.ended(ABNORMAL),
    );
    this.inbox = openInbox(transport, this.closed);
  }

  /** The connection is gone: a waiting receive() yields the disconnect, after queued messages. */
  private ended(info: CloseInfo): CloseInfo {
    this.inbox.end(info);
    this.gone = info;
    this.answered.resolve();
    return info;
  }

  async run(app: AsyncApp): Promise<void> {
    let failure: unknown;
    let failed = false;
    try {
      await expectPromise(app(this.scope, this.receive, this.send));
    } catch (error) {
      failure = error;
      failed = true;
    }
    await this.tail.catch(() => undefined);
    if (this.violation) [failed, failure] = [true, this.violation.error];
    try {
      await this.finish(failed, failure);
    } finally {
      this.answered.resolve();
      await this.inbox.stop();
    }
  }

  private async finish(failed: boolean, failure: unknown): Promise<void> {
    if (failed && !(isClientDisconnected(failure) && this.gone)) {
      this.log('error', isAsyncSpecError(failure) ? failure.message : 'async §4.8: the app raised', failure);
    }
    if (this.gone) return;
    switch (this.protocol.phase) {
      case 'handshake':
      case 'denying':
        // async §4.7: returning unanswered denies like websocket.close (403); raising is a 500.
        if (failed || this.protocol.phase === 'denying') await this.quietly(() => this.transport.deny(500, PLAIN, ERROR_BODY));
        else await this.quietly(() => this.transport.deny(403, [], EMPTY));
        return;
      case 'connected':
        // RFC 6455 §7.4.1: 1011 is an unexpected condition on the server; 1000 a normal end.
        await this.quietly(() => this.transport.close(failed ? 1011 : 1000, ''));
        return;
      case 'closed':
        return;
    }
  }

  private readonly receive: Receive = () => {
    // The common case, a message on an open connection, costs one promise reaction: no async frame.
    if (this.accepted && this.connectSent && this.protocol.phase === 'connected') return this.inbox.next();
    return this.receiveSlowly();
  };

  private async receiveSlowly(): Promise<WebSocketReceiveMessage> {
    if (!this.connectSent) {
      this.connectSent = true;
      return { type: 'websocket.connect' };
    }
    if (this.protocol.phase === 'handshake' || this.protocol.phase === 'denying') await this.answered.promise;
    if (this.gone && !this.accepted) return disconnect(this.gone);
    if (this.protocol.phase !== 'connected') {
      // The app closed or denied: report how the connection ended once the host knows.
      return disconnect(this.accepted ? await this.closed : ABNORMAL);
    }
    return this.inbox.next();
  }

  private readonly send: Send = (event) => {
    // async §2.5.1: a violation fails the connection even if the app catches it.
    if (this.violation) return rejected(this.violation.error);
    let data: string | Uint8Array | undefined;
    let output: WebSocketOutput | undefined;
    try {
      // Messages, the hot path, are checked without building an output object.
      data = this.protocol.sendData(event);
      if (data === undefined) output = this.protocol.send(event);
    } catch (error) {
      this.violation = { error };
      return rejected(error);
    }
    if (this.gone) {
      // Closing an already closed connection is harmless; anything else tells the app to stop.
      if (output?.type === 'websocket.close') return RESOLVED;
      return Promise.reject(new ClientDisconnected(COMMON_MESSAGES.clientDisconnected, { code: this.gone.code }));
    }
    // Events reach the transport one after another even when the app forgets to await one; an app
    // that awaits each send (almost all) finds nothing in flight and skips the queue.
    let step: Promise<void>;
    if (this.sending > 0) {
      const queued = output ?? { type: 'websocket.send' as const, data: data as string | Uint8Array };
      // After the one before it, whether that succeeded or not (a failed one has marked the client gone).
      const go = (): Promise<void> => this.deliver(queued);
      step = this.tail.then(go, go).then(...this.settlers());
    } else if (output) {
      step = this.deliver(output).then(...this.settlers());
    } else {
      let sent: Promise<void> | void;
      try {
        sent = this.transport.send(data as string | Uint8Array);
      } catch (error) {
        sent = rejected(error);
      }
      // The common case: the host took the message and can take more, so nothing is in flight.
      if (sent === undefined) return RESOLVED;
      // One reaction both counts the send as done and turns a transport failure into ClientDisconnected.
      step = sent.then(
        () => {
          this.sending--;
        },
        (error: unknown) => {
          this.sending--;
          return this.lost(error);
        },
      );
    }
    this.sending++;
    // Marked handled: an app that does not await a send must not crash the process when it fails.
    step.then(undefined, noop);
    this.tail = step;
    return step;
  };

  /** Sends in flight; `tail` settles after the last of them (rejecting if it failed). */
  private sending = 0;

  /**
   * The reactions that count a send as done, whether it succeeded or not. Made per send that has
   * to wait (rare), rather than kept by every connection (idle memory).
   */
  private settlers(): [() => void, (error: unknown) => never] {
    return [
      () => {
        this.sending--;
      },
      (error) => {
        this.sending--;
        throw error;
      },
    ];
  }

  /** The transport failed: the client is gone (async §2.4.4). */
  private lost(error: unknown): never {
    this.gone ??= ABNORMAL;
    throw new ClientDisconnected(COMMON_MESSAGES.clientDisconnected, { cause: error, code: this.gone.code });
  }

  private async deliver(output: WebSocketOutput): Promise<void> {
    switch (output.type) {
      case 'websocket.accept':
        await this.io(() => this.transport.accept(output.subprotocol, output.headers.filter(([name]) => !HANDSHAKE.has(name.toLowerCase()))));
        this.accepted = true;
        this.answered.resolve();
        return;
      case 'websocket.send':
        return this.io(() => this.transport.send(output.data));
      case 'websocket.close':
        this.answered.resolve();
        // async §4.7: a close before accept denies the handshake with 403.
        return this.io(() => (output.deny ? this.transport.deny(403, [], EMPTY) : this.transport.close(output.code, output.reason)));
      case 'websocket.http.response.start':
        this.denial = { status: output.status, headers: output.headers, chunks: [] };
        return;
      case 'websocket.http.response.body': {
        const denial = this.denial;
        if (!denial) return;
        if (output.body.byteLength > 0) denial.chunks.push(output.body);
        if (output.moreBody) return;
        this.answered.resolve();
        return this.io(() => this.transport.deny(denial.status, denial.headers, concat(denial.chunks)));
      }
    }
  }

  private async io(call: () => Promise<void> | void): Promise<void> {
    try {
      await call();
    } catch (error) {
      this.lost(error);
    }
  }

  private async quietly(call: () => Promise<void>): Promise<void> {
    try {
      await call();
    } catch (error) {
      this.log('debug', 'async §4.8: could not end the connection', error);
    }
  }
}

const ERROR_BODY = utf8('Internal Server Error');

/** A promise rejected with what was thrown, on the rare paths where send fails synchronously. */
function rejected(error: unknown): Promise<never> {
  return RESOLVED.then(() => {
    throw error;
  });
}
