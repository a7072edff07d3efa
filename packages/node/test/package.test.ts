// The public surface, so a change to it shows in review (STYLE.md: Public surface).
import { expect, it } from 'vitest';
import * as entry from '../src/index.js';

it('exports exactly these names', () => {
  expect(Object.keys(entry).sort()).toMatchInlineSnapshot(`
    [
      "HttpError",
      "NODE_MESSAGES",
      "createAddressMatcher",
      "createTempFileSpool",
      "guessInterface",
      "isHttpError",
      "isWebSocketUpgrade",
      "nodeFileWrapper",
      "onExchangeEnd",
      "toNodeHandler",
      "toNodeUpgradeHandler",
      "writeRawResponse",
      "writeRefusal",
    ]
  `);
});
