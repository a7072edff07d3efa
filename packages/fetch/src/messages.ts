// Every message @tsgi/fetch throws or logs, in one place: code uses them, tests import them.

/** Messages for mistakes in how the adapter is called (thrown when the handler is built). */
export const OPTION_MESSAGES = {
  notAFunction: '@tsgi/fetch: the app must be a function, sync (environ, startResponse) or async (scope, receive, send)',
  ambiguousApp: (length: number) =>
    `@tsgi/fetch: cannot tell the app's interface from its ${length} declared parameter(s); pass { interface: 'sync' } or { interface: 'async' }`,
  badInterface: (value: unknown) =>
    `@tsgi/fetch: interface must be 'sync', 'async' or 'auto', got ${JSON.stringify(value) ?? String(value)}`,
  badBodyLimit: (value: unknown) =>
    `@tsgi/fetch: bodyLimit must be a non-negative integer of bytes, got ${JSON.stringify(value) ?? String(value)}`,
  badLifespan: (value: unknown) =>
    `@tsgi/fetch: lifespan must be 'auto', 'on' or 'off', got ${JSON.stringify(value) ?? String(value)}`,
} as const;

/** Messages for what goes wrong while serving (logged, and answered with a status). */
export const SERVE_MESSAGES = {
  startupFailed: '@tsgi/fetch: lifespan startup failed, so every request is answered 503 until the isolate is replaced',
  unexpected: '@tsgi/fetch: unexpected failure while handling a request',
  background: '@tsgi/fetch: work passed to waitUntil failed',
  shutdownFailed: '@tsgi/fetch: lifespan shutdown failed',
} as const;
