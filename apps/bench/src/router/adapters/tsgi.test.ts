import { describe, expect, it } from 'vitest';
import { checkRouter } from '../check.js';
import { LOOKUPS, ROUTES } from '../routes.js';
import { tsgiRouter } from './tsgi.js';

describe('@tsgi/router adapter', () => {
  it('finds the right route and params for every lookup on the GitHub-like table', async () => {
    expect(await tsgiRouter.unavailable()).toBeNull();
    expect(checkRouter(await tsgiRouter.build(ROUTES), Object.values(LOOKUPS).flat())).toBeNull();
  });
});
