import { describe, expect, it } from 'vitest';
import { mergeJson, pinTsgiVersions } from './package-json.js';

describe('mergeJson', () => {
  it('merges objects key by key and replaces everything else', () => {
    expect(mergeJson({ scripts: { test: 'vitest run', start: 'a' }, files: ['x'] }, { scripts: { start: 'b' }, files: ['y'] })).toEqual({
      scripts: { test: 'vitest run', start: 'b' },
      files: ['y'],
    });
  });
});

describe('pinTsgiVersions', () => {
  it('replaces workspace:^ with the released range and sorts the dependencies', () => {
    const pinned = pinTsgiVersions({ dependencies: { tsx: '^4.0.0', '@tsgi/router': 'workspace:^' } }, { '@tsgi/router': '^0.3.0' });
    expect(JSON.stringify(pinned.dependencies)).toBe('{"@tsgi/router":"^0.3.0","tsx":"^4.0.0"}');
  });

  it('throws for a package it knows no version of', () => {
    expect(() => pinTsgiVersions({ dependencies: { '@tsgi/nope': 'workspace:^' } }, {})).toThrow('@tsgi/nope');
  });
});
