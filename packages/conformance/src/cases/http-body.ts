// HTTP cases about request bodies: empty, exact bytes, large, and chunked (no Content-Length).
import { concat, patterned } from '../_internal/bytes.js';
import { crc32Hex } from '../_internal/crc32.js';
import { askReport, expectBytes, headerValue } from './helpers.js';
import type { ConformanceCase } from './types.js';

const both = ['sync', 'async'] as const;

/** 8 MiB and a bit: past every default buffer size, and not a multiple of a chunk size. */
export const LARGE_BODY_SIZE = 8 * 1024 * 1024 + 17;

/** The pieces 'http.body.chunked' sends, in bytes. */
const CHUNKED_PIECES = [1000, 1, 65536, 3, 70000];

/** The chunks as a stream, one piece per chunk, as a client uploading without Content-Length sends them. */
function pieces(chunks: readonly Uint8Array[]): AsyncIterable<Uint8Array> {
  return {
    [Symbol.asyncIterator]: () => {
      let at = 0;
      return {
        next: (): Promise<IteratorResult<Uint8Array>> =>
          Promise.resolve(at < chunks.length ? { value: chunks[at++]!, done: false } : { value: undefined, done: true }),
      };
    },
  };
}

export const httpBodyCases: ConformanceCase[] = [
  {
    id: 'http.body.empty',
    description: 'A POST with Content-Length: 0 and a GET without a body both read as zero bytes.',
    interfaces: both,
    features: ['http', 'body'],
    async run({ expect, served }) {
      const post = await askReport(expect, served, { method: 'POST', target: '/report', body: new Uint8Array(0) });
      expect(post.body).toMatchObject({ length: 0, crc32: '00000000' });
      const get = await askReport(expect, served, { method: 'GET', target: '/report' });
      expect(get.body).toMatchObject({ length: 0, crc32: '00000000' });
    },
  },
  {
    id: 'http.body.echo',
    description: 'Every byte value 0x00-0xFF survives the trip to the app and back unchanged.',
    interfaces: both,
    features: ['http', 'body'],
    async run({ expect, served }) {
      const body = concat(Array.from({ length: 4 }, () => Uint8Array.from({ length: 256 }, (_, i) => i)));
      const res = await served.request({ method: 'POST', target: '/echo', body });
      expect(res.status).toBe(200);
      expect(headerValue(res.headers, 'content-type')).toBe('application/octet-stream');
      expect(headerValue(res.headers, 'content-length')).toBe('1024');
      expect(res.body).toEqual(body);
    },
  },
  {
    id: 'http.body.large',
    description: 'An 8 MiB + 17 byte body reaches the app complete and in order.',
    interfaces: both,
    features: ['http', 'body'],
    async run({ expect, served }) {
      const body = patterned(LARGE_BODY_SIZE, 11);
      const report = await askReport(expect, served, { method: 'POST', target: '/report', body });
      expect(report.body).toMatchObject({ length: LARGE_BODY_SIZE, crc32: crc32Hex(body) });
    },
  },
  {
    id: 'http.body.chunked',
    description: 'A body sent without Content-Length (chunked) reaches the app complete and in order, through the input stream for sync apps.',
    interfaces: both,
    features: ['http', 'body', 'streaming'],
    async run({ expect, served, interface: kind }) {
      const chunks = CHUNKED_PIECES.map((n, i) => patterned(n, 20 + i));
      const whole = concat(chunks);
      const report = await askReport(expect, served, { method: 'POST', target: '/report', body: pieces(chunks) });
      expect(report.body).toMatchObject({ length: whole.length, crc32: crc32Hex(whole) });
      // A host may buffer the body and give a CONTENT_LENGTH; if it does, it must be the real one.
      if (kind === 'sync' && report.environ?.CONTENT_LENGTH !== undefined) expect(report.environ.CONTENT_LENGTH).toBe(String(whole.length));
      if (kind === 'sync') expect(report.inputTerminated).toBe(true);
      const echoed = await served.request({ method: 'POST', target: '/echo', body: pieces(chunks) });
      expectBytes(expect, echoed.body, whole);
    },
  },
];
