import { describe, expect, it } from 'vitest';
import sample from '../../test/fixtures/api-gateway-v2.json' with { type: 'json' };
import namedStage from '../../test/fixtures/edge/api-gateway-v2-named-stage.json' with { type: 'json' };
import type { ApiGatewayV2Event } from '../aws-types.js';
import { apiGatewayV2 } from './api-gateway-v2.js';
import { toLambdaRequest, toResponseParts } from './base.js';

const defaults = { basePath: '', stripStage: true };
const read = (event: unknown, options = defaults) => toLambdaRequest(apiGatewayV2, event as ApiGatewayV2Event, options);
const header = (headers: Array<[string, string]>, name: string) => headers.filter(([key]) => key === name).map(([, value]) => value);

describe('api-gateway-v2', () => {
  it('serves the $default stage at the root, with rawQueryString as the query', () => {
    const request = read(sample);
    expect(request.target).toBe('/pets/dog?sort=name&tag=a&tag=b');
    expect(request.rootPath).toBe('');
  });

  it('turns the cookies array back into one Cookie header', () => {
    expect(header(read(sample).headers, 'cookie')).toEqual(['session=abc123; theme=dark']);
  });

  it('keeps comma-joined headers as API Gateway sent them', () => {
    expect(header(read(sample).headers, 'x-custom')).toEqual(['one,two']);
  });

  it('moves a named stage into rootPath and re-encodes the decoded rawPath', () => {
    const request = read(namedStage);
    expect(request.target).toBe('/prod/files/a%20b/caf%C3%A9?q=a%20b&q=c%26d&q=%C3%A9');
    expect(request.rootPath).toBe('/prod');
  });

  it('decodes a base64 PNG body byte for byte', () => {
    const { body, headers } = read(namedStage);
    expect([...body.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(header(headers, 'content-length')).toEqual([String(body.byteLength)]);
  });

  it('replaces a Content-Length that does not match the body', () => {
    const event = { ...sample, headers: { ...sample.headers, 'content-length': '999' } };
    expect(header(read(event).headers, 'content-length')).toEqual(['14']);
  });

  it('answers with comma-joined headers and each Set-Cookie alone in cookies', () => {
    const cookies = ['a=1; Expires=Wed, 21 Oct 2026 07:28:00 GMT; HttpOnly', 'b=2'];
    const parts = toResponseParts(201, [['Set-Cookie', cookies[0]!], ['vary', 'a'], ['set-cookie', cookies[1]!], ['vary', 'b']], new Uint8Array(0), undefined);
    expect(apiGatewayV2.result(parts, sample as ApiGatewayV2Event, () => undefined)).toEqual({
      statusCode: 201,
      headers: { vary: 'a, b' },
      cookies,
      body: '',
      isBase64Encoded: false,
    });
  });

  it('reports a missing method by its path in the event', () => {
    const { method: _method, ...http } = sample.requestContext.http;
    expect(() => read({ ...sample, requestContext: { ...sample.requestContext, http } })).toThrowError(
      expect.objectContaining({ name: 'MalformedEventError', key: 'requestContext.http.method', source: 'api-gateway-v2' }),
    );
    const { http: _http, ...context } = sample.requestContext;
    expect(() => read({ ...sample, requestContext: context })).toThrowError(
      expect.objectContaining({ name: 'MalformedEventError', key: 'requestContext.http', source: 'api-gateway-v2' }),
    );
  });
});
