import { expect, it } from 'vitest';
import * as entry from './index.js';

// STYLE.md: a change to the public surface shows up here, in review.
it('exports exactly the documented names', () => {
  expect(Object.keys(entry).sort()).toEqual([
    'ApplicationCommunicator',
    'AsyncSpecError',
    'BRIDGE_MESSAGES',
    'COMMON_MESSAGES',
    'CONNECTION_SPECIFIC_FIELDS',
    'ClientDisconnected',
    'CommunicatorTimeout',
    'HTTP_MESSAGES',
    'LIFESPAN_MESSAGES',
    'LifespanError',
    'RequestError',
    'TSGI_VERSION',
    'WEBSOCKET_MESSAGES',
    'createLifespan',
    'createScope',
    'createWebSocketScope',
    'defaultLog',
    'isAsyncSpecError',
    'isClientDisconnected',
    'isLifespanError',
    'isRequestError',
    'memorySpool',
    'requestApp',
    'runHttp',
    'runWebSocket',
    'syncToAsync',
    'validate',
    'withoutConnectionFields',
  ]);
});
