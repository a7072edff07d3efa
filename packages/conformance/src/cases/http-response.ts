// HTTP cases about responses: statuses, headers, framing, HEAD, bodiless statuses, streaming.
import { concat, patterned } from '../_internal/bytes.js';
import { PROBE_HEAD_BODY } from '../probe/routes.js';
import { expectBytes, headerValue, headerValues, newToken, text } from './helpers.js';
import type { ConformanceCase } from './types.js';

const both = ['sync', 'async'] as const;

export const httpResponseCases: ConformanceCase[] = [
  {
    id: 'http.response.status',
    description: "The app's status reaches the client unchanged (201, 418, 599).",
    interfaces: both,
    features: ['http'],
    async run({ expect, served }) {
      for (const status of [201, 418, 599]) {
        const res = await served.request({ method: 'GET', target: `/status/${status}` });
        expect(res.status).toBe(status);
        expect(text(res)).toBe(`status ${status}`);
      }
    },
  },
  {
    id: 'http.response.headers',
    description: "The app's response headers arrive in order: repeated Set-Cookie as separate fields, other repeats combinable, values as sent.",
    interfaces: both,
    features: ['http'],
    async run({ expect, served }) {
      const res = await served.request({ method: 'GET', target: '/headers-out' });
      expect(res.status).toBe(200);
      expect(headerValues(res.headers, 'set-cookie')).toEqual(['a=1; Path=/', 'b=2; Path=/']);
      // RFC 9110 §5.3: a repeated field may be combined with ', ', so either form is the same message.
      expect(headerValue(res.headers, 'x-multi')).toBe('one, two');
      expect(headerValue(res.headers, 'x-mixed-case')).toBe('Kept As Sent');
      expect(headerValue(res.headers, 'content-type')).toBe('text/plain; charset=utf-8');
      expect(res.headers.every(([name]) => name === name.toLowerCase())).toBe(true);
      expect(text(res)).toBe('ok');
    },
  },
  {
    id: 'http.response.content-length',
    description: "A body sent in pieces under the app's Content-Length arrives whole, framed by that length (no chunked encoding).",
    interfaces: both,
    features: ['http'],
    async run({ expect, served }) {
      const res = await served.request({ method: 'GET', target: '/bytes?n=100000' });
      expect(res.status).toBe(200);
      expect(headerValues(res.headers, 'content-length')).toEqual(['100000']);
      expect(headerValue(res.headers, 'transfer-encoding')).toBeUndefined();
      expectBytes(expect, res.body, patterned(100000, 7));
    },
  },
  {
    id: 'http.response.head',
    description: 'HEAD answers the same status and headers as GET (Content-Length included) and no body, even when the app writes one.',
    interfaces: both,
    features: ['http'],
    async run({ expect, served }) {
      const get = await served.request({ method: 'GET', target: '/head' });
      const head = await served.request({ method: 'HEAD', target: '/head' });
      expect(get.status).toBe(200);
      expect(text(get)).toBe(PROBE_HEAD_BODY);
      expect(head.status).toBe(200);
      expect(head.body.length).toBe(0);
      for (const name of ['content-type', 'content-length', 'x-probe-head']) {
        expect(headerValue(head.headers, name), name).toBe(headerValue(get.headers, name));
      }
      expect(headerValue(head.headers, 'content-length')).toBe(String(PROBE_HEAD_BODY.length));
    },
  },
  {
    id: 'http.response.204',
    description: '204 arrives with no body and neither Content-Length nor Transfer-Encoding (RFC 9110 §8.6, RFC 9112 §6.1).',
    interfaces: both,
    features: ['http'],
    async run({ expect, served }) {
      const res = await served.request({ method: 'GET', target: '/status/204' });
      expect(res.status).toBe(204);
      expect(res.body.length).toBe(0);
      expect(headerValue(res.headers, 'content-length')).toBeUndefined();
      expect(headerValue(res.headers, 'transfer-encoding')).toBeUndefined();
    },
  },
  {
    id: 'http.response.304',
    description: "304 arrives with no body, the app's ETag, and no invented Content-Length or Transfer-Encoding.",
    interfaces: both,
    features: ['http'],
    async run({ expect, served }) {
      const res = await served.request({ method: 'GET', target: '/status/304' });
      expect(res.status).toBe(304);
      expect(res.body.length).toBe(0);
      expect(headerValue(res.headers, 'etag')).toBe('"probe"');
      expect(headerValue(res.headers, 'content-length')).toBeUndefined();
      expect(headerValue(res.headers, 'transfer-encoding')).toBeUndefined();
    },
  },
  {
    id: 'http.response.streaming',
    description: 'A body streamed in five pieces without Content-Length arrives complete and in order.',
    interfaces: both,
    features: ['http', 'streaming'],
    async run({ expect, served }) {
      const res = await served.request({ method: 'GET', target: '/stream?chunks=5&size=70000' });
      expect(res.status).toBe(200);
      expect(res.incomplete ?? false).toBe(false);
      expectBytes(expect, res.body, concat(Array.from({ length: 5 }, (_, i) => patterned(70000, i + 1))));
    },
  },
  {
    id: 'http.response.write',
    description: "Bytes given to start_response's write() come before the returned body (sync spec, PEP 3333 write()).",
    interfaces: ['sync'],
    features: ['http'],
    async run({ expect, served }) {
      const res = await served.request({ method: 'GET', target: '/write' });
      expect(res.status).toBe(200);
      expect(text(res)).toBe('first,second');
    },
  },
  {
    id: 'http.response.close',
    description: "The host calls the body's close() exactly once after sending it.",
    interfaces: ['sync'],
    features: ['http'],
    async run({ expect, served, journal }) {
      const token = newToken();
      const res = await served.request({ method: 'GET', target: `/close?token=${token}` });
      expect(text(res)).toBe('closable');
      await journal.waitFor('body.close', token);
      expect(journal.find('body.close', token)).toHaveLength(1);
    },
  },
  {
    id: 'http.response.trailers',
    description: 'With the http.response.trailers extension, trailers sent after the body reach a client that sent TE: trailers.',
    interfaces: ['async'],
    features: ['http', 'trailers'],
    async run({ expect, served }) {
      const res = await served.request({ method: 'GET', target: '/trailers', headers: [['te', 'trailers']] });
      expect(res.status, text(res)).toBe(200);
      expect(text(res)).toBe('trailer body');
      expect(res.trailers?.filter(([name]) => name === 'x-checksum')).toEqual([['x-checksum', 'probe-1234']]);
    },
  },
];
