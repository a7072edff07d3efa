// HTTP cases about the request as the app sees it: method, path, query, headers.
import { utf8 } from '../_internal/bytes.js';
import { askReport, headerValues, readReport } from './helpers.js';
import type { ConformanceCase } from './types.js';

const both = ['sync', 'async'] as const;

export const httpRequestCases: ConformanceCase[] = [
  {
    id: 'http.request.basics',
    description: 'A GET reaches the app with its method, an empty root path, the path, the query string and the version keys.',
    interfaces: both,
    features: ['http'],
    async run({ expect, served, interface: kind }) {
      const report = await askReport(expect, served, { method: 'GET', target: '/report/basics?x=1' });
      expect(report).toMatchObject({ interface: kind, method: 'GET', rootPath: '', path: '/report/basics' });
      expect(report).toMatchObject({ rawPath: '/report/basics', queryString: 'x=1', body: { length: 0 } });
      expect(['http', 'https']).toContain(report.scheme);
      if (kind === 'sync') {
        expect(report.version).toEqual([1, 0]);
        expect(report.environ).toMatchObject({ REQUEST_METHOD: 'GET', SCRIPT_NAME: '', PATH_INFO: '/report/basics' });
        expect(report.environ).toMatchObject({ QUERY_STRING: 'x=1', RAW_URI: '/report/basics?x=1', REQUEST_URI: '/report/basics?x=1' });
        expect(report.environ?.SERVER_PROTOCOL).toMatch(/^HTTP\/(1\.0|1\.1|2|3)$/);
        expect(report.environ?.SERVER_NAME).toMatch(/.+/);
        expect(report.environ?.SERVER_PORT).toMatch(/^\d+$/);
        // sync §4.5: the input stream always signals its end.
        expect(report.inputTerminated).toBe(true);
      } else {
        expect(report.type).toBe('http');
        expect(report.version).toEqual({ version: '1.0', specVersion: '1.0' });
        expect(['1.0', '1.1', '2', '3']).toContain(report.httpVersion);
      }
    },
  },
  {
    id: 'http.request.methods',
    description: 'POST, PUT, PATCH, DELETE and OPTIONS reach the app unchanged.',
    interfaces: both,
    features: ['http'],
    async run({ expect, served }) {
      for (const method of ['POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']) {
        const body = method === 'DELETE' || method === 'OPTIONS' ? {} : { body: utf8('x') };
        const report = await askReport(expect, served, { method, target: '/report/methods', ...body });
        expect(report.method).toBe(method);
        expect(report.body.length).toBe('body' in body ? 1 : 0);
      }
    },
  },
  {
    id: 'http.path.percent-encoded',
    description: "'/report/a%20b%21%25' arrives as '/report/a b!%' in path/PATH_INFO and untouched in rawPath/RAW_URI.",
    interfaces: both,
    features: ['http'],
    async run({ expect, served, interface: kind }) {
      const report = await askReport(expect, served, { method: 'GET', target: '/report/a%20b%21%25' });
      expect(report).toMatchObject({ path: '/report/a b!%', rawPath: '/report/a%20b%21%25', queryString: '' });
      if (kind === 'sync') expect(report.environ?.RAW_URI).toBe('/report/a%20b%21%25');
    },
  },
  {
    id: 'http.path.utf8',
    description: "Percent-encoded UTF-8 decodes to text: '/report/caf%C3%A9/%E2%98%83' arrives as '/report/café/☃'.",
    interfaces: both,
    features: ['http'],
    async run({ expect, served }) {
      const report = await askReport(expect, served, { method: 'GET', target: '/report/caf%C3%A9/%E2%98%83' });
      expect(report).toMatchObject({ path: '/report/café/☃', rawPath: '/report/caf%C3%A9/%E2%98%83' });
    },
  },
  {
    id: 'http.path.encoded-slash',
    description: "'%2F' decodes to '/' in path/PATH_INFO and stays '%2F' in rawPath/RAW_URI, so routers can tell them apart.",
    interfaces: both,
    features: ['http'],
    async run({ expect, served, interface: kind }) {
      // The query's own escapes are http.query.raw's concern (hosts that rebuild it from maps cannot keep them).
      const report = await askReport(expect, served, { method: 'GET', target: '/report/a%2Fb/c?q=1' });
      expect(report).toMatchObject({ path: '/report/a/b/c', rawPath: '/report/a%2Fb/c', queryString: 'q=1' });
      if (kind === 'sync') expect(report.environ?.RAW_URI).toBe('/report/a%2Fb/c?q=1');
    },
  },
  {
    id: 'http.query.raw',
    description: 'The query string arrives byte for byte: repeated keys, empty values, bare keys, escapes and + kept.',
    interfaces: both,
    features: ['http'],
    async run({ expect, served }) {
      const query = 'a=1&a=2&b=&c&d=caf%C3%A9&e=%2F+x&a=3';
      const report = await askReport(expect, served, { method: 'GET', target: `/report?${query}` });
      expect(report).toMatchObject({ path: '/report', rawPath: '/report', queryString: query });
    },
  },
  {
    id: 'http.headers.repeated',
    description: 'A repeated request header arrives as separate entries in order (sync: HTTP_X_MULTI joins them with ", ").',
    interfaces: both,
    features: ['http'],
    async run({ expect, served, interface: kind }) {
      const report = await askReport(expect, served, { method: 'GET', target: '/report', headers: [['x-multi', 'one'], ['x-other', 'between'], ['x-multi', 'two']] });
      expect(report.headers.filter(([n]) => n === 'x-multi')).toEqual([['x-multi', 'one'], ['x-multi', 'two']]);
      expect(headerValues(report.headers, 'x-other')).toEqual(['between']);
      if (kind === 'sync') expect(report.environ?.HTTP_X_MULTI).toBe('one, two');
    },
  },
  {
    id: 'http.headers.mixed-case',
    description: 'Header names arrive lower-cased (sync: HTTP_ keys upper-cased, tsgi.raw_headers as sent) and values keep their case.',
    interfaces: both,
    features: ['http'],
    async run({ expect, served, interface: kind }) {
      const report = await askReport(expect, served, { method: 'GET', target: '/report', headers: [['X-Mixed-CASE', 'MiXeD Value']] });
      const entries = report.headers.filter(([n]) => n.toLowerCase() === 'x-mixed-case');
      if (kind === 'async') {
        expect(entries).toEqual([['x-mixed-case', 'MiXeD Value']]);
      } else {
        // sync §4.4: tsgi.raw_headers keeps the name as the client sent it (HTTP/2 and Fetch send lower case).
        expect(entries).toHaveLength(1);
        expect(['X-Mixed-CASE', 'x-mixed-case']).toContain(entries[0]?.[0]);
        expect(entries[0]?.[1]).toBe('MiXeD Value');
        expect(report.environ?.HTTP_X_MIXED_CASE).toBe('MiXeD Value');
      }
    },
  },
  {
    id: 'http.headers.latin1',
    description: 'A header byte above 0x7F arrives as one latin-1 character (0xE9 is "é").',
    interfaces: both,
    features: ['http'],
    async run({ expect, served, interface: kind }) {
      const report = await askReport(expect, served, { method: 'GET', target: '/report', headers: [['x-latin1', 'caf\u00e9']] });
      expect(headerValues(report.headers, 'x-latin1')).toEqual(['caf\u00e9']);
      if (kind === 'sync') expect(report.environ?.HTTP_X_LATIN1).toBe('caf\u00e9');
    },
  },
  {
    id: 'http.headers.content',
    description: 'Content-Type and Content-Length reach sync apps as CONTENT_TYPE and CONTENT_LENGTH (never HTTP_*) and async apps as headers.',
    interfaces: both,
    features: ['http'],
    async run({ expect, served, interface: kind }) {
      const headers: Array<[string, string]> = [['content-type', 'text/plain; charset=utf-8']];
      const report = await askReport(expect, served, { method: 'POST', target: '/report', headers, body: utf8('hello') });
      expect(report.body.length).toBe(5);
      expect(headerValues(report.headers, 'content-type')).toEqual(['text/plain; charset=utf-8']);
      expect(headerValues(report.headers, 'content-length')).toEqual(['5']);
      if (kind === 'sync') {
        expect(report.environ).toMatchObject({ CONTENT_TYPE: 'text/plain; charset=utf-8', CONTENT_LENGTH: '5' });
        expect(report.environ).not.toHaveProperty('HTTP_CONTENT_TYPE');
        expect(report.environ).not.toHaveProperty('HTTP_CONTENT_LENGTH');
      }
    },
  },
  {
    id: 'http.headers.underscore',
    description:
      "A header name with '_' never reaches the app, so X_Forwarded_For cannot pose as X-Forwarded-For: it is dropped (sync: no HTTP_ variable, tsgi.raw_headers keeps it), or the request is refused with 400.",
    interfaces: both,
    features: ['http'],
    async run({ expect, served, interface: kind }) {
      const headers: Array<[string, string]> = [['x-forwarded-for', '192.0.2.1'], ['x_forwarded_for', '203.0.113.66'], ['x_only', 'spoof']];
      const res = await served.request({ method: 'GET', target: '/report', headers });
      // sync §4.7, async §2.3: refusing the whole request is the other conforming answer.
      if (res.status === 400) return;
      const report = readReport(expect, res);
      if (kind === 'async') {
        expect(report.headers.filter(([n]) => n.includes('_'))).toEqual([]);
        expect(headerValues(report.headers, 'x-forwarded-for')).toEqual(['192.0.2.1']);
      } else {
        expect(report.environ?.HTTP_X_FORWARDED_FOR).toBe('192.0.2.1');
        expect(report.environ).not.toHaveProperty('HTTP_X_ONLY');
      }
    },
  },
];
