import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isScaffoldError, type ScaffoldError } from './errors.js';
import { MESSAGES, NAME_RULES } from './messages.js';
import { scaffold, type ScaffoldOptions } from './scaffold.js';
import { TARGET_NAMES } from './targets.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'create-tsgi-scaffold-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const failure = (options: ScaffoldOptions): ScaffoldError => {
  try {
    scaffold(options);
  } catch (error) {
    if (isScaffoldError(error)) return error;
    throw error;
  }
  throw new Error('expected a ScaffoldError');
};
const manifest = (project: string) => JSON.parse(readFileSync(join(project, 'package.json'), 'utf8')) as Record<string, Record<string, string>>;

describe('scaffold', () => {
  it.each(TARGET_NAMES)('writes the app, an entry, a README, a test and a .gitignore for %s', (target) => {
    const project = join(dir, 'shop');
    const written: string[] = [];
    const result = scaffold({ directory: project, target, onFile: (path) => written.push(path) });
    expect(result).toMatchObject({ directory: project, name: 'shop', target });
    expect(written).toEqual(result.files);
    expect(result.files).toEqual(expect.arrayContaining(['.gitignore', 'README.md', 'package.json', 'src/app.ts', 'test/app.test.ts', 'tsconfig.json']));
    expect(readFileSync(join(project, 'README.md'), 'utf8')).toMatch(/^# shop\n/);
    expect(readFileSync(join(project, 'README.md'), 'utf8')).not.toContain('{{');
    expect(manifest(project)).toMatchObject({ name: 'shop', scripts: { test: 'vitest run' } });
  });

  it('gives each target its entry and start command', () => {
    const entries = { server: 'src/app.ts', express: 'src/server.ts', 'aws-lambda': 'src/handler.ts', 'cloudflare-workers': 'src/worker.ts', deno: 'src/server.ts', bun: 'src/server.ts' };
    for (const target of TARGET_NAMES) {
      const project = join(dir, target);
      const { files } = scaffold({ directory: project, target });
      expect(files).toContain(entries[target]);
    }
    expect(manifest(join(dir, 'server')).scripts?.start).toBe('tsgi serve src/app.ts:router');
    expect(manifest(join(dir, 'deno')).scripts?.start).toContain('deno run');
    expect(readFileSync(join(dir, 'cloudflare-workers', 'wrangler.toml'), 'utf8')).toContain('name = "cloudflare-workers"');
  });

  it('depends on released @tsgi ranges, never on workspace: specs', () => {
    scaffold({ directory: join(dir, 'shop'), target: 'express' });
    const { dependencies } = manifest(join(dir, 'shop'));
    expect(dependencies?.['@tsgi/express']).toMatch(/^\^\d+\.\d+\.\d+/);
    expect(dependencies?.['@tsgi/router']).toMatch(/^\^\d+\.\d+\.\d+/);
    expect(readFileSync(join(dir, 'shop', 'package.json'), 'utf8')).not.toContain('workspace:');
  });

  it('writes the package manager’s commands into the README', () => {
    scaffold({ directory: join(dir, 'shop'), target: 'aws-lambda', packageManager: 'pnpm' });
    const readme = readFileSync(join(dir, 'shop', 'README.md'), 'utf8');
    expect(readme).toContain('pnpm install');
    expect(readme).toContain('pnpm build');
  });

  it('refuses a folder with anything in it, and leaves it untouched', () => {
    const project = join(dir, 'shop');
    mkdirSync(project);
    writeFileSync(join(project, 'notes.txt'), 'mine');
    const error = failure({ directory: project, target: 'server' });
    expect(error.code).toBe('not-empty');
    expect(error.exitCode).toBe(1);
    expect(error.message).toBe(MESSAGES.notEmpty(project, ['notes.txt']));
    expect(readdirSync(project)).toEqual(['notes.txt']);
  });

  it('writes into a folder holding only .git', () => {
    const project = join(dir, 'shop');
    mkdirSync(join(project, '.git'), { recursive: true });
    expect(scaffold({ directory: project, target: 'bun' }).files).toContain('src/server.ts');
  });

  it('refuses a path that is a file', () => {
    const path = join(dir, 'shop');
    writeFileSync(path, '');
    expect(failure({ directory: path, target: 'server' }).message).toBe(MESSAGES.notADirectory(path));
  });

  it('refuses an invalid package name before writing anything (exit 2)', () => {
    const error = failure({ directory: join(dir, 'Shop'), target: 'server' });
    expect(error.code).toBe('invalid-name');
    expect(error.exitCode).toBe(2);
    expect(error.message).toBe(MESSAGES.invalidName('Shop', [NAME_RULES.uppercase]));
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses an unknown target', () => {
    const error = failure({ directory: join(dir, 'shop'), target: 'vercel' as never });
    expect(error.message).toBe(MESSAGES.unknownTarget('vercel'));
  });

  describe('with tsgiTarballs', () => {
    const pack = (names: string[]) => {
      const packs = join(dir, 'packs');
      mkdirSync(packs);
      for (const name of names) writeFileSync(join(packs, `tsgi-${name}-0.4.1.tgz`), '');
      return packs;
    };

    it('points @tsgi dependencies at the tarballs and overrides the transitive ones', () => {
      const packs = pack(['sync', 'async', 'router', 'node', 'server']);
      scaffold({ directory: join(dir, 'shop'), target: 'server', tsgiTarballs: packs });
      const result = manifest(join(dir, 'shop'));
      expect(result.dependencies?.['@tsgi/server']).toBe(`file:${join(packs, 'tsgi-server-0.4.1.tgz')}`);
      expect(result.overrides?.['@tsgi/sync']).toBe(`file:${join(packs, 'tsgi-sync-0.4.1.tgz')}`);
      expect((result.pnpm as unknown as { overrides: Record<string, string> }).overrides['@tsgi/node']).toBe(`file:${join(packs, 'tsgi-node-0.4.1.tgz')}`);
      expect(result.devDependencies?.vitest).toMatch(/^\^/);
    });

    it('names the missing tarball and writes nothing', () => {
      const packs = pack(['router']);
      const error = failure({ directory: join(dir, 'shop'), target: 'server', tsgiTarballs: packs });
      expect(error.message).toBe(MESSAGES.missingTarball('@tsgi/server', packs));
      expect(error.exitCode).toBe(2);
      expect(readdirSync(dir)).toEqual(['packs']);
    });

    it('refuses a folder without tarballs', () => {
      const empty = join(dir, 'empty');
      mkdirSync(empty);
      expect(failure({ directory: join(dir, 'shop'), target: 'server', tsgiTarballs: empty }).code).toBe('tarballs');
    });
  });
});
