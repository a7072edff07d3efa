import { createRouter, html, json, redirect, sse, stream, text } from '@tsgi/router';
import { clearCookie, setCookie } from '@tsgi/router/cookies';

export const router = createRouter();

router.get('/plain', () => 'a string is text/plain');
router.get('/data', () => ({ an: 'object is JSON' }));
router.get('/created', () => json({ id: 1 }, { status: 201, headers: { location: '/things/1' } }));
router.get('/page', () => html('<h1>Hello</h1>'));
router.get('/old', () => redirect('/new', 301));
router.get('/login', () => {
  const res = setCookie(text('welcome'), 'session', 'abc123', { httpOnly: true, sameSite: 'Lax', maxAge: 3600 });
  return clearCookie(res, 'legacy');
});
router.get('/count', () =>
  stream(
    (function* () {
      for (let i = 1; i <= 3; i++) yield `${i}\n`;
    })(),
    { headers: { 'content-type': 'text/plain' } },
  ),
);
router.get('/events', () => sse([{ event: 'tick', data: { n: 1 } }, { event: 'tick', data: { n: 2 } }]));
