// Scope checks for validate(): every key the spec requires, with the type it requires (async §2.2).
import { AsyncSpecError } from '../errors.js';
import { COMMON_MESSAGES } from '../messages.js';
import { checkHeaders, isToken } from '../internal/checks.js';

const HTTP_VERSIONS = ['1.0', '1.1', '2', '3'];

const fail = (key: string, rule: string): never => {
  throw new AsyncSpecError(COMMON_MESSAGES.badScope(key, rule));
};

/** Throws an AsyncSpecError naming the first scope key that breaks the spec. */
export function checkScope(scope: unknown): void {
  if (typeof scope !== 'object' || scope === null) fail('type', "must be 'http', 'websocket' or 'lifespan' (scope is not an object)");
  const s = scope as Record<string, unknown>;
  if (s.type !== 'http' && s.type !== 'websocket' && s.type !== 'lifespan') fail('type', "must be 'http', 'websocket' or 'lifespan'");
  const tsgi = s.tsgi as Record<string, unknown> | undefined;
  if (typeof tsgi !== 'object' || tsgi === null || tsgi.version !== '1.0' || typeof tsgi.specVersion !== 'string') {
    fail('tsgi', "must be { version: '1.0', specVersion: string }");
  }
  if (s.state !== undefined && (typeof s.state !== 'object' || s.state === null)) fail('state', 'must be an object when present');
  if (s.type === 'lifespan') return;

  if (s.extensions !== undefined && (typeof s.extensions !== 'object' || s.extensions === null)) {
    fail('extensions', 'must be an object when present');
  }
  for (const key of ['path', 'rawPath', 'queryString', 'rootPath'] as const) {
    if (typeof s[key] !== 'string') fail(key, 'must be a string');
  }
  const rootPath = s.rootPath as string;
  if (rootPath !== '' && (!rootPath.startsWith('/') || rootPath.endsWith('/'))) fail('rootPath', "must be '' or start with '/' and not end with '/'");
  const path = s.path as string;
  if (path !== '' && path !== '*' && !path.startsWith('/')) fail('path', "must be '', '*' or start with '/'");
  // async §3.1.1: an absolute-form target without a path has rawPath '/'; only a mount empties path.
  const rawPath = s.rawPath as string;
  if (rawPath !== '*' && !rawPath.startsWith('/')) fail('rawPath', "must be '*' or start with '/'");
  if (path === '' && rootPath === '') fail('path', "must not be '' when rootPath is ''");
  if (!HTTP_VERSIONS.includes(s.httpVersion as string)) fail('httpVersion', "must be '1.0', '1.1', '2' or '3'");
  const headers = checkHeaders(s.headers, 'scope.headers');
  for (const [name] of headers) if (name !== name.toLowerCase()) fail('headers', `names must be lower-case, got '${name}'`);
  for (const key of ['client', 'server'] as const) checkAddress(s[key], key);

  if (s.type === 'http') {
    if (s.scheme !== 'http' && s.scheme !== 'https') fail('scheme', "must be 'http' or 'https'");
    // RFC 9110 §9.1: any token, case kept; 'get' is a method of its own, not GET.
    if (typeof s.method !== 'string' || !isToken(s.method)) fail('method', 'must be an RFC 9110 token');
  } else {
    if (s.scheme !== 'ws' && s.scheme !== 'wss') fail('scheme', "must be 'ws' or 'wss'");
    if (s.httpVersion === '1.0') fail('httpVersion', "must be '1.1', '2' or '3' for a WebSocket");
    if (!Array.isArray(s.subprotocols) || !(s.subprotocols as unknown[]).every((p) => typeof p === 'string')) {
      fail('subprotocols', 'must be an array of strings');
    }
  }
}

function checkAddress(value: unknown, key: string): void {
  if (value === null || value === undefined) return;
  const ok =
    Array.isArray(value) &&
    value.length === 2 &&
    typeof value[0] === 'string' &&
    (value[1] === null || (typeof value[1] === 'number' && Number.isInteger(value[1])));
  if (!ok) fail(key, 'must be null or [host: string, port: number | null]');
}
