// The probe's route table, shared by both probe apps: a path picks a behaviour. Paths are matched
// against PATH_INFO / scope.path (below the root path); anything unlisted answers a ProbeReport.

/** The behaviours a probe app offers, by path. */
export const PROBE_ROUTES = {
  /** Answers the request body back, with Content-Length. */
  echo: '/echo',
  /** Streams `?chunks=N` pieces of `?size=M` patterned bytes, without Content-Length. */
  stream: '/stream',
  /** Sends `?n=N` patterned bytes in three pieces under a Content-Length of N. */
  bytes: '/bytes',
  /** Same response to GET and HEAD: 'head body', Content-Length 9, X-Probe-Head: 1. */
  head: '/head',
  /** Answers with repeated and mixed-case response headers. */
  headersOut: '/headers-out',
  /** Sync only: write('first,') then returns ['second']. */
  write: '/write',
  /** Sync only: a body whose close() records 'body.close'. */
  close: '/close',
  /** Throws before starting the response. */
  raiseBefore: '/raise-before',
  /** Starts the response, sends 'partial', then throws. */
  raiseAfter: '/raise-after',
  /** Declares Content-Length 10 and sends only 'four'. */
  lengthShort: '/length-short',
  /** Declares Content-Length 4 and sends 'abc', then 'defghij'. */
  lengthLong: '/length-long',
  /** Streams until the client leaves and records what the app saw ('http.disconnect', 'body.finally'). */
  hang: '/hang',
  /** Async only: answers, then records the next receive() event as 'after-response'. */
  after: '/after',
  /** Async only: a body followed by trailers (needs the http.response.trailers extension). */
  trailers: '/trailers',
  /** Async only: sets scope.state[?key] in this request, then reports. */
  stateSet: '/state/set',
  /** `/status/NNN` answers status NNN ('status NNN' as body, none for 1xx, 204 and 304). */
  status: '/status/',
} as const;

/** WebSocket paths the async probe answers. */
export const PROBE_WS_ROUTES = {
  /** Accepts (with `?subprotocol=`), sends a ProbeReport of the scope, then echoes. */
  scope: '/ws/scope',
  /** Accepts (with `?subprotocol=`) and echoes every message; records each message and the client's close. */
  echo: '/ws/echo',
  /** Accepts, then closes with `?code=` and `?reason=`. */
  close: '/ws/close',
  /** Sends websocket.close before accepting (the host answers 403). */
  deny: '/ws/deny',
  /** Denies with websocket.http.response: 401, X-Deny: probe, body 'denied by probe'. */
  denyResponse: '/ws/deny-response',
  /** Throws before accepting. */
  raise: '/ws/raise',
  /** Returns without answering the handshake. */
  ignore: '/ws/ignore',
  /** Accepts, then returns with the connection open. */
  return: '/ws/return',
  /** Accepts, then throws. */
  raiseAfter: '/ws/raise-after',
} as const;

/** Reason phrases for the statuses the cases use; others get 'Probe'. */
export const REASONS: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  304: 'Not Modified',
  400: 'Bad Request',
  418: "I'm a teapot",
  500: 'Internal Server Error',
};

/** 1xx, 204 and 304 never carry a body (RFC 9110 §6.4.1). */
export const isBodiless = (status: number): boolean => status < 200 || status === 204 || status === 304;

/** The fixed pieces of the '/head' and '/headers-out' answers, so cases compare against them. */
export const PROBE_HEAD_BODY = 'head body';
export const PROBE_HEADERS_OUT: Array<[string, string]> = [
  ['content-type', 'text/plain; charset=utf-8'],
  ['set-cookie', 'a=1; Path=/'],
  ['set-cookie', 'b=2; Path=/'],
  ['x-multi', 'one'],
  ['x-multi', 'two'],
  ['X-Mixed-Case', 'Kept As Sent'],
];
