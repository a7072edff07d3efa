import type { AsyncApp } from '@tsgi/async';
import type { SyncApp } from '@tsgi/sync';
import { describe, expect, it } from 'vitest';
import { detectInterface, NOT_AN_APP } from './detect-interface.js';

const syncApp: SyncApp = (_environ, startResponse) => {
  startResponse('204 No Content', []);
  return [];
};
const asyncApp: AsyncApp = async () => {
  await Promise.resolve();
};
const arity3 = ((_scope: unknown, _receive: unknown, _send: unknown) => Promise.resolve()) as AsyncApp;

describe('detectInterface', () => {
  it('tells sync from async by AsyncFunction and arity', () => {
    expect(detectInterface(syncApp, 'auto').interface).toBe('sync');
    expect(detectInterface(asyncApp, 'auto').interface).toBe('async');
    expect(detectInterface(arity3, 'auto').interface).toBe('async');
  });

  it('serves the async face of a router app unless told sync', () => {
    const router = { sync: syncApp, async: asyncApp };
    expect(detectInterface(router, 'auto').interface).toBe('async');
    expect(detectInterface(router, 'sync').interface).toBe('sync');
  });

  it("recognises the router brand Symbol.for('tsgi.router')", () => {
    const branded = Object.assign(() => undefined, { [Symbol.for('tsgi.router')]: true, sync: syncApp, async: asyncApp });
    expect(detectInterface(branded, 'auto').interface).toBe('async');
  });

  it('lets --interface override the guess', () => {
    expect(detectInterface(syncApp, 'async').interface).toBe('async');
  });

  it('refuses what is not an app', () => {
    expect(() => detectInterface({ fetch() {} }, 'auto')).toThrow(NOT_AN_APP('object'));
  });
});
