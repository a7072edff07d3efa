// Faults injected into the real CLI: clients that vanish mid-request or mid-response, reset, flood,
// or speak another protocol; and a port already taken. The server keeps serving and logs no error.
import { connect, createServer, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROCESS_MESSAGES } from '../../src/process/messages.js';
import { runCli, type CliProcess } from '../support/cli-process.js';
import { RawConnection } from '../support/raw-http.js';
import { APPS, serveFixture, stopAll } from './support.js';

type Kind = keyof typeof APPS;
const servers = {} as Record<Kind, CliProcess>;

beforeAll(async () => {
  [servers.sync, servers.async] = await Promise.all([serveFixture(APPS.sync), serveFixture(APPS.async)]);
}, 30_000);
afterAll(() => stopAll(servers.sync, servers.async));

/** Opens a socket, writes `data`, waits for `bytes` of answer (0: none), then ends it as told. */
async function vanish(port: number, data: string | Buffer, how: 'close' | 'reset', bytes = 0): Promise<void> {
  const socket: Socket = connect(port, '127.0.0.1');
  socket.on('error', () => undefined);
  await new Promise<void>((resolve) => socket.once('connect', resolve));
  socket.write(data);
  if (bytes > 0) {
    let received = 0;
    await new Promise<void>((resolve) => {
      socket.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (received >= bytes) resolve();
      });
    });
  }
  if (how === 'reset') socket.resetAndDestroy();
  else socket.destroy();
}

describe.each(['sync', 'async'] as const)('a %s app', (kind) => {
  it('keeps serving, and logs no error, after clients vanish mid-request and mid-response', async () => {
    const { port } = servers[kind];
    const big = Buffer.alloc(2_000_000, 120);
    await vanish(port, Buffer.concat([Buffer.from('POST /inspect HTTP/1.1\r\nHost: t\r\nContent-Length: 5000000\r\n\r\n'), big]), 'close');
    await vanish(port, Buffer.concat([Buffer.from('POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n100000\r\n'), big.subarray(0, 30_000)]), 'reset');
    await vanish(port, 'GET /stream?chunks=2000&size=65536 HTTP/1.1\r\nHost: t\r\n\r\n', 'close', 100_000);
    await vanish(port, 'GET /stream?chunks=2000&size=65536 HTTP/1.1\r\nHost: t\r\n\r\n', 'reset', 100_000);
    await vanish(port, 'GET /slow?ms=100 HTTP/1.1\r\nHost: t\r\n\r\n', 'close');
    await vanish(port, 'GET /inspect HTTP/1.1\r\nHost: t\r\n\r\n'.repeat(200), 'reset');

    // Answered after everything above on the same server, so the faults have all been met.
    const connection = await RawConnection.open(port);
    connection.write('GET /slow?ms=150 HTTP/1.1\r\nHost: t\r\n\r\n');
    expect((await connection.response()).body.toString()).toBe('late');
    connection.close();
    expect(servers[kind].stderr()).not.toMatch(/\[(error|warn)\]|\n\s+at /);
  });

  it.each([
    ['a TLS ClientHello', Buffer.concat([Buffer.from('160301002a010000260303', 'hex'), Buffer.alloc(40)])],
    ['binary garbage', Buffer.from(Array.from({ length: 2560 }, (_, i) => i % 256))],
  ])('answers %s on the plain port with 400 and closes', async (_name, bytes) => {
    const connection = await RawConnection.open(servers[kind].port);
    connection.write(bytes);
    expect((await connection.response()).status).toBe(400);
    await connection.waitClosed();
  });
});

describe('startup faults', () => {
  it('says in one line, without a stack, that the port is taken, and exits 1', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as { port: number };
    try {
      const ran = await runCli(['serve', APPS.async, '--port', String(port)]);
      expect(ran.code).toBe(1);
      expect(ran.stderr).toContain(`tsgi: ${PROCESS_MESSAGES.cannotListen(`127.0.0.1:${port}`, 'EADDRINUSE')}\n`);
      expect(ran.stderr).not.toMatch(/\n\s+at /);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});
