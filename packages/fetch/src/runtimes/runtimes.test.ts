// Each runtime entry reads its platform's arguments into scope.client, env and ctx. Real runtimes
// serve the conformance suite in test/; here the arrival mapping is checked in memory.
import type { AsyncApp, HTTPScope } from '@tsgi/async';
import { describe, expect, it } from 'vitest';
import { PLATFORM_EXTENSION } from '../fetch-handler.js';
import type { FetchHandler, FetchPlatform } from '../types.js';
import { toBunServe, type BunServer } from './bun.js';
import { toCloudflareWorker } from './cloudflare.js';
import { toDenoHandler } from './deno.js';
import { toNetlifyHandler } from './netlify.js';
import { toNodeFetchHandler } from './node.js';
import { toVercelHandler } from './vercel.js';

async function scopeOf(build: (app: AsyncApp) => FetchHandler, request: Request, ...args: unknown[]): Promise<HTTPScope> {
  let seen: HTTPScope | undefined;
  const app: AsyncApp = async (scope, _receive, send) => {
    if (scope.type !== 'http') return;
    seen = scope;
    await send({ type: 'http.response.start', status: 204 });
    await send({ type: 'http.response.body' });
  };
  await (build(app) as (...a: unknown[]) => Promise<Response>)(request, ...args);
  return seen!;
}

const ctx = { waitUntil: (): void => undefined };
const platformOf = (scope: HTTPScope): FetchPlatform => scope.extensions?.[PLATFORM_EXTENSION] as FetchPlatform;

describe('runtime entries', () => {
  it('Workers: the client is CF-Connecting-IP, the HTTP version is request.cf.httpProtocol', async () => {
    const request = new Request('https://w.test/', { headers: { 'cf-connecting-ip': '203.0.113.7' } });
    Object.defineProperty(request, 'cf', { value: { httpProtocol: 'HTTP/2' } });
    const env = { KV: {} };
    const scope = await scopeOf((app) => toCloudflareWorker(app, { lifespan: 'off' }).fetch, request, env, ctx);
    expect(scope).toMatchObject({ client: ['203.0.113.7', null], httpVersion: '2' });
    expect(platformOf(scope)).toMatchObject({ env, ctx });
  });

  it("Deno: the client is info.remoteAddr, and there is no env", async () => {
    const info = { remoteAddr: { hostname: '198.51.100.2', port: 50123, transport: 'tcp' } };
    const scope = await scopeOf((app) => toDenoHandler(app, { lifespan: 'off' }), new Request('http://d.test/'), info);
    expect(scope.client).toEqual(['198.51.100.2', 50123]);
    expect(platformOf(scope).env).toBeUndefined();
  });

  it('Bun: the client is server.requestIP, asked only when the app reads scope.client', async () => {
    const asked: Request[] = [];
    const server = {
      requestIP: (request: Request) => (asked.push(request), { address: '198.51.100.3', port: 41000 }),
      upgrade: () => false,
    } satisfies BunServer;
    const bun = (app: AsyncApp) => toBunServe(app, { lifespan: 'off' }).fetch as unknown as FetchHandler;
    const request = new Request('http://b.test/');
    const scope = await scopeOf(bun, request, server);
    expect(asked).toEqual([]);
    expect(scope.client).toEqual(['198.51.100.3', 41000]);
    expect(asked).toEqual([request]);
  });

  it("Bun: 'refuse' still answers 400 to an underscore header before the app runs", async () => {
    let called = false;
    const app: AsyncApp = () => {
      called = true;
      return Promise.resolve();
    };
    const { fetch } = toBunServe(app, { interface: 'async', lifespan: 'off', underscoreHeaders: 'refuse' });
    const server = { requestIP: () => null, upgrade: () => false } satisfies BunServer;
    const response = await fetch(new Request('http://b.test/', { headers: { x_forwarded_for: '6.6.6.6' } }), server);
    expect([response?.status, called]).toEqual([400, false]);
  });

  it('Vercel: the client is X-Real-IP and the context argument is ctx', async () => {
    const request = new Request('https://v.test/', { headers: { 'x-real-ip': '192.0.2.9' } });
    const scope = await scopeOf((app) => toVercelHandler(app, { lifespan: 'off' }).fetch, request, ctx);
    expect(scope.client).toEqual(['192.0.2.9', null]);
    expect(platformOf(scope).ctx).toBe(ctx);
  });

  it("Netlify: the client is context.ip and the context is ctx", async () => {
    const context = { ip: '192.0.2.44', waitUntil: (): void => undefined };
    const scope = await scopeOf((app) => toNetlifyHandler(app, { lifespan: 'off' }), new Request('https://n.test/'), context);
    expect(scope.client).toEqual(['192.0.2.44', null]);
    expect(platformOf(scope).ctx).toBe(context);
  });

  it("Node: the client is @hono/node-server's env.incoming socket, or srvx's request.ip", async () => {
    const env = { incoming: { socket: { remoteAddress: '127.0.0.1', remotePort: 40000 } } };
    const viaEnv = await scopeOf((app) => toNodeFetchHandler(app, { lifespan: 'off' }), new Request('http://n.test/'), env);
    expect(viaEnv.client).toEqual(['127.0.0.1', 40000]);
    const request = new Request('http://n.test/');
    Object.defineProperty(request, 'ip', { value: '::1' });
    const viaIp = await scopeOf((app) => toNodeFetchHandler(app, { lifespan: 'off' }), request);
    expect(viaIp.client).toEqual(['::1', null]);
  });
});
