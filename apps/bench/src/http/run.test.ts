import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExpressApp } from './servers/express-app.js';
import { checkScenarios, roundOrder } from './run.js';
import { SCENARIOS } from './scenarios.js';

describe('roundOrder', () => {
  it('rotates the order each round so no contender always goes first', () => {
    expect(roundOrder(['a', 'b', 'c'], 0)).toEqual(['a', 'b', 'c']);
    expect(roundOrder(['a', 'b', 'c'], 1)).toEqual(['b', 'c', 'a']);
    expect(roundOrder(['a', 'b', 'c'], 5)).toEqual(['c', 'a', 'b']);
    expect(roundOrder([], 3)).toEqual([]);
  });
});

describe('checkScenarios against a real server', () => {
  let server: Server;
  let port: number;

  beforeAll(async () => {
    const app = createExpressApp();
    // One wrong route, to see the check catch it.
    app.get('/wrong/json', (_req, res) => {
      res.json({ message: 'Hello, world' });
    });
    server = createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as { port: number }).port;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('accepts the express contender on every scenario', async () => {
    expect(await checkScenarios(port, SCENARIOS)).toBeNull();
  });

  it('names the scenario and the difference when an answer is wrong', async () => {
    const json = SCENARIOS.find((s) => s.id === 'json');
    expect(await checkScenarios(port, [{ ...json!, path: '/wrong/json' }])).toBe(
      'wrong answer to GET /wrong/json: body "{\\"message\\":\\"Hello, world\\"}", expected "{\\"message\\":\\"Hello, World!\\"}"',
    );
  });

  it('rejects a 404', async () => {
    expect(await checkScenarios(port, [{ ...SCENARIOS[0]!, path: '/missing' }])).toBe('wrong answer to GET /missing: status 404, expected 200');
  });
});
