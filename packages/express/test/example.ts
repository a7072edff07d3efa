// A @tsgi/router app mounted at /api beside ordinary Express routes and middleware.
import { tsgi } from '@tsgi/express';
import { createRouter } from '@tsgi/router';
import { websocket } from '@tsgi/router/websocket';
import cookieParser from 'cookie-parser';
import express from 'express';
import helmet from 'helmet';
import { once } from 'node:events';
import type { Server } from 'node:http';

// The tsgi app: HTTP routes, a WebSocket route and a startup hook.
const router = createRouter({ websocket });
router.onStartup((state) => {
  state.greeting = 'hello';
});
router.get('/users/:id', (req) => ({
  id: req.params.id,
  greeting: req.state.greeting,
  session: req.cookies.session ?? null,
  mountedAt: req.rootPath,
}));
router.ws('/echo', async (socket) => {
  await socket.accept();
  for await (const message of socket) await socket.send(message);
});

// fallthrough: the router's 404s go on to the Express routes below.
export const api = tsgi(router.async, { fallthrough: true });

const app = express();
app.use(helmet()); // its headers reach tsgi responses too
app.use(cookieParser()); // for Express routes; the tsgi app reads the Cookie header itself
app.use('/api', api); // before the body parser, so the app reads the body as sent
app.use(express.json());
app.get('/health', (req, res) => {
  res.json({ ok: true, session: req.cookies.session ?? null });
});
app.post('/echo', (req, res) => {
  res.json(req.body);
});
app.get('/api/legacy', (_req, res) => {
  res.send('served by Express after the router answered 404');
});

/** Runs lifespan startup, then listens; WebSockets under /api, shutdown when the server closes. */
export async function start(port = 3000, host = '127.0.0.1'): Promise<Server> {
  await api.ready();
  const server = api.attach(app.listen(port, host), { path: '/api' });
  await once(server, 'listening');
  return server;
}
