import { describe, expect, it } from 'vitest';
import type { BuiltRouter } from './adapter.js';
import { findMyWay } from './adapters/find-my-way.js';
import { honoRegExp, honoSmart, honoTrie } from './adapters/hono.js';
import { lookupBatch } from './batch.js';
import { checkRouter } from './check.js';
import { LOOKUPS, ROUTES } from './routes.js';

const every = Object.values(LOOKUPS).flat();

describe('route table', () => {
  it('holds about 300 distinct routes of every kind', () => {
    expect(ROUTES.length).toBeGreaterThanOrEqual(280);
    expect(new Set(ROUTES.map((r) => `${r.method} ${r.pattern}`)).size).toBe(ROUTES.length);
    expect(ROUTES.some((r) => r.pattern.endsWith('*'))).toBe(true);
    expect(ROUTES.some((r) => r.pattern.includes('/:'))).toBe(true);
  });

  it('has a route for every hit and none for a miss', () => {
    const patterns = new Set(ROUTES.map((r) => `${r.method} ${r.pattern}`));
    for (const lookup of every) {
      if (lookup.pattern) expect(patterns).toContain(`${lookup.method} ${lookup.pattern}`);
    }
  });
});

describe('checkRouter', () => {
  it('passes the real peer routers on every lookup', async () => {
    for (const adapter of [findMyWay, honoTrie, honoSmart]) {
      expect(checkRouter(await adapter.build(ROUTES), every), adapter.id).toBeNull();
    }
  });

  it("reports that hono's RegExpRouter cannot hold the table", async () => {
    await expect(honoRegExp.build(ROUTES)).rejects.toThrow(/UnsupportedPathError on GET \/gists\/:id/);
  });

  it("finds no registration order that lets hono's RegExpRouter hold a param beside a static sibling", async () => {
    // Its limit, not the harness's: a static segment and a param under one node make one regular
    // expression ambiguous, in whichever order they are added, statics first or the table reversed.
    const pair = [
      { method: 'GET', pattern: '/gists/public' },
      { method: 'GET', pattern: '/gists/:id' },
    ];
    await expect(honoRegExp.build(pair)).rejects.toThrow(/UnsupportedPathError on GET \/gists\/:id/);
    await expect(honoRegExp.build([...pair].reverse())).rejects.toThrow(/UnsupportedPathError on GET \/gists\/public/);
    const isStatic = (r: { pattern: string }) => !/[:*]/.test(r.pattern);
    await expect(honoRegExp.build([...ROUTES.filter(isStatic), ...ROUTES.filter((r) => !isStatic(r))])).rejects.toThrow(/UnsupportedPathError/);
    await expect(honoRegExp.build([...ROUTES].reverse())).rejects.toThrow(/UnsupportedPathError/);
    // Without such siblings it works, so the adapter registers routes as hono expects.
    const fine = await honoRegExp.build([{ method: 'GET', pattern: '/gists/:id' }, { method: 'GET', pattern: '/users/:user' }]);
    expect(fine.describe(fine.lookup('GET', '/gists/7'))).toEqual({ pattern: '/gists/:id', params: ['7'] });
  });

  it('catches a router that matches the wrong route or captures the wrong params', async () => {
    const real = await findMyWay.build(ROUTES);
    const wrongParams: BuiltRouter = { ...real, describe: (r) => {
      const found = real.describe(r);
      return found && { ...found, params: found.params.map((p) => p.toUpperCase()) };
    } };
    expect(checkRouter(wrongParams, LOOKUPS.param)).toMatch(/should capture \["octocat"\], captured \["OCTOCAT"\]/);
    const matchesEverything: BuiltRouter = { ...real, describe: () => ({ pattern: '/user', params: [] }) };
    expect(checkRouter(matchesEverything, LOOKUPS.miss)).toBe('GET /nope should match nothing, matched /user');
    const matchesNothing: BuiltRouter = { ...real, describe: () => null };
    expect(checkRouter(matchesNothing, LOOKUPS.static)).toBe('GET /user should match /user, matched nothing');
  });
});

describe('lookupBatch', () => {
  it('cycles through the lookups and counts the results that are not null', () => {
    const seen: string[] = [];
    const batch = lookupBatch((method, path) => {
      seen.push(`${method} ${path}`);
      return path === '/nope' ? null : {};
    }, LOOKUPS.miss);
    expect(batch(6)).toBe(4);
    expect(seen.slice(4)).toEqual(seen.slice(0, 2));
  });
});
