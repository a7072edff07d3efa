import { createRouter } from '@tsgi/router';

export const router = createRouter();

router.get('/posts/:year?/:slug?', (req) => req.params); // { year?: string; slug?: string }
router.get('/files/*', (req) => `file ${req.params['*']}`); // the rest of the path
router.get('/users/new', () => 'the form'); // static beats /users/:id
router.get('/users/:id', (req) => req.url('user', { id: req.params.id }), { name: 'user' });
router.put('/users/:id', (req) => `replaced ${req.params.id}`);
router.on(['GET', 'POST'], '/search', (req) => req.method);
router.all('/proxy/*', (req) => `${req.method} ${req.params['*']}`);
