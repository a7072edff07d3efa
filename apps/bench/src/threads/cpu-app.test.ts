import { describe, expect, it } from 'vitest';
import { burn } from './cpu-app.js';

describe('burn', () => {
  it('is deterministic, so its result proves the work was done', () => {
    expect(burn(3)).toBe(2064144800);
    expect(burn(1000)).not.toBe(burn(1001));
  });
});
