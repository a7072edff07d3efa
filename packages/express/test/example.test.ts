// The docs/express.md example, run for real, and kept identical to the page.
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHttpClient, type HttpClient } from '@tsgi/conformance/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, start } from './example.js';
import { closeServer } from './support/listen.js';
import { openSocket } from './support/ws-client.js';

const page = readFileSync(new URL('../../../docs/express.md', import.meta.url), 'utf8');
const source = readFileSync(new URL('./example.ts', import.meta.url), 'utf8');

describe('the docs example', () => {
  let server: Server;
  let url: string;
  let request: HttpClient;
  const get = async (target: string, headers: Array<[string, string]> = []) => {
    const res = await request({ method: 'GET', target, headers });
    return { status: res.status, headers: res.headers, text: Buffer.from(res.body).toString('utf8') };
  };

  beforeAll(async () => {
    server = await start(0);
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    request = createHttpClient(url);
  });
  afterAll(async () => {
    await closeServer(server);
    await api.close();
  });

  it('appears verbatim in docs/express.md', () => {
    expect(page).toContain(`\`\`\`ts\n${source}\`\`\``);
  });

  it('serves router routes below /api with the cookie, the startup state and helmet headers', async () => {
    const res = await get('/api/users/7', [['cookie', 'session=abc']]);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toEqual({ id: '7', greeting: 'hello', session: 'abc', mountedAt: '/api' });
    expect(res.headers).toContainEqual(['x-content-type-options', 'nosniff']);
  });

  it('serves the Express routes beside it, with cookie-parser and the JSON body parser', async () => {
    expect(JSON.parse((await get('/health', [['cookie', 'session=abc']])).text)).toEqual({ ok: true, session: 'abc' });
    const body = new TextEncoder().encode('{"n":1}');
    const res = await request({ method: 'POST', target: '/echo', headers: [['content-type', 'application/json']], body });
    expect(Buffer.from(res.body).toString('utf8')).toBe('{"n":1}');
  });

  it("falls through to Express when the router answers 404", async () => {
    expect(await get('/api/legacy')).toMatchObject({ status: 200, text: 'served by Express after the router answered 404' });
    expect((await get('/api/nowhere')).status).toBe(404);
  });

  it('echoes over the WebSocket route under /api', async () => {
    const socket = await openSocket(`${url.replace(/^http/, 'ws')}/api/echo`);
    await socket.send('ping');
    expect(await socket.receive()).toBe('ping');
    await socket.close(1000, 'done');
    await socket.closed;
  });
});
