import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { handler } from '../src/index.js';
import { asyncRespond, syncRespond } from './support/apps.js';
import { fixture, lambdaContext } from './support/events.js';

// A warm execution environment serves invocation after invocation: nothing of one may outlive it.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

async function collected(ref: WeakRef<object>): Promise<boolean> {
  // Reactions settle over a few turns; poll with a bound rather than sleep.
  for (let turn = 0; turn < 20; turn++) {
    gc();
    if (ref.deref() === undefined) return true;
    await new Promise((resolve) => setImmediate(resolve));
  }
  return false;
}

describe('a warm handler', () => {
  it.each([
    ['async', asyncRespond(200, [['content-type', 'text/plain']], 'ok')],
    ['sync', syncRespond('200 OK', [['content-type', 'text/plain']], 'ok')],
  ] as const)('keeps no %s invocation’s event alive once it has answered', async (_name, app) => {
    const lambda = handler(app);
    let event: object | undefined = fixture('api-gateway-v2');
    const ref = new WeakRef(event);
    expect((await lambda(event, lambdaContext())).statusCode).toBe(200);
    event = undefined;
    expect(await collected(ref)).toBe(true);
  });
});
