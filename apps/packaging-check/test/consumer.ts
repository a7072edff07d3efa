// What a TypeScript user writes against the published packages: tsc checks it, nothing runs it.
// test/packaging.test.ts copies it into a fresh project as .mts and .cts (node16) and .ts (bundler).
import type { Driver } from '@tsgi/conformance';
import { syncToAsync, type AsyncApp } from '@tsgi/async';
import { handler } from '@tsgi/aws-lambda';
import { tsgi } from '@tsgi/express';
import { toFetchHandler } from '@tsgi/fetch';
import { toNodeHandler } from '@tsgi/node';
import { createRouter, json } from '@tsgi/router';
import { createTestClient } from '@tsgi/router/testing';
import { serve } from '@tsgi/server';
import { validate, type SyncApp } from '@tsgi/sync';
import { scaffold, type Target } from 'create-tsgi';

const hello: SyncApp = (environ, startResponse) => {
  startResponse('200 OK', [['content-type', 'text/plain']]);
  return [new TextEncoder().encode(`Hello from ${environ.PATH_INFO}`)];
};
export const asyncHello: AsyncApp = syncToAsync(validate(hello));

const router = createRouter();
router.get('/users/:id', (req) => json({ id: req.params.id }));

export const client = createTestClient(router, { interface: 'async' });
export const nodeHandler = toNodeHandler(asyncHello);
export const server: Promise<{ url: string; close(): Promise<void> }> = serve(router, { port: 0 });
export const middleware = tsgi(router.async);
export const lambda = handler(router.async);
export const fetchHandler: (request: Request) => Promise<Response> = toFetchHandler(asyncHello);
export const target: Target = 'server';
export const create: typeof scaffold = scaffold;
export type AnyDriver = Driver;
