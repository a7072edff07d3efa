// Lifespan cases (async only): startup before serving, state into scopes, shutdown on stop, failure.
import { LIFESPAN_TOKEN } from '../probe/async-lifespan.js';
import { PROBE_STARTUP_FAILURE, PROBE_STATE } from '../probe/options.js';
import { askReport, newToken } from './helpers.js';
import type { ConformanceCase } from './types.js';

const asyncOnly = ['async'] as const;

export const lifespanCases: ConformanceCase[] = [
  {
    id: 'lifespan.startup',
    description: 'Startup runs exactly once and completes before start() resolves; shutdown has not run.',
    interfaces: asyncOnly,
    features: ['lifespan'],
    async run({ expect, serve }) {
      const { journal } = await serve({});
      expect(journal.find('lifespan.startup', LIFESPAN_TOKEN)).toHaveLength(1);
      expect(journal.find('lifespan.shutdown', LIFESPAN_TOKEN)).toHaveLength(0);
    },
  },
  {
    id: 'lifespan.state',
    description: 'What startup puts in scope.state is visible in every request scope.',
    interfaces: asyncOnly,
    features: ['lifespan'],
    async run({ expect, served }) {
      const report = await askReport(expect, served, { method: 'GET', target: '/report/state' });
      expect(report.state).toEqual(PROBE_STATE);
    },
  },
  {
    id: 'lifespan.state.isolated',
    description: "Each request gets a shallow copy of the state: a key one request sets is not in the next request's state.",
    interfaces: asyncOnly,
    features: ['lifespan'],
    async run({ expect, served }) {
      const key = newToken();
      const first = await askReport(expect, served, { method: 'GET', target: `/state/set?key=${key}` });
      expect(first.state).toEqual({ ...PROBE_STATE, [key]: 'set by a request' });
      const second = await askReport(expect, served, { method: 'GET', target: '/report/state' });
      expect(second.state).toEqual(PROBE_STATE);
    },
  },
  {
    id: 'lifespan.shutdown',
    description: 'Calling stop() runs shutdown exactly once and resolves after the app completes it.',
    interfaces: asyncOnly,
    features: ['lifespan'],
    async run({ expect, serve }) {
      const { served, journal } = await serve({});
      await served.stop();
      expect(journal.find('lifespan.shutdown', LIFESPAN_TOKEN)).toHaveLength(1);
    },
  },
  {
    id: 'lifespan.startup.failed',
    description: "An app answering lifespan.startup.failed makes start() reject with an error naming the app's message.",
    interfaces: asyncOnly,
    features: ['lifespan', 'errors'],
    mayLogErrors: true,
    async run({ expect, serve }) {
      await expect(serve({ lifespan: 'fail' })).rejects.toThrow(PROBE_STARTUP_FAILURE);
    },
  },
  {
    id: 'lifespan.unsupported',
    description: 'An app that raises on the lifespan scope is served anyway, without state, and stops cleanly.',
    interfaces: asyncOnly,
    features: ['lifespan', 'errors'],
    mayLogErrors: true,
    async run({ expect, serve }) {
      const { served } = await serve({ lifespan: 'raise' });
      const report = await askReport(expect, served, { method: 'GET', target: '/report/no-lifespan' });
      expect(report.method).toBe('GET');
      expect(report.state ?? {}).toEqual({});
      await served.stop();
    },
  },
];
