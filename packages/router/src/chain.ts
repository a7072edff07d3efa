// A route's chain: middleware around the handler, errors turned into responses inside it, so
// middleware sees error pages too (Starlette's ExceptionMiddleware sits inside user middleware).
import { RouterError, messages } from './errors.js';
import type { ErrorClass } from './internal/defs.js';
import { isAsyncFunction, isThenable } from './internal/kind.js';
import { errorPage } from './error-page.js';
import type { RouterRequest } from './request/request.js';
import { isResponse, RouterResponse } from './responses/response.js';
import { json, text } from './responses/helpers.js';
import type { ErrorHandler, Handler, Middleware, ResponseLike } from './types.js';

/** A compiled chain: request in, response out (a Promise only through the async interface). */
export type Chain = (req: RouterRequest) => RouterResponse | Promise<RouterResponse>;

/** What a chain needs to know besides its handler. */
export interface ChainContext {
  mode: 'sync' | 'async';
  middleware: Middleware[];
  /** Innermost router's first. */
  errorHandlers: Array<{ match: number | ErrorClass; handler: ErrorHandler<never> }>;
  debug: boolean;
  log: (error: unknown, req: RouterRequest | null) => void;
}

/**
 * Turns what a handler returned into a response: strings are text/plain, Uint8Array is
 * application/octet-stream, null is 204, anything else is JSON.
 *
 * @example
 * toResponse({ ok: true }, 'GET /').headers.get('content-type'); // 'application/json'
 */
export function toResponse(value: ResponseLike | undefined, label: string): RouterResponse {
  if (isResponse(value)) return value;
  if (typeof value === 'string') return text(value);
  if (value instanceof Uint8Array) {
    return new RouterResponse(value, { headers: { 'content-type': 'application/octet-stream' } });
  }
  if (value === null) return new RouterResponse(null, { status: 204 });
  if (value === undefined) throw new RouterError(messages.undefinedResult(label), { code: 'result' });
  return json(value);
}

/** Finds the error handler for `error` (classes first, then status) and renders it; else the default page. */
export function handleError(error: unknown, req: RouterRequest, ctx: ChainContext): RouterResponse | Promise<RouterResponse> {
  const status = (error as { name?: string; status?: number } | null)?.name === 'HttpError' ? (error as { status: number }).status : 500;
  const found =
    ctx.errorHandlers.find(({ match }) => typeof match !== 'number' && error instanceof match) ??
    ctx.errorHandlers.find(({ match }) => match === status);
  if (!found) return errorPage(error, req, ctx);
  const fail = (e: unknown) => errorPage(e, req, ctx);
  try {
    const result = (found.handler as ErrorHandler)(error, req);
    if (!isThenable(result)) return toResponse(result, 'error handler');
    return Promise.resolve(result).then((r) => toResponse(r as ResponseLike, 'error handler'), fail);
  } catch (e) {
    return fail(e);
  }
}

/**
 * Builds one route's chain. `label` names the route in errors ('GET /users/:id'). An error anywhere
 * in the chain becomes a response through the route's error handlers. A plain function that returns
 * a Promise is awaited, unless something outside it cannot wait (the sync interface, a sync
 * middleware): then it fails, saying to declare it `async`.
 */
export function buildChain(handler: Handler, label: string, ctx: ChainContext): Chain {
  const step =
    (fn: (req: RouterRequest) => unknown, mustBeSync: boolean): Chain =>
    (req) => {
      try {
        const value = fn(req);
        if (!isThenable(value)) return toResponse(value as ResponseLike, label);
        if (mustBeSync) throw new RouterError(messages.promiseInSync(label), { code: 'result' });
        return Promise.resolve(value)
          .then((v) => toResponse(v as ResponseLike, label))
          .catch((e: unknown) => handleError(e, req, ctx));
      } catch (error) {
        return handleError(error, req, ctx);
      }
    };
  // syncAbove[i]: the interface, or a middleware outside position i, cannot wait for a Promise.
  const syncAbove = [ctx.mode === 'sync'];
  ctx.middleware.forEach((mw, i) => syncAbove.push((syncAbove[i] as boolean) || !isAsyncFunction(mw)));
  let chain = step(handler, syncAbove.at(-1) as boolean);
  for (let i = ctx.middleware.length - 1; i >= 0; i--) {
    const mw = ctx.middleware[i] as Middleware;
    const inner = chain;
    chain = step((req) => mw(req, (() => inner(req)) as never), syncAbove[i] as boolean);
  }
  return chain;
}
