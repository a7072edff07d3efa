// The public surface, entry by entry (STYLE.md: a change to it shows up in review).
import { expect, it } from 'vitest';
import * as files from '../src/files/index.js';
import * as main from '../src/index.js';
import * as testing from '../src/testing/index.js';

it('exports these names from each entry', () => {
  expect(Object.keys(main).sort()).toMatchInlineSnapshot(`
    [
      "HeaderMap",
      "HttpError",
      "MultiMap",
      "ROUTER_BRAND",
      "Router",
      "RouterError",
      "RouterRequest",
      "RouterResponse",
      "RouterWebSocket",
      "UploadedFile",
      "createRouter",
      "formatEvent",
      "html",
      "isHttpError",
      "isRouterApp",
      "isRouterError",
      "json",
      "messages",
      "redirect",
      "sse",
      "stream",
      "text",
    ]
  `);
  expect(Object.keys(files).sort()).toMatchInlineSnapshot(`
    [
      "file",
      "staticFiles",
    ]
  `);
  expect(Object.keys(testing).sort()).toMatchInlineSnapshot(`
    [
      "TestWebSocketClosed",
      "createTestClient",
    ]
  `);
});
