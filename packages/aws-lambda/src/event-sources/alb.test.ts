import { describe, expect, it } from 'vitest';
import multi from '../../test/fixtures/alb-multi-value.json' with { type: 'json' };
import single from '../../test/fixtures/alb-single-value.json' with { type: 'json' };
import binary from '../../test/fixtures/edge/alb-multi-value-binary.json' with { type: 'json' };
import type { AlbEvent } from '../aws-types.js';
import { MESSAGES } from '../errors.js';
import { alb } from './alb.js';
import { toLambdaRequest, toResponseParts } from './base.js';

const defaults = { basePath: '', stripStage: true };
const read = (event: unknown) => toLambdaRequest(alb, event as AlbEvent, defaults);
const header = (headers: Array<[string, string]>, name: string) => headers.filter(([key]) => key === name).map(([, value]) => value);
const cookies = ['a=1; Expires=Wed, 21 Oct 2026 07:28:00 GMT', 'b=2; Path=/', 'c=3'];
const response = () =>
  toResponseParts(200, [['content-type', 'text/plain'], ...cookies.map((c): [string, string] => ['set-cookie', c])], new TextEncoder().encode('ok'), undefined);

describe('alb', () => {
  it('passes still-encoded query values through without encoding them twice', () => {
    expect(read(single).target).toBe('/pets/dog?sort=name&q=red%20collar');
    expect(read(binary).target).toBe('/upload/a%2Fb?q=a%20b&q=c%26d&name=caf%C3%A9');
  });

  it('reads multi-value headers, repeats kept and cookies joined with "; "', () => {
    const { headers } = read(multi);
    expect(header(headers, 'x-multi')).toEqual(['first', 'second']);
    expect(header(headers, 'cookie')).toEqual(['session=abc123; theme=dark']);
  });

  it('takes the scheme from X-Forwarded-Proto and the client from the last X-Forwarded-For hop', () => {
    expect(read(single)).toMatchObject({ scheme: 'http', client: ['203.0.113.7', null], server: ['pets-alb-1234567890.eu-west-1.elb.amazonaws.com', 80] });
    expect(read(multi)).toMatchObject({ scheme: 'https', client: ['203.0.113.7', null] });
  });

  it('decodes a base64 body', () => {
    expect(read(binary).body).toEqual(Uint8Array.of(0x00, 0xff, 0x10, 0x80, 0x01, 0x02, 0x03, 0x04));
  });

  it('answers a multi-value event with multiValueHeaders and every cookie', () => {
    expect(alb.result(response(), multi as AlbEvent, () => undefined)).toEqual({
      statusCode: 200,
      statusDescription: '200 OK',
      multiValueHeaders: { 'content-type': ['text/plain'], 'set-cookie': cookies },
      body: 'ok',
      isBase64Encoded: false,
    });
  });

  it('answers a single-value event with one Set-Cookie and logs the dropped ones by name', () => {
    const logged: string[] = [];
    const result = alb.result(response(), single, (_level, message) => logged.push(message));
    expect(result).toEqual({
      statusCode: 200,
      statusDescription: '200 OK',
      headers: { 'content-type': 'text/plain', 'set-cookie': cookies[0] },
      body: 'ok',
      isBase64Encoded: false,
    });
    expect(logged).toEqual([MESSAGES.albSingleValueCookies('a', ['b', 'c'])]);
  });

  it('logs nothing when a single-value response has one cookie', () => {
    const logged: string[] = [];
    alb.result(toResponseParts(204, [['set-cookie', 'a=1']], new Uint8Array(0), undefined), single, (_l, m) => logged.push(m));
    expect(logged).toEqual([]);
  });
});
