import { describe, expect, it } from 'vitest';
import sample from '../../test/fixtures/api-gateway-v1.json' with { type: 'json' };
import customDomain from '../../test/fixtures/edge/api-gateway-v1-custom-domain.json' with { type: 'json' };
import stageEncoded from '../../test/fixtures/edge/api-gateway-v1-stage-encoded.json' with { type: 'json' };
import type { ApiGatewayV1Event } from '../aws-types.js';
import { apiGatewayV1 } from './api-gateway-v1.js';
import { toLambdaRequest, toResponseParts } from './base.js';

const defaults = { basePath: '', stripStage: true };
const read = (event: unknown, options = defaults) => toLambdaRequest(apiGatewayV1, event as ApiGatewayV1Event, options);
const header = (headers: Array<[string, string]>, name: string) => headers.filter(([key]) => key === name).map(([, value]) => value);

describe('api-gateway-v1', () => {
  it('moves the stage from requestContext.path into rootPath', () => {
    const request = read(sample);
    expect(request.target).toBe('/staging/pets/dog?sort=name');
    expect(request.rootPath).toBe('/staging');
    expect(request.method).toBe('POST');
  });

  it('decodes nothing in the path: %2F stays an escape, and the target is encoded once', () => {
    const request = read(stageEncoded);
    expect(request.target).toBe('/prod/files/a%2Fb/caf%C3%A9?q=a%20b&q=c%26d%3De&q=%C3%A9&flag=');
    expect(request.rootPath).toBe('/prod');
  });

  it('moves a custom domain API mapping into rootPath', () => {
    const request = read(customDomain);
    expect(request.target).toBe('/shop/v1/items/42');
    expect(request.rootPath).toBe('/shop/v1');
  });

  it('strips a configured base path after the platform prefix', () => {
    const request = read(sample, { basePath: '/pets', stripStage: true });
    expect(request.rootPath).toBe('/staging/pets');
  });

  it('keeps the stage in the path when stripStage is off', () => {
    const request = read(sample, { basePath: '', stripStage: false });
    expect(request.target).toBe('/staging/pets/dog?sort=name');
    expect(request.rootPath).toBe('');
  });

  it('adds no slash the client never sent to the stage root', () => {
    const bare = { ...sample, path: '/', requestContext: { ...sample.requestContext, path: '/staging' } };
    expect(read(bare)).toMatchObject({ target: '/staging?sort=name', rootPath: '/staging' });
    const slashed = { ...sample, path: '/', requestContext: { ...sample.requestContext, path: '/staging/' } };
    expect(read(slashed)).toMatchObject({ target: '/staging/?sort=name', rootPath: '/staging' });
  });

  it('strips the stage HTTP APIs put in front of a format 1.0 path', () => {
    const event = { ...sample, version: '1.0', path: '/dev/pets', requestContext: { ...sample.requestContext, path: '/dev/pets', stage: 'dev' } };
    expect(read(event)).toMatchObject({ target: '/dev/pets?sort=name', rootPath: '/dev' });
  });

  it('keeps repeated headers apart and joins Cookie pieces with "; "', () => {
    const { headers } = read(stageEncoded);
    expect(header(headers, 'x-multi')).toEqual(['first', 'second']);
    expect(header(headers, 'cookie')).toEqual(['session=abc123; theme=dark']);
  });

  it('decodes a base64 body and synthesises Content-Length for it', () => {
    const request = read(customDomain);
    expect(request.body).toEqual(Uint8Array.of(0x00, 0xff, 0x10, 0x80, 0x01, 0x02, 0x03, 0x04));
    expect(header(request.headers, 'content-length')).toEqual(['8']);
  });

  it('reads client, server, scheme and HTTP version from the event', () => {
    const request = read(sample);
    expect(request.client).toEqual(['198.51.100.20', null]);
    expect(request.server).toEqual(['abc123defg.execute-api.eu-west-1.amazonaws.com', 443]);
    expect(request.scheme).toBe('https');
    expect(request.httpVersion).toBe('1.1');
  });

  it('answers with multiValueHeaders, each Set-Cookie whole', () => {
    const cookies = ['a=1; Expires=Wed, 21 Oct 2026 07:28:00 GMT', 'b=2; Path=/'];
    const parts = toResponseParts(200, [['content-type', 'text/plain'], ['set-cookie', cookies[0]!], ['set-cookie', cookies[1]!], ['vary', 'a'], ['vary', 'b']], new TextEncoder().encode('ok'), undefined);
    expect(apiGatewayV1.result(parts, sample as ApiGatewayV1Event, () => undefined)).toEqual({
      statusCode: 200,
      multiValueHeaders: { 'content-type': ['text/plain'], vary: ['a', 'b'], 'set-cookie': cookies },
      body: 'ok',
      isBase64Encoded: false,
    });
  });

  it('matches REST events and not ALB or 2.0 ones', () => {
    expect(apiGatewayV1.matches(sample)).toBe(true);
    expect(apiGatewayV1.matches({ httpMethod: 'GET', path: '/', requestContext: { elb: {} } })).toBe(false);
    expect(apiGatewayV1.matches({ version: '2.0', httpMethod: 'GET', requestContext: {} })).toBe(false);
  });
});
