import { callApp } from '@tsgi/sync';
import { requestApp } from '@tsgi/async';
import { describe, expect, it } from 'vitest';
import { createProbeApp, probeOf } from './create-probe-app.js';
import type { ProbeReport } from './report.js';

describe('createProbeApp', () => {
  it('answers a sync request with a report of the environ', () => {
    const { app } = createProbeApp('sync');
    const res = callApp(app, { method: 'POST', target: '/x/a%2Fb?q=1', headers: [['X-Id', '7']], body: 'hey' });
    const report = JSON.parse(res.text) as ProbeReport;
    expect(report).toMatchObject({ interface: 'sync', method: 'POST', path: '/x/a/b', rawPath: '/x/a%2Fb', queryString: 'q=1' });
    expect(report.body).toEqual({ length: 3, crc32: '88d615f0', pieces: 1 }); // zlib.crc32('hey')
    expect(report.environ?.HTTP_X_ID).toBe('7');
  });

  it('answers an async request with a report of the scope', async () => {
    const { app } = createProbeApp('async');
    const res = await requestApp(app, { method: 'GET', target: '/caf%C3%A9?x', headers: [['x-id', '7']] });
    const report = JSON.parse(res.text) as ProbeReport;
    expect(report).toMatchObject({ interface: 'async', type: 'http', path: '/café', rawPath: '/caf%C3%A9', queryString: 'x' });
    expect(report.headers).toContainEqual(['x-id', '7']);
  });

  it('journals a sync body close under the request token', () => {
    const { app, journal } = createProbeApp('sync');
    expect(callApp(app, { target: '/close?token=abc' }).text).toBe('closable');
    expect(journal.find('body.close', 'abc')).toHaveLength(1);
  });
});

describe('probeOf', () => {
  it('finds the probe, journal and options behind an app, and nothing behind other apps', () => {
    const probe = createProbeApp('async', { lifespan: 'fail' });
    expect(probeOf(probe.app)).toBe(probe);
    expect(probeOf(probe.app)?.options).toEqual({ lifespan: 'fail' });
    expect(probeOf(() => Promise.resolve())).toBeUndefined();
  });
});
