import { describe, expect, it } from 'vitest';
import { callApp } from '../call-app.js';
import { encodeUtf8 } from '../bytes.js';
import { createEnviron } from '../environ.js';
import { isSyncSpecError } from '../errors.js';
import * as m from '../messages.js';
import type { Environ, SyncApp } from '../types.js';
import { validate } from './validate.js';

const hello: SyncApp = (_, start) => {
  start('200 OK', [['content-type', 'text/plain'], ['content-length', '5']]);
  return [encodeUtf8('hello')];
};

function environ(changes: Record<string, unknown> = {}, remove: string[] = []): Environ {
  const base = createEnviron({
    method: 'GET',
    target: '/app/caf%C3%A9?x=1',
    headers: [['Host', 'example.com']],
    rootPath: '/app',
  });
  for (const key of remove) delete base[key];
  return Object.assign(base, changes);
}

/** Calls the validated app with an environ and returns the error message, or 'ok'. */
function check(env: unknown): string {
  try {
    const body = validate(hello)(env as Environ, () => () => undefined);
    (body as { close?(): void }).close?.();
    return 'ok';
  } catch (error) {
    if (isSyncSpecError(error)) return error.message;
    throw error;
  }
}

describe('validate: the environ', () => {
  it('accepts what createEnviron builds, for every kind of request', () => {
    expect(check(environ())).toBe('ok');
    const tricky = createEnviron({
      method: 'PROPFIND',
      target: '/a%2Fb/%FF?q=%20',
      headers: [['Content-Length', '0'], ['X_Dropped', '1'], ['Cookie', 'a=1']],
      httpVersion: '2',
      scheme: 'https',
      remoteAddr: '::1',
      extra: { 'tsgi.lambda.event': {} },
    });
    expect(check(tricky)).toBe('ok');
    expect(check(createEnviron({ method: 'OPTIONS', target: '*', headers: [] }))).toBe('ok');
    expect(check(createEnviron({ method: 'GET', target: 'http://h.test', headers: [] }))).toBe('ok');
    expect(check(createEnviron({ method: 'GET', target: '/users', headers: [], rootPath: '/api' }))).toBe('ok');
    expect(check(createEnviron({ method: 'GET', target: '/a#frag', headers: [] }))).toBe('ok');
  });

  it('runs a valid app under callApp without complaint', () => {
    expect(callApp(validate(hello), { target: '/x?y=1' }).text).toBe('hello');
  });

  it.each([
    ['not an object', null, m.ENVIRON_NOT_OBJECT],
    ['an array', [], m.ENVIRON_NOT_OBJECT],
  ])('rejects an environ that is %s', (_, env, message) => {
    expect(check(env)).toContain(message);
  });

  it.each([
    'REQUEST_METHOD',
    'SCRIPT_NAME',
    'PATH_INFO',
    'QUERY_STRING',
    'SERVER_NAME',
    'SERVER_PORT',
    'SERVER_PROTOCOL',
    'RAW_URI',
    'REQUEST_URI',
    'tsgi.version',
    'tsgi.url_scheme',
    'tsgi.input',
    'tsgi.input_terminated',
    'tsgi.errors',
    'tsgi.multithread',
    'tsgi.multiprocess',
    'tsgi.run_once',
    'tsgi.raw_headers',
  ])('requires %s', (key) => {
    expect(check(environ({}, [key]))).toBe(`${m.ENVIRON_MISSING_KEY}: ${key}`);
  });

  it.each([
    ['a CGI variable that is not a string', { SERVER_PORT: 80 }, m.ENVIRON_NOT_STRING],
    ['a REMOTE_ADDR that is not a string', { REMOTE_ADDR: ['1.2.3.4'] }, m.ENVIRON_NOT_STRING],
    ['an HTTP_ key in lower case', { HTTP_x_foo: 'a' }, m.ENVIRON_HEADER_KEY],
    ['a header value beyond latin-1', { HTTP_X_NAME: '日本' }, m.ENVIRON_NOT_LATIN1],
    ['HTTP_CONTENT_TYPE', { HTTP_CONTENT_TYPE: 'text/plain' }, m.ENVIRON_HTTP_CONTENT],
    ['HTTP_CONTENT_LENGTH', { HTTP_CONTENT_LENGTH: '0' }, m.ENVIRON_HTTP_CONTENT],
    ['a method that is not a token', { REQUEST_METHOD: 'GET /' }, m.ENVIRON_METHOD],
    ['an unknown protocol', { SERVER_PROTOCOL: 'HTTP/2.0' }, m.ENVIRON_PROTOCOL],
    ['a CONTENT_LENGTH that is not digits', { CONTENT_LENGTH: '-1' }, m.ENVIRON_CONTENT_LENGTH],
    ['a SERVER_PORT that is not digits', { SERVER_PORT: 'http' }, m.ENVIRON_SERVER_PORT],
    ['a SCRIPT_NAME ending with /', { SCRIPT_NAME: '/app/', PATH_INFO: 'café' }, m.ENVIRON_SCRIPT_NAME],
    ['a PATH_INFO without leading /', { SCRIPT_NAME: '', PATH_INFO: 'app/café' }, m.ENVIRON_PATH_INFO],
    ['empty SCRIPT_NAME and PATH_INFO', { SCRIPT_NAME: '', PATH_INFO: '' }, m.ENVIRON_PATH_EMPTY],
    ['a REQUEST_URI that differs from RAW_URI', { REQUEST_URI: '/app/café?x=1' }, m.ENVIRON_RAW_URI],
    ['a RAW_URI that is not a target', { RAW_URI: 'nope', REQUEST_URI: 'nope' }, m.ENVIRON_RAW_URI],
    ['a latin-1 decoded PATH_INFO', { PATH_INFO: '/cafÃ©' }, m.ENVIRON_PATH_MISMATCH],
    ['a PATH_INFO that ignores the mount', { SCRIPT_NAME: '', PATH_INFO: '/café' }, m.ENVIRON_PATH_MISMATCH],
    ['a decoded QUERY_STRING', { RAW_URI: '/app/x?a=%20', REQUEST_URI: '/app/x?a=%20', PATH_INFO: '/x', QUERY_STRING: 'a= ' }, m.ENVIRON_QUERY_MISMATCH],
    ['a wrong version', { 'tsgi.version': [2, 0] }, m.ENVIRON_VERSION],
    ['a version that is a string', { 'tsgi.version': '1.0' }, m.ENVIRON_VERSION],
    ['an unknown url scheme', { 'tsgi.url_scheme': 'ftp' }, m.ENVIRON_URL_SCHEME],
    ['a multithread flag that is not boolean', { 'tsgi.multithread': 0 }, m.ENVIRON_FLAG],
    ['a run_once flag that is not boolean', { 'tsgi.run_once': 'no' }, m.ENVIRON_FLAG],
    ['an unterminated input', { 'tsgi.input_terminated': false }, m.ENVIRON_INPUT_TERMINATED],
    ['an input without readline', { 'tsgi.input': { read: () => new Uint8Array(), readlines: () => [] } }, m.ENVIRON_INPUT],
    ['an errors stream without flush', { 'tsgi.errors': { write() {}, writelines() {} } }, m.ENVIRON_ERRORS],
    ['raw headers that are not pairs', { 'tsgi.raw_headers': [['Host']] }, m.ENVIRON_RAW_HEADERS],
    ['a file wrapper that is not a function', { 'tsgi.file_wrapper': {} }, m.ENVIRON_FILE_WRAPPER],
  ])('rejects %s', (_, changes, message) => {
    expect(check(environ(changes))).toContain(message);
  });

  it('rejects a startResponse that is not a function', () => {
    expect(() => validate(hello)(environ(), 'start' as never)).toThrow(m.START_RESPONSE_ARGS);
  });

  it('rejects an app that is not a function, and a call with the wrong arity', () => {
    expect(() => validate({} as SyncApp)).toThrow(m.APP_NOT_FUNCTION);
    expect(() => (validate(hello) as (...args: unknown[]) => unknown)(environ())).toThrow(m.APP_NOT_FUNCTION);
  });
});
