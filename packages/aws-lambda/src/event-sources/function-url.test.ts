import { describe, expect, it } from 'vitest';
import v2 from '../../test/fixtures/api-gateway-v2.json' with { type: 'json' };
import encoded from '../../test/fixtures/edge/function-url-encoded-empty.json' with { type: 'json' };
import sample from '../../test/fixtures/function-url.json' with { type: 'json' };
import type { FunctionUrlEvent } from '../aws-types.js';
import { toLambdaRequest, toResponseParts } from './base.js';
import { functionUrl } from './function-url.js';
import { findEventSource } from './registry.js';

const read = (event: unknown) => toLambdaRequest(functionUrl, event as FunctionUrlEvent, { basePath: '', stripStage: true });

describe('function-url', () => {
  it('is told apart from an HTTP API event by its lambda-url domain', () => {
    expect(findEventSource(sample)?.name).toBe('function-url');
    expect(findEventSource(v2)?.name).toBe('api-gateway-v2');
  });

  it('keeps %2F in rawPath and the repeated query keys in order', () => {
    expect(read(encoded).target).toBe('/files/a%2Fb?x=1&x=2&y=%2F');
  });

  it('reads an event with no body as an empty body without Content-Length', () => {
    const request = read(encoded);
    expect(request.body.byteLength).toBe(0);
    expect(request.headers.some(([name]) => name === 'content-length')).toBe(false);
  });

  it('synthesises Content-Length for a text body', () => {
    expect(read(sample).headers).toContainEqual(['content-length', '19']);
  });

  it('writes a streaming prelude with cookies kept apart', () => {
    const parts = toResponseParts(200, [['content-type', 'text/event-stream'], ['set-cookie', 'a=1; Expires=Wed, 21 Oct 2026 07:28:00 GMT']], new Uint8Array(0), undefined);
    expect(functionUrl.prelude?.(parts, sample as FunctionUrlEvent)).toEqual({
      statusCode: 200,
      headers: { 'content-type': 'text/event-stream' },
      cookies: ['a=1; Expires=Wed, 21 Oct 2026 07:28:00 GMT'],
    });
  });
});
