// The harness's process handling, against real processes: readiness, memory, and stopping a server
// whose launcher does not exec (the bug that once left Bun and Deno servers running).
import { describe, expect, it } from 'vitest';
import { freePort } from '../src/env/free-port.js';
import { isRunning, processTree } from '../src/env/proc.js';
import { startServer } from '../src/env/server-process.js';

const SERVER = `require('node:http').createServer((q, s) => s.end('ok')).listen(Number(process.env.PORT), '127.0.0.1')`;

describe('startServer', () => {
  it('waits until the server answers, reads its memory, and stops it', async () => {
    const port = await freePort();
    const server = await startServer({ command: { file: process.execPath, args: ['-e', SERVER] }, port });
    expect(server.memory()?.rss).toBeGreaterThan(1024 * 1024);
    await server.stop();
    expect(isRunning(server.pid)).toBe(false);
  });

  it('stops the server behind a launcher that does not exec', async () => {
    const port = await freePort();
    // `; true` keeps sh alive as the parent, as a package-manager shim does.
    const script = `"${process.execPath}" -e "${SERVER.replace(/"/g, '\\"')}"; true`;
    const server = await startServer({ command: { file: '/bin/sh', args: ['-c', script] }, port });
    const tree = processTree(server.pid);
    expect(tree.length).toBeGreaterThan(1);
    await server.stop();
    for (const pid of tree) expect(isRunning(pid), `pid ${pid}`).toBe(false);
  });

  it("fails with the server's own first line when it exits before answering", async () => {
    const port = await freePort();
    await expect(
      startServer({ command: { file: process.execPath, args: ['-e', "console.error('bad option --nope'); process.exit(2)"] }, port }),
    ).rejects.toMatchObject({ name: 'ServerStartError', message: 'server exited (2) before answering: bad option --nope' });
  });
});
