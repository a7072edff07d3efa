// The suite must fail a broken host: each mutant gets one thing wrong, and the case meant to catch
// it fails while an unrelated case still passes.
import { describe, expect, it, vi } from 'vitest';
import { runConformanceCase } from '../src/index.js';
import { mutants } from './mutants.js';

describe('strictness', () => {
  it.each(mutants)('fails a host that $flaw ($fails)', async (mutant) => {
    // The mutants break hosts on purpose; the reference host's error log is expected noise.
    vi.spyOn(console, 'error').mockImplementation(() => {});
    await expect(runConformanceCase(mutant.driver, mutant.fails, { interface: mutant.interface })).rejects.toThrow();
    await runConformanceCase(mutant.driver, mutant.passes, { interface: mutant.interface });
  }, 15_000); // a journal wait gives up after JOURNAL_WAIT_MS (5 s)
});
