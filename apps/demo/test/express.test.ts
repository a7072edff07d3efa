// The demo mounted at /demo in an Express app, run as `tsx src/entries/express.ts` would run it.
import { expect, it } from 'vitest';
import { describeDemo } from './e2e-suite.js';
import { startDemoProcess } from './support/demo-process.js';
import { DEMO_DIR } from './support/paths.js';

const express = {
  name: 'Express',
  start: () =>
    startDemoProcess({ command: process.execPath, args: ['--import', 'tsx', 'src/entries/express.ts'], cwd: DEMO_DIR, env: { PORT: '0' } }),
};

describeDemo(express, (demo) => {
  it('serves a native Express route beside the mounted demo', async () => {
    const res = await fetch(new URL('/express/hello', demo().baseUrl));
    expect(res.status).toBe(200);
    expect(res.headers.get('x-powered-by')).toBe('Express');
    expect(await res.json()).toEqual({ message: 'Hello from a native Express route', demo: '/demo/' });
  });

  it('redirects the mount point itself to /demo/, so the page finds its files', async () => {
    const res = await fetch(new URL('/demo', demo().baseUrl), { redirect: 'manual' });
    expect(res.status).toBe(308);
    expect(res.headers.get('location')).toBe('/demo/');
  });
});
