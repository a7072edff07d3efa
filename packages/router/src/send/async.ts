// A RouterResponse through the async interface (docs/spec/async.md §3.4, §3.5).
import type { Receive, Send } from '@tsgi/async';
import { EMPTY, encode } from '../internal/bytes.js';
import type { RouterRequest } from '../request/request.js';
import type { BodyChunk, RouterResponse } from '../responses/response.js';
import { prepareHead } from './body-rules.js';

const GONE: unique symbol = Symbol('gone');
const bytes = (chunk: BodyChunk): Uint8Array => (typeof chunk === 'string' ? encode(chunk) : chunk);
const isGone = (error: unknown): boolean => (error as Error | null)?.name === 'ClientDisconnected';

/**
 * Sends the response, then runs background tasks. A streamed body stops when the client
 * disconnects (async §3.3): the router listens for `http.disconnect` while it streams, as
 * Starlette's StreamingResponse does, so an idle event stream does not outlive its client.
 */
export async function sendAsync(
  res: RouterResponse,
  req: RouterRequest,
  receive: Receive,
  send: Send,
  log: (error: unknown, req: RouterRequest) => void,
): Promise<void> {
  const empty = prepareHead(res, req.method);
  const { body } = res;
  await send({ type: 'http.response.start', status: res.status, headers: res.headers.list });
  if (empty || body === null || body instanceof Uint8Array) {
    await send({ type: 'http.response.body', body: empty || !(body instanceof Uint8Array) ? EMPTY : body });
  } else {
    const it: Iterator<BodyChunk> | AsyncIterator<BodyChunk> =
      Symbol.asyncIterator in body ? body[Symbol.asyncIterator]() : body[Symbol.iterator]();
    const disconnected = (async (): Promise<typeof GONE> => {
      for (;;) if ((await receive()).type === 'http.disconnect') return GONE;
    })();
    let gone = false;
    try {
      for (;;) {
        const next: IteratorResult<BodyChunk> | typeof GONE = await Promise.race([it.next(), disconnected]);
        if (next === GONE) {
          gone = true;
          break;
        }
        if (next.done) break;
        await send({ type: 'http.response.body', body: bytes(next.value), moreBody: true });
      }
      if (!gone) await send({ type: 'http.response.body', body: EMPTY });
    } catch (error) {
      if (!isGone(error)) throw error;
      gone = true;
    } finally {
      // An async generator parked on an await cannot be interrupted; return() runs its finally
      // blocks once it resumes, and nothing waits for that.
      if (gone) void Promise.resolve(it.return?.()).catch((error: unknown) => log(error, req));
    }
  }
  for (const task of req.tasks) {
    try {
      await task();
    } catch (error) {
      log(error, req);
    }
  }
}
