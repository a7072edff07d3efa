import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { withFdLimit } from './fd-limit.js';

function run(limit: number): string {
  const { file, args } = withFdLimit({ file: '/bin/sh', args: ['-c', 'ulimit -n'] }, limit);
  return execFileSync(file, args, { encoding: 'utf8' }).trim();
}

const hard = execFileSync('/bin/sh', ['-c', 'ulimit -Hn'], { encoding: 'utf8' }).trim();

describe('withFdLimit', () => {
  it('runs the command with the open-file limit it asks for', () => {
    const wanted = hard === 'unlimited' ? 1000 : Math.min(1000, Number(hard));
    expect(run(wanted)).toBe(String(wanted));
  });

  it('settles for the hard limit when asked for more', () => {
    if (hard === 'unlimited') expect(run(2 ** 20)).toBe(String(2 ** 20));
    else expect(run(Number(hard) + 1000)).toBe(hard);
  });
});
