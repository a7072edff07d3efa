// docs/spec/async.md §6: extensions, advertised in `scope.extensions` under ASGI's exact names.

/** The TLS extension's scope data (async §6.7). */
export interface TlsInfo {
  /** The server certificate in PEM, when known. */
  serverCert: string | null;
  /** The client's certificate chain in PEM, leaf first; empty without client auth. */
  clientCertChain: string[];
  /** The client certificate's subject as an RFC 4514 distinguished name, when there is one. */
  clientCertName: string | null;
  /** Why client certificate verification failed; null when it did not fail or was not asked for. */
  clientCertError: string | null;
  /** The TLS version as on the wire, e.g. 0x0304 for TLS 1.3. */
  tlsVersion: number | null;
  /** The cipher suite's IANA number, when known. */
  cipherSuite: number | null;
}

/** What a server advertises it supports; a key present means the matching events may be sent. */
export interface Extensions {
  'http.response.trailers'?: Record<string, never>;
  'http.response.pathsend'?: Record<string, never>;
  'http.response.zerocopysend'?: Record<string, never>;
  'http.response.early_hint'?: Record<string, never>;
  'http.response.push'?: Record<string, never>;
  'http.response.debug'?: Record<string, never>;
  'websocket.http.response'?: Record<string, never>;
  tls?: TlsInfo;
  /** Host-specific extensions (an adapter's raw event, platform env): named `<host>.<name>`. */
  [name: string]: unknown;
}
