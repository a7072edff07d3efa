// Workers under the supervisor, through the real CLI: readiness, pid file, crashes, hangs, boot
// failures and resizing.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROCESS_MESSAGES } from '../../src/process/messages.js';
import { eventually, fetchJson, fetchText, fixture, ready, start } from './support.js';
import { tempDirs } from '../support/temp-dirs.js';

const tempDir = tempDirs();

const faults = fixture('faults.js');

describe('workers', { timeout: 30_000 }, () => {
  it('serves from WEB_CONCURRENCY workers, writes the pid file, and exits 0 after lifespan shutdown in each', async () => {
    const pidFile = join(tempDir('tsgi-'), 'tsgi.pid');
    const tsgi = start([faults, '--pid', pidFile], { env: { WEB_CONCURRENCY: '2' } });
    const url = await ready(tsgi);
    expect(tsgi.lines.filter((line) => / ready \(generation 1\)/.test(line))).toHaveLength(2);
    expect(readFileSync(pidFile, 'utf8').trim()).toBe(String(tsgi.child.pid));
    const reply = await fetchJson<{ pid: number }>(url);
    expect(reply.status).toBe(200);
    expect(reply.pid).not.toBe(tsgi.child.pid);

    tsgi.signal('SIGTERM');
    expect(await tsgi.exited).toBe(0);
    expect(tsgi.lines.filter((line) => line.startsWith('fixture: lifespan shutdown ran'))).toHaveLength(2);
    expect(existsSync(pidFile)).toBe(false);
  });

  it('replaces a worker that calls process.exit in a handler', async () => {
    const tsgi = start([faults, '--workers', '2']);
    const url = await ready(tsgi);
    await expect(fetchText(`${url}/exit`)).rejects.toThrow();
    const [, pid] = await tsgi.waitFor(/worker (\d+) exited with code 7 after .*; replacing it/);
    const from = tsgi.lines.length;
    await tsgi.waitFor(/worker \d+ ready \(generation 1\)/, { from });
    for (let i = 0; i < 5; i++) {
      const reply = await fetchJson<{ pid: number }>(url);
      expect(reply.status).toBe(200);
      expect(reply.pid).not.toBe(Number(pid));
    }
  });

  it('replaces a worker killed by an exception thrown from a timer', async () => {
    const tsgi = start([faults, '--workers', '2']);
    const url = await ready(tsgi);
    expect((await fetchText(`${url}/throw-later`)).status).toBe(200);
    await tsgi.waitFor(/worker \d+ exited with code 1 after .*; replacing it/);
    await tsgi.waitFor(/fixture: thrown from a timer/);
    const from = tsgi.lines.length;
    await tsgi.waitFor(/worker \d+ ready \(generation 1\)/, { from });
    expect((await fetchText(url)).status).toBe(200);
  });

  it('kills a worker whose handler never returns, naming the request, while the other worker keeps serving', async () => {
    const tsgi = start([faults, '--workers', '2', '--timeout', '2']);
    const url = await ready(tsgi);
    const stuck = fetchText(`${url}/spin`).then(
      () => 'answered',
      () => 'dropped',
    );
    await tsgi.waitFor(/fixture: spinning in \d+/);
    // While one worker spins, the other takes every connection (the stuck one accepts none).
    const started = Date.now();
    const pids = new Set<number>();
    while (Date.now() - started < 1000) {
      const reply = await fetchJson<{ pid: number }>(`${url}/slow?ms=20`);
      expect(reply.status).toBe(200);
      pids.add(reply.pid);
    }
    expect(pids.size).toBe(1);
    const [line] = await tsgi.waitFor(/worker \d+ timed out: its event loop was blocked for [\d.]+s while running GET \/spin; killing it/);
    expect(line).toContain('GET /spin');
    expect(await stuck).toBe('dropped');
    const from = tsgi.lines.length;
    await tsgi.waitFor(/worker \d+ ready \(generation 1\)/, { from });
    expect((await fetchText(url)).status).toBe(200);
  });

  it('stops with exit code 3 when the app module does not import', async () => {
    const tsgi = start([fixture('does-not-exist.js'), '--workers', '2']);
    expect(await tsgi.exited).toBe(3);
    expect(tsgi.lines.join('\n')).toMatch(/failed to boot: .*does-not-exist\.js not found/);
    expect(tsgi.lines.join('\n')).toContain(PROCESS_MESSAGES.bootFatal);
  });

  it('stops with exit code 3 when lifespan startup fails, instead of restarting in a loop', async () => {
    const tsgi = start([faults, '--workers', '2'], { env: { FIXTURE_FAIL_STARTUP: 'no database' } });
    expect(await tsgi.exited).toBe(3);
    expect(tsgi.lines.join('\n')).toMatch(/failed to boot: .*no database/);
    expect(tsgi.lines.filter((line) => /failed to boot/.test(line)).length).toBeLessThanOrEqual(2);
  });

  it('backs off when workers keep crashing', async () => {
    const tsgi = start([faults, '--workers', '1']);
    const url = await ready(tsgi);
    const expected = [/exited with code 7 after .*; replacing it$/, /replacing it in 0\.3s \(2 crashes in a row\)/, /replacing it in 0\.5s \(3 crashes in a row\)/];
    for (const pattern of expected) {
      const from = tsgi.lines.length;
      await expect(fetchText(`${url}/exit`)).rejects.toThrow();
      await tsgi.waitFor(pattern, { from });
      await tsgi.waitFor(/worker \d+ ready \(generation 1\)/, { from });
    }
    tsgi.signal('SIGTERM');
    expect(await tsgi.exited).toBe(0);
  });

  it('adds a worker on SIGTTIN and retires one on SIGTTOU', async () => {
    const tsgi = start([faults, '--workers', '1']);
    await ready(tsgi);
    tsgi.signal('SIGTTIN');
    await tsgi.waitFor(/SIGTTIN: now 2 workers/);
    await tsgi.waitFor(/worker \d+ ready \(generation 1\)/, { from: tsgi.lines.length });
    tsgi.signal('SIGTTOU');
    await tsgi.waitFor(/SIGTTOU: now 1 worker$/);
    const [, retired] = await tsgi.waitFor(/stopping worker (\d+) \(fewer workers wanted\)/);
    await tsgi.waitFor(new RegExp(`worker ${retired}: stopped`));
    tsgi.signal('SIGTTOU');
    await tsgi.waitFor(new RegExp(PROCESS_MESSAGES.minimumWorkers));
    tsgi.signal('SIGTERM');
    expect(await tsgi.exited).toBe(0);
  });

  it('shares one unix socket between workers', async () => {
    const path = join(tempDir('tsgi-'), 'tsgi.sock');
    const tsgi = start([faults, '--workers', '2', '--uds', path]);
    await ready(tsgi);
    const pids = new Set<number>();
    for (let i = 0; i < 6; i++) {
      const reply = await new Promise<string>((resolve, reject) => {
        request({ socketPath: path, path: '/slow?ms=1', agent: false }, (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () => resolve(text));
        }).on('error', reject).end();
      });
      pids.add((JSON.parse(reply) as { pid: number }).pid);
    }
    expect(pids.size).toBeGreaterThanOrEqual(1);
    expect(statSync(path).isSocket()).toBe(true);
    tsgi.signal('SIGTERM');
    expect(await tsgi.exited).toBe(0);
  });

  it('kills the workers at once on a second SIGTERM a second or more after the first, and exits 1', async () => {
    const tsgi = start([faults, '--workers', '1', '--timeout-graceful-shutdown', '30']);
    const url = await ready(tsgi);
    const stuck = fetchText(`${url}/spin`).then(
      () => 'answered',
      () => 'cut',
    );
    // A worker that cannot finish: only force ends it.
    await tsgi.waitFor(/fixture: spinning/);
    const first = Date.now();
    tsgi.signal('SIGTERM');
    await tsgi.waitFor(/stopping workers gracefully/);
    // Repeats within the first second are the same request (Ctrl-C reaches the whole group, npm
    // forwards it too); later ones force. Bounded poll: repeat until the supervisor gives in.
    const forced = await eventually(() => {
      if (tsgi.lines.some((line) => /received SIGTERM again: killing workers now/.test(line))) return Date.now();
      tsgi.signal('SIGTERM');
      return undefined;
    }, 10_000, 200);
    expect(forced - first).toBeGreaterThanOrEqual(1000);
    expect(await tsgi.exited).toBe(1);
    expect(await stuck).toBe('cut');
  });

  it('finishes requests in flight and stops when the supervisor is killed', async () => {
    const tsgi = start([faults, '--workers', '1']);
    const url = await ready(tsgi);
    const { pid } = await fetchJson<{ pid: number }>(url);
    const slow = fetchText(`${url}/slow?ms=1500`);
    await tsgi.waitFor(/fixture: slow request in \d+/);
    tsgi.signal('SIGKILL');
    await tsgi.exited;
    const reply = await slow;
    expect(reply.status).toBe(200);
    expect((JSON.parse(reply.text) as { pid: number }).pid).toBe(pid);
    // The orphaned worker leaves once its last request is done.
    const gone = await eventually(() => {
      try {
        process.kill(pid, 0);
        return undefined;
      } catch {
        return true;
      }
    }, 10_000, 100);
    expect(gone).toBe(true);
  });

  it('refuses --reload together with --workers above 1 (exit 2)', async () => {
    const tsgi = start([faults, '--workers', '3', '--reload']);
    expect(await tsgi.exited).toBe(2);
    expect(tsgi.lines.join('\n')).toContain(PROCESS_MESSAGES.reloadWithWorkers(3));
  });
});
