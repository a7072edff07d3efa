import { describe, expect, it } from 'vitest';
import { createRouter } from '@tsgi/router';
import { createTestClient } from '@tsgi/router/testing';

const router = createRouter();
router.post('/users', (req) => ({ created: req.json<{ name: string }>().name }));

for (const iface of ['sync', 'async'] as const) {
  describe(`the users API (${iface})`, () => {
    it('creates a user', async () => {
      const client = createTestClient(router, { interface: iface });
      const res = await client.post('/users', { json: { name: 'Ada' } });
      expect(res.status).toBe(200);
      expect(res.json()).toEqual({ created: 'Ada' });
    });
  });
}
