// A RouterResponse through the sync interface (docs/spec/sync.md §5, §6).
import type { ResponseBody, StartResponse } from '@tsgi/sync';
import { RouterError, messages } from '../errors.js';
import { encode } from '../internal/bytes.js';
import { isThenable } from '../internal/kind.js';
import { reason } from '../internal/status.js';
import type { RouterRequest } from '../request/request.js';
import type { BodyChunk, RouterResponse } from '../responses/response.js';
import { prepareHead } from './body-rules.js';

/**
 * Starts the response and returns its body. Background tasks run in `close()`, which the server
 * calls once the response was sent (PEP 3333, "close()"), like Flask's call_on_close.
 */
export function sendSync(
  res: RouterResponse,
  req: RouterRequest,
  startResponse: StartResponse,
  log: (error: unknown, req: RouterRequest) => void,
): ResponseBody {
  const empty = prepareHead(res, req.method);
  const { body } = res;
  let chunks: Iterator<BodyChunk> | null = null;
  if (!empty && body !== null && !(body instanceof Uint8Array)) {
    if (!(Symbol.iterator in body)) throw new RouterError(messages.asyncBody(`${req.method} ${req.route ?? req.path}`), { code: 'result' });
    chunks = body[Symbol.iterator]();
  }
  startResponse(`${res.status} ${reason(res.status)}`, res.headers.list);
  const once = !empty && body instanceof Uint8Array && body.length > 0 ? [body] : [];
  return {
    *[Symbol.iterator]() {
      yield* once;
      for (let r = chunks?.next(); r && !r.done; r = chunks?.next()) {
        yield typeof r.value === 'string' ? encode(r.value) : r.value;
      }
    },
    close() {
      try {
        chunks?.return?.();
      } finally {
        for (const task of req.tasks) {
          try {
            const result = task();
            if (isThenable(result)) result.then(undefined, (error: unknown) => log(error, req));
          } catch (error) {
            log(error, req);
          }
        }
      }
    },
  };
}
