// When one request/response exchange is over, however it ended.
import type { Socket } from 'node:net';
import type { NodeResponse } from './http-transport.js';
import type { NodeRequest } from './request-parts.js';

// One 'close' listener per HTTP/1.x connection, however many pipelined exchanges wait on it.
const waiting = new WeakMap<Socket, Set<() => void>>();

/**
 * Calls `callback` once, when the response closes or, on HTTP/1.x, when its connection does: node
 * never emits 'close' on a response still queued behind a pipelined one when the socket dies.
 *
 * @example
 * onExchangeEnd(req, res, () => activity.leave());
 */
export function onExchangeEnd(req: NodeRequest, res: NodeResponse, callback: () => void): void {
  const socket = req.httpVersion === '2.0' ? null : (req.socket as Socket | null);
  let done = false;
  const fire = (): void => {
    if (done) return;
    done = true;
    // The response's own 'close' listener stays: `done` makes it a no-op, and it goes with the
    // response; removing it cost more than the rest of this function.
    if (socket) waiting.get(socket)?.delete(fire);
    callback();
  };
  // on(), not once(): once() would wrap fire() in one more closure.
  res.on('close', fire);
  if (!socket) return;
  if (socket.destroyed) {
    queueMicrotask(fire);
    return;
  }
  let set = waiting.get(socket);
  if (!set) {
    const members = new Set<() => void>();
    set = members;
    waiting.set(socket, members);
    socket.once('close', () => {
      for (const member of [...members]) member();
      waiting.delete(socket);
    });
  }
  set.add(fire);
}
