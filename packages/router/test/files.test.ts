import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createRouter } from '../src/index.js';
import { file, staticFiles } from '../src/files/index.js';
import { nodeFs, nodeFsAsync } from './support/fs.js';
import { clientFor, describeMatrix } from './support/matrix.js';

const dir = mkdtempSync(join(tmpdir(), 'tsgi-router-files-'));
mkdirSync(join(dir, 'public/docs'), { recursive: true });
writeFileSync(join(dir, 'public/hello.txt'), 'Hello, file!');
writeFileSync(join(dir, 'public/docs/index.html'), '<h1>docs</h1>');
writeFileSync(join(dir, 'public/.env'), 'SECRET=1');
writeFileSync(join(dir, 'secret.txt'), 'outside the root');
const big = new Uint8Array(200_000).map((_, i) => i % 251);
writeFileSync(join(dir, 'public/big.bin'), big);
const mtime = new Date('2024-05-01T12:00:00Z');
utimesSync(join(dir, 'public/hello.txt'), mtime, mtime);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const root = join(dir, 'public');

describeMatrix('file()', (client) => {
  const router = createRouter();
  router.get('/hello', (req) => file(req, join(root, 'hello.txt'), { fs: nodeFs, maxAge: 60 }));
  router.get('/download', (req) => file(req, join(root, 'hello.txt'), { fs: nodeFs, download: 'résumé.txt' }));
  router.get('/big', (req) => file(req, join(root, 'big.bin'), { fs: nodeFs }));
  router.get('/missing', (req) => file(req, join(root, 'nope.txt'), { fs: nodeFs }));
  router.get('/memory', (req) => file(req, { bytes: new TextEncoder().encode('in memory'), name: 'm.json' }));

  it('sends the file with type, length, ETag, Last-Modified and Cache-Control', async () => {
    const res = await client(router).get('/hello');
    expect(res.status).toBe(200);
    expect(res.text).toBe('Hello, file!');
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(res.headers.get('content-length')).toBe('12');
    expect(res.headers.get('etag')).toMatch(/^W\/"c-[0-9a-f]+"$/);
    expect(res.headers.get('last-modified')).toBe('Wed, 01 May 2024 12:00:00 GMT');
    expect(res.headers.get('cache-control')).toBe('public, max-age=60');
    expect(res.headers.get('accept-ranges')).toBe('bytes');
  });

  it('answers 304 to a matching If-None-Match or a fresh If-Modified-Since', async () => {
    const c = client(router);
    const etag = (await c.get('/hello')).headers.get('etag') as string;
    const byTag = await c.get('/hello', { headers: { 'if-none-match': `"other", ${etag}` } });
    expect(byTag.status).toBe(304);
    expect(byTag.body.length).toBe(0);
    expect(byTag.headers.get('etag')).toBe(etag);
    expect((await c.get('/hello', { headers: { 'if-modified-since': 'Wed, 01 May 2024 12:00:00 GMT' } })).status).toBe(304);
    expect((await c.get('/hello', { headers: { 'if-modified-since': 'Tue, 30 Apr 2024 12:00:00 GMT' } })).status).toBe(200);
    // RFC 9110 §13.2.2: If-None-Match wins over If-Modified-Since.
    expect((await c.get('/hello', { headers: { 'if-none-match': '"other"', 'if-modified-since': 'Wed, 01 May 2024 12:00:00 GMT' } })).status).toBe(200);
  });

  it('answers 412 when If-Match fails', async () => {
    expect((await client(router).get('/hello', { headers: { 'if-match': '"nope"' } })).status).toBe(412);
  });

  it('sends a single byte range with 206 and Content-Range', async () => {
    const c = client(router);
    const first = await c.get('/hello', { headers: { range: 'bytes=0-4' } });
    expect([first.status, first.text, first.headers.get('content-range'), first.headers.get('content-length')]).toEqual([206, 'Hello', 'bytes 0-4/12', '5']);
    expect((await c.get('/hello', { headers: { range: 'bytes=-5' } })).text).toBe('file!');
    expect((await c.get('/hello', { headers: { range: 'bytes=7-' } })).text).toBe('file!');
    const tail = await c.get('/big', { headers: { range: 'bytes=199990-' } });
    expect(tail.body).toEqual(big.subarray(199990));
  });

  it('answers 416 to an unsatisfiable range and ignores ranges it does not serve', async () => {
    const c = client(router);
    const res = await c.get('/hello', { headers: { range: 'bytes=50-60' } });
    expect([res.status, res.headers.get('content-range')]).toEqual([416, 'bytes */12']);
    expect((await c.get('/hello', { headers: { range: 'bytes=0-1,3-4' } })).status).toBe(200);
    expect((await c.get('/hello', { headers: { range: 'bytes=5-2' } })).status).toBe(200);
  });

  it('sends the whole file when If-Range no longer matches', async () => {
    const res = await client(router).get('/hello', { headers: { range: 'bytes=0-4', 'if-range': '"stale"' } });
    expect([res.status, res.text]).toEqual([200, 'Hello, file!']);
  });

  it('streams a large file in chunks', async () => {
    const res = await client(router).get('/big');
    expect(res.body).toEqual(big);
  });

  it('names a download, with an ASCII fallback', async () => {
    const res = await client(router).get('/download');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="r_sum_.txt"; filename*=UTF-8''r%C3%A9sum%C3%A9.txt`);
  });

  it('answers 404 for a missing file', async () => {
    expect((await client(router).get('/missing')).status).toBe(404);
  });

  it('serves bytes in memory with a strong ETag', async () => {
    const res = await client(router).get('/memory');
    expect(res.text).toBe('in memory');
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(res.headers.get('etag')).toMatch(/^"9-[0-9a-f]+"$/);
  });

  it('answers HEAD with the headers and without reading the file', async () => {
    const res = await client(router).head('/hello');
    expect([res.status, res.headers.get('content-length'), res.body.length]).toEqual([200, '12', 0]);
  });
});

describeMatrix('staticFiles()', (client) => {
  const router = createRouter();
  router.get('/static/*', staticFiles({ fs: nodeFs, root }));

  it('serves a file below the root', async () => {
    expect((await client(router).get('/static/hello.txt')).text).toBe('Hello, file!');
  });

  it('serves a directory index after redirecting to the trailing slash', async () => {
    const c = client(router);
    const redirect = await c.get('/static/docs?x=1');
    expect([redirect.status, redirect.headers.get('location')]).toEqual([301, '/static/docs/?x=1']);
    expect((await c.get('/static/docs/')).text).toBe('<h1>docs</h1>');
    expect((await client(router, { rootPath: '/app' }).get('/static/docs')).headers.get('location')).toBe('/app/static/docs/');
  });

  it.each([
    ['/static/../secret.txt'],
    ['/static/%2e%2e/secret.txt'],
    ['/static/%2E%2E/secret.txt'],
    ['/static/docs/../../secret.txt'],
    ['/static/..%2fsecret.txt'],
    ['/static/..%5csecret.txt'],
    ['/static/%252e%252e/secret.txt'],
    ['/static/hello.txt%00.png'],
    ['/static//etc/passwd'],
    ['/static/./hello.txt'],
    ['/static/.env'],
    ['/static/nope.txt'],
  ])('answers 404 to %s', async (target) => {
    const res = await client(router).get(target);
    expect(res.status).toBe(404);
    expect(res.text).not.toContain('outside the root');
  });
});

describe('file access through the async interface', () => {
  it('serves files through an async adapter', async () => {
    const router = createRouter();
    router.get('/static/*', staticFiles({ fs: nodeFsAsync, root }));
    router.get('/big', async (req) => file(req, join(root, 'big.bin'), { fs: nodeFsAsync }));
    const c = clientFor(router, 'async');
    expect((await c.get('/static/hello.txt')).text).toBe('Hello, file!');
    expect((await c.get('/big')).body).toEqual(big);
    expect((await c.get('/static/%2e%2e/secret.txt')).status).toBe(404);
  });

  it('refuses the sync interface for a static handler over an async adapter', () => {
    const router = createRouter().get('/static/*', staticFiles({ fs: nodeFsAsync, root }));
    expect(() => router.sync).toThrow(/GET \/static\/\*/);
  });
});
