// WebSocket cases (async only): handshake, subprotocols, echo, close codes, denial.
import { fromUtf8, patterned } from '../_internal/bytes.js';
import type { ConformanceSocket, Served, WebSocketOptions } from '../driver.js';
import { isHandshakeDeniedError } from '../errors.js';
import type { ProbeReport } from '../probe/report.js';
import { PROBE_ACCEPT_HEADER, PROBE_DENIAL } from '../probe/async-websocket.js';
import { expectBytes, headerValue, newToken } from './helpers.js';
import type { ConformanceCase } from './types.js';

const asyncOnly = ['async'] as const;

/** Opens a socket; describeConformance has already checked that the driver can. */
function open(served: Served, target: string, options?: WebSocketOptions): Promise<ConformanceSocket> {
  return served.websocket!(target, options);
}

/** Sends a message and returns the echo. */
async function echo(socket: ConformanceSocket, data: string | Uint8Array): Promise<string | Uint8Array> {
  await socket.send(data);
  return socket.receive();
}

/** Expects the handshake to be refused with an HTTP response, and returns it. */
async function expectDenied(attempt: Promise<ConformanceSocket>): Promise<{ status: number; headers: Array<[string, string]>; body: Uint8Array }> {
  const outcome = await attempt.then(
    async (socket) => {
      await socket.close(1000, '');
      return new Error('the handshake was accepted');
    },
    (error: unknown) => error,
  );
  if (!isHandshakeDeniedError(outcome)) throw outcome;
  return outcome;
}

/** Closes politely and waits for the closing handshake to finish. */
async function finish(socket: ConformanceSocket): Promise<void> {
  await socket.close(1000, 'done');
  await socket.closed;
}

export const websocketCases: ConformanceCase[] = [
  {
    id: 'ws.scope',
    description: 'The app gets a websocket scope with path, rawPath, query string, ws/wss scheme, request headers and no subprotocols.',
    interfaces: asyncOnly,
    features: ['websocket'],
    async run({ expect, served }) {
      const socket = await open(served, '/ws/scope?x=1&y=%2F', { headers: [['x-probe', 'ws']] });
      const message = await socket.receive();
      expect(typeof message).toBe('string');
      const report = JSON.parse(message as string) as ProbeReport;
      expect(report).toMatchObject({ type: 'websocket', path: '/ws/scope', rawPath: '/ws/scope', rootPath: '', queryString: 'x=1&y=%2F', subprotocols: [] });
      expect(['ws', 'wss']).toContain(report.scheme);
      expect(report.version).toEqual({ version: '1.0', specVersion: '1.0' });
      expect(report.headers.filter(([n]) => n === 'x-probe')).toEqual([['x-probe', 'ws']]);
      await finish(socket);
    },
  },
  {
    id: 'ws.accept.headers',
    description: 'Headers given with websocket.accept reach the client in the handshake response; no subprotocol is chosen unasked.',
    interfaces: asyncOnly,
    features: ['websocket'],
    async run({ expect, served }) {
      const socket = await open(served, '/ws/echo');
      expect(headerValue(socket.headers, PROBE_ACCEPT_HEADER[0])).toBe(PROBE_ACCEPT_HEADER[1]);
      expect(socket.subprotocol).toBeNull();
      await finish(socket);
    },
  },
  {
    id: 'ws.subprotocol',
    description: "The client's offered subprotocols reach scope.subprotocols in order, and the one the app picks reaches the client.",
    interfaces: asyncOnly,
    features: ['websocket'],
    async run({ expect, served }) {
      const socket = await open(served, '/ws/scope?subprotocol=chat.v1', { subprotocols: ['chat.v2', 'chat.v1'] });
      expect(socket.subprotocol).toBe('chat.v1');
      const report = JSON.parse((await socket.receive()) as string) as ProbeReport;
      expect(report.subprotocols).toEqual(['chat.v2', 'chat.v1']);
      await finish(socket);
    },
  },
  {
    id: 'ws.echo.text',
    description: 'A text message with non-ASCII characters is echoed back as the same text message.',
    interfaces: asyncOnly,
    features: ['websocket'],
    async run({ expect, served }) {
      const socket = await open(served, '/ws/echo');
      expect(await echo(socket, 'héllo ☃ 👋')).toBe('héllo ☃ 👋');
      expect(await echo(socket, '')).toBe('');
      await finish(socket);
    },
  },
  {
    id: 'ws.echo.binary',
    description: 'A binary message holding every byte value is echoed back as the same binary message.',
    interfaces: asyncOnly,
    features: ['websocket'],
    async run({ expect, served }) {
      const socket = await open(served, '/ws/echo');
      const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
      const back = await echo(socket, bytes);
      expect(back).toBeInstanceOf(Uint8Array);
      expect(new Uint8Array(back as Uint8Array)).toEqual(bytes);
      await finish(socket);
    },
  },
  {
    id: 'ws.echo.large',
    description: 'A 1 MiB binary message is echoed back whole.',
    interfaces: asyncOnly,
    features: ['websocket'],
    async run({ expect, served }) {
      const socket = await open(served, '/ws/echo');
      const bytes = patterned(1024 * 1024, 5);
      const back = await echo(socket, bytes);
      expect(back).toBeInstanceOf(Uint8Array);
      expectBytes(expect, back as Uint8Array, bytes);
      await finish(socket);
    },
  },
  {
    id: 'ws.close.server',
    description: "The app's websocket.close with code 4000 and reason 'server bye' reaches the client as that close code and reason.",
    interfaces: asyncOnly,
    features: ['websocket'],
    async run({ expect, served }) {
      const socket = await open(served, '/ws/close?code=4000&reason=server%20bye');
      expect(await socket.closed).toEqual({ code: 4000, reason: 'server bye' });
    },
  },
  {
    id: 'ws.close.client',
    description: "A client close with code 4001 and reason 'client bye' reaches the app as websocket.disconnect with that code and reason, after the message sent just before it.",
    interfaces: asyncOnly,
    features: ['websocket'],
    async run({ expect, served, journal }) {
      const token = newToken();
      const socket = await open(served, `/ws/echo?token=${token}`);
      expect(await echo(socket, 'ping')).toBe('ping');
      // async §4.4.3: a message sent just before the close still reaches the app, before the disconnect.
      await socket.send('last words');
      await socket.close(4001, 'client bye');
      const entry = await journal.waitFor('websocket.disconnect', token);
      expect(entry.data).toEqual({ code: 4001, reason: 'client bye' });
      const seen = journal.entries.filter((e) => e.token === token).map((e) => [e.name, e.data]);
      expect(seen).toEqual([
        ['websocket.receive', { text: 'ping' }],
        ['websocket.receive', { text: 'last words' }],
        ['websocket.disconnect', { code: 4001, reason: 'client bye' }],
      ]);
      // RFC 6455 §5.5.1: the server answers the close frame; echoing the code is usual, not required.
      await socket.closed;
    },
  },
  {
    id: 'ws.deny.close',
    description: 'A websocket.close before accept denies the handshake with HTTP 403.',
    interfaces: asyncOnly,
    features: ['websocket'],
    async run({ expect, served }) {
      const denied = await expectDenied(open(served, '/ws/deny'));
      expect(denied.status).toBe(403);
    },
  },
  {
    id: 'ws.deny.response',
    description: "With the websocket.http.response extension, the app's own denial (401, its headers, its body) reaches the client.",
    interfaces: asyncOnly,
    features: ['websocket'],
    async run({ expect, served }) {
      const denied = await expectDenied(open(served, '/ws/deny-response'));
      expect(denied.status).toBe(PROBE_DENIAL.status);
      expect(headerValue(denied.headers, 'x-deny')).toBe('probe');
      expect(fromUtf8(denied.body)).toBe(PROBE_DENIAL.body);
    },
  },
  {
    id: 'ws.deny.unanswered',
    description: 'An app that returns without answering the handshake denies it with HTTP 403.',
    interfaces: asyncOnly,
    features: ['websocket'],
    async run({ expect, served }) {
      const denied = await expectDenied(open(served, '/ws/ignore'));
      expect(denied.status).toBe(403);
    },
  },
  {
    id: 'ws.error.before-accept',
    description: 'An app that raises before accepting denies the handshake with HTTP 500.',
    interfaces: asyncOnly,
    features: ['websocket', 'errors'],
    mayLogErrors: true,
    async run({ expect, served }) {
      const denied = await expectDenied(open(served, '/ws/raise'));
      expect(denied.status).toBe(500);
    },
  },
  {
    id: 'ws.close.on-return',
    description: 'An app that returns with the connection open gets it closed with 1000.',
    interfaces: asyncOnly,
    features: ['websocket'],
    async run({ expect, served }) {
      const socket = await open(served, '/ws/return');
      expect((await socket.closed).code).toBe(1000);
    },
  },
  {
    id: 'ws.error.after-accept',
    description: 'An app that raises after accepting gets the connection closed with 1011.',
    interfaces: asyncOnly,
    features: ['websocket', 'errors'],
    mayLogErrors: true,
    async run({ expect, served }) {
      const socket = await open(served, '/ws/raise-after');
      expect((await socket.closed).code).toBe(1011);
    },
  },
];
