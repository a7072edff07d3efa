// Shared by every package's vitest config (STYLE.md: unexpected console.error fails a test).
// A test that expects error output installs its own spy, which replaces this recorder.
import { afterEach, beforeEach, vi } from 'vitest';

let unexpected: unknown[][] = [];

beforeEach(() => {
  unexpected = [];
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    unexpected.push(args);
  });
});

afterEach(() => {
  vi.restoreAllMocks();
  if (unexpected.length > 0) {
    const first = unexpected[0]?.map((arg) => (arg instanceof Error ? arg.stack : String(arg))).join(' ');
    throw new Error(`unexpected console.error (${unexpected.length} call(s)): ${first}`);
  }
});
