// Small real apps the integration tests run through the handler, in both interfaces.
import type { AsyncApp } from '@tsgi/async';
import type { Environ, SyncApp } from '@tsgi/sync';

const encoder = new TextEncoder();

/** What an echo app reports about the request it saw. */
export interface Seen {
  method: string;
  path: string;
  rootPath: string;
  rawUri: string;
  queryString: string;
  headers: Array<[string, string]>;
  bodyBase64: string;
  lambdaEvent: boolean;
  requestId: string | undefined;
}

/** An async app that answers with JSON describing its scope and body. */
export const asyncEcho: AsyncApp = async (scope, receive, send) => {
  if (scope.type !== 'http') return;
  const chunks: Uint8Array[] = [];
  for (;;) {
    const event = await receive();
    if (event.type !== 'http.request') break;
    chunks.push(event.body);
    if (!event.moreBody) break;
  }
  const lambda = (scope).extensions?.['aws.lambda'] as { event?: unknown; context?: { awsRequestId?: string } } | undefined;
  const seen: Seen = {
    method: scope.method,
    path: scope.path,
    rootPath: scope.rootPath,
    rawUri: scope.queryString === '' ? scope.rawPath : `${scope.rawPath}?${scope.queryString}`,
    queryString: scope.queryString,
    headers: scope.headers,
    bodyBase64: Buffer.concat(chunks).toString('base64'),
    lambdaEvent: typeof lambda?.event === 'object',
    requestId: lambda?.context?.awsRequestId,
  };
  await send({ type: 'http.response.start', status: 200, headers: [['content-type', 'application/json']] });
  await send({ type: 'http.response.body', body: encoder.encode(JSON.stringify(seen)) });
};

/** The sync counterpart of asyncEcho, reading the environ. */
export const syncEcho: SyncApp = (environ: Environ, startResponse) => {
  const headers: Array<[string, string]> = [];
  for (const [key, value] of Object.entries(environ)) {
    if (key.startsWith('HTTP_')) headers.push([key.slice(5).toLowerCase().replace(/_/g, '-'), String(value)]);
  }
  if (environ.CONTENT_TYPE) headers.push(['content-type', environ.CONTENT_TYPE]);
  if (environ.CONTENT_LENGTH) headers.push(['content-length', environ.CONTENT_LENGTH]);
  const context = environ['tsgi.lambda.context'] as { awsRequestId?: string } | undefined;
  const seen: Seen = {
    method: environ.REQUEST_METHOD,
    path: environ.PATH_INFO,
    rootPath: environ.SCRIPT_NAME,
    rawUri: environ.RAW_URI,
    queryString: environ.QUERY_STRING,
    headers,
    bodyBase64: Buffer.from(environ['tsgi.input'].read()).toString('base64'),
    lambdaEvent: typeof environ['tsgi.lambda.event'] === 'object',
    requestId: context?.awsRequestId,
  };
  startResponse('200 OK', [['Content-Type', 'application/json']]);
  return [encoder.encode(JSON.stringify(seen))];
};

/** An async app answering with fixed status, headers and body. */
export function asyncRespond(status: number, headers: Array<[string, string]>, body: Uint8Array | string): AsyncApp {
  return async (scope, _receive, send) => {
    if (scope.type !== 'http') return;
    await send({ type: 'http.response.start', status, headers });
    await send({ type: 'http.response.body', body: typeof body === 'string' ? encoder.encode(body) : body });
  };
}

/** A sync app answering with fixed status, headers and body. */
export function syncRespond(status: string, headers: Array<[string, string]>, body: Uint8Array | string): SyncApp {
  return (_environ, startResponse) => {
    startResponse(status, headers);
    return [typeof body === 'string' ? encoder.encode(body) : body];
  };
}
