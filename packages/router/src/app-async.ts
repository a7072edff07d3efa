// The router through the async interface: HTTP, WebSocket and lifespan (docs/spec/async.md §3–§5).
import type { AsyncApp, Receive, Send, State, WebSocketScope } from '@tsgi/async';
import { urlOf } from './app-sync.js';
import { handleError } from './chain.js';
import { type Table, WS } from './compile.js';
import { type Resolved, resolve } from './dispatch.js';
import { errorPage } from './error-page.js';
import { isHttpError } from './errors.js';
import { runLifespan } from './lifespan.js';
import { isDisconnected, readAsyncBody } from './request/read-body.js';
import { RouterRequest } from './request/request.js';
import { sendAsync } from './send/async.js';
import { RouterWebSocket } from './websocket.js';

/** Builds the async app for a compiled table; sync apps mounted in it arrive already wrapped. */
export function createAsyncApp(table: Table): AsyncApp {
  // Used when the server keeps no lifespan state (scope.state absent, async §5.4).
  const ownState: State = {};
  const url = (name: string, params?: Record<string, string | number>) => urlOf(table, name, params);
  const websocket = async (resolved: Resolved, req: RouterRequest, scope: WebSocketScope, receive: Receive, send: Send) => {
    const socket = new RouterWebSocket(req, scope, receive, send);
    const route = resolved.type === 'route' ? resolved.route : null;
    if (!route?.ws) return socket.reject(404, 'Not Found');
    try {
      await route.ws(socket);
      await socket.close();
    } catch (error) {
      if (socket.state === 'connecting') {
        // Before accept the error can still be an HTTP answer (async §6.8).
        const page = errorPage(error, req, route.ctx);
        return socket.reject(page.status, page.body as Uint8Array, page.headers.list);
      }
      if (!isHttpError(error)) route.ctx.log(error, req);
      // RFC 6455 §7.4.1: 1011 is "the server hit an unexpected condition".
      await socket.close(1011);
    }
  };

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
      url,
    });
    if (resolved.type === 'route') {
      req.params = resolved.params;
      req.route = resolved.pattern;
    }
    if (ws) return websocket(resolved, req, scope, receive, send);
    let res;
    try {
      if (resolved.type === 'route') req.setBody(await readAsyncBody(receive, req.headers.get('content-length') ?? undefined, table.bodyLimit));
      res = await resolved.chain(req);
    } catch (error) {
      if (isDisconnected(error)) return;
      res = await handleError(error, req, table.ctx);
    }
    await sendAsync(res, req, receive, send, table.ctx.log);
  };
}
