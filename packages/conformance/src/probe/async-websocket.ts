// The async probe's WebSocket behaviours, by path (PROBE_WS_ROUTES).
import type { Receive, Send, WebSocketScope } from '@tsgi/async';
import { utf8 } from '../_internal/bytes.js';
import { asyncReport } from './async-report.js';
import type { Journal } from './journal.js';
import { PROBE_RAISE_MESSAGE } from './options.js';
import { queryParam } from './report.js';
import { PROBE_WS_ROUTES as W } from './routes.js';

/** The denial '/ws/deny-response' sends through the websocket.http.response extension. */
export const PROBE_DENIAL = {
  status: 401,
  headers: [['content-type', 'text/plain'], ['x-deny', 'probe']] as Array<[string, string]>,
  body: 'denied by probe',
};

/** The extra header the probe sets on every accept. */
export const PROBE_ACCEPT_HEADER: [string, string] = ['x-probe-accept', 'yes'];

/** Runs one WebSocket scope for the probe (async §4). */
export async function runProbeWebSocket(
  scope: WebSocketScope,
  receive: Receive,
  send: Send,
  journal: Journal,
  token: string,
): Promise<void> {
  const connect = await receive();
  if (connect.type !== 'websocket.connect') throw new Error(`probe: expected websocket.connect, got ${connect.type}`);
  const query = (key: string): string | undefined => queryParam(scope.queryString, key);
  switch (scope.path) {
    case W.deny:
      return send({ type: 'websocket.close' });
    case W.denyResponse:
      await send({ type: 'websocket.http.response.start', status: PROBE_DENIAL.status, headers: PROBE_DENIAL.headers });
      return send({ type: 'websocket.http.response.body', body: utf8(PROBE_DENIAL.body) });
    case W.raise:
      throw new Error(PROBE_RAISE_MESSAGE);
    case W.ignore:
      return;
  }
  await send({ type: 'websocket.accept', subprotocol: query('subprotocol') ?? null, headers: [PROBE_ACCEPT_HEADER] });
  if (scope.path === W.close) {
    return send({ type: 'websocket.close', code: Number(query('code') ?? 1000), reason: query('reason') ?? '' });
  }
  if (scope.path === W.return) return;
  if (scope.path === W.raiseAfter) throw new Error(PROBE_RAISE_MESSAGE);
  if (scope.path === W.scope) await send({ type: 'websocket.send', text: JSON.stringify(asyncReport(scope)) });
  for (;;) {
    const event = await receive();
    if (event.type === 'websocket.disconnect') {
      journal.record('websocket.disconnect', token, { code: event.code, reason: event.reason });
      return;
    }
    if (event.type !== 'websocket.receive') continue;
    journal.record('websocket.receive', token, event.bytes != null ? { bytes: event.bytes.length } : { text: event.text });
    try {
      await send(event.bytes != null ? { type: 'websocket.send', bytes: event.bytes } : { type: 'websocket.send', text: event.text ?? '' });
    } catch {
      // The client may already have closed (async §4.6.3): its close still arrives as a disconnect.
    }
  }
}
