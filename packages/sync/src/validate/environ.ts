// validate(): the environ a server passes (docs/spec/sync.md §4). Every check cites the rule it enforces.
import { isLatin1 } from '../bytes.js';
import { SyncSpecError } from '../errors.js';
import * as m from '../messages.js';
import { parseTarget } from '../request-target.js';

const REQUIRED = [
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
] as const;
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const PROTOCOLS = new Set(['HTTP/1.0', 'HTTP/1.1', 'HTTP/2', 'HTTP/3']);

function fail(message: string, detail?: string): never {
  throw new SyncSpecError(detail === undefined ? message : `${message}: ${detail}`);
}

/** Throws SyncSpecError for the first way `environ` breaks docs/spec/sync.md §4. */
export function checkEnviron(environ: unknown): asserts environ is Record<string, unknown> {
  if (typeof environ !== 'object' || environ === null || Array.isArray(environ)) fail(m.ENVIRON_NOT_OBJECT);
  const env = environ as Record<string, unknown>;
  for (const key of REQUIRED) if (!(key in env)) fail(m.ENVIRON_MISSING_KEY, key);
  // §4.1: CGI variables (keys without a dot) are strings; extension keys carry a dotted prefix.
  for (const [key, value] of Object.entries(env)) {
    if (key.includes('.') || value === undefined) continue;
    if (typeof value !== 'string') fail(m.ENVIRON_NOT_STRING, `${key} is ${typeof value}`);
    if (key.startsWith('HTTP_') && !/^HTTP_[A-Z0-9_]+$/.test(key)) fail(m.ENVIRON_HEADER_KEY, key);
    if ((key.startsWith('HTTP_') || key.startsWith('CONTENT_')) && !isLatin1(value)) fail(m.ENVIRON_NOT_LATIN1, key);
  }
  const text = env as Record<string, string>;
  if ('HTTP_CONTENT_TYPE' in env || 'HTTP_CONTENT_LENGTH' in env) fail(m.ENVIRON_HTTP_CONTENT);
  if (!TOKEN.test(text.REQUEST_METHOD ?? '')) fail(m.ENVIRON_METHOD, JSON.stringify(text.REQUEST_METHOD));
  if (!PROTOCOLS.has(text.SERVER_PROTOCOL ?? '')) fail(m.ENVIRON_PROTOCOL, JSON.stringify(text.SERVER_PROTOCOL));
  if (text.CONTENT_LENGTH !== undefined && !/^\d+$/.test(text.CONTENT_LENGTH)) {
    fail(m.ENVIRON_CONTENT_LENGTH, JSON.stringify(text.CONTENT_LENGTH));
  }
  if (!/^\d+$/.test(text.SERVER_PORT ?? '')) fail(m.ENVIRON_SERVER_PORT, JSON.stringify(text.SERVER_PORT));
  checkPaths(text);
  checkTsgiKeys(env);
}

// §4.4, §4.6, §4.8: the path variables agree with the exact request target.
function checkPaths(env: Record<string, string>): void {
  const scriptName = env.SCRIPT_NAME ?? '';
  const pathInfo = env.PATH_INFO ?? '';
  const rawUri = env.RAW_URI ?? '';
  if (rawUri !== env.REQUEST_URI) fail(m.ENVIRON_RAW_URI, `${JSON.stringify(rawUri)} and ${JSON.stringify(env.REQUEST_URI)}`);
  if (scriptName !== '' && (!scriptName.startsWith('/') || scriptName.endsWith('/'))) {
    fail(m.ENVIRON_SCRIPT_NAME, JSON.stringify(scriptName));
  }
  const asterisk = rawUri === '*' && pathInfo === '*';
  if (pathInfo !== '' && !pathInfo.startsWith('/') && !asterisk) fail(m.ENVIRON_PATH_INFO, JSON.stringify(pathInfo));
  if (scriptName === '' && pathInfo === '') fail(m.ENVIRON_PATH_EMPTY);
  let target;
  try {
    target = parseTarget(rawUri);
  } catch (error) {
    throw new SyncSpecError(`${m.ENVIRON_RAW_URI}: ${JSON.stringify(rawUri)} is not a request target`, { cause: error });
  }
  // §4.8: PATH_INFO is what follows SCRIPT_NAME in the path, or the whole path when a proxy stripped it.
  if (scriptName + pathInfo !== target.path && pathInfo !== target.path) {
    fail(m.ENVIRON_PATH_MISMATCH, `${JSON.stringify(scriptName + pathInfo)} for ${JSON.stringify(rawUri)}`);
  }
  if (env.QUERY_STRING !== target.query) fail(m.ENVIRON_QUERY_MISMATCH, JSON.stringify(env.QUERY_STRING));
}

function checkTsgiKeys(env: Record<string, unknown>): void {
  const version = env['tsgi.version'];
  if (!Array.isArray(version) || version.length !== 2 || version[0] !== 1 || !Number.isInteger(version[1])) {
    fail(m.ENVIRON_VERSION, JSON.stringify(version));
  }
  const scheme = env['tsgi.url_scheme'];
  if (scheme !== 'http' && scheme !== 'https') fail(m.ENVIRON_URL_SCHEME, JSON.stringify(scheme));
  for (const key of ['tsgi.multithread', 'tsgi.multiprocess', 'tsgi.run_once']) {
    if (typeof env[key] !== 'boolean') fail(m.ENVIRON_FLAG, `${key} is ${typeof env[key]}`);
  }
  if (env['tsgi.input_terminated'] !== true) fail(m.ENVIRON_INPUT_TERMINATED);
  if (!hasMethods(env['tsgi.input'], ['read', 'readline', 'readlines', Symbol.iterator])) fail(m.ENVIRON_INPUT);
  if (!hasMethods(env['tsgi.errors'], ['write', 'writelines', 'flush'])) fail(m.ENVIRON_ERRORS);
  const raw = env['tsgi.raw_headers'];
  const pairs = Array.isArray(raw) && (raw as unknown[]).every(isStringPair);
  if (!pairs) fail(m.ENVIRON_RAW_HEADERS);
  const factory = env['tsgi.file_wrapper'];
  if (factory !== undefined && typeof factory !== 'function') fail(m.ENVIRON_FILE_WRAPPER);
}

function hasMethods(value: unknown, names: Array<string | symbol>): boolean {
  if (typeof value !== 'object' || value === null) return false;
  return names.every((name) => typeof (value as Record<string | symbol, unknown>)[name] === 'function');
}

function isStringPair(pair: unknown): boolean {
  return Array.isArray(pair) && pair.length === 2 && typeof pair[0] === 'string' && typeof pair[1] === 'string';
}
