// Deliberately broken hosts, each wrong in one way a real host could be: built by wrapping the
// reference driver, so the rest of their behaviour stays correct.
import type { AsyncApp, Scope } from '@tsgi/async';
import type { SyncApp } from '@tsgi/sync';
import {
  type CaseId,
  type ConformanceInterface,
  type ConformanceRequest,
  type ConformanceResponse,
  type ConformanceSocket,
  type Driver,
  HandshakeDeniedError,
  type Served,
  isHandshakeDeniedError,
  referenceDriver,
} from '../src/index.js';

export interface Mutant {
  /** What the host gets wrong. */
  flaw: string;
  interface: ConformanceInterface;
  /** The case that must catch it. */
  fails: CaseId;
  /** A case it must still pass, so the failure is specific. */
  passes: CaseId;
  driver: Driver;
}

interface Changes {
  app?: (app: SyncApp | AsyncApp) => SyncApp | AsyncApp;
  request?: (req: ConformanceRequest, inner: Served) => Promise<ConformanceResponse>;
  websocket?: (target: string, inner: Served) => Promise<ConformanceSocket>;
}

function mutate(flaw: string, changes: Changes): Driver {
  return {
    name: `mutant: ${flaw}`,
    async start(app, options) {
      const inner = await referenceDriver.start(changes.app ? changes.app(app) : app, options);
      const served: Served = {
        request: (req) => (changes.request ? changes.request(req, inner) : inner.request(req)),
        stop: () => inner.stop(),
      };
      if (inner.websocket) served.websocket = (target, opts) => (changes.websocket ? changes.websocket(target, inner) : inner.websocket!(target, opts));
      return served;
    },
  };
}

const withResponse = (change: (res: ConformanceResponse, req: ConformanceRequest) => ConformanceResponse) =>
  async (req: ConformanceRequest, inner: Served): Promise<ConformanceResponse> => change(await inner.request(req), req);

async function* reversed(body: AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array> {
  const pieces: Uint8Array[] = [];
  for await (const piece of body) pieces.push(piece);
  yield* pieces.reverse();
}

export const mutants: Mutant[] = [
  {
    flaw: 'sends a body with HEAD',
    interface: 'async',
    fails: 'http.response.head',
    passes: 'http.request.basics',
    driver: mutate('HEAD body', { request: (req, inner) => inner.request(req.method === 'HEAD' ? { ...req, method: 'GET' } : req) }),
  },
  {
    flaw: 'decodes %2F before the app sees the target',
    interface: 'sync',
    fails: 'http.path.encoded-slash',
    passes: 'http.path.utf8',
    driver: mutate('decoded slash', { request: (req, inner) => inner.request({ ...req, target: req.target.replace(/%2F/gi, '/') }) }),
  },
  {
    flaw: 'joins repeated request headers into one field',
    interface: 'async',
    fails: 'http.headers.repeated',
    passes: 'http.headers.mixed-case',
    driver: mutate('joined headers', {
      request: (req, inner) => {
        const joined = new Map<string, string>();
        for (const [n, v] of req.headers ?? []) joined.set(n, joined.has(n) ? `${joined.get(n)}, ${v}` : v);
        return inner.request({ ...req, headers: [...joined] });
      },
    }),
  },
  {
    flaw: "maps header names with '_' onto '-' (X_Forwarded_For poses as X-Forwarded-For)",
    interface: 'async',
    fails: 'http.headers.underscore',
    passes: 'http.headers.repeated',
    driver: mutate('underscores mapped', {
      request: (req, inner) => inner.request({ ...req, headers: (req.headers ?? []).map(([n, v]): [string, string] => [n.replaceAll('_', '-'), v]) }),
    }),
  },
  {
    flaw: 'ends a response cleanly after the app raised mid-body',
    interface: 'sync',
    fails: 'http.error.after-start',
    passes: 'http.error.before-start',
    driver: mutate('clean end', { request: withResponse(({ incomplete: _gone, ...res }) => res) }),
  },
  {
    flaw: 'loses the tail of a large request body',
    interface: 'async',
    fails: 'http.body.large',
    passes: 'http.body.echo',
    driver: mutate('short body', {
      request: (req, inner) => inner.request(req.body instanceof Uint8Array ? { ...req, body: req.body.subarray(0, 8 * 1024 * 1024) } : req),
    }),
  },
  {
    flaw: 'reorders the pieces of a chunked body',
    interface: 'sync',
    fails: 'http.body.chunked',
    passes: 'http.body.empty',
    driver: mutate('reordered', {
      request: (req, inner) => inner.request(req.body && !(req.body instanceof Uint8Array) ? { ...req, body: reversed(req.body) } : req),
    }),
  },
  {
    flaw: 'drops trailers',
    interface: 'async',
    fails: 'http.response.trailers',
    passes: 'http.response.streaming',
    driver: mutate('no trailers', { request: withResponse(({ trailers: _t, ...res }) => res) }),
  },
  {
    flaw: 'adds Content-Length: 0 to a 204',
    interface: 'sync',
    fails: 'http.response.204',
    passes: 'http.response.status',
    driver: mutate('204 length', {
      request: withResponse((res) => (res.status === 204 ? { ...res, headers: [...res.headers, ['content-length', '0']] } : res)),
    }),
  },
  {
    flaw: 'splits repeated Set-Cookie into one joined field',
    interface: 'async',
    fails: 'http.response.headers',
    passes: 'http.response.content-length',
    driver: mutate('joined cookies', {
      request: withResponse((res) => {
        const cookies = res.headers.filter(([n]) => n === 'set-cookie').map(([, v]) => v);
        if (cookies.length < 2) return res;
        return { ...res, headers: [...res.headers.filter(([n]) => n !== 'set-cookie'), ['set-cookie', cookies.join(', ')]] };
      }),
    }),
  },
  {
    flaw: 'does not tell a sync body the client left (never closes it)',
    interface: 'sync',
    fails: 'http.disconnect.mid-response',
    passes: 'http.response.write',
    driver: mutate('no close on disconnect', {
      app: (app) => {
        const sync = app as SyncApp;
        // Hides return() and close() from the host: the generator's finally never runs early.
        return ((environ, startResponse) => {
          const body = sync(environ, startResponse);
          const iterator = body[Symbol.iterator]();
          return { [Symbol.iterator]: () => ({ next: () => iterator.next() }) };
        }) satisfies SyncApp;
      },
    }),
  },
  {
    flaw: 'swaps the close reason for an empty one',
    interface: 'async',
    fails: 'ws.close.server',
    passes: 'ws.echo.text',
    driver: mutate('no close reason', {
      websocket: async (target, inner) => {
        const socket = await inner.websocket!(target);
        return { ...socket, closed: socket.closed.then(({ code }) => ({ code, reason: '' })), send: socket.send, receive: socket.receive, close: socket.close };
      },
    }),
  },
  {
    flaw: "answers every denial with 403, ignoring the app's response",
    interface: 'async',
    fails: 'ws.deny.response',
    passes: 'ws.deny.close',
    driver: mutate('plain 403', {
      websocket: (target, inner) =>
        inner.websocket!(target).catch((error: unknown) => {
          throw isHandshakeDeniedError(error) ? new HandshakeDeniedError({ status: 403, headers: [], body: new Uint8Array(0) }) : error;
        }),
    }),
  },
  {
    flaw: 'shares one state object between requests',
    interface: 'async',
    fails: 'lifespan.state.isolated',
    passes: 'lifespan.state',
    driver: mutate('shared state', {
      app: (app) => {
        let first: Record<string, unknown> | undefined;
        return ((scope: Scope, receive, send) => {
          if (scope.type === 'http' && scope.state) scope.state = first ??= scope.state;
          return (app as AsyncApp)(scope, receive, send);
        }) satisfies AsyncApp;
      },
    }),
  },
  {
    flaw: 'never runs lifespan',
    interface: 'async',
    fails: 'lifespan.startup',
    passes: 'http.request.basics',
    driver: mutate('no lifespan', {
      app: (app) => ((scope, receive, send) => (scope.type === 'lifespan' ? Promise.reject(new Error('no lifespan')) : (app as AsyncApp)(scope, receive, send))) satisfies AsyncApp,
    }),
  },
];
