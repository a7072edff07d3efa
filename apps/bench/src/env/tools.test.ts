import { describe, expect, it } from 'vitest';
import { pinned } from './tools.js';

const command = { file: 'node', args: ['server.js'] };

describe('pinned', () => {
  it('puts the server on core 1 and the load generator on core 0', () => {
    const tools = { taskset: '/usr/bin/taskset', cores: 2 };
    expect(pinned(tools, 'server', command)).toEqual({ file: '/usr/bin/taskset', args: ['-c', '1', 'node', 'server.js'] });
    expect(pinned(tools, 'load', command).args.slice(0, 2)).toEqual(['-c', '0']);
  });

  it('leaves the command alone on one core or without taskset', () => {
    expect(pinned({ taskset: '/usr/bin/taskset', cores: 1 }, 'server', command)).toBe(command);
    expect(pinned({ taskset: null, cores: 8 }, 'server', command)).toBe(command);
  });
});
