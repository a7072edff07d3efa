import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writePidFile } from './pidfile.js';
import { tempDirs } from '../../test/support/temp-dirs.js';

const tempDir = tempDirs();

describe('writePidFile', () => {
  it('writes the pid and removes the file again', () => {
    const path = join(tempDir('tsgi-pid-'), 'tsgi.pid');
    const remove = writePidFile(path, 1234);
    expect(readFileSync(path, 'utf8')).toBe('1234\n');
    remove();
    expect(existsSync(path)).toBe(false);
  });

  it('leaves a file another supervisor has taken over', () => {
    const path = join(tempDir('tsgi-pid-'), 'tsgi.pid');
    const remove = writePidFile(path, 1234);
    writeFileSync(path, '5678\n');
    remove();
    expect(readFileSync(path, 'utf8')).toBe('5678\n');
  });

  it('refuses a path it cannot write, naming --pid', () => {
    expect(() => writePidFile('/nonexistent-dir/tsgi.pid', 1)).toThrow(expect.objectContaining({ name: 'ConfigError', option: '--pid' }));
  });
});
