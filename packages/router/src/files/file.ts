// File responses with validators, conditional requests and ranges. File access goes through an
// adapter the app supplies, so this package stays runtime-neutral (docs/router.md: "Files").
import { HttpError } from '../errors.js';
import type { HeaderMap } from '../headers.js';
import { byteRange, precondition, type Validators } from './conditional.js';
import { contentTypeFor } from './mime.js';
import { RouterResponse } from '../responses/response.js';

/** What an adapter knows about a file. */
export interface FileStat {
  size: number;
  /** Last modification, as a Date or milliseconds since the epoch. */
  mtime?: Date | number;
  isDirectory?: boolean;
}

/**
 * Synchronous file access; works through both interfaces.
 *
 * @example
 * // Node: import { statSync, readFileSync } from 'node:fs';
 * const fs: FileSystem = {
 *   stat: (path) => { try { const s = statSync(path); return { size: s.size, mtime: s.mtime, isDirectory: s.isDirectory() }; } catch { return null; } },
 *   read: (path, start, end) => readFileSync(path).subarray(start, end),
 * };
 */
export interface FileSystem {
  /** null when there is no such file. */
  stat(path: string): FileStat | null;
  /** Bytes `[start, end)`, as one array or as chunks. */
  read(path: string, start: number, end: number): Uint8Array | Iterable<Uint8Array>;
}

/** Asynchronous file access; works through the async interface only. */
export interface AsyncFileSystem {
  stat(path: string): Promise<FileStat | null>;
  read(path: string, start: number, end: number): Promise<Uint8Array> | AsyncIterable<Uint8Array> | Iterable<Uint8Array>;
}

/** How to send a file. */
export interface FileOptions {
  /** Content-Type. @default guessed from the file name's extension */
  type?: string;
  /** Sends Content-Disposition: attachment, with this file name (true: the path's last segment). */
  download?: string | boolean;
  /** Cache-Control: public, max-age (seconds). @default no Cache-Control header */
  maxAge?: number;
  /** Adds `immutable` to Cache-Control (for fingerprinted assets). @default false */
  immutable?: boolean;
}

/** The request parts a file response depends on. */
interface RequestLike {
  method: string;
  headers: HeaderMap;
}

/** Bytes held in memory, served like a file. */
export interface FileBytes {
  bytes: Uint8Array;
  mtime?: Date | number;
  /** Used for the Content-Type guess and downloads. */
  name?: string;
}

const hex = (n: number): string => Math.floor(n).toString(16);
const millis = (t: Date | number | undefined): number | null => (t === undefined ? null : +t);

// FNV-1a: a cheap, runtime-neutral fingerprint for a strong ETag of in-memory bytes.
function fnv1a(bytes: Uint8Array): number {
  let h = 0x811c9dc5;
  for (const b of bytes) h = Math.imul(h ^ b, 0x01000193);
  return h >>> 0;
}

/**
 * A file response: ETag and Last-Modified, 304/412 for conditional requests, 206/416 for a
 * single byte range, read lazily (nothing is read for HEAD or 304). Give a path and an adapter, or
 * bytes. Throws HttpError 404 when the adapter has no such file.
 *
 * @example
 * router.get('/report', (req) => file(req, '/srv/report.pdf', { fs, download: true }));
 * router.get('/logo', (req) => file(req, { bytes: logo, name: 'logo.png' }, { maxAge: 3600 }));
 */
export function file(req: RequestLike, source: FileBytes, options?: FileOptions): RouterResponse;
export function file(req: RequestLike, path: string, options: FileOptions & { fs: FileSystem }): RouterResponse;
export function file(req: RequestLike, path: string, options: FileOptions & { fs: AsyncFileSystem }): Promise<RouterResponse>;
export function file(
  req: RequestLike,
  source: string | FileBytes,
  options: FileOptions & { fs?: FileSystem | AsyncFileSystem } = {},
): RouterResponse | Promise<RouterResponse> {
  if (typeof source !== 'string') {
    const { bytes } = source;
    const etag = `"${hex(bytes.length)}-${hex(fnv1a(bytes))}"`;
    const stat = { size: bytes.length, ...(source.mtime === undefined ? {} : { mtime: source.mtime }) };
    return build(req, source.name ?? '', stat, etag, (s, e) => bytes.subarray(s, e), options);
  }
  const { fs } = options;
  if (!fs) throw new TypeError('file(): a path needs options.fs, a FileSystem adapter');
  const respond = (stat: FileStat | null): RouterResponse => {
    if (!stat || stat.isDirectory) throw new HttpError(404, 'Not Found');
    // Weak: size and mtime say the file is probably unchanged, not that its bytes are identical.
    const etag = `W/"${hex(stat.size)}-${hex(millis(stat.mtime) ?? 0)}"`;
    return build(req, source, stat, etag, (s, e) => fs.read(source, s, e), options);
  };
  const stat = fs.stat(source);
  return stat instanceof Promise ? stat.then(respond) : respond(stat);
}

type Reader = (start: number, end: number) => ReturnType<AsyncFileSystem['read']> | ReturnType<FileSystem['read']>;

function build(req: RequestLike, name: string, stat: FileStat, etag: string, read: Reader, options: FileOptions): RouterResponse {
  const mtime = millis(stat.mtime);
  const v: Validators = { etag, modified: mtime === null ? null : Math.floor(mtime / 1000) };
  const res = new RouterResponse(null, { headers: { etag } });
  if (mtime !== null) res.headers.set('last-modified', new Date(mtime).toUTCString());
  if (options.maxAge !== undefined) {
    res.headers.set('cache-control', `public, max-age=${Math.floor(options.maxAge)}${options.immutable ? ', immutable' : ''}`);
  }
  const condition = precondition(req.method, req.headers, v);
  if (condition !== null) {
    res.status = condition;
    return res;
  }
  res.headers.set('content-type', options.type ?? contentTypeFor(name));
  res.headers.set('accept-ranges', 'bytes');
  if (options.download) {
    const filename = typeof options.download === 'string' ? options.download : name.slice(name.lastIndexOf('/') + 1);
    // RFC 6266 §4.3: an ASCII fallback, then the exact name in RFC 8187 encoding.
    res.headers.set(
      'content-disposition',
      `attachment; filename="${filename.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
    );
  }
  const range = req.method === 'GET' || req.method === 'HEAD' ? byteRange(req.headers, stat.size, v) : null;
  if (range === 'unsatisfiable') {
    res.status = 416;
    res.headers.set('content-range', `bytes */${stat.size}`);
    return res;
  }
  const [start, end] = range ?? [0, stat.size];
  if (range) {
    res.status = 206;
    res.headers.set('content-range', `bytes ${start}-${end - 1}/${stat.size}`);
  }
  res.headers.set('content-length', String(end - start));
  if (end > start) res.body = lazy(() => read(start, end));
  return res;
}

// Reading starts when the body is iterated, so HEAD never touches the file.
function lazy(read: () => ReturnType<Reader>): Iterable<Uint8Array> | AsyncIterable<Uint8Array> {
  const sync: Iterable<Uint8Array> = {
    *[Symbol.iterator]() {
      const data = read();
      if (data instanceof Uint8Array) yield data;
      else if (Symbol.iterator in data) yield* data;
      else throw new TypeError('file(): an async FileSystem needs the async interface');
    },
  };
  return Object.assign(sync, {
    async *[Symbol.asyncIterator]() {
      const data = await read();
      if (data instanceof Uint8Array) yield data;
      else yield* data;
    },
  });
}
