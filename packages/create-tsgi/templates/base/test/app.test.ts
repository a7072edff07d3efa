// The app called in memory, through the async interface every entry of this project serves.
import { createTestClient } from '@tsgi/router/testing';
import { describe, expect, it } from 'vitest';
import { router } from '../src/app.ts';

const client = createTestClient(router, { interface: 'async' });

describe('app', () => {
  it('says hello', async () => {
    const res = await client.get('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(res.text).toBe('Hello from tsgi!\n');
  });

  it('greets by name', async () => {
    const res = await client.get('/hello/ada');
    expect(res.json()).toEqual({ hello: 'ada' });
  });

  it('echoes a JSON body', async () => {
    const res = await client.post('/echo', { json: { n: 1 } });
    expect(res.json()).toEqual({ received: { n: 1 } });
  });

  it('answers health checks', async () => {
    expect((await client.get('/healthz')).text).toBe('ok\n');
  });

  it('answers 404 for a path no route matches', async () => {
    expect((await client.get('/nowhere')).status).toBe(404);
  });
});
