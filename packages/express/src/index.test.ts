import { expect, it } from 'vitest';
import * as entry from './index.js';

it('exports exactly the public surface', () => {
  expect(Object.keys(entry).sort()).toMatchInlineSnapshot(`
    [
      "EXPRESS_MESSAGES",
      "MountError",
      "isMountError",
      "toExpressMiddleware",
      "tsgi",
    ]
  `);
});
