import { createRouter } from '@tsgi/router';

export const sent: string[] = [];

export const router = createRouter();

router.onStartup((state) => {
  state.greeting = 'hello';
});
router.onShutdown((state) => {
  delete state.greeting;
});

router.get('/greet', (req) => `${String(req.state.greeting)} from the lifespan state`);

router.post('/signup', (req) => {
  req.background(() => void sent.push('welcome email'));
  return 'signed up';
});
