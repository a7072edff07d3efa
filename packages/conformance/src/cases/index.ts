// Every case in suite order (the order of CASE_IDS).
import { httpBodyCases } from './http-body.js';
import { httpErrorCases } from './http-errors.js';
import { httpRequestCases } from './http-request.js';
import { httpResponseCases } from './http-response.js';
import { lifespanCases } from './lifespan.js';
import type { ConformanceCase } from './types.js';
import { websocketHandshakeCases } from './websocket-handshake.js';
import { websocketMessageCases } from './websocket-messages.js';

/** Every conformance case, in the order the suite runs them. */
export const cases: readonly ConformanceCase[] = [
  ...httpRequestCases,
  ...httpBodyCases,
  ...httpResponseCases,
  ...httpErrorCases,
  ...websocketHandshakeCases,
  ...websocketMessageCases,
  ...lifespanCases,
];
