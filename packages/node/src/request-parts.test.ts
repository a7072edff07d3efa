import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { requestParts } from './request-parts.js';

/** The fields of a node request requestParts reads, on a plain TCP socket. */
function request(url: string, rawHeaders: string[], httpVersion = '1.1'): IncomingMessage {
  const socket = { remoteAddress: '127.0.0.1', remotePort: 50000, localAddress: '127.0.0.1', localPort: 8000 };
  return { method: 'GET', url, rawHeaders, httpVersion, socket } as unknown as IncomingMessage;
}

describe('requestParts', () => {
  it('keeps an origin-form request byte for byte', () => {
    const parts = requestParts(request('/a%2Fb?x=1', ['Host', 'example.com', 'X-A', 'b']));
    expect(parts.target).toBe('/a%2Fb?x=1');
    expect(parts.headers).toEqual([['Host', 'example.com'], ['X-A', 'b']]);
  });

  it('takes the host from an absolute-form target instead of the Host header (RFC 9112 §3.2.2)', () => {
    const parts = requestParts(request('http://example.com:8080/x?q=1', ['Host', 'other.test', 'X-A', 'b']));
    expect(parts.target).toBe('http://example.com:8080/x?q=1');
    expect(parts.headers).toEqual([['host', 'example.com:8080'], ['X-A', 'b']]);
  });

  it('gives an absolute-form HTTP/1.0 request without Host the target host', () => {
    const parts = requestParts(request('HTTPS://Example.com?q=1', [], '1.0'));
    expect(parts.headers).toEqual([['host', 'Example.com']]);
  });

  it('shares one frozen client and server tuple among the requests of a connection', () => {
    const first = request('/a', ['Host', 'x']);
    const second = { ...first, url: '/b' } as unknown as IncomingMessage;
    const [a, b] = [requestParts(first), requestParts(second)];
    expect(a.client).toEqual(['127.0.0.1', 50000]);
    expect(a.server).toEqual(['127.0.0.1', 8000]);
    expect(b.client).toBe(a.client);
    expect(Object.isFrozen(a.client) && Object.isFrozen(a.server)).toBe(true);
  });

  it('reads the addresses of each HTTP/2 request afresh (node hands out a new socket proxy each time)', () => {
    const req = request('/a', [':authority', 'x'], '2.0');
    expect(requestParts(req).client).toEqual(['127.0.0.1', 50000]);
    (req.socket as unknown as { remotePort: number }).remotePort = 50001;
    expect(requestParts(req).client).toEqual(['127.0.0.1', 50001]);
  });
});
