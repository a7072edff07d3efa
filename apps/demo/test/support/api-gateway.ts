// A small stand-in for an API Gateway HTTP API (payload format 2.0) on a named stage: each HTTP request
// on 127.0.0.1 becomes the event API Gateway would send, and the handler's result the response.
// @tsgi/aws-lambda keeps its own drivers in its tests (not exported), hence this local one.
import { Buffer } from 'node:buffer';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiGatewayV2Event, ApiGatewayV2Result, LambdaHandler } from '@tsgi/aws-lambda';
import type { RunningDemo } from './demo-target.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

const decodePath = (path: string) => {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
};

/** API Gateway passes text bodies as text and anything else base64-encoded. */
function encodeBody(body: Buffer): { body?: string; isBase64Encoded: boolean } {
  if (body.length === 0) return { isBase64Encoded: false };
  try {
    return { body: utf8.decode(body), isBase64Encoded: false };
  } catch {
    return { body: body.toString('base64'), isBase64Encoded: true };
  }
}

/** The event for one request, with the quirks of HTTP APIs: rawPath decoded, repeated headers joined. */
function toEvent(req: IncomingMessage, body: Buffer, stage: string): ApiGatewayV2Event {
  const target = new URL(req.url ?? '/', 'http://gateway');
  const headers: Record<string, string> = {};
  let cookies: string[] | undefined;
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    const name = (req.rawHeaders[i] as string).toLowerCase();
    const value = req.rawHeaders[i + 1] as string;
    if (name === 'cookie') (cookies ??= []).push(...value.split(/;\s*/));
    else headers[name] = headers[name] === undefined ? value : `${headers[name]},${value}`;
  }
  const rawPath = decodePath(target.pathname);
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath,
    rawQueryString: target.search.slice(1),
    ...(cookies ? { cookies } : {}),
    headers,
    requestContext: {
      accountId: '123456789012',
      apiId: 'demo',
      domainName: headers.host ?? 'demo.execute-api.eu-west-1.amazonaws.com',
      http: { method: req.method ?? 'GET', path: rawPath, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: headers['user-agent'] ?? '' },
      requestId: randomUUID(),
      routeKey: '$default',
      stage,
      timeEpoch: Date.now(),
    },
    ...encodeBody(body),
  };
}

/**
 * Serves `handler` on 127.0.0.1 as an HTTP API stage would: the demo is at `/<stage>/`, and anything
 * outside the stage gets API Gateway's 404.
 *
 * @example
 * const demo = await serveThroughApiGateway(handler, 'live'); // demo.baseUrl: 'http://127.0.0.1:PORT/live/'
 */
export async function serveThroughApiGateway(handler: LambdaHandler, stage: string): Promise<RunningDemo> {
  await handler.startup();
  const server = createServer((req, res) => {
    void (async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      if (!(req.url === `/${stage}` || req.url?.startsWith(`/${stage}/`) || req.url?.startsWith(`/${stage}?`))) {
        res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"Not Found"}');
        return;
      }
      const context = { awsRequestId: randomUUID(), functionName: 'tsgi-demo', getRemainingTimeInMillis: () => 30_000 };
      const result = (await handler(toEvent(req, Buffer.concat(chunks), stage), context)) as ApiGatewayV2Result;
      const headers: Array<[string, string]> = Object.entries(result.headers ?? {});
      for (const cookie of result.cookies ?? []) headers.push(['set-cookie', cookie]);
      res.writeHead(result.statusCode, headers.flat());
      res.end(Buffer.from(result.body, result.isBase64Encoded ? 'base64' : 'utf8'));
    })().catch((error: unknown) => {
      // What API Gateway answers when the invocation fails.
      res.writeHead(502, { 'content-type': 'application/json' }).end(JSON.stringify({ message: 'Internal Server Error', error: String(error) }));
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/${stage}/`,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await handler.shutdown();
    },
  };
}
