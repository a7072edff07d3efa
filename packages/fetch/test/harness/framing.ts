// What the adapter's one-chunk fast path buys on a real runtime: a body the app sends in one piece
// goes out as bytes with Content-Length instead of a stream the runtime would send chunked.
import { createProbeApp, PROBE_ROUTES, type Driver } from '@tsgi/conformance';
import { describe, expect, it } from 'vitest';

const header = (headers: Array<[string, string]>, name: string): string | undefined => headers.find(([n]) => n === name)?.[1];

export function describeFraming(driver: Driver): void {
  describe(`framing: ${driver.name}`, () => {
    for (const kind of ['sync', 'async'] as const) {
      it(`sends a ${kind} app's one-piece body with Content-Length, not chunked`, async () => {
        const served = await driver.start(createProbeApp(kind).app, { interface: kind });
        try {
          const one = await served.request({ method: 'GET', target: `${PROBE_ROUTES.stream}?chunks=1&size=5` });
          expect([header(one.headers, 'content-length'), header(one.headers, 'transfer-encoding')]).toEqual(['5', undefined]);
          const three = await served.request({ method: 'GET', target: `${PROBE_ROUTES.stream}?chunks=3&size=5` });
          expect(three.body).toHaveLength(15);
        } finally {
          await served.stop();
        }
      });
    }
  });
}
