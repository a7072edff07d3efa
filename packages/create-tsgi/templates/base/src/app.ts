// The app: one route table. The entry for this project's target serves it; test/ calls it in memory.
import { createRouter, json } from '@tsgi/router';

export const router = createRouter();

router.get('/', () => 'Hello from tsgi!\n');

router.get('/hello/:name', (req) => json({ hello: req.params.name }));

router.post('/echo', (req) => json({ received: req.json() }));

// For load balancer and Kubernetes probes.
router.get('/healthz', () => 'ok\n');
