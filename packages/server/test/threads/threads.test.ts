// --threads through the real CLI: a sync app runs on worker threads, the event loop stays free,
// bodies stream both ways, and stuck or dead threads are replaced.
import { request, type IncomingMessage } from 'node:http';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PROCESS_MESSAGES } from '../../src/process/messages.js';
import { eventually, fetchJson, fetchText, ready, start, type Tsgi } from '../process/support.js';

const syncApp = fileURLToPath(new URL('./fixtures/sync-app.js', import.meta.url));
const asyncApp = fileURLToPath(new URL('./fixtures/async-app.js', import.meta.url));

/** One process, no supervisor: waits for the server's own listening line. */
async function listening(tsgi: Tsgi): Promise<string> {
  const [, url] = await tsgi.waitFor(/listening on (\S+)/, { timeoutMs: 30_000 });
  return url ?? '';
}

describe('--threads', { timeout: 40_000 }, () => {
  it('runs a CPU-bound handler on a thread while the event loop keeps answering', async () => {
    const tsgi = start([syncApp, '--threads', '2', '--workers', '2']);
    const url = await ready(tsgi);
    const info = await fetchJson<{ multithread: boolean; multiprocess: boolean; threadId: number }>(url);
    expect(info).toMatchObject({ status: 200, multithread: true, multiprocess: true });
    expect(info.threadId).toBeGreaterThan(0);

    const busy = fetchJson<{ threadId: number }>(`${url}/cpu?ms=1500`);
    const began = Date.now();
    for (let i = 0; i < 5; i++) expect((await fetchText(url)).status).toBe(200);
    expect(Date.now() - began).toBeLessThan(1500);
    expect((await busy).status).toBe(200);
  });

  it('says at startup that a sync app runs on threads, and never asks it about lifespan', async () => {
    const tsgi = start([syncApp, '--threads', '2']);
    await listening(tsgi);
    expect(tsgi.lines.find((line) => line.includes('listening on'))).toMatch(/\(sync app on 2 threads, HTTP\/1\.1\)/);
    expect(tsgi.lines.filter((line) => line.includes('lifespan'))).toEqual([]);
  });

  it('runs the app threads below the priority of the event loop, so the loop gets a core at once', async () => {
    const tsgi = start([syncApp, '--threads', '1']);
    const url = await listening(tsgi);
    const nice = await fetchJson<{ thread: number; main: number }>(`${url}/nice`);
    expect(nice.status).toBe(200);
    expect(nice.thread).toBe(Math.min(19, nice.main + 10));
  });

  it('answers a cheap request on a reserve thread while slow ones hold every thread', async () => {
    const tsgi = start([syncApp, '--threads', '1']);
    const url = await listening(tsgi);
    // Both routes are seen a few times while the thread is free (a cold first run is slow), so the
    // pool knows they are cheap, as it would know a load balancer's health check.
    const { threadId } = await fetchJson<{ threadId: number }>(url);
    for (let i = 0; i < 8; i++) {
      expect((await fetchText(url)).status).toBe(200);
      expect((await fetchText(`${url}/nice`)).status).toBe(200);
    }

    let busyDone = false;
    const busy = fetchJson<{ threadId: number }>(`${url}/cpu?ms=4000`).finally(() => (busyDone = true));
    await tsgi.waitFor(/fixture: burning 4000 ms/);
    const cheap = await fetchJson<{ threadId: number }>(url);
    expect(cheap.status).toBe(200);
    expect(busyDone).toBe(false);
    expect(cheap.threadId).not.toBe(threadId);
    // The reserve runs at the event loop's priority: its work is short and waited on.
    const nice = await fetchJson<{ thread: number; main: number }>(`${url}/nice`);
    expect(nice.thread).toBe(nice.main);
    expect(busyDone).toBe(false);
    expect((await busy).threadId).toBe(threadId);

    // A slow route never takes the reserve, free as it is: the second waits for the only thread.
    const slow = await Promise.all([fetchJson<{ threadId: number }>(`${url}/cpu?ms=300`), fetchJson<{ threadId: number }>(`${url}/cpu?ms=300`)]);
    expect(slow.map((reply) => reply.threadId)).toEqual([threadId, threadId]);
  });

  it('replaces a reserve thread stuck past --timeout, and starts a new one when needed', async () => {
    const tsgi = start([syncApp, '--threads', '1', '--timeout', '1']);
    const url = await listening(tsgi);
    const { threadId } = await fetchJson<{ threadId: number }>(`${url}/cheap-or-spin`);
    for (let i = 0; i < 8; i++) expect((await fetchText(`${url}/cheap-or-spin`)).status).toBe(200);

    // The only regular thread waits on a client that does not read: busy, but not hung.
    const req = request(`${url}/big?mib=256`, { agent: false });
    const stalled = await new Promise<IncomingMessage>((resolve) => req.on('response', resolve).end());
    stalled.pause();
    await tsgi.waitFor(/fixture: produced 0 MiB/);
    // On the reserve: it hangs, so it fails after --timeout and the reserve is retired.
    expect((await fetchText(`${url}/cheap-or-spin?spin=1`)).status).toBe(500);
    await tsgi.waitFor(/fixture: spinning on a cheap route/);
    // The regular thread is still held: a new reserve answers.
    const again = await fetchJson<{ threadId: number }>(`${url}/cheap-or-spin`);
    expect(again.status).toBe(200);
    expect(again.threadId).not.toBe(threadId);
    stalled.destroy();
  });

  it('streams the request body to the thread as it arrives', async () => {
    const tsgi = start([syncApp, '--threads', '2']);
    const url = await listening(tsgi);
    const reply = new Promise<string>((resolve, reject) => {
      const req = request(`${url}/upload`, { method: 'POST', agent: false, headers: { 'transfer-encoding': 'chunked' } }, (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve(text));
      });
      req.on('error', reject);
      req.write('head');
      // The thread has read the first bytes while the rest is still unsent; its read() blocks only it.
      void tsgi.waitFor(/fixture: first bytes head/).then(async () => {
        expect((await fetchText(url)).status).toBe(200);
        req.end('x'.repeat(200_000));
      });
    });
    expect(JSON.parse(await reply)).toEqual({ size: 200_004 });
  });

  it('holds a large response back while the client does not read, and runs close() when it leaves', async () => {
    const tsgi = start([syncApp, '--threads', '1']);
    const url = await listening(tsgi);
    const produced = (): number => Math.max(0, ...tsgi.lines.map((line) => Number(/produced (\d+) MiB/.exec(line)?.[1] ?? 0)));
    const req = request(`${url}/big?mib=256`, { agent: false });
    const response = await new Promise<IncomingMessage>((resolve) => req.on('response', resolve).end());
    response.pause();
    // Bounded poll: the producer stops once the socket and the window are full.
    let last = -1;
    let steady = 0;
    await eventually(() => {
      const now = produced();
      steady = now === last ? steady + 1 : 0;
      last = now;
      return steady >= 5 ? true : undefined;
    }, 20_000, 100);
    expect(produced()).toBeLessThan(64);
    response.destroy();
    const [, after] = await tsgi.waitFor(/fixture: close\(\) ran after (\d+) MiB/);
    expect(Number(after)).toBeLessThan(64);
    // The thread is free again.
    expect((await fetchText(url)).status).toBe(200);
  });

  it('answers 500 and replaces a thread stuck past --timeout, naming the request', async () => {
    const tsgi = start([syncApp, '--threads', '2', '--timeout', '1']);
    const url = await ready(tsgi);
    const stuck = fetchText(`${url}/spin`);
    await tsgi.waitFor(/fixture: spinning/);
    expect((await fetchText(url)).status).toBe(200);
    expect((await stuck).status).toBe(500);
    await tsgi.waitFor(new RegExp(PROCESS_MESSAGES.threadTimedOut(1, 'GET /spin').replace(/[()]/g, '\\$&')));
    for (let i = 0; i < 4; i++) expect((await fetchText(url)).status).toBe(200);
  });

  it('aborts the response when its thread hangs after the first chunk', async () => {
    const tsgi = start([syncApp, '--threads', '1', '--timeout', '1']);
    const url = await ready(tsgi);
    const outcome = await new Promise<string>((resolve) => {
      request(`${url}/spin-after-start`, { agent: false }, (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve(`complete: ${text}`));
        res.on('error', () => resolve(`aborted after: ${text}`));
      }).end();
    });
    expect(outcome).toBe('aborted after: first chunk\n');
    await eventually(async () => ((await fetchText(url)).status === 200 ? true : undefined));
  });

  it('answers 500 when the handler raises and keeps the thread', async () => {
    const tsgi = start([syncApp, '--threads', '1']);
    const url = await listening(tsgi);
    const { threadId } = await fetchJson<{ threadId: number }>(url);
    expect((await fetchText(`${url}/throw`)).status).toBe(500);
    await tsgi.waitFor(/fixture: the handler raised/);
    expect((await fetchJson<{ threadId: number }>(url)).threadId).toBe(threadId);
  });

  it('answers 500 and replaces a thread that exits', async () => {
    const tsgi = start([syncApp, '--threads', '1']);
    const url = await listening(tsgi);
    const { threadId } = await fetchJson<{ threadId: number }>(url);
    expect((await fetchText(`${url}/exit-thread`)).status).toBe(500);
    await tsgi.waitFor(/a worker thread died \(exit code 1\) while running GET \/exit-thread; replacing it/);
    const next = await eventually(async () => {
      const reply = await fetchJson<{ threadId: number }>(url);
      return reply.status === 200 ? reply : undefined;
    });
    expect(next.threadId).not.toBe(threadId);
  });

  it('replaces a thread killed by an exception thrown from a timer', async () => {
    const tsgi = start([syncApp, '--threads', '1']);
    const url = await listening(tsgi);
    const { threadId } = await fetchJson<{ threadId: number }>(`${url}/throw-later`);
    await tsgi.waitFor(/a worker thread died \(fixture: thrown from a thread timer\); replacing it/);
    const next = await eventually(async () => {
      const reply = await fetchJson<{ threadId: number }>(url);
      return reply.status === 200 ? reply : undefined;
    });
    expect(next.threadId).not.toBe(threadId);
  });

  it('refuses --threads for an async app (exit 2)', async () => {
    const tsgi = start([asyncApp, '--threads', '2']);
    expect(await tsgi.exited).toBe(2);
    expect(tsgi.lines.join('\n')).toContain(PROCESS_MESSAGES.threadsNeedSync(2));
  });
});
