// The public surface, entry by entry (STYLE.md: a change to it shows up in review).
import { expect, it } from 'vitest';
import * as cookies from '../src/cookies/index.js';
import * as files from '../src/files/index.js';
import * as main from '../src/index.js';
import * as forms from '../src/forms/index.js';
import * as testing from '../src/testing/index.js';
import * as websocket from '../src/websocket/index.js';

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
  expect(Object.keys(websocket).sort()).toMatchInlineSnapshot(`
    [
      "RouterWebSocket",
      "websocket",
    ]
  `);
  expect(Object.keys(forms).sort()).toMatchInlineSnapshot(`
    [
      "forms",
    ]
  `);
  expect(Object.keys(cookies).sort()).toMatchInlineSnapshot(`
    [
      "clearCookie",
      "serializeCookie",
      "setCookie",
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
