import { describe, expect, it } from 'vitest';
import { responseFields } from './response-fields.js';

describe('responseFields', () => {
  it('gives distinct fields as a plain record with lower-case names', () => {
    expect(responseFields([['Content-Type', 'text/plain'], ['X-Id', '7']], false)).toEqual({ 'content-type': 'text/plain', 'x-id': '7' });
  });

  it('drops the connection-specific fields the runtime owns', () => {
    const fields = responseFields([['transfer-encoding', 'chunked'], ['Keep-Alive', 'timeout=5'], ['x-a', '1']], false);
    expect(fields).toEqual({ 'x-a': '1' });
  });

  it('also drops the fields a Connection field names', () => {
    const fields = responseFields([['connection', 'close, X-Hop'], ['x-hop', '1'], ['x-kept', '2']], false);
    expect(fields).toBeInstanceOf(Headers);
    expect([...(fields as Headers)]).toEqual([['x-kept', '2']]);
  });

  it('keeps every value of a repeated name, Set-Cookie included', () => {
    const fields = responseFields([['set-cookie', 'a=1'], ['Set-Cookie', 'b=2']], false) as Headers;
    expect(fields.getSetCookie()).toEqual(['a=1', 'b=2']);
  });

  it('leaves Content-Length out only when asked to', () => {
    const headers: Array<[string, string]> = [['Content-Length', '5'], ['content-type', 'text/plain']];
    expect(responseFields(headers, true)).toEqual({ 'content-type': 'text/plain' });
    expect(responseFields(headers, false)).toEqual({ 'content-length': '5', 'content-type': 'text/plain' });
  });

  it("keeps a field named __proto__ as a field, not the record's prototype", () => {
    const fields = responseFields([['__proto__', 'x']], false);
    expect((fields as Headers).get('__proto__')).toBe('x');
  });
});
