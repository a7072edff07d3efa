// SIGHUP and --reload through the real CLI: new workers start and are ready before old ones retire,
// so steady load sees no failed request; a reload that does not import keeps the old workers.
import { writeFileSync } from 'node:fs';
import { Agent } from 'node:http';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROCESS_MESSAGES } from '../../src/process/messages.js';
import { eventually, fetchJson, fetchText, fixture, ready, start } from './support.js';
import { tempDirs } from '../support/temp-dirs.js';

const tempDir = tempDirs();

const faults = fixture('faults.js');

/** Constant load from `clients` loops (keep-alive and not); counts every failure. */
function load(url: string, clients: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  let running = true;
  const result = { ok: 0, failures: [] as string[] };
  const loop = async (keepAlive: boolean): Promise<void> => {
    while (running) {
      try {
        const reply = await fetchText(`${url}/slow?ms=2`, keepAlive ? { agent } : {});
        if (reply.status === 200) result.ok++;
        else result.failures.push(`status ${reply.status}`);
      } catch (error) {
        result.failures.push(String(error));
      }
    }
  };
  const loops = Array.from({ length: clients }, (_, i) => loop(i % 2 === 0));
  return {
    result,
    async stop() {
      running = false;
      await Promise.all(loops);
      agent.destroy();
      return result;
    },
  };
}

/** A one-file app that answers with `version`; `broken` writes a module that does not parse. */
function writeApp(dir: string, version: string, broken = false): void {
  const body = broken
    ? 'export const app = async (scope, receive, send) => {\n  this is not JavaScript\n};\n'
    : `const body = new TextEncoder().encode(JSON.stringify({ version: ${JSON.stringify(version)} }));
export const app = async (scope, receive, send) => {
  if (scope.type !== 'http') return;
  await send({ type: 'http.response.start', status: 200, headers: [['content-type', 'application/json']] });
  await send({ type: 'http.response.body', body });
};
`;
  writeFileSync(join(dir, 'app.js'), body);
}

describe('reload', { timeout: 90_000 }, () => {
  it('reloads 20 times under constant load with no failed request', async () => {
    // One worker: nothing else covers for it, so each reload must hand over without a gap.
    const tsgi = start([faults, '--workers', '1']);
    const url = await ready(tsgi);
    const traffic = load(url, 3);
    for (let generation = 2; generation <= 21; generation++) {
      const from = tsgi.lines.length;
      tsgi.signal('SIGHUP');
      await tsgi.waitFor(new RegExp(PROCESS_MESSAGES.reloadDone(generation, 1)), { from, timeoutMs: 30_000 });
    }
    const { ok, failures } = await traffic.stop();
    expect(failures).toEqual([]);
    expect(ok).toBeGreaterThan(100);
    tsgi.signal('SIGTERM');
    expect(await tsgi.exited).toBe(0);
  });

  it('copes with SIGHUP while workers are still starting', async () => {
    const tsgi = start([faults, '--workers', '2'], { env: { FIXTURE_BOOT_MS: '400' } });
    await tsgi.waitFor(/starting 2 workers/);
    tsgi.signal('SIGHUP');
    await tsgi.waitFor(/stopping worker \d+ \(superseded by a reload\)/);
    const url = await ready(tsgi);
    expect((await fetchText(url)).status).toBe(200);
    // Again, while the replacements of this reload are booting.
    tsgi.signal('SIGHUP');
    await tsgi.waitFor(/SIGHUP: reloading the app \(generation 3\)/);
    tsgi.signal('SIGHUP');
    await tsgi.waitFor(new RegExp(PROCESS_MESSAGES.reloadDone(4, 2)));
    expect((await fetchText(url)).status).toBe(200);
    expect(tsgi.lines.filter((line) => / ready \(generation (2|3)\)/.test(line)).length).toBeLessThanOrEqual(4);
    tsgi.signal('SIGTERM');
    expect(await tsgi.exited).toBe(0);
  });

  it('keeps the old workers serving when the app fails to import on reload, and logs why', async () => {
    const dir = tempDir('tsgi-reload-');
    writeApp(dir, 'one');
    const tsgi = start(['app.js', '--workers', '2'], { cwd: dir });
    const url = await ready(tsgi);
    expect((await fetchJson(url)).version).toBe('one');

    writeApp(dir, 'two', true);
    tsgi.signal('SIGHUP');
    const [line] = await tsgi.waitFor(/reload failed, 2 workers keep serving the previous code: .+/);
    expect(line).toMatch(/app\.js could not be loaded/);
    for (let i = 0; i < 5; i++) expect((await fetchJson(url)).version).toBe('one');

    writeApp(dir, 'three');
    tsgi.signal('SIGHUP');
    await tsgi.waitFor(/reload complete: 2 workers of generation 3 serving/);
    // The old workers finish what they accepted while draining; new connections reach the new code.
    await eventually(async () => ((await fetchJson(url)).version === 'three' ? true : undefined));
    tsgi.signal('SIGTERM');
    expect(await tsgi.exited).toBe(0);
  });

  it('--reload restarts the worker when a file changes, and waits out a broken save', async () => {
    const dir = tempDir('tsgi-watch-');
    writeApp(dir, 'one');
    const tsgi = start(['app.js', '--reload'], { cwd: dir });
    const url = await ready(tsgi);
    expect((await fetchJson(url)).version).toBe('one');

    writeApp(dir, 'two', true);
    await tsgi.waitFor(/app\.js changed; reloading/);
    await tsgi.waitFor(/the app failed to load: .*; waiting for a file change/);
    expect((await fetchJson(url)).version).toBe('one');

    const from = tsgi.lines.length;
    writeApp(dir, 'three');
    await tsgi.waitFor(/reload complete: 1 worker of generation \d+ serving/, { from });
    await eventually(async () => ((await fetchJson(url)).version === 'three' ? true : undefined));
    tsgi.signal('SIGTERM');
    expect(await tsgi.exited).toBe(0);
  });
});
