import type { AsyncApp } from '@tsgi/async';
import type { SyncApp } from '@tsgi/sync';
import { describe, expect, it } from 'vitest';
import { isFetchOptionsError } from '../errors.js';
import { OPTION_MESSAGES } from '../messages.js';
import { resolveApp } from './resolve-app.js';

const syncApp: SyncApp = (_environ, startResponse) => {
  startResponse('200 OK', []);
  return [];
};
const asyncApp: AsyncApp = (_scope, _receive, _send) => Promise.resolve();

describe('resolveApp', () => {
  it('passes an async app through unchanged and wraps a sync app once', () => {
    expect(resolveApp(asyncApp, {})).toBe(asyncApp);
    const wrapped = resolveApp(syncApp, {});
    expect(wrapped).not.toBe(syncApp);
    expect(wrapped.length).not.toBe(2);
  });

  it("treats any `async function` as an async app, whatever it declares", () => {
    const oneParam = async (_scope: unknown): Promise<void> => {
      await Promise.resolve();
    };
    expect(resolveApp(oneParam as unknown as AsyncApp, {})).toBe(oneParam);
  });

  it('refuses an app whose interface it cannot tell, naming the option to set', () => {
    const rest = ((...args: unknown[]) => args) as unknown as SyncApp;
    expect(() => resolveApp(rest, {})).toThrow(OPTION_MESSAGES.ambiguousApp(0));
    expect(resolveApp(rest, { interface: 'sync' })).not.toBe(rest);
  });

  it('throws a FetchOptionsError naming the bad option', () => {
    const cases: Array<[object, string, string]> = [
      [{ interface: 'wsgi' }, 'interface', OPTION_MESSAGES.badInterface('wsgi')],
      [{ bodyLimit: -1 }, 'bodyLimit', OPTION_MESSAGES.badBodyLimit(-1)],
      [{ bodyLimit: 1.5 }, 'bodyLimit', OPTION_MESSAGES.badBodyLimit(1.5)],
      [{ lifespan: 'maybe' }, 'lifespan', OPTION_MESSAGES.badLifespan('maybe')],
    ];
    for (const [options, option, message] of cases) {
      let error: unknown;
      try {
        resolveApp(asyncApp, options);
      } catch (caught) {
        error = caught;
      }
      expect(isFetchOptionsError(error)).toBe(true);
      expect(error).toMatchObject({ option, message });
    }
  });

  it('refuses something that is not a function', () => {
    expect(() => resolveApp('app' as unknown as AsyncApp, {})).toThrow(OPTION_MESSAGES.notAFunction);
  });
});
