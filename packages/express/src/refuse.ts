// The answer when the app cannot see the body as it was sent (docs/express.md: Bodies).
import type { LogFn } from '@tsgi/async';
import type { ServerResponse } from 'node:http';
import { MountError } from './errors.js';
import type { ExpressRequest } from './express-types.js';
import type { BodySource } from './kept-body.js';
import { EXPRESS_MESSAGES } from './messages.js';

/**
 * Answers 500 with a message telling the developer how to mount the app, and logs it: an app that
 * silently saw an empty body would be worse.
 *
 * @example
 * if (body.kind === 'lost') return refuse(req, res, body, log);
 */
export function refuse(req: ExpressRequest, res: ServerResponse, body: Extract<BodySource, { kind: 'lost' }>, log: LogFn): void {
  const method = req.method ?? 'GET';
  const url = req.originalUrl ?? req.url ?? '/';
  const error =
    body.reason === 'decoded'
      ? new MountError(EXPRESS_MESSAGES.bodyDecoded(method, url, body.encoding), { status: 500, code: 'body-decoded' })
      : new MountError(EXPRESS_MESSAGES.bodyConsumed(method, url), { status: 500, code: 'body-consumed' });
  log('error', error.message, error);
  const { status, headers, body: bytes } = error.toResponse();
  res.writeHead(status, headers.flat());
  res.end(method === 'HEAD' ? undefined : bytes);
}
