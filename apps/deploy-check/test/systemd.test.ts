// docs/deploy/systemd.md, checked: its unit passes systemd-analyze verify, and its ExecStart, run
// as systemd would for tsgi@8001, serves the app and exits 0 on its KillSignal within TimeoutStopSec.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { codeBlocks, readDoc } from './helpers/markdown.js';
import { run } from './helpers/processes.js';
import { localArgs, startTsgi, TSGI_BIN } from './helpers/tsgi.js';

const SYSTEMD_ANALYZE = '/usr/bin/systemd-analyze';
const page = readDoc('deploy/systemd.md');
const [unit = ''] = codeBlocks(page, 'ini');
const dir = mkdtempSync(join(tmpdir(), 'tsgi-systemd-'));

/** `Key=value` settings of the unit, last one winning (as systemd reads single-valued keys). */
const settings = new Map(
  unit
    .split('\n')
    .filter((line) => /^\w+=/.test(line))
    .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)] as const),
);
const setting = (key: string): string => {
  const value = settings.get(key);
  if (value === undefined) throw new Error(`the unit has no ${key}=`);
  return value;
};

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('the systemd unit (docs/deploy/systemd.md)', () => {
  it('passes systemd-analyze verify without a warning', async () => {
    if (!existsSync(SYSTEMD_ANALYZE)) throw new Error(`${SYSTEMD_ANALYZE} is missing: install Debian's systemd package`);
    // verify checks that ExecStart's binary exists: point it at this workspace's tsgi.
    const local = unit.replace('/srv/app/node_modules/.bin/tsgi', TSGI_BIN);
    writeFileSync(join(dir, 'tsgi@.service'), local);
    writeFileSync(join(dir, 'tsgi@8001.service'), local);
    const result = await run(SYSTEMD_ANALYZE, ['verify', join(dir, 'tsgi@8001.service')], { cwd: dir, timeoutMs: 20_000 });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
  });

  it('gives tsgi longer to drain than --timeout-graceful-shutdown before systemd would SIGKILL it', () => {
    const grace = Number(/--timeout-graceful-shutdown (\d+)/.exec(setting('ExecStart'))?.[1]);
    expect(Number(setting('TimeoutStopSec'))).toBeGreaterThan(grace);
    expect(setting('KillSignal')).toBe('SIGTERM');
  });

  it('serves with its ExecStart for tsgi@8001 and exits 0 on SIGTERM well within TimeoutStopSec', async () => {
    const execStart = setting('ExecStart').replaceAll('%i', '8001');
    expect(execStart.startsWith('/srv/app/node_modules/.bin/tsgi serve ')).toBe(true);
    const server = await startTsgi(localArgs(execStart), { env: { NODE_ENV: 'production' } });
    try {
      const health = await fetch(`${server.url}/healthz`);
      expect(health.status).toBe(200);
      const stopping = Date.now();
      const exit = await server.kill('SIGTERM');
      expect(exit).toEqual({ code: 0, signal: null });
      expect(Date.now() - stopping).toBeLessThan(Number(setting('TimeoutStopSec')) * 1000);
    } finally {
      await server.stop();
    }
  });
});
