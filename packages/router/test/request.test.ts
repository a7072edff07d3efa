import { expect, it, vi } from 'vitest';
import { createRouter, messages, UploadedFile } from '../src/index.js';
import { forms } from '../src/forms/index.js';
import { describeMatrix } from './support/matrix.js';

const enc = (s: string) => new TextEncoder().encode(s);

describeMatrix('the request', (client, iface) => {
  const router = createRouter({ bodyLimit: 256, forms });
  router.get('/info', (req) => ({
    interface: req.interface,
    method: req.method,
    path: req.path,
    rootPath: req.rootPath,
    query: req.query.toObject(),
    tags: req.query.getAll('tag'),
    missing: req.query.get('missing'),
    accept: req.headers.get('ACCEPT'),
    multi: req.headers.getAll('x-multi'),
    cookies: req.cookies,
    client: req.client,
    raw: iface === 'sync' ? typeof req.environ?.REQUEST_METHOD : req.scope?.type,
  }));
  router.post('/text', (req) => req.text());
  router.post('/json', (req) => ({ got: req.json() }));
  router.post('/bytes', (req) => req.bytes());
  router.post('/form', (req) => {
    const form = req.form();
    const file = form.get('upload');
    return {
      fields: form.getAll('name'),
      file: file instanceof UploadedFile ? { filename: file.filename, type: file.type, size: file.size, text: file.text() } : null,
    };
  });

  it('exposes method, path, query, headers, cookies, client and the raw request', async () => {
    const res = await client(router, { rootPath: '/app' }).get('/info?tag=a&tag=b&q=caf%C3%A9+au+lait&flag', {
      headers: [
        ['Accept', 'text/html'],
        ['x-multi', '1'],
        ['x-multi', '2'],
        ['cookie', 'sid=abc%20def; theme="dark"'],
      ],
    });
    expect(res.json()).toEqual({
      interface: iface,
      method: 'GET',
      path: '/info',
      rootPath: '/app',
      query: { tag: ['a', 'b'], q: 'café au lait', flag: '' },
      tags: ['a', 'b'],
      missing: null,
      accept: 'text/html',
      multi: ['1', '2'],
      cookies: { sid: 'abc def', theme: 'dark' },
      client: { host: '127.0.0.1', port: 50000 },
      raw: iface === 'sync' ? 'string' : 'http',
    });
  });

  it('drops header names with an underscore, so they cannot pose as dashed ones', async () => {
    const res = await client(router).get('/info', { headers: [['X_Multi', 'spoofed'], ['x-multi', 'real']] });
    expect(res.json()).toMatchObject({ multi: ['real'] });
  });

  it('reads the body as text, JSON and bytes', async () => {
    const c = client(router);
    expect((await c.post('/text', { body: 'héllo' })).text).toBe('héllo');
    expect((await c.post('/json', { json: { a: [1, 2] } })).json()).toEqual({ got: { a: [1, 2] } });
    expect((await c.post('/bytes', { body: new Uint8Array([0, 255]) })).body).toEqual(new Uint8Array([0, 255]));
  });

  it('reads a body sent without Content-Length', async () => {
    expect((await client(router).post('/text', { body: 'streamed', chunked: true })).text).toBe('streamed');
  });

  it('decodes text in the charset the Content-Type names', async () => {
    const res = await client(router).post('/text', { body: new Uint8Array([0x63, 0x61, 0x66, 0xe9]), headers: { 'content-type': 'text/plain; charset=iso-8859-1' } });
    expect(res.text).toBe('café');
  });

  it('parses urlencoded forms with repeated fields', async () => {
    const res = await client(router).post('/form', { body: 'name=Ada+L&name=Grace%20H', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(res.json()).toEqual({ fields: ['Ada L', 'Grace H'], file: null });
  });

  it('parses multipart forms with files', async () => {
    const body = [
      'preamble',
      '--XyZ',
      'Content-Disposition: form-data; name="name"',
      '',
      'Ada',
      '--XyZ',
      'Content-Disposition: form-data; name="upload"; filename="notes.txt"',
      'Content-Type: text/plain',
      '',
      'line 1\r\nline 2',
      '--XyZ--',
      '',
    ].join('\r\n');
    const res = await client(router, {}).post('/form', { body, headers: { 'content-type': 'multipart/form-data; boundary=XyZ' } });
    expect(res.json()).toEqual({
      fields: ['Ada'],
      file: { filename: 'notes.txt', type: 'text/plain', size: 14, text: 'line 1\r\nline 2' },
    });
  });

  it('answers 400 saying what is wrong with malformed JSON', async () => {
    const res = await client(router).post('/json', { body: '{"a": ', headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(400);
    expect(res.text).toMatch(/^Request body is not valid JSON: /);
    const empty = await client(router).post('/json');
    expect(empty.text).toBe(messages.badJson('the body is empty'));
  });

  it('answers 400 for a body that is not valid UTF-8', async () => {
    const res = await client(router).post('/text', { body: new Uint8Array([0xff, 0xfe]) });
    expect(res.status).toBe(400);
    expect(res.text).toBe(messages.badText('utf-8'));
  });

  it('answers 400 naming the problem in a malformed multipart body', async () => {
    const c = client(router);
    const noBoundary = await c.post('/form', { body: 'x', headers: { 'content-type': 'multipart/form-data' } });
    expect(noBoundary.status).toBe(400);
    expect(noBoundary.text).toBe(messages.badForm('multipart/form-data without a boundary parameter'));
    const unclosed = await c.post('/form', { body: '--B\r\nContent-Disposition: form-data; name="a"\r\n\r\nx', headers: { 'content-type': 'multipart/form-data; boundary=B' } });
    expect(unclosed.text).toBe(messages.badForm('the closing boundary is missing'));
  });

  it('answers 500 and logs how to opt in when form() is called on a router without forms', async () => {
    const log = vi.fn();
    const plain = createRouter({ log }).post('/form', (req) => req.form().keys());
    const res = await client(plain).post('/form', { form: { a: '1' } });
    expect([res.status, res.text]).toEqual([500, 'Internal Server Error']);
    expect(log.mock.calls[0]?.[0]).toMatchObject({ name: 'RouterError', code: 'forms', message: messages.formsOff });
  });

  it('parses forms through a sub-router that opted in', async () => {
    const uploads = createRouter({ forms }).post('/', (req) => req.form().keys());
    const root = createRouter().mount('/uploads', uploads);
    const res = await client(root).post('/uploads', { body: '--B\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--B--\r\n', headers: { 'content-type': 'multipart/form-data; boundary=B' } });
    expect(res.json()).toEqual(['a']);
  });

  it('answers 415 when form() meets another content type', async () => {
    const res = await client(router).post('/form', { json: {} });
    expect(res.status).toBe(415);
    expect(res.text).toBe(messages.formType('application/json'));
  });

  it('answers 413 with a clear message past the body limit', async () => {
    const big = enc('x'.repeat(257));
    const declared = await client(router).post('/text', { body: big });
    expect(declared.status).toBe(413);
    expect(declared.text).toBe(messages.bodyTooLarge(256));
    const streamed = await client(router).post('/text', { body: big, chunked: true });
    expect(streamed.status).toBe(413);
    expect((await client(router).post('/text', { body: enc('x'.repeat(256)) })).status).toBe(200);
  });
});
