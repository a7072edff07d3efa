// Every protocol-level refusal message of the server, in one place; tests import them.

/** Why the server refused a request before the app saw it, each naming its rule. */
export const PROTOCOL_MESSAGES = {
  requestLineTooLong: (limit: number) => `RFC 9112 §3: the request line is longer than ${limit} bytes`,
  tooManyFields: (limit: number) => `RFC 6585 §5: the request has more than ${limit} header fields`,
  fieldTooLarge: (limit: number) => `RFC 6585 §5: a header field line is longer than ${limit} bytes`,
  headersTooLarge: 'RFC 6585 §5: the request header section is too large',
  missingHost: 'RFC 9112 §3.2: an HTTP/1.1 request needs exactly one Host header',
  repeatedHost: 'RFC 9112 §3.2: a request must not carry more than one Host header',
  transferEncodingHttp10: 'RFC 9112 §6.1: Transfer-Encoding in an HTTP/1.0 request makes its framing faulty',
  invalidHost: (value: string) => `RFC 9112 §3.2: Host ${JSON.stringify(value)} is not a host and optional port`,
  chunkedNotLast: (value: string) =>
    `RFC 9112 §6.3: Transfer-Encoding ${JSON.stringify(value)} does not end with chunked, so the body length is unknown`,
  versionUnsupported: (version: string) => `RFC 9110 §15.6.6: HTTP/${version} is not supported; this server speaks HTTP/1.1`,
  http2Off: 'RFC 9113 §3.3: HTTP/2 with prior knowledge needs the server started with --http2',
  methodNotImplemented: (method: string) => `RFC 9110 §9.1: the method ${JSON.stringify(method)} is not implemented by this server`,
  unsupportedCoding: (value: string) =>
    `RFC 9112 §6.1: Transfer-Encoding ${JSON.stringify(value)} is not supported; only chunked is`,
  malformed: (code: string, reason: string) => `RFC 9112 §2.2: malformed request (${code}: ${reason})`,
  headersTimeout: (seconds: number) => `RFC 9110 §15.5.9: the request headers did not arrive within ${seconds}s`,
  chunkExtensionsTooLarge: 'RFC 9112 §7.1.1: chunk extensions are too large',
  overloaded: (limit: number) => `RFC 9110 §15.6.4: more than ${limit} requests in progress; try again shortly`,
  expectationFailed: (value: string) =>
    `RFC 9110 §10.1.1: the expectation ${JSON.stringify(value)} cannot be met; only 100-continue is supported`,
  connectUnsupported: 'RFC 9110 §9.3.6: CONNECT (tunnelling) is not offered by this server',
  upgradeUnsupported: (value: string) => `RFC 9110 §7.8: cannot upgrade to ${JSON.stringify(value)}`,
} as const;
