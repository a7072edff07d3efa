// Two tiny apps, one per interface, answering JSON about what they received in one shape, so
// mount tests assert the same things through both.
import type { AsyncApp, HTTPReceiveEvent } from '@tsgi/async';
import type { SyncApp } from '@tsgi/sync';

/** What a report app saw. */
export interface Seen {
  rootPath: string;
  path: string;
  /** RAW_URI, or rawPath + '?' + queryString. */
  target: string;
  scheme: string;
  /** REMOTE_ADDR or scope.client[0]. */
  client: string | null;
  body: string;
}

const json = (seen: Seen): Uint8Array => new TextEncoder().encode(JSON.stringify(seen));

/** The sync report app. */
export const syncReport: SyncApp = (environ, startResponse) => {
  const chunks: Uint8Array[] = [];
  for (let piece = environ['tsgi.input'].read(65536); piece.length > 0; piece = environ['tsgi.input'].read(65536)) chunks.push(piece);
  const body = json({
    rootPath: environ.SCRIPT_NAME,
    path: environ.PATH_INFO,
    target: environ.RAW_URI,
    scheme: environ['tsgi.url_scheme'],
    client: environ.REMOTE_ADDR ?? null,
    body: Buffer.concat(chunks).toString('utf8'),
  });
  startResponse('200 OK', [['Content-Type', 'application/json'], ['Content-Length', String(body.byteLength)]]);
  return [body];
};

/** The async report app. */
export const asyncReport: AsyncApp = async (scope, receive, send) => {
  if (scope.type !== 'http') return;
  const chunks: Uint8Array[] = [];
  for (let event = (await receive()) as HTTPReceiveEvent; ; event = (await receive()) as HTTPReceiveEvent) {
    if (event.type !== 'http.request') break;
    chunks.push(event.body);
    if (!event.moreBody) break;
  }
  const body = json({
    rootPath: scope.rootPath,
    path: scope.path,
    target: scope.queryString === '' ? scope.rawPath : `${scope.rawPath}?${scope.queryString}`,
    scheme: scope.scheme,
    client: scope.client?.[0] ?? null,
    body: Buffer.concat(chunks).toString('utf8'),
  });
  await send({ type: 'http.response.start', status: 200, headers: [['content-type', 'application/json']] });
  await send({ type: 'http.response.body', body });
};

/** Both, by interface name. */
export const REPORT_APPS = { sync: syncReport, async: asyncReport } as const;
