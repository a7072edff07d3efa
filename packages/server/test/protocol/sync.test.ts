// Sync apps on the event loop: bodies buffered first (spooled past a threshold), responses pulled
// lazily with backpressure, close() on completion and on disconnect.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app, observed, openSpoolFiles } from '../fixtures/sync-app.js';
import { startServer, type TestServer } from '../support/in-process.js';
import { RawConnection } from '../support/raw-http.js';

let t: TestServer;
beforeAll(async () => {
  t = await startServer(app, { spoolThreshold: 4096, interface: 'sync' });
});
afterAll(() => t.server.close());

/** Polls `read` until it returns the same value three times in a row, or the deadline passes. */
async function settled(read: () => number, timeoutMs = 5000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let last = read();
  let same = 0;
  while (same < 3 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const now = read();
    same = now === last ? same + 1 : 0;
    last = now;
  }
  return last;
}

describe('sync request bodies', () => {
  it('keeps a small body in memory', async () => {
    const res = await fetch(`http://127.0.0.1:${t.port}/spool`, { method: 'POST', body: 'small' });
    expect(await res.json()).toEqual({ size: 5, sum: [...'small'].reduce((s, c) => (s + c.charCodeAt(0)) % 65521, 0), spoolFiles: [] });
  });

  it('spools a body past the threshold to a temp file and removes it afterwards', async () => {
    const body = new Uint8Array(300_000).map((_, i) => (i * 7) % 256);
    const res = await fetch(`http://127.0.0.1:${t.port}/spool`, { method: 'POST', body });
    const report = (await res.json()) as { size: number; sum: number; spoolFiles: string[] };
    expect(report.size).toBe(body.byteLength);
    expect(report.sum).toBe(body.reduce((s, b) => (s + b) % 65521, 0));
    // Open while the app ran, already unlinked from the directory.
    expect(report.spoolFiles).toHaveLength(1);
    expect(report.spoolFiles[0]).toContain('(deleted)');
    expect(openSpoolFiles()).toEqual([]);
  });
});

describe('invalid sync output', () => {
  it.each([
    ['/bad-status', /sync §5\.2/],
    ['/bad-header', /sync §5\.3/],
    ['/bad-chunk', /sync §6/],
  ])('answers 500 for %s and logs the rule', async (path, rule) => {
    const res = await fetch(`http://127.0.0.1:${t.port}${path}`);
    expect(res.status).toBe(500);
    await t.logged(rule);
  });
});

describe('sync response bodies', () => {
  it('pulls the body only as fast as the client reads, and closes it when the client leaves', async () => {
    const closedBefore = observed.closed;
    const connection = await RawConnection.open(t.port);
    connection.socket.pause();
    connection.write('GET /lazy HTTP/1.1\r\nHost: t\r\n\r\n');
    const produced = await settled(() => observed.produced);
    // 2000 blocks are 125 MiB; a paused reader holds at most socket buffers' worth.
    expect(produced).toBeGreaterThan(0);
    expect(produced).toBeLessThan(400);
    connection.close();
    await settled(() => observed.closed);
    expect(observed.closed).toBe(closedBefore + 1);
    expect(observed.returned).toBeGreaterThan(0);
  });

  it('closes the body once a complete response is sent', async () => {
    const closedBefore = observed.closed;
    const res = await fetch(`http://127.0.0.1:${t.port}/lazy?blocks=20`);
    expect((await res.arrayBuffer()).byteLength).toBe(20 * 64 * 1024);
    await settled(() => observed.closed);
    expect(observed.closed).toBe(closedBefore + 1);
  });
});
