import { createRouter, text, type AsyncNext, type Middleware } from '@tsgi/router';

// A sync middleware works through both interfaces.
const requireToken: Middleware = (req, next) => {
  if (req.headers.get('authorization') !== 'Bearer secret') {
    return text('Unauthorized', { status: 401, headers: { 'www-authenticate': 'Bearer' } });
  }
  const res = next();
  res.headers.set('cache-control', 'private');
  return res;
};

export const router = createRouter();
router.use(requireToken);
router.get('/me', () => ({ user: 'ada' }));

// An async middleware (async interface only) annotates `next` to await it.
export const asyncRouter = createRouter();
asyncRouter.use(async (req, next: AsyncNext) => {
  const started = Date.now();
  const res = await next();
  res.headers.set('server-timing', `app;dur=${Date.now() - started}`);
  return res;
});
asyncRouter.get('/slow', async () => {
  await new Promise((resolve) => setTimeout(resolve, 1));
  return 'done';
});
