// WebSocket cases about the handshake (async only): scope, accept, subprotocols, denial.
import { fromUtf8 } from '../_internal/bytes.js';
import { PROBE_ACCEPT_HEADER, PROBE_DENIAL } from '../probe/async-websocket.js';
import type { ProbeReport } from '../probe/report.js';
import { headerValue } from './helpers.js';
import type { ConformanceCase } from './types.js';
import { asyncOnly, expectDenied, finish, open } from './websocket-helpers.js';

export const websocketHandshakeCases: ConformanceCase[] = [
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
];
