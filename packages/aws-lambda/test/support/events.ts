// Loads the fixture events (fresh copies, so a test may change one freely) and a Lambda context.
import { readFileSync } from 'node:fs';
import type { LambdaContext } from '../../src/index.js';

const root = new URL('../fixtures/', import.meta.url);

/** A deep copy of `test/fixtures/<name>.json`. */
export function fixture(name: string): Record<string, any> {
  return JSON.parse(readFileSync(new URL(`${name}.json`, root), 'utf8')) as Record<string, any>;
}

/** The five published-shape samples, by source. */
export const SAMPLES = {
  'api-gateway-v1': 'api-gateway-v1',
  'api-gateway-v2': 'api-gateway-v2',
  'alb (single-value)': 'alb-single-value',
  'alb (multi-value)': 'alb-multi-value',
  'function-url': 'function-url',
} as const;

let counter = 0;

/** A Lambda context with a fresh request id. */
export function lambdaContext(): LambdaContext {
  counter += 1;
  return {
    awsRequestId: `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    functionName: 'tsgi-test',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:tsgi-test',
    memoryLimitInMB: '128',
    getRemainingTimeInMillis: () => 3000,
  };
}
