// The sync probe: a SyncApp that reports what it received and behaves by path (probe/routes.ts).
import type { Environ, HeaderList, ResponseBody, StartResponse, SyncApp } from '@tsgi/sync';
import { concat, patterned, utf8 } from '../_internal/bytes.js';
import { crc32Update, toHex } from '../_internal/crc32.js';
import type { Journal } from './journal.js';
import { PROBE_RAISE_MESSAGE } from './options.js';
import { type ProbeReport, queryParam } from './report.js';
import { PROBE_HEAD_BODY, PROBE_HEADERS_OUT, PROBE_ROUTES as R, REASONS, isBodiless } from './routes.js';

type Handler = (environ: Environ, startResponse: StartResponse, journal: Journal, token: string) => ResponseBody;

const READ_SIZE = 64 * 1024;
/** '/hang' gives up after this much, so a host that ignores a disconnect still ends. */
const HANG_LIMIT = 64 * 1024 * 1024;

function readBody(environ: Environ): { bytes: Uint8Array[]; crc: number; length: number } {
  const bytes: Uint8Array[] = [];
  let crc = 0;
  let length = 0;
  for (let piece = environ['tsgi.input'].read(READ_SIZE); piece.length > 0; piece = environ['tsgi.input'].read(READ_SIZE)) {
    bytes.push(piece);
    crc = crc32Update(crc, piece);
    length += piece.length;
  }
  return { bytes, crc, length };
}

const param = (environ: Environ, key: string): string | undefined => queryParam(environ.QUERY_STRING, key);

const report: Handler = (environ, startResponse) => {
  const body = readBody(environ);
  const strings: Record<string, string> = {};
  for (const [key, value] of Object.entries(environ)) if (typeof value === 'string') strings[key] = value;
  const result: ProbeReport = {
    interface: 'sync',
    method: environ.REQUEST_METHOD,
    rootPath: environ.SCRIPT_NAME,
    path: environ.PATH_INFO,
    rawPath: environ.RAW_URI.split('?')[0] ?? '',
    queryString: environ.QUERY_STRING,
    headers: environ['tsgi.raw_headers'],
    body: { length: body.length, crc32: toHex(body.crc), pieces: body.bytes.length },
    scheme: environ['tsgi.url_scheme'],
    version: environ['tsgi.version'],
    environ: strings,
    inputTerminated: environ['tsgi.input_terminated'],
  };
  const json = utf8(JSON.stringify(result));
  startResponse('200 OK', [['Content-Type', 'application/json'], ['Content-Length', String(json.length)]]);
  return [json];
};

const routes: Record<string, Handler> = {
  [R.echo]: (environ, startResponse) => {
    const body = concat(readBody(environ).bytes);
    startResponse('200 OK', [['Content-Type', 'application/octet-stream'], ['Content-Length', String(body.length)]]);
    return [body];
  },
  [R.stream]: (environ, startResponse) => {
    const chunks = Number(param(environ, 'chunks') ?? 4);
    const size = Number(param(environ, 'size') ?? 1024);
    startResponse('200 OK', [['Content-Type', 'application/octet-stream']]);
    return (function* () {
      for (let i = 0; i < chunks; i++) yield patterned(size, i + 1);
    })();
  },
  [R.bytes]: (environ, startResponse) => {
    const all = patterned(Number(param(environ, 'n') ?? 0), 7);
    const third = Math.floor(all.length / 3);
    startResponse('200 OK', [['Content-Type', 'application/octet-stream'], ['Content-Length', String(all.length)]]);
    return [all.subarray(0, third), all.subarray(third, 2 * third), all.subarray(2 * third)];
  },
  [R.head]: (_environ, startResponse) => {
    // The same answer for GET and HEAD: dropping the body on HEAD is the host's job (RFC 9110 §9.3.2).
    const body = utf8(PROBE_HEAD_BODY);
    startResponse('200 OK', [['Content-Type', 'text/plain'], ['Content-Length', String(body.length)], ['X-Probe-Head', '1']]);
    return [body];
  },
  [R.headersOut]: (_environ, startResponse) => {
    startResponse('200 OK', PROBE_HEADERS_OUT.map(([n, v]): [string, string] => [n, v]));
    return [utf8('ok')];
  },
  [R.write]: (_environ, startResponse) => {
    const write = startResponse('200 OK', [['Content-Type', 'text/plain']]);
    write(utf8('first,'));
    return [utf8('second')];
  },
  [R.close]: (_environ, startResponse, journal, token) => {
    startResponse('200 OK', [['Content-Type', 'text/plain']]);
    return { [Symbol.iterator]: () => [utf8('closable')][Symbol.iterator](), close: () => journal.record('body.close', token) };
  },
  [R.raiseBefore]: () => {
    throw new Error(PROBE_RAISE_MESSAGE);
  },
  [R.raiseAfter]: (_environ, startResponse) => {
    startResponse('200 OK', [['Content-Type', 'text/plain']]);
    return (function* () {
      yield utf8('partial');
      throw new Error(PROBE_RAISE_MESSAGE);
    })();
  },
  [R.lengthShort]: (_environ, startResponse) => {
    startResponse('200 OK', [['Content-Type', 'text/plain'], ['Content-Length', '10']]);
    return [utf8('four')];
  },
  [R.lengthLong]: (_environ, startResponse) => {
    startResponse('200 OK', [['Content-Type', 'text/plain'], ['Content-Length', '4']]);
    return [utf8('abc'), utf8('defghij')];
  },
  [R.hang]: (_environ, startResponse, journal, token) => {
    startResponse('200 OK', [['Content-Type', 'application/octet-stream']]);
    return (function* () {
      let sent = 0;
      let completed = false;
      try {
        for (; sent < HANG_LIMIT; sent += READ_SIZE) yield patterned(READ_SIZE, 3);
        completed = true;
      } finally {
        // Runs when the host calls the iterator's return() after the client left (sync spec: close).
        journal.record('body.finally', token, { completed, sent });
      }
    })();
  },
};

function status(code: number, startResponse: StartResponse): ResponseBody {
  const headers: HeaderList = code === 304 ? [['ETag', '"probe"']] : [['Content-Type', 'text/plain']];
  startResponse(`${code} ${REASONS[code] ?? 'Probe'}`, headers);
  return isBodiless(code) ? [] : [utf8(`status ${code}`)];
}

/** Builds the sync probe app over a journal. */
export function createSyncProbe(journal: Journal): SyncApp {
  return (environ, startResponse) => {
    const path = environ.PATH_INFO;
    const token = param(environ, 'token') ?? '';
    if (path.startsWith(R.status)) return status(Number(path.slice(R.status.length)), startResponse);
    return (routes[path] ?? report)(environ, startResponse, journal, token);
  };
}
