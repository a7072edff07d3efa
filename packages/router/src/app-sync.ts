// The router through the sync interface: one function per compiled table (docs/spec/sync.md §3).
import type { Environ, ResponseBody, StartResponse, SyncApp } from '@tsgi/sync';
import type { State } from '@tsgi/async';
import { handleError } from './chain.js';
import type { Table } from './compile.js';
import { resolve } from './dispatch.js';
import { errorPage } from './error-page.js';
import { readSyncBody } from './request/read-body.js';
import { RouterRequest } from './request/request.js';
import type { RouterResponse } from './responses/response.js';
import { sendSync } from './send/sync.js';

/**
 * Builds the sync app for a compiled table. The sync interface has no lifespan protocol, so sync
 * startup hooks run once, before the first request (shutdown hooks cannot run; docs/router.md).
 */
export function createSyncApp(table: Table): SyncApp {
  const state: State = {};
  let started = false;
  return (environ: Environ, startResponse: StartResponse): ResponseBody => {
    if (!started) {
      // compile() refused async hooks for this interface, so these finish before the request goes on.
      for (const hook of table.startup) void hook(state);
      started = true;
    }
    const method = environ.REQUEST_METHOD;
    const resolved = resolve(table, method, environ.PATH_INFO);
    if (resolved.type === 'mount') {
      const mounted = { ...environ, SCRIPT_NAME: environ.SCRIPT_NAME + resolved.prefix, PATH_INFO: resolved.path };
      return (resolved.app as SyncApp)(mounted, startResponse);
    }
    const port = environ.REMOTE_PORT === undefined ? null : Number(environ.REMOTE_PORT);
    const req = new RouterRequest({
      interface: 'sync',
      method,
      path: environ.PATH_INFO,
      rootPath: environ.SCRIPT_NAME,
      queryString: environ.QUERY_STRING,
      headers: environ['tsgi.raw_headers'],
      scheme: environ['tsgi.url_scheme'],
      client: environ.REMOTE_ADDR === undefined ? null : { host: environ.REMOTE_ADDR, port },
      state,
      environ,
      urls: table.urls,
      forms: table.forms,
    });
    let res: RouterResponse;
    try {
      if (resolved.type === 'route') {
        req.params = resolved.params;
        req.route = resolved.pattern;
        req.setBody(readSyncBody(environ, table.bodyLimit));
      }
      res = resolved.chain(req) as RouterResponse;
    } catch (error) {
      res = handleError(error, req, table.ctx) as RouterResponse;
    }
    try {
      return sendSync(res, req, startResponse, table.ctx.log);
    } catch (error) {
      // sendSync throws before startResponse (an async body): answer with the error page instead.
      return sendSync(errorPage(error, req, table.ctx), req, startResponse, table.ctx.log);
    }
  };
}
