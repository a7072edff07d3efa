// What a Router records before it is compiled. Private: reached through the DEFS symbol.
import type { AsyncApp } from '@tsgi/async';
import type { SyncApp } from '@tsgi/sync';
import type { ErrorHandler, Handler, LifespanHook, Middleware, RouterOptions, WebSocketHandler } from '../types.js';

export const DEFS = Symbol('tsgi.router.defs');

/** A class of errors an error handler catches. */
export type ErrorClass = abstract new (...args: never[]) => unknown;

export type RouteDef =
  /** An HTTP route, or a WebSocket route whose one method is compile.ts's WS. */
  | { type: 'route'; methods: string[]; pattern: string; handler: Handler | WebSocketHandler; name: string | undefined }
  /** A raw app, in one interface or both. */
  | { type: 'app'; prefix: string; sync?: SyncApp | undefined; async?: AsyncApp | undefined }
  | { type: 'router'; prefix: string; router: { [DEFS]: RouterDefs } };

export interface RouterDefs {
  options: RouterOptions;
  routes: RouteDef[];
  middleware: Middleware[];
  errorHandlers: Array<{ match: number | ErrorClass; handler: ErrorHandler<never> }>;
  startup: LifespanHook[];
  shutdown: LifespanHook[];
  frozen: boolean;
}
