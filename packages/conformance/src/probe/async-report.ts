// The ProbeReport of an async scope (HTTP or WebSocket).
import type { HTTPScope, WebSocketScope } from '@tsgi/async';
import { toHex } from '../_internal/crc32.js';
import type { ProbeReport } from './report.js';

/** The report of an HTTP or WebSocket scope; `body` is what was read. */
export function asyncReport(scope: HTTPScope | WebSocketScope, body = { length: 0, crc: 0, pieces: 0 }): ProbeReport {
  const report: ProbeReport = {
    interface: 'async',
    type: scope.type,
    method: scope.type === 'http' ? scope.method : 'GET',
    rootPath: scope.rootPath,
    path: scope.path,
    rawPath: scope.rawPath,
    queryString: scope.queryString,
    headers: scope.headers,
    body: { length: body.length, crc32: toHex(body.crc), pieces: body.pieces },
    scheme: scope.scheme,
    version: scope.tsgi,
    httpVersion: scope.httpVersion,
    state: scope.state ?? null,
    extensions: Object.keys(scope.extensions ?? {}),
  };
  if (scope.type === 'websocket') report.subprotocols = scope.subprotocols;
  return report;
}

