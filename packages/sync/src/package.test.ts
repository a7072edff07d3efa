import { expect, it } from 'vitest';
import * as entry from './index.js';

// STYLE.md: a change to the public surface shows up in review.
it('exports exactly the public API', () => {
  expect(Object.keys(entry).sort()).toMatchInlineSnapshot(`
    [
      "HOP_BY_HOP_HEADERS",
      "RequestError",
      "SyncSpecError",
      "callApp",
      "checkHeaders",
      "checkStatus",
      "createBufferedInput",
      "createConsoleErrorStream",
      "createEnviron",
      "createErrorStream",
      "createFileWrapperFactory",
      "createInputStream",
      "isFileWrapper",
      "isRequestError",
      "isSyncSpecError",
      "messages",
      "parseRequestTarget",
      "startApp",
      "trimFieldValue",
      "validate",
    ]
  `);
  expect(Object.keys(entry.messages).length).toBeGreaterThan(60);
  expect(Object.isFrozen(entry.messages) && entry.messages.STATUS_FORMAT).toMatch(/^sync §5\.2: /);
});
