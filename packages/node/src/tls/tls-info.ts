// The `tls` scope extension (async §6.7), read from the connection's TLS socket once per connection.
import type { Extensions, TlsInfo } from '@tsgi/async';
import { X509Certificate } from 'node:crypto';
import type { Http2ServerRequest } from 'node:http2';
import type { DetailedPeerCertificate, TLSSocket } from 'node:tls';
import type { NodeRequest } from '../request-parts.js';
import { CIPHER_SUITES } from './cipher-suites.js';

// RFC 8446 §4.2.1 (and its predecessors): the version as it appears on the wire.
const VERSIONS: Readonly<Record<string, number>> = { SSLv3: 0x0300, TLSv1: 0x0301, 'TLSv1.1': 0x0302, 'TLSv1.2': 0x0303, 'TLSv1.3': 0x0304 };

// Keyed by the TLS socket (HTTP/1.x) or the HTTP/2 session: every request on it shares the answer.
const cache = new WeakMap<object, TlsInfo>();

/**
 * The TLS details of the connection a request arrived on, or null when it is not TLS. Only the
 * connection itself counts: TLS that ended at a proxy never shows here (async §6.7).
 *
 * @example
 * readTlsInfo(req); // { serverCert: '-----BEGIN CERTIFICATE-----…', clientCertChain: [],
 * //   clientCertName: null, clientCertError: null, tlsVersion: 0x0304, cipherSuite: 0x1302 }
 */
export function readTlsInfo(req: NodeRequest): TlsInfo | null {
  const socket = req.socket as Partial<TLSSocket> | null;
  if (socket?.encrypted !== true) return null;
  // node:http2's compatibility request hands out a fresh proxy of the session socket per request.
  const key = (req as Partial<Http2ServerRequest>).stream?.session ?? socket;
  let info = cache.get(key);
  if (!info) {
    info = describe(socket as TLSSocket);
    cache.set(key, info);
  }
  return info;
}

/** The host's extensions, plus `tls` when the request arrived over TLS (async §6.7). */
export function withTls(extensions: Extensions, req: NodeRequest): Extensions {
  const tls = readTlsInfo(req);
  // Object.assign, not `{ ...extensions, tls }`: node 20 makes that spread a slow dictionary object.
  return tls ? Object.assign({ tls }, extensions) : extensions;
}

function describe(socket: TLSSocket): TlsInfo {
  const chain = peerChain(socket);
  const leaf = chain[0];
  return Object.freeze({
    serverCert: pem((socket.getCertificate?.() as { raw?: Buffer } | null)?.raw),
    clientCertChain: Object.freeze(chain.map((certificate) => certificate.toString())) as string[],
    clientCertName: leaf ? distinguishedName(leaf.subject) : null,
    // node reports an error even when no certificate was offered; without one nothing was verified.
    clientCertError: leaf ? (socket.authorizationError?.toString() ?? null) : null,
    tlsVersion: VERSIONS[socket.getProtocol?.() ?? ''] ?? null,
    cipherSuite: CIPHER_SUITES[socket.getCipher?.().standardName ?? ''] ?? null,
  });
}

/** The client's certificates, leaf first; a self-signed root names itself as issuer, ending the walk. */
function peerChain(socket: TLSSocket): X509Certificate[] {
  const chain: X509Certificate[] = [];
  let current: DetailedPeerCertificate | undefined = socket.getPeerCertificate?.(true);
  const seen = new Set<DetailedPeerCertificate>();
  while (current?.raw && !seen.has(current)) {
    seen.add(current);
    chain.push(new X509Certificate(current.raw));
    current = current.issuerCertificate;
  }
  return chain;
}

function pem(der: Buffer | undefined): string | null {
  return der && der.byteLength > 0 ? new X509Certificate(der).toString() : null;
}

/**
 * RFC 4514 from node's subject text, which lists the RDNs in certificate order, one per line, with
 * RFC 2253 escaping and ' + ' between the parts of a multi-valued RDN. RFC 4514 §2.1 wants the
 * reverse order, comma-separated.
 *
 * @example
 * distinguishedName('C=US\nO=Acme\\, Inc.\nCN=alice'); // 'CN=alice,O=Acme\\, Inc.,C=US'
 */
export function distinguishedName(subject: string): string {
  // A '+' inside a value is escaped ('\+'), so ' + ' only ever separates attributes.
  return subject
    .split('\n')
    .reverse()
    .map((rdn) => rdn.split(' + ').join('+'))
    .join(',');
}
