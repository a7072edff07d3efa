import { describe, expect, it, vi } from 'vitest';
import { ApplicationCommunicator, createWebSocketScope } from '@tsgi/async';
import { createRouter, HttpError, messages } from '../src/index.js';
import { TestWebSocketClosed } from '../src/testing/index.js';
import { websocket } from '../src/websocket/index.js';
import { clientFor } from './support/matrix.js';

const router = createRouter({ websocket });
router.ws('/echo/:room', async (socket) => {
  await socket.accept({ subprotocol: socket.subprotocols.includes('chat.v2') ? 'chat.v2' : null });
  await socket.send(`joined ${socket.params.room}`);
  for await (const message of socket) {
    if (message === 'bye') return socket.close(4000, 'asked to leave');
    await socket.send(typeof message === 'string' ? `echo ${message}` : message);
  }
});
router.ws('/auto', async (socket) => {
  await socket.sendJson({ hello: socket.request.query.get('name') });
});
router.ws('/private', async (socket) => {
  if (socket.request.cookies.token !== 'ok') return socket.reject(401, 'login first', { 'www-authenticate': 'Bearer' });
  await socket.accept();
});
router.ws('/fail-early', () => {
  throw new HttpError(403, 'not today');
});
router.ws('/fail-late', async (socket) => {
  await socket.accept();
  throw new Error('boom');
});

describe('WebSocket routes', () => {
  it('accepts with the chosen subprotocol, echoes messages and closes with a code', async () => {
    const ws = await clientFor(router, 'async').websocket('/echo/lobby', { subprotocols: ['chat.v1', 'chat.v2'] });
    expect([ws.accepted, ws.subprotocol]).toEqual([true, 'chat.v2']);
    expect(await ws.receive()).toBe('joined lobby');
    ws.send('hi');
    expect(await ws.receive()).toBe('echo hi');
    ws.send(new Uint8Array([1, 2]));
    expect(await ws.receive()).toEqual(new Uint8Array([1, 2]));
    ws.send('bye');
    await expect(ws.receive()).rejects.toMatchObject({ name: 'TestWebSocketClosed', code: 4000, reason: 'asked to leave' });
    await ws.done();
  });

  it('ends the message loop when the client disconnects', async () => {
    const ws = await clientFor(router, 'async').websocket('/echo/x');
    await ws.receive();
    await ws.close(1001);
  });

  it('accepts on the first send and closes with 1000 when the handler returns', async () => {
    const ws = await clientFor(router, 'async').websocket('/auto?name=ada');
    expect([ws.accepted, ws.subprotocol]).toEqual([true, null]);
    expect(await ws.receive()).toBe('{"hello":"ada"}');
    const closed = await ws.receive().catch((e: unknown) => e);
    expect(closed).toBeInstanceOf(TestWebSocketClosed);
    expect((closed as TestWebSocketClosed).code).toBe(1000);
  });

  it('rejects with an HTTP status through the denial extension', async () => {
    const ws = await clientFor(router, 'async').websocket('/private');
    expect(ws.accepted).toBe(false);
    expect(ws.denial?.status).toBe(401);
    expect(ws.denial?.text).toBe('login first');
    expect(ws.denial?.headers).toContainEqual(['www-authenticate', 'Bearer']);
    const ok = await clientFor(router, 'async').websocket('/private', { headers: [['cookie', 'token=ok']] });
    expect(ok.accepted).toBe(true);
    await ok.close();
  });

  it('turns an HttpError before accept into a denial, and a later error into close 1011', async () => {
    const early = await clientFor(router, 'async').websocket('/fail-early');
    expect([early.denial?.status, early.denial?.text]).toEqual([403, 'not today']);
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const late = await clientFor(router, 'async').websocket('/fail-late');
    await expect(late.receive()).rejects.toMatchObject({ code: 1011 });
    expect(log).toHaveBeenCalled();
    log.mockRestore();
  });

  it('denies an unknown path with 404', async () => {
    const ws = await clientFor(router, 'async').websocket('/nowhere');
    expect(ws.denial?.status).toBe(404);
  });

  it('closes before accept when the server has no denial extension (the server answers 403)', async () => {
    const scope = createWebSocketScope({ target: '/private', headers: [] });
    const comm = new ApplicationCommunicator(router.async, scope);
    comm.sendInput({ type: 'websocket.connect' });
    expect(await comm.receiveOutput()).toMatchObject({ type: 'websocket.close' });
    await comm.wait();
  });

  it('answers 404 to a plain HTTP request on a WebSocket path', async () => {
    expect((await clientFor(router, 'async').get('/echo/x')).status).toBe(404);
  });

  it('refuses a subprotocol the client did not offer', async () => {
    const r = createRouter({ websocket }).ws('/p', async (socket) => {
      await expect(socket.accept({ subprotocol: 'nope' })).rejects.toThrow(/did not offer/);
      await socket.close();
    });
    const ws = await clientFor(r, 'async').websocket('/p', { subprotocols: ['a'] });
    expect(ws.denial?.status).toBe(403);
  });

  it('refuses the table when no router in it has websocket support, naming the routes and the fix', () => {
    const bare = createRouter().ws('/a', async () => {});
    expect(() => bare.async).toThrow(messages.websocketOff(['WebSocket /a']));
  });

  it('serves the WebSocket routes of a sub-router that opted in', async () => {
    const chat = createRouter({ websocket }).ws('/room', async (socket) => socket.send('hi'));
    const root = createRouter().mount('/chat', chat);
    const ws = await clientFor(root, 'async').websocket('/chat/room');
    expect(await ws.receive()).toBe('hi');
  });

  it('closes before accept (the server answers 403) when the router has no websocket support', async () => {
    const plain = createRouter().get('/', () => 'http only');
    const ws = await clientFor(plain, 'async').websocket('/');
    expect([ws.accepted, ws.denial?.status]).toEqual([false, 403]);
  });

  it('makes the table refuse the sync interface, naming the route', () => {
    expect(() => router.sync).toThrow(messages.refused('sync', ['WebSocket /echo/:room', 'WebSocket /auto', 'WebSocket /private', 'WebSocket /fail-early', 'WebSocket /fail-late']));
  });
});
