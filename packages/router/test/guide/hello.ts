import { createRouter } from '@tsgi/router';

export const router = createRouter();

router.get('/', () => 'Hello, world!');
router.get('/users/:id', (req) => ({ id: req.params.id }));

// Serve router.sync with a sync host, or router.async with an async one:
export const syncApp = router.sync;
export const asyncApp = router.async;
