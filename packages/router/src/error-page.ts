// The default error page: the status and a client-safe message, never a stack trace unless `debug`.
import { isHttpError } from './errors.js';
import { reason } from './internal/status.js';
import type { RouterRequest } from './request/request.js';
import { text } from './responses/helpers.js';
import type { RouterResponse } from './responses/response.js';

/**
 * Renders an error as a text/plain response. An HttpError shows its status, headers and message;
 * anything else is logged and becomes a bare 500 (with its stack only when `debug` is on).
 *
 * @example
 * errorPage(new HttpError(404, 'No such user'), req, ctx).status; // 404, body 'No such user'
 */
export function errorPage(
  error: unknown,
  req: RouterRequest | null,
  ctx: { debug: boolean; log: (error: unknown, req: RouterRequest | null) => void },
): RouterResponse {
  if (isHttpError(error)) {
    return text(error.message || reason(error.status), { status: error.status, headers: error.headers });
  }
  ctx.log(error, req);
  const detail = ctx.debug ? `\n\n${(error as Error | null)?.stack ?? String(error)}` : '';
  return text(`Internal Server Error${detail}`, { status: 500 });
}
