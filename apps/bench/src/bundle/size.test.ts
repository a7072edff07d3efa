import { describe, expect, it } from 'vitest';
import { bundleSize, entrySource } from './size.js';

describe('bundle size', () => {
  it('keeps every export, or only the ones named', () => {
    expect(entrySource('hono')).toBe("import * as m from 'hono';\nglobalThis.__bench = m;\n");
    expect(entrySource('@tsgi/router', ['createRouter'])).toBe("import { createRouter } from '@tsgi/router';\nglobalThis.__bench = [createRouter];\n");
  });

  it('measures a real package, smaller gzipped than minified and smaller tree-shaken than whole', async () => {
    const whole = await bundleSize({ name: 'hono', kind: 'peer', platform: 'neutral' });
    const router = await bundleSize({ name: 'hono', only: ['Hono'], kind: 'peer', platform: 'neutral' });
    const nothing = await bundleSize({ name: 'hono', only: [], kind: 'peer', platform: 'neutral' });
    expect(whole.gzipped).toBeGreaterThan(1000);
    expect(whole.gzipped).toBeLessThan(whole.minified);
    expect(router.minified).toBeLessThanOrEqual(whole.minified);
    expect(nothing.minified).toBeLessThan(router.minified);
  });
});
