import { describe, expect, it } from 'vitest';
import { createScope, createWebSocketScope } from './create-scope.js';
import { isRequestError } from './errors.js';
import { COMMON_MESSAGES, HTTP_MESSAGES } from './messages.js';
import { validate } from './validate/validate.js';

/** What a refusing createScope call threw. */
function refusal(run: () => unknown): { status: number; message: string } {
  try {
    run();
  } catch (error) {
    if (isRequestError(error)) return { status: error.status, message: error.message };
    throw error;
  }
  throw new Error('expected a RequestError');
}

const http = (target: string, rootPath?: string) =>
  createScope({ method: 'get', target, headers: [], ...(rootPath === undefined ? {} : { rootPath }) });

describe('createScope', () => {
  it('fills every key with its default', () => {
    expect(createScope({ method: 'GET', target: '/', headers: [['Host', 'a.test']] })).toEqual({
      type: 'http',
      tsgi: { version: '1.0', specVersion: '1.0' },
      httpVersion: '1.1',
      method: 'GET',
      scheme: 'http',
      path: '/',
      rawPath: '/',
      queryString: '',
      rootPath: '',
      headers: [['host', 'a.test']],
      client: null,
      server: null,
      extensions: {},
    });
  });

  it('keeps rawPath and queryString exactly as received and decodes path as UTF-8', () => {
    const scope = http('/caf%C3%A9/a%2Fb?q=%20x&y');
    expect([scope.path, scope.rawPath, scope.queryString]).toEqual(['/café/a/b', '/caf%C3%A9/a%2Fb', 'q=%20x&y']);
  });

  it('puts U+FFFD in place of invalid UTF-8 and keeps a stray %', () => {
    expect(http('/%FF%C3/100%').path).toBe('/\uFFFD\uFFFD/100%');
  });

  it('treats raw latin-1 characters as the bytes received', () => {
    // The bytes C3 A9 arrived unencoded; a host passes them as two latin-1 characters.
    expect(http('/caf\u00c3\u00a9').path).toBe('/café');
  });

  it('strips rootPath from path at a segment boundary', () => {
    const scope = http('/api/users?x=1', '/api/');
    expect([scope.rootPath, scope.path, scope.rawPath]).toEqual(['/api', '/users', '/api/users']);
    expect(http('/api', '/api').path).toBe('');
  });

  it('keeps the whole path when it does not start with rootPath (a proxy stripped it)', () => {
    expect(http('/users', '/api').path).toBe('/users');
    expect(http('/apiary', '/api').path).toBe('/apiary');
  });

  it('takes the path of an absolute-form target', () => {
    const scope = http('http://example.com/a?b');
    expect([scope.rawPath, scope.queryString]).toEqual(['/a', 'b']);
  });

  it("gives rawPath '/' to an absolute-form target with no path before '?'", () => {
    const scope = http('http://h?q=1');
    expect([scope.path, scope.rawPath, scope.queryString]).toEqual(['/', '/', 'q=1']);
  });

  it.each(['foo', '', '/a b', '/\u0100', '*?x', 'example.com:443'])('refuses the target %j with a 400 naming async §3.1.2', (target) => {
    const error = refusal(() => http(target));
    expect([error.status, error.message]).toEqual([400, HTTP_MESSAGES.badTarget(target)]);
  });

  it.each([['X A'], [''], ['x:y'], ['caf\u00e9']])('refuses the header name %j with a 400 naming async §3.1.2', (name) => {
    const error = refusal(() => createScope({ method: 'GET', target: '/', headers: [[name, 'v']] }));
    expect([error.status, error.message]).toEqual([400, HTTP_MESSAGES.badRequestHeaderName(name)]);
  });

  it.each([['a\r\nb'], ['a\nb'], ['a\u0000b'], ['\u0100']])('refuses the header value %j with a 400 naming async §3.1.2', (value) => {
    const error = refusal(() => createScope({ method: 'GET', target: '/', headers: [['x-a', value]] }));
    expect([error.status, error.message]).toEqual([400, HTTP_MESSAGES.badRequestHeaderValue('x-a')]);
  });

  it('keeps the method exactly as received, since methods are case-sensitive', () => {
    expect([http('/').method, createScope({ method: 'PROPFIND', target: '/', headers: [] }).method]).toEqual(['get', 'PROPFIND']);
  });

  it.each([['G T'], [''], ['GET\r\n'], ['G\u00e9T']])('refuses the method %j with a 400 naming async §3.1.2', (method) => {
    const error = refusal(() => createScope({ method, target: '/', headers: [] }));
    expect([error.status, error.message]).toEqual([400, HTTP_MESSAGES.badMethod(method)]);
  });

  it('drops header names with underscores so they cannot alias dashed ones', () => {
    const scope = createScope({ method: 'GET', target: '/', headers: [['X_Forwarded_For', '6.6.6.6'], ['X-Forwarded-For', '1.2.3.4']] });
    expect(scope.headers).toEqual([['x-forwarded-for', '1.2.3.4']]);
  });

  it("refuses header names with underscores in 'refuse' mode with a 400", () => {
    let error: unknown;
    try {
      createScope({ method: 'GET', target: '/', headers: [['x_a', '1']], underscoreHeaders: 'refuse' });
    } catch (e) {
      error = e;
    }
    expect(isRequestError(error) && [error.status, error.message]).toEqual([400, COMMON_MESSAGES.underscoreHeader('x_a')]);
    expect(isRequestError(error) && error.toResponse()).toMatchObject({ status: 400, statusCode: 400 });
  });

  it('trims spaces and tabs around header values but keeps other bytes', () => {
    const scope = createScope({ method: 'GET', target: '/', headers: [['x-a', ' \t v\u00a0 ']] });
    expect(scope.headers).toEqual([['x-a', 'v\u00a0']]);
  });

  it('turns HTTP/2 pseudo-headers into host and joins split cookies', () => {
    const scope = createScope({
      method: 'GET',
      target: '/',
      httpVersion: '2',
      headers: [[':method', 'GET'], [':authority', 'a.test'], ['cookie', 'a=1'], ['cookie', 'b=2']],
    });
    expect(scope.headers).toEqual([['host', 'a.test'], ['cookie', 'a=1; b=2']]);
  });

  it('keeps OPTIONS * as the path', () => {
    const scope = createScope({ method: 'OPTIONS', target: '*', headers: [], rootPath: '/api' });
    expect([scope.path, scope.rawPath]).toEqual(['*', '*']);
  });

  it('shallow-copies state and copies extensions', () => {
    const state = { pool: {} };
    const scope = createScope({ method: 'GET', target: '/', headers: [], state, extensions: { 'http.response.trailers': {} } });
    expect(scope.state).not.toBe(state);
    expect(scope.state?.pool).toBe(state.pool);
    expect(scope.extensions).toEqual({ 'http.response.trailers': {} });
  });
});

describe('createScope with a request source', () => {
  const fields = (): [string, string][] => [
    ['Host', 'a.test'],
    ['x_forwarded_for', '6.6.6.6'],
    ['cookie', 'a=1'],
  ];
  /** A source that counts its reads. */
  function source(lazy: boolean) {
    const reads = { headers: 0, client: 0 };
    return {
      reads,
      source: {
        lazy,
        headers: () => (reads.headers++, fields()),
        client: () => (reads.client++, ['10.0.0.1', 5000] as [string, number]),
      },
    };
  }
  const eager = createScope({ method: 'GET', target: '/a?b', headers: fields(), client: ['10.0.0.1', 5000] });

  it('reads headers and client from the source, lower-cased and without underscore names', () => {
    const scope = createScope({ method: 'GET', target: '/a?b', headers: [], source: source(false).source });
    expect(scope).toEqual(eager);
    expect(scope.headers).toEqual([['host', 'a.test'], ['cookie', 'a=1']]);
  });

  it('joins HTTP/2 cookies from the source as from a header list', () => {
    const pairs = { headers: (): [string, string][] => [['cookie', 'a=1'], ['cookie', 'b=2']] };
    expect(createScope({ method: 'GET', target: '/', httpVersion: '2', headers: [], source: pairs }).headers).toEqual([['cookie', 'a=1; b=2']]);
  });

  it('reads nothing from a lazy source until the app reads the key, then once', () => {
    const { reads, source: lazy } = source(true);
    const scope = createScope({ method: 'GET', target: '/a?b', headers: [], source: lazy });
    expect(reads).toEqual({ headers: 0, client: 0 });
    expect(scope.headers).toEqual([['host', 'a.test'], ['cookie', 'a=1']]);
    expect(scope.headers).toBe(scope.headers);
    expect(scope.client).toEqual(['10.0.0.1', 5000]);
    expect(scope.client).toBe(scope.client);
    expect(reads).toEqual({ headers: 1, client: 1 });
  });

  it('gives a lazy scope the keys, order and values of a plain one to every reader', () => {
    const scope = () => createScope({ method: 'GET', target: '/a?b', headers: [], source: source(true).source });
    expect(Object.keys(scope())).toEqual(Object.keys(eager));
    expect({ ...scope() }).toEqual({ ...eager });
    expect(JSON.stringify(scope())).toBe(JSON.stringify(eager));
    expect(structuredClone(scope())).toEqual(eager);
    const read = scope();
    void read.headers;
    expect(Object.getOwnPropertyDescriptor(read, 'headers')).toEqual({ value: read.headers, writable: true, enumerable: true, configurable: true });
  });

  it("passes validate()'s scope checks as a plain scope does", async () => {
    const seen: unknown[] = [];
    const app = validate(async (scope, _receive, send) => {
      seen.push(scope.type === 'http' && scope.headers);
      await send({ type: 'http.response.start', status: 204 });
      await send({ type: 'http.response.body' });
    });
    const scope = createScope({ method: 'GET', target: '/', headers: [], source: source(true).source });
    await app(scope, () => Promise.resolve({ type: 'http.disconnect' }), () => Promise.resolve());
    expect(seen).toEqual([[['host', 'a.test'], ['cookie', 'a=1']]]);
  });

  it('lets the app replace a lazy key before reading it, without reading the source', () => {
    const { reads, source: lazy } = source(true);
    const scope = createScope({ method: 'GET', target: '/', headers: [], source: lazy });
    scope.headers = [['x-own', '1']];
    scope.client = null;
    expect([scope.headers, scope.client]).toEqual([[['x-own', '1']], null]);
    expect(reads).toEqual({ headers: 0, client: 0 });
    delete (scope as Partial<typeof scope>).headers;
    expect('headers' in scope).toBe(false);
  });

  it("refuses an underscore name from a lazy source in 'refuse' mode before the app runs", () => {
    const { reads, source: lazy } = source(true);
    const error = refusal(() => createScope({ method: 'GET', target: '/', headers: [], source: lazy, underscoreHeaders: 'refuse' }));
    expect([error.status, error.message]).toEqual([400, COMMON_MESSAGES.underscoreHeader('x_forwarded_for')]);
    expect(reads.headers).toBe(1);
  });

  it('builds a WebSocket scope from the source at once', () => {
    const pairs = { lazy: true, headers: (): [string, string][] => [['sec-websocket-protocol', 'v2, v1']], client: () => null };
    const scope = createWebSocketScope({ target: '/chat', headers: [], source: pairs });
    expect([scope.headers, scope.subprotocols, Object.getOwnPropertyDescriptor(scope, 'headers')?.get]).toEqual([
      [['sec-websocket-protocol', 'v2, v1']],
      ['v2', 'v1'],
      undefined,
    ]);
  });
});

describe('createWebSocketScope', () => {
  it('refuses what createScope refuses: a bad target, header name or header value', () => {
    expect(refusal(() => createWebSocketScope({ target: 'chat', headers: [] })).message).toBe(HTTP_MESSAGES.badTarget('chat'));
    expect(refusal(() => createWebSocketScope({ target: '/', headers: [['X A', 'v']] })).message).toBe(HTTP_MESSAGES.badRequestHeaderName('X A'));
    expect(refusal(() => createWebSocketScope({ target: '/', headers: [['x', 'a\rb']] })).message).toBe(HTTP_MESSAGES.badRequestHeaderValue('x'));
  });

  it('maps the scheme to ws/wss and parses subprotocols in the client order', () => {
    const scope = createWebSocketScope({
      target: '/chat?room=1',
      scheme: 'https',
      headers: [['Sec-WebSocket-Protocol', 'v2, v1'], ['sec-websocket-protocol', 'v0']],
    });
    expect([scope.type, scope.scheme, scope.path, scope.queryString]).toEqual(['websocket', 'wss', '/chat', 'room=1']);
    expect(scope.subprotocols).toEqual(['v2', 'v1', 'v0']);
  });
});
