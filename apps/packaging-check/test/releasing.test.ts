// docs/releasing.md, step 1, on a copy of the workspace: the pending changesets are well-formed and
// `changeset version` (the root `version-packages` script) does what the page says. Nothing is published.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectSuccess, run } from './helpers/processes.js';
import { publicPackages, REPO_ROOT } from './helpers/workspace.js';

type Bump = 'patch' | 'minor' | 'major';
const ORDER: Record<string, number> = { patch: 0, minor: 1, major: 2 };
const copy = mkdtempSync(join(tmpdir(), 'tsgi-releasing-'));
const changesetDir = join(REPO_ROOT, '.changeset');
const pending = readdirSync(changesetDir).filter((file) => file.endsWith('.md') && file !== 'README.md');
const publicNames = new Set(publicPackages().map((pkg) => pkg.name));
const rootManifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };

interface Changeset {
  file: string;
  bumps: Record<string, Bump>;
  summary: string;
}

function parse(file: string): Changeset {
  const text = readFileSync(join(changesetDir, file), 'utf8');
  const match = /^---\n([\s\S]*?)\n---\n+([\s\S]+)$/.exec(text);
  if (!match) throw new Error(`${file}: expected frontmatter between --- lines, then a summary`);
  const bumps: Changeset['bumps'] = {};
  for (const line of (match[1] ?? '').split('\n').filter((l) => l.trim() !== '')) {
    const entry = /^"([^"]+)": (patch|minor|major)$/.exec(line.trim());
    if (!entry) throw new Error(`${file}: not a '"package": patch|minor|major' line: ${line}`);
    bumps[entry[1] ?? ''] = entry[2] as Changeset['bumps'][string];
  }
  return { file, bumps, summary: (match[2] ?? '').trim() };
}

const manifest = (dir: string) => JSON.parse(readFileSync(join(copy, dir, 'package.json'), 'utf8')) as { name: string; version: string; private?: boolean };
const folders = ['packages', 'apps'].flatMap((group) => readdirSync(join(REPO_ROOT, group)).map((name) => `${group}/${name}`)).filter((dir) => existsSync(join(REPO_ROOT, dir, 'package.json')));
const before = new Map(folders.map((dir) => [dir, JSON.parse(readFileSync(join(REPO_ROOT, dir, 'package.json'), 'utf8')) as { name: string; version: string }]));

beforeAll(async () => {
  // Only what changesets reads: the manifests, the workspace file and .changeset/.
  for (const file of ['package.json', 'pnpm-workspace.yaml']) cpSync(join(REPO_ROOT, file), join(copy, file));
  cpSync(changesetDir, join(copy, '.changeset'), { recursive: true });
  for (const dir of folders) {
    mkdirSync(join(copy, dir), { recursive: true });
    cpSync(join(REPO_ROOT, dir, 'package.json'), join(copy, dir, 'package.json'));
  }
  const bin = join(dirname(createRequire(join(REPO_ROOT, 'package.json')).resolve('@changesets/cli/package.json')), 'bin.js');
  expectSuccess('changeset version', await run(process.execPath, [bin, 'version'], { cwd: copy, timeoutMs: 60_000 }));
}, 90_000);

afterAll(() => {
  rmSync(copy, { recursive: true, force: true });
});

describe('the release workflow (docs/releasing.md)', () => {
  it('has the root scripts the page runs', () => {
    expect(rootManifest.scripts['version-packages']).toBe('changeset version');
    expect(rootManifest.scripts.release).toMatch(/turbo run build lint .*&& changeset publish$/);
  });

  it.each(pending)('has a well-formed changeset %s naming public packages', (file) => {
    const changeset = parse(file);
    expect(Object.keys(changeset.bumps).length).toBeGreaterThan(0);
    expect(Object.keys(changeset.bumps).filter((name) => !publicNames.has(name))).toEqual([]);
    expect(changeset.summary.length).toBeGreaterThan(10);
  });

  it('bumps every package a pending changeset names, by the largest bump named, and writes its changelog', () => {
    const wanted = new Map<string, { bump: string; summaries: string[] }>();
    for (const changeset of pending.map(parse)) {
      for (const [name, bump] of Object.entries(changeset.bumps)) {
        const entry = wanted.get(name) ?? { bump, summaries: [] };
        if ((ORDER[bump] ?? 0) > (ORDER[entry.bump] ?? 0)) entry.bump = bump;
        entry.summaries.push(changeset.summary.split('\n')[0] ?? '');
        wanted.set(name, entry);
      }
    }
    for (const [dir, old] of before) {
      const entry = wanted.get(old.name);
      if (entry === undefined) continue;
      const [major = 0, minor = 0, patch = 0] = old.version.split('.').map(Number);
      const next = { major: `${major + 1}.0.0`, minor: `${major}.${minor + 1}.0`, patch: `${major}.${minor}.${patch + 1}` }[entry.bump];
      expect(manifest(dir).version, old.name).toBe(next);
      const changelog = readFileSync(join(copy, dir, 'CHANGELOG.md'), 'utf8');
      for (const summary of entry.summaries) expect(changelog).toContain(summary);
    }
  });

  it('consumes the changesets it applied', () => {
    expect(readdirSync(join(copy, '.changeset')).filter((file) => file.endsWith('.md') && file !== 'README.md')).toEqual([]);
  });
});
