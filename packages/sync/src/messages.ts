// Every message @tsgi/sync raises, named so tests import them instead of copying text. Each starts with the
// section of docs/spec/sync.md it enforces; errors may append the offending value after a colon.

// §3 The application
export const APP_NOT_FUNCTION = 'sync §3.1: the application must be a function (environ, startResponse)';
export const APP_RETURNED_PROMISE =
  'sync §3.1: the application returned a Promise; a sync app returns its body synchronously (use @tsgi/async for async apps)';

// §4 The environ (checked by validate())
export const ENVIRON_NOT_OBJECT = 'sync §4: environ must be a plain object';
export const ENVIRON_MISSING_KEY = 'sync §4.1: environ is missing a required key';
export const ENVIRON_NOT_STRING = 'sync §4.1: CGI variables must be strings';
export const ENVIRON_METHOD = 'sync §4.1: REQUEST_METHOD must be an HTTP method token';
export const ENVIRON_PROTOCOL = 'sync §4.1: SERVER_PROTOCOL must be HTTP/1.0, HTTP/1.1, HTTP/2 or HTTP/3';
export const ENVIRON_CONTENT_LENGTH = 'sync §4.1: CONTENT_LENGTH must be absent or decimal digits';
export const ENVIRON_SERVER_PORT = 'sync §4.1: SERVER_PORT must be decimal digits';
export const ENVIRON_HTTP_CONTENT =
  'sync §4.7: HTTP_CONTENT_TYPE and HTTP_CONTENT_LENGTH must not be present; the values go in CONTENT_TYPE and CONTENT_LENGTH';
export const ENVIRON_HEADER_KEY = 'sync §4.7: an HTTP_ key must be upper case letters, digits and _';
export const ENVIRON_NOT_LATIN1 = 'sync §4.6: header-derived values must be latin-1 strings (one character per byte)';
export const ENVIRON_SCRIPT_NAME = "sync §4.8: SCRIPT_NAME must be empty or start with '/' and not end with '/'";
export const ENVIRON_PATH_INFO = "sync §4.8: PATH_INFO must be empty or start with '/'";
export const ENVIRON_PATH_EMPTY = "sync §4.8: SCRIPT_NAME and PATH_INFO are both empty; PATH_INFO is at least '/'";
export const ENVIRON_PATH_MISMATCH =
  "sync §4.8: PATH_INFO must be RAW_URI's path, percent-decoded then UTF-8 decoded, below SCRIPT_NAME or whole";
export const ENVIRON_QUERY_MISMATCH = "sync §4.6: QUERY_STRING must be RAW_URI's query, exactly as sent";
export const ENVIRON_RAW_URI = 'sync §4.4: RAW_URI and REQUEST_URI must both hold the request target';
export const ENVIRON_RAW_HEADERS = 'sync §4.4: tsgi.raw_headers must be an array of [name, value] string pairs';
export const ENVIRON_VERSION = 'sync §1.3: tsgi.version must be [1, minor]';
export const ENVIRON_URL_SCHEME = "sync §4.5: tsgi.url_scheme must be 'http' or 'https'";
export const ENVIRON_FLAG = 'sync §4.5: tsgi.multithread, tsgi.multiprocess and tsgi.run_once must be booleans';
export const ENVIRON_INPUT_TERMINATED = 'sync §4.2: tsgi.input_terminated must be true';
export const ENVIRON_INPUT = 'sync §4.2: tsgi.input must have read, readline and readlines and be iterable';
export const ENVIRON_ERRORS = 'sync §4.3: tsgi.errors must have write, writelines and flush';
export const ENVIRON_FILE_WRAPPER = 'sync §6.4: tsgi.file_wrapper, when present, must be a function';

// §4.2 tsgi.input and §4.3 tsgi.errors in use
export const INPUT_SIZE = 'sync §4.2: a size or hint must be a whole number, or omitted';
export const INPUT_NOT_BYTES = 'sync §4.2: tsgi.input returned something other than a Uint8Array';
export const INPUT_TOO_LONG = 'sync §4.2: tsgi.input returned more bytes than asked for';
export const INPUT_PAST_LENGTH = 'sync §4.2: tsgi.input read past CONTENT_LENGTH';
export const INPUT_NOT_A_LINE = 'sync §4.2: readline() returned something other than one line';
export const INPUT_CLOSE = 'sync §4.2: the application must not close tsgi.input';
export const ERRORS_NOT_STRING = 'sync §4.3: tsgi.errors takes strings';
export const ERRORS_CLOSE = 'sync §4.3: the application must not close tsgi.errors';

// §4 createEnviron: a host's own mistakes
export const REQUEST_HEADERS = 'sync §4.7: request headers must be an array of [name, value] string pairs';
export const REQUEST_NOT_LATIN1 =
  'sync §4.6: request targets and header values must be latin-1 strings (one character per byte); percent-encode other characters';
export const EXTRA_CONFLICT = 'sync §4.9: an extra key would replace a key the server computes';

// §7.2 Requests a server refuses (RequestError)
export const BAD_METHOD = 'sync §7.2: the request method is not an HTTP token';
export const BAD_TARGET = "sync §7.2: the request target must be origin-form ('/path'), absolute-form or '*'";
export const BAD_HEADER_NAME = 'sync §7.2: a request header name is not an HTTP token';
export const BAD_HEADER_VALUE = 'sync §7.2: a request header value contains CR, LF or NUL';
export const BAD_CONTENT_LENGTH = 'sync §7.2: Content-Length must be one decimal number';
export const CONTENT_LENGTH_WITH_CHUNKED = 'sync §7.2: a request must not carry both Content-Length and Transfer-Encoding';
export const UNDERSCORE_HEADER = "sync §4.7: a request header name contains '_'";

// §5 startResponse
export const START_RESPONSE_TWICE = 'sync §5.1: startResponse was called a second time without excInfo';
export const START_RESPONSE_MISSING = 'sync §5.1: the body started before startResponse was called';
export const START_RESPONSE_ARGS = 'sync §5.1: startResponse takes (status, headers, excInfo?)';
export const START_RESPONSE_NO_WRITE = 'sync §5.1: startResponse must return a write function';
export const STATUS_FORMAT = 'sync §5.2: status must be three digits, a space and a reason phrase';
export const STATUS_RANGE = 'sync §5.2: status code must be a final status, 200 to 599';
export const HEADERS_LIST = 'sync §5.3: headers must be an array of [name, value] pairs of strings';
export const HEADER_NAME = 'sync §5.3: header name must be an HTTP token (RFC 9110 §5.6.2)';
export const HEADER_VALUE_CONTROL = 'sync §5.3: header value must not contain CR, LF, NUL or other control characters';
export const HEADER_VALUE_LATIN1 = 'sync §5.3: header value must be latin-1 (characters up to U+00FF)';
export const HEADER_STATUS = "sync §5.3: a header named 'Status' must not be sent; the status is startResponse's first argument";
export const HEADER_HOP_BY_HOP = 'sync §5.4: the application must not send a hop-by-hop header';
export const WRITE_NOT_BYTES = 'sync §5.5: write() takes a Uint8Array';
export const WRITE_AFTER_CLOSE = 'sync §5.5: write() was called after the response was closed';
export const EXC_INFO_ACCEPTED = 'sync §5.6: startResponse accepted excInfo after the headers were sent; it must rethrow it';

// §6 The response body
export const BODY_NOT_ITERABLE = 'sync §6.1: the application must return an iterable of Uint8Array chunks';
export const BODY_STRING = 'sync §6.1: the application returned a string; return [bytes] instead';
export const BODY_BYTES = 'sync §6.1: the application returned a bare Uint8Array; return [bytes] instead';
export const CHUNK_NOT_BYTES = 'sync §6.1: body chunks must be Uint8Array';
export const BODY_ITERATED_TWICE = 'sync §6.2: the server iterated the body a second time';
export const BODY_NOT_RETURNED = 'sync §6.2: the server abandoned the body iterator without calling return()';
export const BODY_AFTER_CLOSE = 'sync §6.2: the body was iterated after close()';
export const BODY_NOT_CLOSED = 'sync §6.2: the server never called close() on the response body';
export const CONTENT_LENGTH_FORMAT = 'sync §6.3: a Content-Length header must be decimal digits';
export const BODY_TOO_LONG = 'sync §6.3: the body is longer than its Content-Length';
export const BODY_TOO_SHORT = 'sync §6.3: the body ended before its Content-Length';
