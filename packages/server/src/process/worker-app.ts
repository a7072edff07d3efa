// Wraps a worker's app to note each request on the scoreboard (for the timeout log line) and count
// requests (for --max-requests). The wrapper keeps the app's interface, so detection still works.
import type { AsyncApp } from '@tsgi/async';
import type { SyncApp } from '@tsgi/sync';
import type { DetectedApp } from '../detect-interface.js';

/** What the wrapper reports. */
export interface RequestHooks {
  /** A request or WebSocket started: 'GET /path'. */
  started(label: string): void;
  /** The app's code resumes for this request (after receive or send). */
  resumed(label: string): void;
}

/**
 * Returns the same app, reporting each request to `hooks`.
 *
 * @example
 * const watched = instrumentApp(detected, { started: count, resumed: scoreboard.mark });
 */
export function instrumentApp(detected: DetectedApp, hooks: RequestHooks): DetectedApp {
  if (detected.interface === 'sync') {
    const app = detected.app as SyncApp;
    const sync: SyncApp = (environ, startResponse) => {
      hooks.started(`${environ.REQUEST_METHOD} ${String(environ.RAW_URI ?? environ.PATH_INFO).split('?')[0] ?? ''}`);
      return app(environ, startResponse);
    };
    return { interface: 'sync', app: sync };
  }
  const app = detected.app as AsyncApp;
  const wrapped: AsyncApp = async (scope, receive, send) => {
    if (scope.type === 'lifespan') return app(scope, receive, send);
    const label = `${scope.type === 'websocket' ? 'WEBSOCKET' : scope.method} ${scope.rawPath}`;
    hooks.started(label);
    // A loop right after an await is charged to the request that awaited (best effort: other
    // awaits — timers, database calls — resume without passing through here).
    const resume = <T>(value: T): T => {
      hooks.resumed(label);
      return value;
    };
    return app(scope, () => receive().then(resume), (event) => send(event).then(resume));
  };
  return { interface: 'async', app: wrapped };
}
