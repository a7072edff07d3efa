// A sync app reaching this async host is wrapped once (STYLE.md: one interface inside).
import type { AsyncApp } from '@tsgi/async';
import type { SyncApp } from '@tsgi/sync';
import type { NodeHandlerOptions } from './options.js';

/** Wraps a sync app for runHttp: body buffered (spooled to a temp file past a threshold). */
export function toAsyncApp(app: SyncApp, _options: NodeHandlerOptions): AsyncApp {
  // TODO(sync): syncToAsync from @tsgi/async with the temp-file spool, once it lands.
  void app;
  throw new Error('sync apps need syncToAsync from @tsgi/async');
}
