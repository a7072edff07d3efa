// The CI check for what npm users get: every public package, packed as it will be published,
// installs into a fresh project outside the workspace, loads from ESM and from CJS, runs its bins,
// and type-checks with tsc under moduleResolution node16 and bundler.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childEnv, expectSuccess, run, type RunResult } from './helpers/processes.js';
import { publicPackages, tarballName, REPO_ROOT } from './helpers/workspace.js';

const PACKAGES = publicPackages();
const ENTRIES = PACKAGES.flatMap((pkg) => pkg.entries);
// Peer dependencies a user installs beside the packages that declare them.
const PEERS = { express: '^5.1.0', vitest: '^3.2.4' };
// Entries that load only inside a vitest run (they register suites): outside one, both formats
// must fail naming vitest, and inside this one the installed copy must load.
const VITEST_ONLY = new Set(['@tsgi/conformance']);

const root = mkdtempSync(join(tmpdir(), 'tsgi-packaging-'));
const tarballs = join(root, 'tarballs');
const project = join(root, 'consumer');
const env = childEnv();
let esm: Record<string, string[] | { error: string }> = {};
let cjs: Record<string, string[] | { error: string }> = {};

const loader = (format: 'esm' | 'cjs'): string => `
const results = {};
for (const specifier of ${JSON.stringify(ENTRIES)}) {
  try {
    const loaded = ${format === 'esm' ? 'await import(specifier)' : 'require(specifier)'};
    results[specifier] = Object.keys(loaded).sort();
  } catch (error) {
    results[specifier] = { error: String(error && error.message || error).split('\\n')[0] };
  }
}
console.log(JSON.stringify(results));
`;

beforeAll(async () => {
  mkdirSync(tarballs);
  mkdirSync(project);
  await Promise.all(
    PACKAGES.map(async (pkg) =>
      expectSuccess(`pnpm pack (${pkg.name})`, await run('pnpm', ['pack', '--pack-destination', tarballs], { cwd: pkg.folder, env: process.env, timeoutMs: 60_000 })),
    ),
  );
  const local = Object.fromEntries(PACKAGES.map((pkg) => [pkg.name, `file:${join(tarballs, tarballName(pkg))}`]));
  const manifest = {
    name: 'tsgi-consumer',
    private: true,
    type: 'module',
    dependencies: { ...local, ...PEERS },
    devDependencies: { typescript: '~5.9.3', '@types/node': '^20.19.0' },
    // The packages depend on each other by version; overrides keep them on these tarballs.
    overrides: local,
  };
  writeFileSync(join(project, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  expectSuccess('npm install', await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund'], { cwd: project, env, timeoutMs: 240_000 }));

  writeFileSync(join(project, 'load.mjs'), loader('esm'));
  writeFileSync(join(project, 'load.cjs'), loader('cjs'));
  esm = JSON.parse(expectSuccess('node load.mjs', await run('node', ['load.mjs'], { cwd: project, env, timeoutMs: 30_000 })).stdout) as typeof esm;
  cjs = JSON.parse(expectSuccess('node load.cjs', await run('node', ['load.cjs'], { cwd: project, env, timeoutMs: 30_000 })).stdout) as typeof cjs;
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('the workspace', () => {
  it('lists every public package as a devDependency here, so turbo builds it before this test', () => {
    const own = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { devDependencies: Record<string, string> };
    expect(Object.keys(own.devDependencies).sort()).toEqual(expect.arrayContaining(PACKAGES.map((pkg) => pkg.name).sort()));
  });
});

describe.each(PACKAGES.map((pkg) => [pkg.name, pkg] as const))('%s', (_name, pkg) => {
  it('ships a README that shows how to install it and a minimal example', async () => {
    const listing = expectSuccess('tar', await run('tar', ['-tzf', join(tarballs, tarballName(pkg))], { cwd: root, timeoutMs: 10_000 })).stdout;
    expect(listing.split('\n')).toContain('package/README.md');
    const readme = readFileSync(join(project, 'node_modules', pkg.name, 'README.md'), 'utf8');
    expect(readme, 'an install command').toMatch(/\b(npm (i|install|create)|pnpm (add|create)|yarn add)\b/);
    expect(readme, 'a code example').toMatch(/```(ts|js|typescript|javascript)\n/);
  });

  it.each(pkg.entries.filter((entry) => !VITEST_ONLY.has(entry)))('loads %s from ESM', (entry) => {
    const keys = esm[entry];
    expect(keys, JSON.stringify(keys)).toBeInstanceOf(Array);
    expect((keys as string[]).length).toBeGreaterThan(0);
  });

  it.each(pkg.entries.filter((entry) => !VITEST_ONLY.has(entry)))('loads %s from CJS with the same exports', (entry) => {
    expect(cjs[entry]).toEqual(esm[entry]);
  });

  it.each(pkg.entries.filter((entry) => VITEST_ONLY.has(entry)))('loads %s inside vitest only, saying so outside it', async (entry) => {
    expect((esm[entry] as { error: string }).error).toMatch(/vitest/i);
    expect((cjs[entry] as { error: string }).error).toMatch(/vitest/i);
    const { createRequire } = await import('node:module');
    const resolved = createRequire(join(project, 'package.json')).resolve(entry);
    const loaded = (await import(resolved.replace(/\.cjs$/, '.js'))) as Record<string, unknown>;
    expect(Object.keys(loaded).length).toBeGreaterThan(0);
  });

  it.each(pkg.bins)('runs the %s bin with --help', async (bin) => {
    const result: RunResult = await run(join(project, 'node_modules', '.bin', bin), ['--help'], { cwd: project, env, timeoutMs: 30_000 });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^Usage: /m);
  });
});

// tsc's errors in our code: the consumer files and the published tsgi .d.ts files. Errors inside
// third-party declarations (vitest's CJS stub under node16, say) are theirs to fix, not ours.
async function tscErrors(dir: string): Promise<string[]> {
  const result = await run(join(project, 'node_modules', '.bin', 'tsc'), ['-p', dir], { cwd: project, env, timeoutMs: 120_000 });
  const errors = result.stdout.split('\n').filter((line) => /error TS\d+/.test(line));
  const ours = errors.filter((line) => !line.includes('node_modules/') || /node_modules\/(@tsgi\/|create-tsgi\/)/.test(line));
  if (result.code !== 0 && errors.length === 0) return [`tsc exited ${result.code}: ${result.stdout}${result.stderr}`];
  return ours;
}

describe('tsc against the installed packages', () => {
  const consumer = new URL('consumer.ts', import.meta.url);
  // Every entry point too, so one without types (or with broken ones) cannot hide.
  const everyEntry = ENTRIES.map((entry, i) => `import * as entry${i} from '${entry}';`).join('\n') + `\nexport const entries = [${ENTRIES.map((_, i) => `entry${i}`).join(', ')}];\n`;
  const compilerOptions = { strict: true, noEmit: true, skipLibCheck: false, target: 'ES2022', lib: ['ES2023'], types: ['node'] };

  it('type-checks ESM and CJS files under moduleResolution node16', async () => {
    const dir = join(project, 'node16');
    mkdirSync(dir);
    copyFileSync(consumer, join(dir, 'consumer.mts'));
    copyFileSync(consumer, join(dir, 'consumer.cts'));
    writeFileSync(join(dir, 'entries.mts'), everyEntry);
    writeFileSync(join(dir, 'entries.cts'), everyEntry);
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { ...compilerOptions, module: 'node16', moduleResolution: 'node16' }, include: ['*.mts', '*.cts'] }));
    expect(await tscErrors(dir)).toEqual([]);
  }, 130_000);

  it('type-checks under moduleResolution bundler', async () => {
    const dir = join(project, 'bundler');
    mkdirSync(dir);
    copyFileSync(consumer, join(dir, 'consumer.ts'));
    writeFileSync(join(dir, 'entries.ts'), everyEntry);
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { ...compilerOptions, module: 'esnext', moduleResolution: 'bundler' }, include: ['*.ts'] }));
    expect(await tscErrors(dir)).toEqual([]);
  }, 130_000);
});

// Keep the repository root referenced so a moved workspace fails loudly here, not in a pack step.
it('finds the workspace', () => {
  expect(PACKAGES.length).toBeGreaterThan(0);
  expect(REPO_ROOT).toMatch(/\/$/);
});
