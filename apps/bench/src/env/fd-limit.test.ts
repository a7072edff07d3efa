import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { withFdLimit } from './fd-limit.js';

function run(limit: number): number {
  const { file, args } = withFdLimit({ file: '/bin/sh', args: ['-c', 'ulimit -n'] }, limit);
  return Number(execFileSync(file, args, { encoding: 'utf8' }).trim());
}

describe('withFdLimit', () => {
  it('runs the command with the open-file limit it asks for', () => {
    expect(run(1000)).toBe(1000);
  });

  it('settles for the hard limit when asked for more', () => {
    const hard = Number(execFileSync('/bin/sh', ['-c', 'ulimit -Hn'], { encoding: 'utf8' }).trim());
    if (Number.isFinite(hard)) expect(run(hard + 1000)).toBe(hard);
    else expect(run(2 ** 30)).toBe(2 ** 30); // 'unlimited' hard limit
  });
});
