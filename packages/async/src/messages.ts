// Every spec-violation message, in one place: code throws them, tests import them (STYLE.md: Errors).
// Each starts with the section of docs/spec/async.md it enforces.

const q = (text: string): string => `'${text}'`;

/** Messages for the rules every scope shares (async §2). */
export const COMMON_MESSAGES = {
  notAFunction: 'async §2.1: the app must be a function (scope, receive, send) => Promise<void>',
  notAPromise: 'async §2.1: the app must return a Promise (declare it async)',
  badScope: (key: string, rule: string) => `async §2.2: scope.${key} ${rule}`,
  badEvent: 'async §2.4: an event must be an object with a string `type`',
  unknownEvent: (type: string, scopeType: string, direction: 'sent' | 'received') =>
    `async §2.4: ${q(type)} cannot be ${direction} in a ${q(scopeType)} scope`,
  badHeaders: (where: string) => `async §2.3: ${where} must be an array of [name, value] string pairs`,
  badHeaderName: (name: string) => `async §2.3: header name ${JSON.stringify(name)} is not an RFC 9110 token`,
  badHeaderValue: (name: string) =>
    `async §2.3: header value of ${q(name)} must be latin-1 text without CR, LF or NUL`,
  underscoreHeader: (name: string) =>
    `async §2.3: header name ${q(name)} contains '_' and could alias a header spelled with '-'`,
  notBytes: (type: string, key: string) => `async §2.3: ${q(type)} ${key} must be a Uint8Array`,
  notBoolean: (type: string, key: string) => `async §2.3: ${q(type)} ${key} must be a boolean`,
  notString: (type: string, key: string) => `async §2.3: ${q(type)} ${key} must be a string`,
  clientDisconnected: 'async §2.4: the client disconnected',
} as const;

/** Messages for HTTP (async §3) and its extensions (async §6.1–§6.6). */
export const HTTP_MESSAGES = {
  badMethod: (method: string) => `async §3.1.2: the method ${JSON.stringify(method)} is not an RFC 9110 token`,
  badRequestHeaderName: (name: string) => `async §3.1.2: request header name ${JSON.stringify(name)} is not an RFC 9110 token`,
  badRequestHeaderValue: (name: string) =>
    `async §3.1.2: request header ${q(name)} has a value with CR, LF, NUL or a character above U+00FF`,
  badTarget: (target: string) =>
    `async §3.1.2: the request-target must be origin-form ('/path'), absolute-form or '*', without whitespace, control characters or characters above U+00FF: got ${JSON.stringify(target.slice(0, 60))}`,
  startTwice: "async §3.4: 'http.response.start' sent twice",
  badStatus: (status: unknown) =>
    `async §3.4: status must be an integer from 200 to 599, got ${JSON.stringify(status) ?? String(status)}`,
  badContentLength: (value: string) => `async §3.4: content-length ${JSON.stringify(value)} is not one non-negative integer`,
  bodyBeforeStart: "async §3.4: 'http.response.body' sent before 'http.response.start'",
  sentBeforeStart: (type: string) => `async §3.4: ${q(type)} sent before 'http.response.start'`,
  afterComplete: (type: string) => `async §3.5: ${q(type)} sent after the response completed`,
  bodyTooLong: (sent: number, declared: number) =>
    `async §3.5: response body has ${sent} bytes, more than content-length ${declared}`,
  bodyTooShort: (sent: number, declared: number) =>
    `async §3.5: response body ended after ${sent} bytes, short of content-length ${declared}`,
  requestAfterEnd: "async §3.2: 'http.request' received after the body ended (moreBody: false)",
  receiveAfterDisconnect: (type: string) => `async §3.3: ${q(type)} received after 'http.disconnect'`,
  returnedIncomplete: 'async §3.6: the app returned before completing the response',
  returnedWithoutResponse: "async §3.6: the app returned without sending 'http.response.start'",
  notAdvertised: (type: string, extension: string) =>
    `async §6: ${q(type)} needs the ${q(extension)} extension, which scope.extensions does not advertise`,
  trailersNotAdvertised:
    "async §6.1: 'http.response.start' set trailers: true but scope.extensions does not advertise 'http.response.trailers'",
  trailersNotAnnounced: "async §6.1: 'http.response.trailers' sent but 'http.response.start' did not set trailers: true",
  trailersBeforeBodyEnd: "async §6.1: 'http.response.trailers' sent before the body ended (moreBody: false)",
  bodyAfterTrailers: (type: string) => `async §6.1: ${q(type)} sent after the body ended; only trailers may follow`,
  pathsendNotAbsolute: (path: unknown) =>
    `async §6.2: 'http.response.pathsend' path must be an absolute path, got ${JSON.stringify(path) ?? String(path)}`,
  pathsendAfterBody: "async §6.2: 'http.response.pathsend' sent after 'http.response.body'",
  pathsendBeforeStart: "async §6.2: 'http.response.pathsend' sent before 'http.response.start'",
  zerocopyBadFile: "async §6.3: 'http.response.zerocopysend' file must be a non-negative integer file descriptor",
  earlyHintAfterStart: "async §6.4: 'http.response.early_hint' sent after 'http.response.start'",
  earlyHintBadLinks: "async §6.4: 'http.response.early_hint' links must be an array of latin-1 strings without CR or LF",
  pushBadPath: "async §6.5: 'http.response.push' path must be a string starting with '/'",
  pushAfterComplete: "async §6.5: 'http.response.push' sent after the response completed",
  debugBadInfo: "async §6.6: 'http.response.debug' info must be an object",
} as const;

/** Messages for WebSocket (async §4) and the denial response (async §6.8). */
export const WEBSOCKET_MESSAGES = {
  connectTwice: "async §4.2: 'websocket.connect' received twice",
  receiveBeforeConnect: (type: string) => `async §4.2: ${q(type)} received before 'websocket.connect'`,
  badSubprotocol: (value: unknown) =>
    `async §4.3: subprotocol ${JSON.stringify(value) ?? String(value)} is not one the client offered in scope.subprotocols`,
  acceptTwice: (state: string) => `async §4.3: 'websocket.accept' sent after the handshake ended (${state})`,
  sendBeforeAccept: "async §4.5: 'websocket.send' sent before 'websocket.accept'",
  sendAfterClose: (type: string) => `async §4.7: ${q(type)} sent after 'websocket.close'`,
  textXorBytes: (type: string) => `async §4.4: ${q(type)} must set exactly one of bytes and text`,
  receiveBeforeAccept: "async §4.4: 'websocket.receive' received before the connection was accepted",
  badCloseCode: (code: unknown) =>
    `async §4.7: close code ${JSON.stringify(code) ?? String(code)} is not one an endpoint may send (RFC 6455 §7.4: 1000-1003, 1007-1014 or 3000-4999)`,
  reasonTooLong: (bytes: number) => `async §4.7: close reason is ${bytes} bytes of UTF-8; RFC 6455 §5.5 allows 123`,
  badDisconnectCode: "async §4.6: 'websocket.disconnect' code must be an integer",
  receiveAfterDisconnect: (type: string) => `async §4.6: ${q(type)} received after 'websocket.disconnect'`,
  denialNotAdvertised:
    "async §6.8: 'websocket.http.response.start' needs the 'websocket.http.response' extension, which scope.extensions does not advertise",
  denialAfterAccept: (type: string) => `async §6.8: ${q(type)} sent after the handshake ended`,
  denialBodyBeforeStart: "async §6.8: 'websocket.http.response.body' sent before 'websocket.http.response.start'",
  denialBadStatus: (status: unknown) =>
    `async §6.8: 'websocket.http.response.start' status must be an integer from 200 to 599, got ${JSON.stringify(status) ?? String(status)}`,
  denialStartTwice: "async §6.8: 'websocket.http.response.start' sent twice",
  denialMixed: (type: string) => `async §6.8: ${q(type)} sent during the denial response`,
} as const;

/** Messages for lifespan (async §5). */
export const LIFESPAN_MESSAGES = {
  completeBeforeStartup: (type: string) => `async §5.2: ${q(type)} sent before 'lifespan.startup' was received`,
  startupAnsweredTwice: (type: string) => `async §5.2: ${q(type)} sent after startup was already answered`,
  shutdownBeforeShutdown: (type: string) => `async §5.3: ${q(type)} sent before 'lifespan.shutdown' was received`,
  shutdownAnsweredTwice: (type: string) => `async §5.3: ${q(type)} sent after shutdown was already answered`,
  startupTwice: "async §5.2: 'lifespan.startup' received twice",
  shutdownBeforeStartup: "async §5.3: 'lifespan.shutdown' received before startup was answered",
  shutdownTwice: "async §5.3: 'lifespan.shutdown' received twice",
  returnedBeforeStartup: "async §5.5: the app returned before answering 'lifespan.startup'",
  badMessage: (type: string) => `async §5.5: ${q(type)} message must be a string`,
  timedOut: (phase: 'startup' | 'shutdown', ms: number) => `async §2.6: the app did not answer 'lifespan.${phase}' within ${ms} ms`,
  badMode: (mode: unknown) => `createLifespan: mode must be 'auto', 'on' or 'off', got ${JSON.stringify(mode) ?? String(mode)}`,
  badTimeout: (timeout: unknown) => `createLifespan: timeout must be a positive number of milliseconds, got ${JSON.stringify(timeout) ?? String(timeout)}`,
} as const;

/** Messages for running sync apps on an async server (async §7). */
export const BRIDGE_MESSAGES = {
  bodyTooLarge: (limit: number) => `async §7.2: the request body is larger than the ${limit}-byte limit`,
  spoolFailed: (threshold: number, reason: string) =>
    `async §7.2: the request body (past the ${threshold}-byte spool threshold) could not be buffered: ${reason}`,
} as const;
