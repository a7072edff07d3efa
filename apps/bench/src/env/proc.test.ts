import { describe, expect, it } from 'vitest';
import { isRunning, parseParentPid, parseProcStatus, parseState, processTree, treeMemory } from './proc.js';

describe('parseProcStatus', () => {
  it('reads VmRSS and VmHWM in bytes', () => {
    const status = 'Name:\tnode\nVmPeak:\t 999 kB\nVmHWM:\t    2048 kB\nVmRSS:\t    1024 kB\n';
    expect(parseProcStatus(status)).toEqual({ rss: 1024 * 1024, hwm: 2048 * 1024 });
  });

  it('reads zero for a kernel thread that has no memory fields', () => {
    expect(parseProcStatus('Name:\tkthreadd\n')).toEqual({ rss: 0, hwm: 0 });
  });
});

describe('parseParentPid', () => {
  it('counts fields from the last parenthesis, so odd command names do not shift them', () => {
    expect(parseParentPid('1234 (node (worker) x) S 99 1234 1234 0 -1')).toBe(99);
  });
});

describe('parseState', () => {
  it('reads the state letter after the command name', () => {
    expect(parseState('1234 (node (worker) x) Z 1 1234')).toBe('Z');
    expect(parseState('1 (init) S 0 1')).toBe('S');
  });
});

describe('process memory', () => {
  it('tells a running process from one that does not exist', () => {
    expect(isRunning(process.pid)).toBe(true);
    expect(isRunning(2 ** 22 + 7)).toBe(false);
  });

  it('finds this process in its own tree and measures it', () => {
    expect(processTree(process.pid)).toContain(process.pid);
    const memory = treeMemory(process.pid);
    expect(memory?.rss).toBeGreaterThan(1024 * 1024);
    expect(memory?.hwm).toBeGreaterThanOrEqual(memory?.rss ?? Infinity);
  });

  it('answers null for a process that does not exist', () => {
    expect(treeMemory(2 ** 22 + 7)).toBeNull();
  });
});
