import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadApp, splitAppSpec } from './load-app.js';

const fixtures = join(import.meta.dirname, '..', 'test', 'fixtures');

describe('splitAppSpec', () => {
  it('splits MODULE:EXPORT and leaves drive letters and bare modules alone', () => {
    expect(splitAppSpec('src/app.ts:api')).toEqual({ module: 'src/app.ts', exportName: 'api' });
    expect(splitAppSpec('@scope/pkg')).toEqual({ module: '@scope/pkg', exportName: undefined });
    expect(splitAppSpec('C:\\apps\\app.ts')).toEqual({ module: 'C:\\apps\\app.ts', exportName: undefined });
  });
});

describe('loadApp', () => {
  it('loads the default export of an .mjs file', async () => {
    expect(((await loadApp('plain.mjs', fixtures)) as { name: string }).name).toBe('app');
  });

  it("finds a CommonJS module's exports.app", async () => {
    expect(typeof (await loadApp('plain.cjs', fixtures))).toBe('function');
  });

  it('loads TypeScript without a build step, by export name', async () => {
    expect(typeof (await loadApp('./dual-app.ts:router', fixtures))).toBe('object');
  });

  it('resolves a package name from the working directory', async () => {
    expect(typeof (await loadApp('@tsgi/node:toNodeHandler', import.meta.dirname))).toBe('function');
  });

  it('names what the module does export when the export is missing', async () => {
    await expect(loadApp('plain.cjs:api', fixtures)).rejects.toThrow(/plain\.cjs exports no 'api' \(found: .*app/);
    await expect(loadApp('nowhere.ts', fixtures)).rejects.toThrow(/nowhere\.ts not found/);
  });
});
