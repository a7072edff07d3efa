// Lambda Function URL events: the 2.0 payload, on a *.lambda-url.<region>.on.aws domain, no stages.
import type { FunctionUrlEvent, FunctionUrlResult } from '../aws-types.js';
import { toSingleValueHeaders } from './base.js';
import { payloadV2Result, readPayloadV2 } from './api-gateway-v2.js';
import type { EventSource } from './types.js';

const NAME = 'function-url';
const FUNCTION_URL_DOMAIN = /\.lambda-url\.[a-z0-9-]+\.on\.aws$/i;

/** Translates Function URL events; streams through `awslambda.HttpResponseStream` when enabled. */
export const functionUrl: EventSource<FunctionUrlEvent, FunctionUrlResult> = {
  name: NAME,
  streams: true,
  matches: (event) => {
    const context = event.requestContext as { domainName?: unknown } | undefined;
    return event.version === '2.0' && typeof context?.domainName === 'string' && FUNCTION_URL_DOMAIN.test(context.domainName);
  },
  read: (event) => readPayloadV2(event, NAME, '', true),
  result: (response) => payloadV2Result(response),
  prelude: (response) => {
    const prelude: ReturnType<NonNullable<typeof functionUrl.prelude>> = {
      statusCode: response.status,
      headers: toSingleValueHeaders(response.headers),
    };
    if (response.cookies.length > 0) prelude.cookies = [...response.cookies];
    return prelude;
  },
};
