// Which translator handles an event: the first whose `matches` accepts it. Order matters only where
// shapes overlap — Function URLs send the HTTP API 2.0 shape, so they are asked first.
import type { LambdaHttpResult } from '../aws-types.js';
import { alb } from './alb.js';
import { apiGatewayV1 } from './api-gateway-v1.js';
import { apiGatewayV2 } from './api-gateway-v2.js';
import { functionUrl } from './function-url.js';
import type { EventSource } from './types.js';

/** A translator with its event type erased, as the registry holds it. */
export type AnyEventSource = EventSource<object, LambdaHttpResult>;

// Each translator is typed for its own event; the registry hands it only events it matched.
export const EVENT_SOURCES = [functionUrl, apiGatewayV2, alb, apiGatewayV1] as unknown as readonly AnyEventSource[];

/** The translator for `event`, or undefined when no HTTP source matches. */
export function findEventSource(event: unknown): AnyEventSource | undefined {
  if (typeof event !== 'object' || event === null || Array.isArray(event)) return undefined;
  return EVENT_SOURCES.find((source) => source.matches(event as Record<string, unknown>));
}
