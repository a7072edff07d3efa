// The router through the async interface: HTTP, WebSocket and lifespan (docs/spec/async.md §3–§5).
import type { AsyncApp, State } from '@tsgi/async';
import { handleError } from './chain.js';
import { type Table, WS } from './compile.js';
import { resolve } from './dispatch.js';
import { errorPage } from './error-page.js';
import { runLifespan } from './lifespan.js';
import { readAsyncBody } from './request/read-body.js';
import { RouterRequest } from './request/request.js';
import { sendAsync } from './send/async.js';

/** Builds the async app for a compiled table; sync apps mounted in it arrive already wrapped. */
export function createAsyncApp(table: Table): AsyncApp {
  // Used when the server keeps no lifespan state (scope.state absent, async §5.4).
  const ownState: State = {};
  return async (scope, receive, send) => {
    if (scope.type === 'lifespan') return runLifespan(table, scope, receive, send, ownState);
    const ws = scope.type === 'websocket';
    const resolved = resolve(table, ws ? WS : scope.method, scope.path);
    if (resolved.type === 'mount') {
      return (resolved.app as AsyncApp)({ ...scope, rootPath: scope.rootPath + resolved.prefix, path: resolved.path }, receive, send);
    }
    const req = new RouterRequest({
      interface: 'async',
      method: ws ? 'GET' : scope.method,
      path: scope.path,
      rootPath: scope.rootPath,
      queryString: scope.queryString,
      headers: scope.headers,
      scheme: scope.scheme,
      client: scope.client ? { host: scope.client[0], port: scope.client[1] } : null,
      state: scope.state ?? ownState,
      scope,
      urls: table.urls,
      forms: table.forms,
    });
    if (resolved.type === 'route') {
      req.params = resolved.params;
      req.route = resolved.pattern;
    }
    if (ws) {
      const route = resolved.type === 'route' ? resolved.route : null;
      const ctx = route?.ctx ?? table.ctx;
      return table.websocket({
        handler: route?.ws ?? null,
        request: req,
        scope,
        receive,
        send,
        errorPage: (error) => errorPage(error, req, ctx),
      });
    }
    let res;
    try {
      if (resolved.type === 'route') {
        const body = await readAsyncBody(receive, req.headers.get('content-length') ?? undefined, table.bodyLimit);
        if (body === null) return;
        req.setBody(body);
      }
      res = await resolved.chain(req);
    } catch (error) {
      res = await handleError(error, req, table.ctx);
    }
    await sendAsync(res, req, receive, send, table.ctx.log);
  };
}
