import { describe, expect, it } from 'vitest';
import { createScope } from '@tsgi/async';
import { headerList, RequestSource, splitUrl } from './request-parts.js';
import type { Arrival } from './runtime.js';

describe('splitUrl', () => {
  it('keeps the target as the runtime kept it, %2F and query included', () => {
    expect(splitUrl('https://example.com/a%2Fb?x=1&y')).toEqual({
      scheme: 'https',
      target: '/a%2Fb?x=1&y',
      server: ['example.com', 443],
      authority: 'example.com',
    });
  });

  it('reads an explicit port and defaults it by scheme', () => {
    expect(splitUrl('http://127.0.0.1:8080/').server).toEqual(['127.0.0.1', 8080]);
    expect(splitUrl('http://example.com/').server).toEqual(['example.com', 80]);
  });

  it('unbrackets an IPv6 host without mistaking its colons for the port', () => {
    expect(splitUrl('http://[::1]:9000/x').server).toEqual(['::1', 9000]);
    expect(splitUrl('http://[::1]/x').server).toEqual(['::1', 80]);
  });

  it("answers '/' for a URL without a path and keeps a bare query", () => {
    expect(splitUrl('http://a.test').target).toBe('/');
    expect(splitUrl('http://a.test?q=1').target).toBe('/?q=1');
  });

  it('drops a fragment, which is never part of a request-target', () => {
    expect(splitUrl('http://a.test/p?q#frag').target).toBe('/p?q');
  });
});

describe('headerList', () => {
  it("adds the URL's authority as host only when the Request has none", () => {
    expect(headerList(new Headers([['accept', '*/*']]), 'a.test:8080')).toEqual([['host', 'a.test:8080'], ['accept', '*/*']]);
    expect(headerList(new Headers([['host', 'b.test']]), 'a.test:8080')).toEqual([['host', 'b.test']]);
  });

  it('lists every field with lower-case names and keeps Set-Cookie values apart', () => {
    const headers = new Headers([
      ['X-One', '1'],
      ['Set-Cookie', 'a=1'],
      ['Set-Cookie', 'b=2'],
    ]);
    expect(headerList(headers)).toEqual([
      ['set-cookie', 'a=1'],
      ['set-cookie', 'b=2'],
      ['x-one', '1'],
    ]);
  });
});

describe('RequestSource', () => {
  const arrival: Arrival = { env: undefined, ctx: undefined, client: ['192.0.2.1', 5000] };
  const request = (headers: Record<string, string> = {}, method = 'GET') => new Request('http://a.test:8080/p', { method, headers });

  it('lists the headers once, with the authority as host when the Request has none', () => {
    const source = new RequestSource(request({ accept: '*/*' }), 'a.test:8080', arrival, {});
    expect(source.headers()).toEqual([['host', 'a.test:8080'], ['accept', '*/*']]);
    expect(source.headers()).toBe(source.headers());
    expect(source.lazy).toBe(false);
  });

  it("asks the runtime for the client when it reads one itself, else takes the arrival's", () => {
    const client = (): [string, number] => ['198.51.100.9', 7000];
    expect(new RequestSource(request(), '', arrival, {}).client()).toEqual(['192.0.2.1', 5000]);
    expect(new RequestSource(request(), '', arrival, { client, lazyScope: true }).client()).toEqual(['198.51.100.9', 7000]);
  });

  it.each([false, true])('sees a WebSocket upgrade only on a GET with Upgrade: websocket (lazy: %s)', (lazyScope) => {
    const asks = (headers: Record<string, string>, method?: string) =>
      new RequestSource(request(headers, method), 'a.test', arrival, { lazyScope }).asksForWebSocket();
    expect(asks({ upgrade: 'WebSocket', connection: 'upgrade' })).toBe(true);
    expect(asks({ upgrade: 'h2c' })).toBe(false);
    expect(asks({})).toBe(false);
    expect(asks({ upgrade: 'websocket' }, 'POST')).toBe(false);
  });

  it('gives createScope the same scope, lazy or not, without underscore names', () => {
    const headers = { 'x-a': '1', x_b: '2' };
    const scope = (lazyScope: boolean) =>
      createScope({ method: 'GET', target: '/p', headers: [], source: new RequestSource(request(headers), 'a.test:8080', arrival, { lazyScope }) });
    expect({ ...scope(true) }).toEqual(scope(false));
    expect(scope(true).headers).toEqual([['host', 'a.test:8080'], ['x-a', '1']]);
  });
});
