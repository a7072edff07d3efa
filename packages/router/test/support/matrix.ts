// One test body, run through both interfaces with the spec validators wrapping the app (STYLE.md:
// "Every router test with synchronous handlers runs through both interfaces").
import { describe } from 'vitest';
import { validate as validateSync, type SyncApp } from '@tsgi/sync';
import { validate as validateAsync, type AsyncApp } from '@tsgi/async';
import type { Router } from '../../src/index.js';
import { createTestClient, type TestClient, type TestClientOptions } from '../../src/testing/index.js';

export type Interface = 'sync' | 'async';
export const INTERFACES: readonly Interface[] = ['sync', 'async'];

/** A test client over the validated app for one interface. */
export function clientFor(router: Router, iface: Interface, options: Omit<TestClientOptions, 'interface'> = {}): TestClient {
  const wrap = (app: SyncApp | AsyncApp) => (iface === 'sync' ? validateSync(app as SyncApp) : validateAsync(app as AsyncApp));
  return createTestClient(router, { interface: iface, wrap, ...options });
}

/** Registers `body` once per interface, under `name (sync)` and `name (async)`. */
export function describeMatrix(
  name: string,
  body: (client: (router: Router, options?: Omit<TestClientOptions, 'interface'>) => TestClient, iface: Interface) => void,
): void {
  for (const iface of INTERFACES) {
    describe(`${name} (${iface})`, () => body((router, options) => clientFor(router, iface, options), iface));
  }
}
