// When one request/response exchange is over, however it ended.
import type { Socket } from 'node:net';
import type { NodeResponse } from './http-transport.js';
import type { NodeRequest } from './request-parts.js';

/** What is told once its exchange is over; `exchangeEnded` may be called more than once. */
export interface ExchangeWatcher {
  exchangeEnded(): void;
}

// The response's watcher rides on the response itself: one shared 'close' listener finds it there,
// where a closure per request (or a WeakMap entry) would cost an allocation or GC work each time.
const WATCHER = Symbol('tsgi.node.exchange-watcher');
/** Set on a response queued behind a pipelined one: the socket whose 'close' it waits on too. */
const QUEUED_ON = Symbol('tsgi.node.queued-on');
type Watched = NodeResponse & { [WATCHER]?: ExchangeWatcher | ExchangeWatcher[]; [QUEUED_ON]?: Socket };

function onResponseClose(this: Watched): void {
  const watched = this[WATCHER];
  if (watched === undefined) return;
  const socket = this[QUEUED_ON];
  const set = socket === undefined ? undefined : waiting.get(socket);
  for (const watcher of Array.isArray(watched) ? watched : [watched]) {
    // A long pipelined connection must not keep every exchange it ever queued.
    set?.delete(watcher);
    watcher.exchangeEnded();
  }
}

// One 'close' listener per HTTP/1.x connection, however many pipelined exchanges wait on it.
const waiting = new WeakMap<Socket, Set<ExchangeWatcher>>();

/**
 * Tells `watcher` when the response closes or, on HTTP/1.x, when its connection does: node never
 * emits 'close' on a response still queued behind a pipelined one when the socket dies. The watcher
 * must ignore calls after the first.
 *
 * @example
 * watchExchange(req, res, { exchangeEnded: () => activity.leave() });
 */
export function watchExchange(req: NodeRequest, res: NodeResponse, watcher: ExchangeWatcher): void {
  const watched = res as Watched;
  const present = watched[WATCHER];
  // Usually one watcher (the transport); a host's own onExchangeEnd on the same response joins it.
  if (present === undefined) {
    watched[WATCHER] = watcher;
    res.on('close', onResponseClose);
  } else if (Array.isArray(present)) present.push(watcher);
  else watched[WATCHER] = [present, watcher];
  if (req.httpVersion === '2.0') return;
  const socket = req.socket as Socket | null;
  if (!socket) return;
  if (socket.destroyed) {
    // A socket that closed already emits no more 'close', on the response or on itself.
    queueMicrotask(() => watcher.exchangeEnded());
    return;
  }
  // A response node attached to the socket hears its 'close' (node forwards it); only one queued
  // behind a pipelined response (no socket yet) needs the connection's own.
  if (res.socket !== null) return;
  let set = waiting.get(socket);
  if (!set) {
    const members = new Set<ExchangeWatcher>();
    set = members;
    waiting.set(socket, members);
    socket.once('close', () => {
      waiting.delete(socket);
      for (const member of members) member.exchangeEnded();
    });
  }
  set.add(watcher);
  (res as Watched)[QUEUED_ON] = socket;
}

/**
 * Calls `callback` once, when the response closes or, on HTTP/1.x, when its connection does (see
 * {@link watchExchange}).
 *
 * @example
 * onExchangeEnd(req, res, () => activity.leave());
 */
export function onExchangeEnd(req: NodeRequest, res: NodeResponse, callback: () => void): void {
  let done = false;
  watchExchange(req, res, {
    exchangeEnded: () => {
      if (done) return;
      done = true;
      callback();
    },
  });
}
