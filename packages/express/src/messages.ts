// Every message @tsgi/express produces, in one place: code uses them, tests import them.

/** What the Express mount says when it cannot serve a request as asked. */
export const EXPRESS_MESSAGES = {
  bodyConsumed: (method: string, url: string) =>
    `@tsgi/express: the body of ${method} ${url} was already read by another middleware (a body parser?) ` +
    'and its raw bytes were not kept. Mount the tsgi app before the body parser, or keep the bytes in ' +
    'req.rawBody with the parser\'s verify hook: express.json({ verify: (req, _res, buf) => { req.rawBody = buf } })',
  bodyDecoded: (method: string, url: string, encoding: string) =>
    `@tsgi/express: the body of ${method} ${url} was decoded from Content-Encoding '${encoding}' by a body ` +
    'parser, so its raw bytes are gone. Mount the tsgi app before the body parser.',
  closed: '@tsgi/express: the app was shut down (middleware.close()) and serves no more requests',
  syncWebSocket: "@tsgi/express: attach(server, { path }) serves WebSockets, which sync apps cannot speak (async §7.1); leave 'path' out",
  badMountPath: (path: string) => `@tsgi/express: attach(server, { path }) needs a literal path such as '/api', got ${JSON.stringify(path)}`,
} as const;
