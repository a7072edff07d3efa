// The router through the async interface: HTTP, WebSocket and lifespan (docs/spec/async.md §3–§5).
import type { AsyncApp, HTTPScope, Receive, Send, State, WebSocketScope } from '@tsgi/async';
import { urlOf } from './app-sync.js';
import { handleError } from './chain.js';
import { type Table, WS } from './compile.js';
import { resolve } from './dispatch.js';
import { errorPage } from './error-page.js';
import { isHttpError } from './errors.js';
import { runLifespan } from './lifespan.js';
import { mountPaths } from './dispatch.js';
import { isDisconnected, readAsyncBody } from './request/read-body.js';
import { RouterRequest } from './request/request.js';
import { sendAsync } from './send/async.js';
import { RouterWebSocket } from './websocket.js';

/** Builds the async app for a compiled table; sync apps mounted in it arrive already wrapped. */
export function createAsyncApp(table: Table): AsyncApp {
  // Used when the server keeps no lifespan state (scope.state absent, async §5.4).
  const ownState: State = {};
  const url = (name: string, params?: Record<string, string | number>) => urlOf(table, name, params);
  const request = (scope: HTTPScope | WebSocketScope, method: string) =>
    new RouterRequest({
      interface: 'async',
      method,
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

  const http = async (scope: HTTPScope, receive: Receive, send: Send): Promise<void> => {
    const resolved = resolve(table, scope.method, scope.path);
    if (resolved.type === 'mount') {
      const mounted = { ...scope, rootPath: scope.rootPath + resolved.prefix, path: resolved.path };
      return (resolved.app as AsyncApp)(mounted, receive, send);
    }
    const req = request(scope, scope.method);
    let res;
    try {
      if (resolved.type === 'route') {
        req.params = resolved.params;
        req.route = resolved.pattern;
        const length = req.headers.get('content-length') ?? undefined;
        req.setBody(await readAsyncBody(receive, length, table.bodyLimit));
      }
      res = await resolved.chain(req);
    } catch (error) {
      if (isDisconnected(error)) return;
      res = await handleError(error, req, table.ctx);
    }
    await sendAsync(res, req, receive, send, table.ctx.log);
  };

  const websocket = async (scope: WebSocketScope, receive: Receive, send: Send): Promise<void> => {
    const match = table.trie.match(scope.path || '/', WS);
    const entry = match?.value;
    if (entry?.ws == null) {
      if (entry?.mount) {
        const { prefix, path } = mountPaths(scope.path, match?.values.at(-1) ?? '');
        return (entry.mount as AsyncApp)({ ...scope, rootPath: scope.rootPath + prefix, path }, receive, send);
      }
      const socket = new RouterWebSocket(request(scope, 'GET'), scope, receive, send);
      return socket.reject(404, 'Not Found');
    }
    const { ws } = entry;
    const req = request(scope, 'GET');
    const params: Record<string, string> = {};
    ws.names.forEach((name, i) => (params[name] = match?.values[i] as string));
    req.params = params;
    req.route = ws.pattern;
    const socket = new RouterWebSocket(req, scope, receive, send);
    try {
      await ws.handler(socket);
      if (socket.state !== 'closed') await socket.close(1000);
    } catch (error) {
      if (socket.state === 'connecting') {
        // Before accept the error can still be an HTTP answer (async §6.8).
        const page = errorPage(error, req, ws.ctx);
        await socket.reject(page.status, page.body as Uint8Array, page.headers.list);
      } else {
        if (!isHttpError(error)) ws.ctx.log(error, req);
        // RFC 6455 §7.4.1: 1011 is "the server hit an unexpected condition".
        if (socket.state === 'open') await socket.close(1011);
      }
    }
  };

  return async (scope, receive, send) => {
    if (scope.type === 'http') return http(scope, receive, send);
    if (scope.type === 'websocket') return websocket(scope, receive, send);
    return runLifespan(table, scope, receive, send, ownState);
  };
}
