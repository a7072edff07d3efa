import { describe, expect, it } from 'vitest';
import { REPO_DIR } from '../paths.js';
import { SHOWN_PORT, showCommand } from './show-command.js';

describe('showCommand', () => {
  it('prints node, relative paths and $PORT', () => {
    expect(showCommand({ file: process.execPath, args: [`${REPO_DIR}/apps/bench/dist/x.js`, '--port', String(SHOWN_PORT)] })).toBe(
      'node apps/bench/dist/x.js --port $PORT',
    );
  });

  it('prints node as node wherever it appears, e.g. after taskset', () => {
    expect(showCommand({ file: '/usr/bin/taskset', args: ['-c', '1', process.execPath, 'x.js'] })).toBe('/usr/bin/taskset -c 1 node x.js');
  });

  it('keeps the port inside a bind address', () => {
    expect(showCommand({ file: '/usr/bin/gunicorn', args: ['--bind', `127.0.0.1:${SHOWN_PORT}`] })).toBe('/usr/bin/gunicorn --bind 127.0.0.1:$PORT');
  });

  it('quotes arguments a shell would split or expand', () => {
    expect(showCommand({ file: '/bin/sh', args: ['-c', 'ulimit -n "$0"; exec "$@"'] })).toBe(`/bin/sh -c 'ulimit -n "$0"; exec "$@"'`);
    expect(showCommand({ file: 'echo', args: ["it's"] })).toBe(`echo 'it'\\''s'`);
  });
});
