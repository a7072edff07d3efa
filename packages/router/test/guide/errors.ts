import { createRouter, html, HttpError, json } from '@tsgi/router';

class NotEnoughCredit extends Error {}

export const router = createRouter();

router.get('/items/:id', (req) => {
  if (req.params.id !== '1') throw new HttpError(404, `No item ${req.params.id}`);
  return { id: 1 };
});
router.post('/buy', () => {
  throw new NotEnoughCredit('top up first');
});

router.onError(NotEnoughCredit, (err) => json({ error: err.message }, { status: 402 }));
router.onError(404, (err, req) => html(`<h1>Not here</h1><p>${req.path}: ${err.message}</p>`, { status: 404 }));
