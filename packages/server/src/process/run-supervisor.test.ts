import { describe, expect, it } from 'vitest';
import { createConfig } from '../config/resolve-config.js';
import { usesSupervisor } from './run-supervisor.js';

describe('usesSupervisor', () => {
  it('serves in one process unless an option needs the supervisor', () => {
    expect(usesSupervisor(createConfig({}))).toBe(false);
    expect(usesSupervisor(createConfig({ threads: 4 }))).toBe(false);
  });

  it.each([[{ workers: 1 }], [{ timeout: 5 }], [{ maxRequests: 100 }], [{ reload: true }], [{ pid: '/run/tsgi.pid' }]])('supervises for %o', (options) => {
    expect(usesSupervisor(createConfig(options))).toBe(true);
  });
});
