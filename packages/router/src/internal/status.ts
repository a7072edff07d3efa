// Reason phrases (RFC 9110 §15) of the error statuses, for the default error page of an HttpError
// without a message; the sync status line reuses them. Other codes get an empty reason phrase, which
// sync §5.2 and RFC 9112 §4 allow: hosts write their own (the async interface has none) and clients
// ignore it.
const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  416: 'Range Not Satisfiable',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** The reason phrase for a status code, or ''. @example reason(404); // 'Not Found' */
export const reason = (status: number): string => REASONS[status] ?? '';
