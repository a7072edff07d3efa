// The whole app in process (async interface): what the end-to-end suite does not reach cheaply.
import { TestWebSocketClosed, createTestClient } from '@tsgi/router/testing';
import { describe, expect, it } from 'vitest';
import { memoryFiles } from './assets/memory-files.js';
import { BODY_LIMIT, createDemo } from './app.js';
import { NAME_MAX } from './chat/chat-handler.js';
import { MESSAGES } from './errors.js';

const demo = (rootPath = '') =>
  createTestClient(createDemo({ files: memoryFiles({ 'index.html': '<title>tsgi demo</title>' }) }), { interface: 'async', rootPath });

describe('createDemo', () => {
  it('answers 413 for an upload over the body limit', async () => {
    const res = await demo().post('/api/upload', {
      body: new Uint8Array(BODY_LIMIT + 1),
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
    });
    expect(res.status).toBe(413);
  });

  it('says a multipart upload without a boundary lacks its boundary, rather than that it is not multipart', async () => {
    const res = await demo().post('/api/upload', { body: new Uint8Array(4), headers: { 'content-type': 'multipart/form-data' } });
    expect(res.status).toBe(400);
    expect(res.json()).toEqual({ error: expect.stringContaining('without a boundary parameter') as unknown });
  });

  it('answers an unknown API path with JSON naming the method and path', async () => {
    const res = await demo('/demo').get('/api/nothing');
    expect(res.status).toBe(404);
    expect(res.json()).toEqual({ error: MESSAGES.noRoute('GET', '/demo/api/nothing') });
  });

  it('keeps plain-text errors for the page paths', async () => {
    const res = await demo().get('/missing.html');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
  });

  it('redirects a request for the mount point itself to the path with a slash, query kept', async () => {
    const res = await demo('/demo').get('?from=menu');
    expect(res.status).toBe(308);
    expect(res.headers.get('location')).toBe('/demo/?from=menu');
  });

  it('names a chat member that gave no name guest-N', async () => {
    const socket = await demo().websocket('/ws/chat');
    expect(JSON.parse((await socket.receive()) as string)).toMatchObject({ type: 'welcome', name: 'guest-1' });
    await socket.close();
  });

  it('closes a chat connection with 1008 after saying why a name is refused', async () => {
    const socket = await demo().websocket(`/ws/chat?name=${'x'.repeat(NAME_MAX + 1)}`);
    expect(JSON.parse((await socket.receive()) as string)).toEqual({ type: 'error', message: MESSAGES.chatNameLength(NAME_MAX) });
    await expect(socket.receive()).rejects.toEqual(new TestWebSocketClosed(1008, 'name too long'));
  });
});
