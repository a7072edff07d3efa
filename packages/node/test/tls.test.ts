// The `tls` scope extension (async §6.7) and HTTPS=on for sync apps, over real TLS connections.
import type { AsyncApp, TlsInfo } from '@tsgi/async';
import type { SyncApp } from '@tsgi/sync';
import { once } from 'node:events';
import { createServer as createHttpServer, request as httpRequest, type Server } from 'node:http';
import { connect as http2Connect, createSecureServer } from 'node:http2';
import { createServer as createHttpsServer, request as httpsRequest, type RequestOptions } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { toNodeHandler, toNodeUpgradeHandler } from '../src/index.js';
import { createClientKeyPair, createServerKeyPair, type KeyPair } from './support/certificates.js';

const encoder = new TextEncoder();

/** Answers with what it was told about TLS: the extension, and the scheme. */
const reportApp: AsyncApp = async (scope, _receive, send) => {
  if (scope.type === 'lifespan') return;
  const report = encoder.encode(JSON.stringify({ tls: scope.extensions?.tls ?? null, scheme: scope.scheme }));
  if (scope.type === 'websocket') {
    await send({ type: 'websocket.accept' });
    await send({ type: 'websocket.send', text: new TextDecoder().decode(report) });
    await send({ type: 'websocket.close' });
    return;
  }
  await send({ type: 'http.response.start', status: 200, headers: [['content-type', 'application/json']] });
  await send({ type: 'http.response.body', body: report });
};

const syncReportApp: SyncApp = (environ, startResponse) => {
  startResponse('200 OK', [['Content-Type', 'application/json']]);
  return [encoder.encode(JSON.stringify({ https: environ.HTTPS ?? null, scheme: environ['tsgi.url_scheme'] }))];
};

interface Report {
  tls: TlsInfo | null;
  scheme: string;
}

let server!: KeyPair;
let client!: KeyPair;
beforeAll(() => {
  server = createServerKeyPair();
  client = createClientKeyPair();
});

const open: Server[] = [];
afterEach(async () => {
  for (const each of open.splice(0)) {
    each.closeAllConnections?.();
    await new Promise((resolve) => each.close(resolve));
  }
});

async function listen(listener: Server): Promise<number> {
  open.push(listener);
  listener.listen(0, '127.0.0.1');
  await once(listener, 'listening');
  return (listener.address() as AddressInfo).port;
}

/** An HTTPS server that asks for client certificates and trusts `client` as their issuer. */
async function serveTls(app: AsyncApp | SyncApp, kind: 'sync' | 'async' = 'async'): Promise<number> {
  const listener = createHttpsServer({ ...server, requestCert: true, rejectUnauthorized: false, ca: [client.cert] }, toNodeHandler(app, { interface: kind }));
  listener.on('upgrade', toNodeUpgradeHandler(app, { interface: kind }));
  return listen(listener);
}

function get<T>(port: number, options: RequestOptions = {}): Promise<T> {
  return new Promise((resolve, reject) => {
    const outgoing = httpsRequest({ host: '127.0.0.1', port, path: '/', ca: server.cert, agent: false, ...options }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as T));
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

describe('the tls extension', () => {
  it('describes a TLS 1.3 connection: server certificate in PEM, version and cipher suite numbers', async () => {
    const port = await serveTls(reportApp);
    const report = await get<Report>(port, { ciphers: 'TLS_AES_128_GCM_SHA256' });
    expect(report.scheme).toBe('https');
    expect(report.tls).toEqual({
      serverCert: server.cert.toString('latin1'),
      clientCertChain: [],
      clientCertName: null,
      clientCertError: null,
      tlsVersion: 0x0304,
      cipherSuite: 0x1301,
    });
  });

  it('gives TLS 1.2 and its cipher suite as their IANA numbers', async () => {
    const port = await serveTls(reportApp);
    const report = await get<Report>(port, { maxVersion: 'TLSv1.2', ciphers: 'ECDHE-ECDSA-AES256-GCM-SHA384' });
    expect([report.tls?.tlsVersion, report.tls?.cipherSuite]).toEqual([0x0303, 0xc02c]);
  });

  it('gives a verified client certificate chain and its RFC 4514 subject, with no error', async () => {
    const port = await serveTls(reportApp);
    const report = await get<Report>(port, { key: client.key, cert: client.cert });
    expect(report.tls).toMatchObject({ clientCertChain: [client.cert.toString('latin1')], clientCertName: 'O=Org+OU=Unit,CN=client one', clientCertError: null });
  });

  it('says why a client certificate failed verification', async () => {
    const stranger = createClientKeyPair();
    const port = await serveTls(reportApp);
    const report = await get<Report>(port, { key: stranger.key, cert: stranger.cert });
    expect(report.tls).toMatchObject({ clientCertChain: [stranger.cert.toString('latin1')], clientCertError: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
  });

  it('is absent over plain HTTP, even when a trusted proxy says the client used https', async () => {
    const port = await listen(createHttpServer(toNodeHandler(reportApp, { interface: 'async', trustedProxies: ['127.0.0.1'] })));
    const report = await new Promise<Report>((resolve, reject) => {
      httpRequest({ host: '127.0.0.1', port, path: '/', headers: { 'x-forwarded-proto': 'https' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Report));
      })
        .on('error', reject)
        .end();
    });
    expect(report).toEqual({ tls: null, scheme: 'https' });
  });

  it('is in WebSocket scopes over TLS', async () => {
    const port = await serveTls(reportApp);
    const ws = new WebSocket(`wss://127.0.0.1:${port}/`, { ca: server.cert });
    const [data] = (await once(ws, 'message')) as [Buffer];
    const report = JSON.parse(data.toString('utf8')) as Report;
    await once(ws, 'close');
    expect([report.scheme, report.tls?.tlsVersion, report.tls?.serverCert]).toEqual(['wss', 0x0304, server.cert.toString('latin1')]);
  });

  it('is in HTTP/2 scopes over TLS', async () => {
    const listener = createSecureServer({ ...server, allowHTTP1: true }, toNodeHandler(reportApp, { interface: 'async' }));
    const port = await listen(listener as unknown as Server);
    const session = http2Connect(`https://127.0.0.1:${port}`, { ca: server.cert });
    try {
      const stream = session.request({ ':path': '/' });
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      await once(stream, 'end');
      const report = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Report;
      expect([report.tls?.tlsVersion, report.tls?.serverCert, report.tls?.clientCertChain]).toEqual([0x0304, server.cert.toString('latin1'), []]);
    } finally {
      session.close();
    }
  });
});

describe('sync apps over TLS', () => {
  it("see tsgi.url_scheme 'https' and HTTPS=on", async () => {
    const port = await serveTls(syncReportApp, 'sync');
    expect(await get(port)).toEqual({ https: 'on', scheme: 'https' });
  });

  it('see no HTTPS over plain HTTP', async () => {
    const port = await listen(createHttpServer(toNodeHandler(syncReportApp, { interface: 'sync' })));
    const report = await (await fetch(`http://127.0.0.1:${port}/`)).json();
    expect(report).toEqual({ https: null, scheme: 'http' });
  });
});
