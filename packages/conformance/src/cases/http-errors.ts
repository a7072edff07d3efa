// HTTP cases about failure: the app raising before or after the response starts, and the client
// leaving mid-response.
import { PROBE_RAISE_MESSAGE } from '../probe/options.js';
import { askReport, headerValue, newToken, text } from './helpers.js';
import type { ConformanceCase } from './types.js';

const both = ['sync', 'async'] as const;

export const httpErrorCases: ConformanceCase[] = [
  {
    id: 'http.error.before-start',
    description: "An app that raises before starting the response yields a 500 whose body does not reveal the error, and the host keeps serving.",
    interfaces: both,
    features: ['http', 'errors'],
    mayLogErrors: true,
    async run({ expect, served }) {
      const res = await served.request({ method: 'GET', target: '/raise-before' });
      expect(res.status).toBe(500);
      expect(res.incomplete ?? false).toBe(false);
      // sync §7.1, async §3.6: the 500 is for the client; the error is for the log.
      expect(text(res)).not.toContain(PROBE_RAISE_MESSAGE);
      await askReport(expect, served, { method: 'GET', target: '/report/after-error' });
    },
  },
  {
    id: 'http.error.after-start',
    description: "An app that raises after sending headers and 'partial' leaves the client a 200 whose body stops short of the end: incomplete, never a clean end.",
    interfaces: both,
    features: ['http', 'errors', 'streaming'],
    mayLogErrors: true,
    async run({ expect, served }) {
      const res = await served.request({ method: 'GET', target: '/raise-after' });
      // Headers are gone, so the only honest signal left is a broken message (RFC 9112 §8):
      // a chunked body without its last chunk, or a closed connection.
      expect(res.status).toBe(200);
      expect(headerValue(res.headers, 'content-type')).toBe('text/plain');
      expect(res.incomplete).toBe(true);
      expect('partial'.startsWith(text(res))).toBe(true);
      await askReport(expect, served, { method: 'GET', target: '/report/after-error' });
    },
  },
  {
    id: 'http.error.length-short',
    description: 'A body that ends short of its Content-Length (10 declared, 4 sent) reaches the client as incomplete, never padded or taken as whole.',
    interfaces: both,
    features: ['http', 'errors'],
    mayLogErrors: true,
    async run({ expect, served }) {
      const res = await served.request({ method: 'GET', target: '/length-short' });
      // sync §6.3, async §3.5.3: the server drops the connection so the short body cannot pass as whole.
      expect(res.status).toBe(200);
      expect(headerValue(res.headers, 'content-length')).toBe('10');
      expect(res.incomplete).toBe(true);
      // Whether the 4 bytes go out before the drop is the host's choice; more than they are is not.
      expect('four'.startsWith(text(res))).toBe(true);
    },
  },
  {
    id: 'http.error.length-long',
    description: "A body that overruns its Content-Length (4 declared; 3 bytes, then 7) never sends the overrun: the client gets an incomplete response, not a wrong one.",
    interfaces: both,
    features: ['http', 'errors'],
    mayLogErrors: true,
    async run({ expect, served }) {
      const res = await served.request({ method: 'GET', target: '/length-long' });
      expect(res.status).toBe(200);
      expect(headerValue(res.headers, 'content-length')).toBe('4');
      expect(res.incomplete).toBe(true);
      // Nothing past the declared length may go out: at most the valid 'abc'.
      expect('abc'.startsWith(text(res))).toBe(true);
      await askReport(expect, served, { method: 'GET', target: '/report/after-error' });
    },
  },
  {
    id: 'http.disconnect.mid-response',
    description: "A client that leaves mid-response is noticed: async apps receive http.disconnect, sync bodies have their iterator's return() run before the end.",
    interfaces: both,
    features: ['http', 'disconnect', 'streaming'],
    mayLogErrors: true,
    async run({ expect, served, journal, interface: kind }) {
      const token = newToken();
      const res = await served.request({ method: 'GET', target: `/hang?token=${token}`, disconnectAfter: 1 });
      expect(res.status).toBe(200);
      expect(res.body.length).toBeGreaterThanOrEqual(1);
      expect(res.incomplete).toBe(true);
      if (kind === 'async') {
        await journal.waitFor('http.disconnect', token);
      } else {
        const entry = await journal.waitFor('body.finally', token);
        expect(entry.data).toMatchObject({ completed: false });
      }
    },
  },
  {
    id: 'http.disconnect.after-response',
    description: 'Calling receive() after the response is complete yields http.disconnect (async §3.3).',
    interfaces: ['async'],
    features: ['http', 'disconnect'],
    async run({ expect, served, journal }) {
      const token = newToken();
      const res = await served.request({ method: 'GET', target: `/after?token=${token}` });
      expect(res.status).toBe(200);
      expect(text(res)).toBe('done');
      const entry = await journal.waitFor('after-response', token);
      expect(entry.data).toEqual({ type: 'http.disconnect' });
    },
  },
  {
    id: 'http.disconnect.send-raises',
    description: 'Calling send() after the client left raises in the app instead of succeeding silently.',
    interfaces: ['async'],
    features: ['http', 'disconnect'],
    mayLogErrors: true,
    async run({ expect, served, journal }) {
      const token = newToken();
      await served.request({ method: 'GET', target: `/hang?token=${token}`, disconnectAfter: 1 });
      const entry = await journal.waitFor(['send.raised', 'send.accepted'], token);
      expect(entry.name).toBe('send.raised');
    },
  },
];
