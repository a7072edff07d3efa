import { describe, expect, it } from 'vitest';
import { createScope, createWebSocketScope } from './create-scope.js';
import { isRequestError } from './errors.js';
import { COMMON_MESSAGES, HTTP_MESSAGES } from './messages.js';

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
