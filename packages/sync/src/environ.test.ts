import { describe, expect, it } from 'vitest';
import { decodeUtf8, encodeUtf8 } from './bytes.js';
import { createEnviron, type EnvironRequest } from './environ.js';
import { createErrorStream } from './error-stream.js';
import { isRequestError, isSyncSpecError } from './errors.js';
import * as m from './messages.js';

const get = (target: string, more: Partial<EnvironRequest> = {}) =>
  createEnviron({ method: 'GET', target, headers: [['Host', 'example.com']], ...more });

function refusal(run: () => unknown): { status: number; message: string } {
  try {
    run();
  } catch (error) {
    if (isRequestError(error)) return { status: error.status, message: error.message };
    throw error;
  }
  throw new Error('expected a RequestError');
}

describe('createEnviron: the request target', () => {
  it('keeps the exact target in RAW_URI and REQUEST_URI', () => {
    const environ = get('/a%2Fb/caf%C3%A9?x=1&x=2&y=%20');
    expect(environ.RAW_URI).toBe('/a%2Fb/caf%C3%A9?x=1&x=2&y=%20');
    expect(environ.REQUEST_URI).toBe(environ.RAW_URI);
  });

  it('percent-decodes PATH_INFO as UTF-8, turning %2F into /', () => {
    expect(get('/a%2Fb/caf%C3%A9').PATH_INFO).toBe('/a/b/café');
  });

  it('decodes raw non-ASCII bytes in the target as UTF-8', () => {
    const latin1OfUtf8 = String.fromCharCode(...encodeUtf8('/日本'));
    expect(get(latin1OfUtf8).PATH_INFO).toBe('/日本');
  });

  it('replaces invalid UTF-8 with U+FFFD and keeps stray percent signs', () => {
    expect(get('/%FF/%C3/100%/%zz').PATH_INFO).toBe('/\uFFFD/\uFFFD/100%/%zz');
  });

  it('keeps a leading byte order mark instead of stripping it', () => {
    expect(get('/%EF%BB%BFx').PATH_INFO).toBe('/\uFEFFx');
  });

  it('does not resolve dot segments or merge slashes', () => {
    expect(get('/a/../b//c/%2E%2E').PATH_INFO).toBe('/a/../b//c/..');
  });

  it('keeps the query string exactly as sent, repeated keys and all', () => {
    expect(get('/s?tag=a&tag=b&q=caf%C3%A9+x').QUERY_STRING).toBe('tag=a&tag=b&q=caf%C3%A9+x');
    expect(get('/s').QUERY_STRING).toBe('');
    expect(get('/s?').QUERY_STRING).toBe('');
    expect(get('/s?a?b').QUERY_STRING).toBe('a?b');
  });

  it('takes the path of an absolute-form target and its authority as server name', () => {
    const environ = get('http://proxy.test:8080?x=1', { headers: [] });
    expect([environ.PATH_INFO, environ.QUERY_STRING, environ.RAW_URI]).toEqual(['/', 'x=1', 'http://proxy.test:8080?x=1']);
    expect([environ.SERVER_NAME, environ.SERVER_PORT]).toEqual(['proxy.test', '8080']);
  });

  it('ignores a fragment a client sent, except in RAW_URI', () => {
    const environ = get('/a?x=1#frag?y');
    expect([environ.PATH_INFO, environ.QUERY_STRING, environ.RAW_URI]).toEqual(['/a', 'x=1', '/a?x=1#frag?y']);
    expect(get('/b#c').PATH_INFO).toBe('/b');
  });

  it("maps the asterisk form to PATH_INFO '*'", () => {
    const environ = createEnviron({ method: 'OPTIONS', target: '*', headers: [] });
    expect([environ.SCRIPT_NAME, environ.PATH_INFO, environ.RAW_URI]).toEqual(['', '*', '*']);
  });

  it('refuses targets with whitespace or in authority form with a 400', () => {
    expect(refusal(() => get('/a b'))).toEqual({ status: 400, message: expect.stringContaining(m.BAD_TARGET) });
    expect(refusal(() => get('example.com:443')).status).toBe(400);
  });

  it('keeps the method exactly as sent, case and all', () => {
    expect(createEnviron({ method: 'get', target: '/', headers: [] }).REQUEST_METHOD).toBe('get');
  });

  it.each([['G T'], [''], ['GET\r\n']])('refuses the method %j with a 400', (method) => {
    expect(refusal(() => createEnviron({ method, target: '/', headers: [] }))).toEqual({ status: 400, message: `${m.BAD_METHOD}: ${JSON.stringify(method)}` });
  });

  it('throws SyncSpecError when a host passes a target that is not latin-1', () => {
    expect(() => get('/日本')).toThrow(m.REQUEST_NOT_LATIN1);
  });
});

describe('createEnviron: the root path rule', () => {
  it.each([
    ['', '/users/1', '', '/users/1'],
    ['/app', '/app/users/1', '/app', '/users/1'],
    ['/app', '/app', '/app', ''],
    ['/app/', '/app/x', '/app', '/x'],
    ['/', '/x', '', '/x'],
    ['/app', '/apple', '/app', '/apple'],
    ['/app', '/users/1', '/app', '/users/1'],
    ['app', '/app/x', '/app', '/x'],
    ['/café', '/caf%C3%A9/menu', '/café', '/menu'],
    ['/a/b', '/a%2Fb/c', '/a/b', '/c'],
  ])('with root %j, %j gives SCRIPT_NAME %j and PATH_INFO %j', (rootPath, target, scriptName, pathInfo) => {
    const environ = get(target, { rootPath });
    expect([environ.SCRIPT_NAME, environ.PATH_INFO]).toEqual([scriptName, pathInfo]);
  });

  it('keeps SCRIPT_NAME when a proxy already stripped the prefix, so URLs rebuild to the public path', () => {
    const environ = get('/users/1', { rootPath: '/api' });
    expect(`${environ.SCRIPT_NAME}${environ.PATH_INFO}`).toBe('/api/users/1');
  });
});

describe('createEnviron: headers', () => {
  it('maps names to HTTP_* and Content-Type/Length to CGI names without prefix', () => {
    const environ = get('/', {
      headers: [['Host', 'h'], ['Content-Type', 'text/plain'], ['Content-Length', '3'], ['X-Request-Id', 'abc']],
      body: encodeUtf8('abc'),
    });
    expect(environ).toMatchObject({ HTTP_HOST: 'h', CONTENT_TYPE: 'text/plain', CONTENT_LENGTH: '3', HTTP_X_REQUEST_ID: 'abc' });
    expect(environ).not.toHaveProperty('HTTP_CONTENT_TYPE');
    expect(environ).not.toHaveProperty('HTTP_CONTENT_LENGTH');
  });

  it('joins repeated names of any case with a comma, and cookies with a semicolon', () => {
    const environ = get('/', {
      headers: [['Accept', 'a'], ['X-Id', '1'], ['accept', 'b'], ['ACCEPT', ' c\t'], ['Cookie', 'x=1'], ['cookie', 'y=2']],
    });
    expect(environ.HTTP_ACCEPT).toBe('a, b, c');
    expect(environ.HTTP_COOKIE).toBe('x=1; y=2');
  });

  it('keeps header values as latin-1, one character per byte', () => {
    const value = String.fromCharCode(...encodeUtf8('é'));
    expect(get('/', { headers: [['X-Name', value]] }).HTTP_X_NAME).toBe('\u00c3\u00a9');
  });

  it('drops names with _ so X_Foo never merges into HTTP_X_FOO', () => {
    const environ = get('/', { headers: [['X-Foo', 'real'], ['X_Foo', 'spoofed'], ['x_foo', 'spoofed']] });
    expect(environ.HTTP_X_FOO).toBe('real');
    expect(get('/', { headers: [['X_Forwarded_For', '1.2.3.4']] })).not.toHaveProperty('HTTP_X_FORWARDED_FOR');
  });

  it("refuses names with _ with a 400 when underscoreHeaders is 'refuse'", () => {
    const result = refusal(() => get('/', { headers: [['X_Foo', 'x']], underscoreHeaders: 'refuse' }));
    expect(result).toEqual({ status: 400, message: `${m.UNDERSCORE_HEADER}: X_Foo` });
  });

  it('keeps every header, underscores and case included, in tsgi.raw_headers', () => {
    const headers: Array<[string, string]> = [['X-Foo', 'a'], ['X_Foo', 'b'], ['x-foo', 'c']];
    expect(get('/', { headers })['tsgi.raw_headers']).toEqual(headers);
  });

  it('uses :authority as Host for HTTP/2 and skips other pseudo-headers', () => {
    const environ = get('/', { headers: [[':authority', 'h2.test:8443'], [':path', '/']], httpVersion: '2', scheme: 'https' });
    expect([environ.HTTP_HOST, environ.SERVER_NAME, environ.SERVER_PORT, environ.SERVER_PROTOCOL]).toEqual([
      'h2.test:8443',
      'h2.test',
      '8443',
      'HTTP/2',
    ]);
    expect(Object.keys(environ).filter((key) => key.startsWith('HTTP_'))).toEqual(['HTTP_HOST']);
  });

  it('accepts repeated identical Content-Length values and refuses differing ones', () => {
    expect(get('/', { headers: [['Content-Length', '5'], ['content-length', '5']] }).CONTENT_LENGTH).toBe('5');
    expect(get('/', { headers: [['Content-Length', '007']] }).CONTENT_LENGTH).toBe('7');
    expect(refusal(() => get('/', { headers: [['Content-Length', '5'], ['Content-Length', '6']] })).status).toBe(400);
    expect(refusal(() => get('/', { headers: [['Content-Length', '-1']] })).message).toContain(m.BAD_CONTENT_LENGTH);
  });

  it('refuses Content-Length together with Transfer-Encoding', () => {
    const headers: Array<[string, string]> = [['Content-Length', '5'], ['Transfer-Encoding', 'chunked']];
    expect(refusal(() => get('/', { headers })).message).toBe(m.CONTENT_LENGTH_WITH_CHUNKED);
  });

  it('refuses header names that are not tokens and values with CR or LF', () => {
    expect(refusal(() => get('/', { headers: [['Bad Name', 'x']] })).message).toContain(m.BAD_HEADER_NAME);
    expect(refusal(() => get('/', { headers: [['X-A', 'a\r\nX-B: b']] })).message).toContain(m.BAD_HEADER_VALUE);
  });

  it('throws SyncSpecError when a host passes a header value that is not latin-1', () => {
    expect(() => get('/', { headers: [['X-A', '日本']] })).toThrow(m.REQUEST_NOT_LATIN1);
  });

  it('joins repeated fields the same way after it stopped remembering new names', () => {
    createEnviron({ method: 'GET', target: '/', headers: Array.from({ length: 600 }, (_, i): [string, string] => [`X-Many-${i}`, 'v']) });
    const environ = get('/', { headers: [['X-Late', 'a'], ['x-late', 'b'], ['Cookie', 'c=1'], ['cookie', 'd=2'], ['X-Many-599', 'w']] });
    expect([environ.HTTP_X_LATE, environ.HTTP_COOKIE, environ.HTTP_X_MANY_599]).toEqual(['a, b', 'c=1; d=2', 'w']);
  });

  it('checks the value of a header whose name it has seen before as strictly as a new one', () => {
    expect(get('/', { headers: [['X-Seen', 'fine']] }).HTTP_X_SEEN).toBe('fine');
    expect(refusal(() => get('/', { headers: [['X-Seen', 'a\nb']] })).message).toBe(`${m.BAD_HEADER_VALUE}: header X-Seen`);
    expect(refusal(() => get('/', { headers: [['X-Seen', 'a\0b']] })).message).toBe(`${m.BAD_HEADER_VALUE}: header X-Seen`);
    expect(() => get('/', { headers: [['X-Seen', '☃']] })).toThrow(m.REQUEST_NOT_LATIN1);
  });
});

describe('createEnviron: server keys', () => {
  it('fills defaults from the Host header and the scheme', () => {
    const environ = get('/', { headers: [['Host', '[::1]:3000']] });
    expect([environ.SERVER_NAME, environ.SERVER_PORT]).toEqual(['[::1]', '3000']);
    const bare = createEnviron({ method: 'GET', target: '/', headers: [], scheme: 'https' });
    expect([bare.SERVER_NAME, bare.SERVER_PORT, bare['tsgi.url_scheme']]).toEqual(['localhost', '443', 'https']);
  });

  it('prefers configured server name and port, and stringifies ports', () => {
    const environ = get('/', { serverName: 'srv', serverPort: 8080, remoteAddr: '127.0.0.1', remotePort: 5555 });
    expect(environ).toMatchObject({ SERVER_NAME: 'srv', SERVER_PORT: '8080', REMOTE_ADDR: '127.0.0.1', REMOTE_PORT: '5555' });
  });

  it('sets the tsgi keys with their defaults', () => {
    const environ = get('/');
    expect(environ).toMatchObject({
      SERVER_PROTOCOL: 'HTTP/1.1',
      'tsgi.version': [1, 0],
      'tsgi.url_scheme': 'http',
      'tsgi.input_terminated': true,
      'tsgi.multithread': false,
      'tsgi.multiprocess': false,
      'tsgi.run_once': false,
    });
    expect(environ).not.toHaveProperty('CONTENT_LENGTH');
    expect(environ).not.toHaveProperty('REMOTE_ADDR');
    expect(environ).not.toHaveProperty('tsgi.file_wrapper');
  });

  it('uses the given error stream', () => {
    const lines: string[] = [];
    const environ = get('/', { errors: createErrorStream((text) => lines.push(text)) });
    environ['tsgi.errors'].write('oops\n');
    expect(lines).toEqual(['oops\n']);
  });

  it('adds extra host keys but never lets them replace computed ones', () => {
    expect(get('/', { extra: { 'tsgi.lambda.event': { a: 1 } } })['tsgi.lambda.event']).toEqual({ a: 1 });
    expect(() => get('/', { extra: { PATH_INFO: '/evil' } })).toThrow(m.EXTRA_CONFLICT);
  });
});

describe('createEnviron: the body', () => {
  it('limits tsgi.input to CONTENT_LENGTH', () => {
    const environ = get('/', { headers: [['Content-Length', '3']], body: encodeUtf8('abcdef') });
    expect(decodeUtf8(environ['tsgi.input'].read())).toBe('abc');
  });

  it('reads a body without Content-Length to its end', () => {
    const environ = get('/', { body: encodeUtf8('chunked body'), bodyTerminated: true });
    expect(decodeUtf8(environ['tsgi.input'].read())).toBe('chunked body');
    expect(environ['tsgi.input_terminated']).toBe(true);
  });

  it('gives an empty body when there is neither Content-Length nor a terminated body', () => {
    expect(get('/', { body: encodeUtf8('stray'), bodyTerminated: false })['tsgi.input'].read().length).toBe(0);
    expect(get('/')['tsgi.input'].read().length).toBe(0);
  });

  it('uses a ready input stream as is', () => {
    const input = get('/', { body: encodeUtf8('x'), bodyTerminated: true })['tsgi.input'];
    expect(get('/', { body: input })['tsgi.input']).toBe(input);
  });
});

describe('RequestError', () => {
  it('turns into a plain-text response with its status', () => {
    try {
      get('/', { headers: [['X_A', '1']], underscoreHeaders: 'refuse' });
    } catch (error) {
      if (!isRequestError(error)) throw error;
      const response = error.toResponse();
      expect(response.status).toBe('400 Bad Request');
      expect(response.headers).toContainEqual(['content-length', String(response.body.length)]);
      expect(decodeUtf8(response.body)).toBe(`${error.message}\n`);
      expect(isSyncSpecError(error)).toBe(false);
      expect(error.section).toBe('4.7');
      return;
    }
    throw new Error('expected a RequestError');
  });
});
