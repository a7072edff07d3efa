// A log pipe that closes under the real CLI (a log shipper restarting, `tsgi serve | head`): the
// server keeps answering, says so once on stderr, and still stops cleanly.
import { describe, expect, it } from 'vitest';
import { fetchText, fixture, ready, start, type Tsgi } from './support.js';

const faults = fixture('faults.js');

async function listening(tsgi: Tsgi, workers: boolean): Promise<string> {
  if (workers) return ready(tsgi);
  const [, url] = await tsgi.waitFor(/listening on (\S+)/);
  return url ?? '';
}

describe('a closed stdout', { timeout: 40_000 }, () => {
  it.each([
    ['one process', []],
    ['two workers', ['--workers', '2']],
  ])('leaves the server answering with %s when the access log pipe closes', async (_name, extra) => {
    const tsgi = start([faults, '--access-log', ...extra]);
    const url = await listening(tsgi, extra.length > 0);
    expect((await fetchText(url)).status).toBe(200);
    await expect.poll(() => tsgi.stdout.length).toBeGreaterThan(0);
    // The reader goes away, as a log shipper that exits: the server's next writes fail with EPIPE.
    tsgi.child.stdout?.destroy();
    for (let i = 0; i < 20; i++) expect((await fetchText(url)).status).toBe(200);
    await tsgi.waitFor(/stdout closed \(EPIPE\): access log lines are dropped from now on/);
    tsgi.signal('SIGTERM');
    expect(await tsgi.exited).toBe(0);
  });
});
