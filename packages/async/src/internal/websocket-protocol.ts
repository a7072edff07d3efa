// The WebSocket event state machine (async §4.8), shared by validate() and runWebSocket.
import { AsyncSpecError } from '../errors.js';
import { COMMON_MESSAGES, WEBSOCKET_MESSAGES } from '../messages.js';
import type { HeaderList } from '../types/common.js';
import type { WebSocketScope } from '../types/websocket.js';
import { utf8 } from './runtime.js';
import { checkBoolean, checkBytes, checkHeaders, eventType } from './checks.js';

/** An app event with its defaults filled in (async §4.3–§4.7, §6.8). */
export type WebSocketOutput =
  | { type: 'websocket.accept'; subprotocol: string | null; headers: HeaderList }
  | { type: 'websocket.send'; data: string | Uint8Array }
  | { type: 'websocket.close'; code: number; reason: string; deny: boolean }
  | { type: 'websocket.http.response.start'; status: number; headers: HeaderList }
  | { type: 'websocket.http.response.body'; body: Uint8Array; moreBody: boolean };

/** handshake: not yet answered; denying: a denial response is under way; closed: app closed or denied. */
export type WebSocketPhase = 'handshake' | 'denying' | 'connected' | 'closed';


/**
 * RFC 6455 §7.4: the codes an endpoint may put in a close frame. 1004-1006 and 1015 are reserved
 * and never sent; 1016-2999 belong to the protocol; 3000-4999 are for libraries and apps.
 */
export function isSendableCloseCode(code: unknown): code is number {
  return (
    typeof code === 'number' &&
    Number.isInteger(code) &&
    ((code >= 1000 && code <= 1014 && code !== 1004 && code !== 1005 && code !== 1006) || (code >= 3000 && code <= 4999))
  );
}

/** Tracks one WebSocket scope's events in both directions and throws on the first broken rule. */
export class WebSocketProtocol {
  phase: WebSocketPhase = 'handshake';
  connected = false;
  disconnected = false;

  constructor(private readonly scope: Pick<WebSocketScope, 'subprotocols' | 'extensions'>) {}

  /** Checks a server → app event (async §4.2, §4.4, §4.6). */
  receive(event: unknown): void {
    const type = eventType(event);
    const e = event as Record<string, unknown>;
    if (type === 'websocket.disconnect') {
      if (typeof e.code !== 'number' || !Number.isInteger(e.code)) throw new AsyncSpecError(WEBSOCKET_MESSAGES.badDisconnectCode);
      // async §2.4.5: events a server produces carry every key.
      if (typeof e.reason !== 'string') throw new AsyncSpecError(COMMON_MESSAGES.notString(type, 'reason'));
      this.connected = true;
      this.disconnected = true;
      return;
    }
    if (type !== 'websocket.connect' && type !== 'websocket.receive') {
      throw new AsyncSpecError(COMMON_MESSAGES.unknownEvent(type, 'websocket', 'received'));
    }
    if (this.disconnected) throw new AsyncSpecError(WEBSOCKET_MESSAGES.receiveAfterDisconnect(type));
    if (type === 'websocket.connect') {
      if (this.connected) throw new AsyncSpecError(WEBSOCKET_MESSAGES.connectTwice);
      this.connected = true;
      return;
    }
    if (!this.connected) throw new AsyncSpecError(WEBSOCKET_MESSAGES.receiveBeforeConnect(type));
    if (this.phase === 'handshake' || this.phase === 'denying') throw new AsyncSpecError(WEBSOCKET_MESSAGES.receiveBeforeAccept);
    messageData(e, type);
  }

  /**
   * The payload of a `websocket.send` the app may send now (async §4.5), or undefined when `event`
   * is another event. The same checks as send(), without building an output per message.
   */
  sendData(event: unknown): string | Uint8Array | undefined {
    if (eventType(event) !== 'websocket.send') return undefined;
    // Outside 'connected', send() throws the error that names the phase.
    if (this.phase !== 'connected') this.send(event);
    return messageData(event as Record<string, unknown>, 'websocket.send');
  }

  /** Checks an app → server event and advances the state; returns it with defaults filled. */
  send(event: unknown): WebSocketOutput {
    const type = eventType(event);
    const e = event as Record<string, unknown>;
    switch (type) {
      case 'websocket.accept': {
        if (this.phase !== 'handshake') throw new AsyncSpecError(WEBSOCKET_MESSAGES.acceptTwice(this.phase));
        const subprotocol = e.subprotocol ?? null;
        if (subprotocol !== null && (typeof subprotocol !== 'string' || !this.scope.subprotocols.includes(subprotocol))) {
          throw new AsyncSpecError(WEBSOCKET_MESSAGES.badSubprotocol(subprotocol));
        }
        const headers = checkHeaders(e.headers, "'websocket.accept' headers");
        this.phase = 'connected';
        return { type, subprotocol, headers };
      }
      case 'websocket.send':
        if (this.phase === 'closed') throw new AsyncSpecError(WEBSOCKET_MESSAGES.sendAfterClose(type));
        if (this.phase !== 'connected') throw new AsyncSpecError(WEBSOCKET_MESSAGES.sendBeforeAccept);
        return { type, data: messageData(e, type) };
      case 'websocket.close': {
        if (this.phase === 'closed') throw new AsyncSpecError(WEBSOCKET_MESSAGES.sendAfterClose(type));
        if (this.phase === 'denying') throw new AsyncSpecError(WEBSOCKET_MESSAGES.denialMixed(type));
        const code = e.code ?? 1000;
        if (!isSendableCloseCode(code)) throw new AsyncSpecError(WEBSOCKET_MESSAGES.badCloseCode(code));
        const reason = e.reason ?? '';
        if (typeof reason !== 'string') throw new AsyncSpecError(COMMON_MESSAGES.notString(type, 'reason'));
        const bytes = utf8(reason).byteLength;
        // RFC 6455 §5.5: a control frame carries at most 125 bytes, two of them the code.
        if (bytes > 123) throw new AsyncSpecError(WEBSOCKET_MESSAGES.reasonTooLong(bytes));
        const deny = this.phase === 'handshake';
        this.phase = 'closed';
        return { type, code, reason, deny };
      }
      case 'websocket.http.response.start': {
        if (this.scope.extensions?.['websocket.http.response'] === undefined) throw new AsyncSpecError(WEBSOCKET_MESSAGES.denialNotAdvertised);
        if (this.phase === 'denying') throw new AsyncSpecError(WEBSOCKET_MESSAGES.denialStartTwice);
        if (this.phase !== 'handshake') throw new AsyncSpecError(WEBSOCKET_MESSAGES.denialAfterAccept(type));
        const status = e.status;
        if (typeof status !== 'number' || !Number.isInteger(status) || status < 200 || status > 599) {
          throw new AsyncSpecError(WEBSOCKET_MESSAGES.denialBadStatus(status));
        }
        const headers = checkHeaders(e.headers, "'websocket.http.response.start' headers");
        this.phase = 'denying';
        return { type, status, headers };
      }
      case 'websocket.http.response.body': {
        if (this.phase === 'handshake') throw new AsyncSpecError(WEBSOCKET_MESSAGES.denialBodyBeforeStart);
        if (this.phase !== 'denying') throw new AsyncSpecError(WEBSOCKET_MESSAGES.denialAfterAccept(type));
        const body = checkBytes(e.body, type, 'body');
        const moreBody = checkBoolean(e.moreBody, type, 'moreBody');
        if (!moreBody) this.phase = 'closed';
        return { type, body, moreBody };
      }
      default:
        throw new AsyncSpecError(COMMON_MESSAGES.unknownEvent(type, 'websocket', 'sent'));
    }
  }
}

/** async §4.4/§4.5: exactly one of `text` (a string) and `bytes` (a Uint8Array), the other absent or null. */
function messageData(e: Record<string, unknown>, type: string): string | Uint8Array {
  const text = e.text ?? null;
  const bytes = e.bytes ?? null;
  if ((text === null) === (bytes === null)) throw new AsyncSpecError(WEBSOCKET_MESSAGES.textXorBytes(type));
  if (text !== null) {
    if (typeof text !== 'string') throw new AsyncSpecError(COMMON_MESSAGES.notString(type, 'text'));
    return text;
  }
  return checkBytes(bytes, type, 'bytes');
}
