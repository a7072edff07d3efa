// Checks a WebSocket handshake before the app sees it, so an app never accepts a request `ws`
// would then refuse (RFC 6455 §4.2.1).
import type { IncomingMessage } from 'node:http';
import { NODE_MESSAGES } from '../messages.js';
import { HttpError } from '../errors.js';

const KEY = /^[+/0-9A-Za-z]{22}==$/;
// RFC 6455 §4.1 item 10 (RFC 7230 §3.2.6 token): subprotocol names are non-empty tokens.
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** True when the request asks to upgrade to WebSocket (as opposed to, say, h2c). */
export function isWebSocketUpgrade(req: IncomingMessage): boolean {
  return (req.headers.upgrade ?? '').split(',').some((token) => token.trim().toLowerCase() === 'websocket');
}

/**
 * Returns why a WebSocket handshake is invalid, as an HttpError (400, or 426 for a version other
 * than 13), or null when it is valid.
 *
 * @example
 * checkHandshake(req); // null, or HttpError { status: 400, message: 'RFC 6455 §4.2.1: ...' }
 */
export function checkHandshake(req: IncomingMessage): HttpError | null {
  if (req.method !== 'GET') return new HttpError(NODE_MESSAGES.badHandshake('the method must be GET'), { status: 400 });
  // RFC 6455 §4.1: the handshake is an HTTP/1.1 (or later) request; node hands HTTP/1.0 upgrades over too.
  if (req.httpVersionMajor === 1 && req.httpVersionMinor < 1) {
    return new HttpError(NODE_MESSAGES.badHandshake('the HTTP version must be at least 1.1'), { status: 400 });
  }
  const connection = (req.headers.connection ?? '').split(',').map((token) => token.trim().toLowerCase());
  if (!connection.includes('upgrade')) return new HttpError(NODE_MESSAGES.badHandshake('Connection must include Upgrade'), { status: 400 });
  if (!KEY.test((req.headers['sec-websocket-key'] ?? '').trim())) {
    return new HttpError(NODE_MESSAGES.badHandshake('Sec-WebSocket-Key must be 16 bytes in base64'), { status: 400 });
  }
  if (req.headers['sec-websocket-version']?.trim() !== '13') return new HttpError(NODE_MESSAGES.badVersion, { status: 426 });
  const protocols = req.headers['sec-websocket-protocol'];
  if (protocols !== undefined && !validProtocols(protocols)) {
    return new HttpError(NODE_MESSAGES.badHandshake('Sec-WebSocket-Protocol must list distinct tokens'), { status: 400 });
  }
  return null;
}

/**
 * RFC 6455 §4.1 item 10: the offered subprotocols are unique non-empty tokens. Checked before the app
 * sees the handshake, because `ws` refuses the upgrade for anything else once the app has accepted.
 */
function validProtocols(value: string): boolean {
  const names = value.split(',').map((name) => name.trim());
  return names.every((name) => TOKEN.test(name)) && new Set(names).size === names.length;
}
