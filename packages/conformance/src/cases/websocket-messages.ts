// WebSocket cases about an open connection (async only): echo, close codes, the app ending.
import { patterned } from '../_internal/bytes.js';
import { expectBytes, newToken } from './helpers.js';
import type { ConformanceCase } from './types.js';
import { asyncOnly, echo, finish, open } from './websocket-helpers.js';

export const websocketMessageCases: ConformanceCase[] = [
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
