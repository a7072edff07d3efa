import { describe, expect, it } from 'vitest';
import albMulti from '../../test/fixtures/alb-multi-value.json' with { type: 'json' };
import albSingle from '../../test/fixtures/alb-single-value.json' with { type: 'json' };
import v1 from '../../test/fixtures/api-gateway-v1.json' with { type: 'json' };
import v2 from '../../test/fixtures/api-gateway-v2.json' with { type: 'json' };
import url from '../../test/fixtures/function-url.json' with { type: 'json' };
import { findEventSource } from './registry.js';

describe('findEventSource', () => {
  it.each([
    ['api-gateway-v1', v1],
    ['api-gateway-v2', v2],
    ['alb', albSingle],
    ['alb', albMulti],
    ['function-url', url],
  ])('detects %s from the event alone', (name, event) => {
    expect(findEventSource(event)?.name).toBe(name);
  });

  it.each([
    ['an S3 notification', { Records: [{ eventSource: 'aws:s3' }] }],
    ['an empty object', {}],
    ['an array', []],
    ['null', null],
    ['a string', 'GET /'],
  ])('finds no source for %s', (_name, event) => {
    expect(findEventSource(event)).toBeUndefined();
  });
});
