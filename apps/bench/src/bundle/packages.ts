// The packages whose size and import time are measured: every tsgi runtime package, and a few peers
// for scale.
import type { BarKind } from '../report/svg-bar-chart.js';

/** One package to bundle and import. */
export interface MeasuredPackage {
  name: string;
  /** Bundle only these exports (tree-shaken), as an app using just them would. @default every export */
  only?: readonly string[];
  kind: BarKind;
  /** esbuild platform: runtime-neutral packages must bundle without Node's builtins. */
  platform: 'neutral' | 'node';
}

/**
 * How a measured package is named in the report.
 *
 * @example
 * packageLabel({ name: '@tsgi/router', only: ['createRouter'], kind: 'tsgi', platform: 'neutral' }); // '@tsgi/router { createRouter }'
 */
export function packageLabel(pkg: MeasuredPackage): string {
  return pkg.only ? `${pkg.name} { ${pkg.only.join(', ')} }` : pkg.name;
}

/** In report order. */
export const MEASURED_PACKAGES: readonly MeasuredPackage[] = [
  { name: '@tsgi/sync', kind: 'tsgi', platform: 'neutral' },
  { name: '@tsgi/async', kind: 'tsgi', platform: 'neutral' },
  { name: '@tsgi/router', kind: 'tsgi', platform: 'neutral' },
  { name: '@tsgi/router', only: ['createRouter'], kind: 'tsgi', platform: 'neutral' },
  { name: '@tsgi/node', kind: 'tsgi', platform: 'node' },
  { name: '@tsgi/server', kind: 'tsgi', platform: 'node' },
  { name: '@tsgi/express', kind: 'tsgi', platform: 'node' },
  { name: '@tsgi/aws-lambda', kind: 'tsgi', platform: 'neutral' },
  { name: '@tsgi/fetch', kind: 'tsgi', platform: 'neutral' },
  { name: 'hono', kind: 'peer', platform: 'neutral' },
  { name: 'h3', kind: 'peer', platform: 'node' },
  { name: 'find-my-way', kind: 'peer', platform: 'node' },
  { name: 'express', kind: 'peer', platform: 'node' },
  { name: 'fastify', kind: 'peer', platform: 'node' },
];
