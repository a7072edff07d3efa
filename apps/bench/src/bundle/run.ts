// Measures every package's bundle size once (it does not vary) and its cold import time several times,
// the packages taking turns.
import { failureLine } from '../failure.js';
import { pendingReason } from '../env/workspace.js';
import type { BarKind } from '../report/svg-bar-chart.js';
import { NOT_SELECTED, type RunContext } from '../suite.js';
import { coldImportMs } from './import-time.js';
import { MEASURED_PACKAGES, packageLabel } from './packages.js';
import { bundleSize, type BundleSize } from './size.js';

/** One package's measurements. */
export interface PackageResult {
  name: string;
  /** The package, and which exports when not all. */
  label: string;
  kind: BarKind;
  unavailable: string | null;
  failure: string | null;
  /** With every dependency bundled in (what a user ships). */
  full: BundleSize | null;
  /** Other @tsgi packages left out (this package's own share); null for peers. */
  own: BundleSize | null;
  importMs: number[];
}

/** The bundle suite's results. */
export interface BundleResults {
  importRuns: number;
  packages: PackageResult[];
}

/** Runs the bundle suite. */
export async function runBundle(ctx: RunContext): Promise<BundleResults> {
  const packages: PackageResult[] = [];
  for (const pkg of MEASURED_PACKAGES) {
    const unavailable = !ctx.selected(pkg.name) ? NOT_SELECTED : pkg.name.startsWith('@tsgi/') ? await pendingReason(pkg.name) : null;
    const result: PackageResult = { name: pkg.name, label: packageLabel(pkg), kind: pkg.kind, unavailable, failure: null, full: null, own: null, importMs: [] };
    packages.push(result);
    if (unavailable) continue;
    try {
      result.full = await bundleSize(pkg);
      if (pkg.kind === 'tsgi') result.own = await bundleSize(pkg, true);
    } catch (error) {
      result.failure = `cannot bundle: ${failureLine(error)}`;
    }
  }
  for (let run = 0; run < ctx.profile.bundle.importRuns; run++) {
    for (const result of packages) {
      // Importing loads the whole module whatever an app uses, so a tree-shaken variant has no row of its own.
      if (result.unavailable || result.label !== result.name) continue;
      try {
        result.importMs.push(await coldImportMs(ctx.tools, result.name));
      } catch (error) {
        result.failure ??= `cannot import: ${failureLine(error)}`;
      }
    }
  }
  for (const result of packages) ctx.log(`  ${result.label}: ${result.full?.gzipped ?? '—'} B min+gzip, ${result.importMs.map(Math.round).join('/')} ms import`);
  return { importRuns: ctx.profile.bundle.importRuns, packages };
}
