import type { SyncApp } from '@tsgi/sync';
import { syncToAsync } from '@tsgi/async';
import { createRouter } from '@tsgi/router';

// A sub-router joins the table: its routes and url() see the prefix.
const users = createRouter();
users.get('/', () => ['ada', 'grace']);
users.get('/:id', (req) => ({ id: req.params.id, self: req.url('user', { id: req.params.id }) }), { name: 'user' });

// Any raw tsgi app, written without the router.
const legacy: SyncApp = (environ, startResponse) => {
  startResponse('200 OK', [['content-type', 'text/plain']]);
  return [new TextEncoder().encode(`SCRIPT_NAME=${environ.SCRIPT_NAME} PATH_INFO=${environ.PATH_INFO}`)];
};

export const router = createRouter();
router.mount('/api/users', users);
// A sync app serves the sync interface as is; wrap it once for the async one.
router.mount('/legacy', { sync: legacy, async: syncToAsync(legacy) });
