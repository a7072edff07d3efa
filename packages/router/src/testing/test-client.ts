// An in-process test client over either interface, built on @tsgi/sync's callApp and @tsgi/async's
// requestApp and ApplicationCommunicator (Starlette's TestClient, for both interfaces).
import { callApp, type HeaderList, type SyncApp } from '@tsgi/sync';
import { createLifespan, requestApp, type AsyncApp, type Lifespan } from '@tsgi/async';
import { HeaderMap } from '../headers.js';
import { decode, encode } from '../internal/bytes.js';
import { isRouterApp } from '../brand.js';
import type { Router } from '../router.js';

// WHATWG URL §5.2: the urlencoded serializer, spaces as '+'.
const urlencode = (form: Record<string, string>): string =>
  Object.entries(form)
    .map((pair) => pair.map((s) => encodeURIComponent(s).replace(/%20/g, '+')).join('='))
    .join('&');
import { connectWebSocket, type TestWebSocket } from './test-websocket.js';

/** One request for the test client. */
export interface TestRequestInit {
  headers?: HeaderList | Record<string, string>;
  /** Sent as is (a string as UTF-8). */
  body?: string | Uint8Array;
  /** Sent as JSON with its content type. */
  json?: unknown;
  /** Sent urlencoded with its content type. */
  form?: Record<string, string>;
  /** Sent without Content-Length, read to the end (chunked). @default false */
  chunked?: boolean;
}

/** What came back. */
export interface TestResult {
  status: number;
  headers: HeaderMap;
  /** The headers in order, as the app sent them. */
  headerList: HeaderList;
  body: Uint8Array;
  text: string;
  json<T = unknown>(): T;
}

/** How the client reaches the app. */
export interface TestClientOptions {
  /** Which interface to call; a router offers both. */
  interface: 'sync' | 'async';
  /** The root path the app is served below (SCRIPT_NAME / rootPath). @default '' */
  rootPath?: string;
  /** Wraps the app once, e.g. in @tsgi/sync's or @tsgi/async's `validate`. */
  wrap?: (app: SyncApp | AsyncApp) => SyncApp | AsyncApp;
}

const toList = (headers: TestRequestInit['headers'] = []): HeaderList =>
  Array.isArray(headers) ? [...headers] : Object.entries(headers);

/**
 * A client that calls an app in process, through the sync or the async interface, with one
 * Promise-returning API for both, so one test body can run through each.
 *
 * @example
 * const client = createTestClient(router, { interface: 'sync' });
 * const res = await client.post('/users', { json: { name: 'Ada' } });
 * expect(res.status).toBe(201);
 */
export function createTestClient(app: Router | SyncApp | AsyncApp, options: TestClientOptions) {
  const raw = isRouterApp(app) ? (options.interface === 'sync' ? app.sync : app.async) : app;
  const target = options.wrap ? options.wrap(raw) : raw;
  const rootPath = options.rootPath ?? '';
  let lifespan: Lifespan | null = null;

  const request = async (method: string, path: string, init: TestRequestInit = {}): Promise<TestResult> => {
    const headers = toList(init.headers);
    let body = typeof init.body === 'string' ? encode(init.body) : init.body;
    const type = (value: string) => {
      if (!headers.some(([n]) => n.toLowerCase() === 'content-type')) headers.push(['content-type', value]);
    };
    if (init.json !== undefined) {
      body = encode(JSON.stringify(init.json));
      type('application/json');
    } else if (init.form) {
      body = encode(urlencode(init.form));
      type('application/x-www-form-urlencoded');
    }
    const target$ = rootPath + path;
    let status: number;
    let list: HeaderList;
    let bytes: Uint8Array;
    if (options.interface === 'sync') {
      const res = callApp(target as SyncApp, {
        method,
        target: target$,
        headers,
        rootPath,
        remoteAddr: '127.0.0.1',
        remotePort: 50000,
        ...(body === undefined ? {} : { body }),
        ...(init.chunked ? { bodyTerminated: true } : {}),
      });
      ({ statusCode: status, headers: list, body: bytes } = res);
    } else {
      const stream = body && init.chunked ? [body] : body;
      const res = await requestApp(target as AsyncApp, {
        method,
        target: target$,
        headers,
        rootPath,
        client: ['127.0.0.1', 50000],
        ...(stream === undefined ? {} : { body: stream }),
        ...(lifespan ? { state: lifespan.state } : {}),
      });
      ({ status, headers: list, body: bytes } = res);
    }
    const text = decode(bytes);
    return { status, headers: new HeaderMap(list.map(([n, v]) => [n.toLowerCase(), v])), headerList: list, body: bytes, text, json: () => JSON.parse(text) as never };
  };

  const method = (name: string) => (path: string, init?: TestRequestInit) => request(name, path, init);
  return {
    request,
    get: method('GET'),
    head: method('HEAD'),
    post: method('POST'),
    put: method('PUT'),
    patch: method('PATCH'),
    delete: method('DELETE'),
    options: method('OPTIONS'),
    /** Opens a WebSocket (async interface only). */
    websocket(path: string, init: { subprotocols?: string[]; headers?: HeaderList } = {}): Promise<TestWebSocket> {
      if (options.interface === 'sync') throw new TypeError('createTestClient: WebSockets need the async interface');
      return connectWebSocket(target as AsyncApp, rootPath + path, rootPath, init, lifespan?.state);
    },
    /** Runs the app's lifespan startup (async interface); later requests see its state. */
    async startup(): Promise<void> {
      if (options.interface === 'sync') throw new TypeError('createTestClient: lifespan needs the async interface');
      lifespan = createLifespan(target as AsyncApp, { mode: 'on' });
      await lifespan.startup();
    },
    /** Runs the app's lifespan shutdown. */
    async shutdown(): Promise<void> {
      await lifespan?.shutdown();
    },
  };
}

/** The client createTestClient returns. */
export type TestClient = ReturnType<typeof createTestClient>;
