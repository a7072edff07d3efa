// How the response reaches the wire: when the head goes out, trailer framing, a client leaving mid-write.
import type { AsyncApp, LogLevel } from '@tsgi/async';
import type { ResponseBody, SyncApp } from '@tsgi/sync';
import { once } from 'node:events';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { toNodeHandler, type ExchangeRecord, type NodeHandlerOptions } from '../src/index.js';
import { openRaw, type RawConnection } from './support/raw-client.js';

const encoder = new TextEncoder();
const EMPTY = new Uint8Array(0);

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

async function serve(app: AsyncApp | SyncApp, options: NodeHandlerOptions = {}, before?: (res: ServerResponse) => void): Promise<number> {
  const handler = toNodeHandler(app, { interface: 'async', ...options });
  server = createServer((req, res) => {
    before?.(res);
    handler(req, res);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return (server.address() as AddressInfo).port;
}

/** A promise the test resolves, to let the app go on. */
function gate(): { wait: Promise<void>; open: () => void } {
  let open!: () => void;
  const wait = new Promise<void>((resolve) => (open = resolve));
  return { wait, open };
}

describe('the response head', () => {
  it('goes out at an empty body event, before any body byte (server-sent events)', async () => {
    const proceed = gate();
    const port = await serve(async (_scope, _receive, send) => {
      await send({ type: 'http.response.start', status: 200, headers: [['content-type', 'text/event-stream']] });
      await send({ type: 'http.response.body', body: EMPTY, moreBody: true });
      await proceed.wait;
      await send({ type: 'http.response.body', body: encoder.encode('data: hello\n\n'), moreBody: false });
    });
    const connection = await openRaw(port, 'GET /events HTTP/1.1\r\nHost: x\r\n\r\n');
    const head = await connection.until((text) => text.includes('\r\n\r\n'));
    expect(head).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(head).toContain('content-type: text/event-stream\r\n');
    // Nothing of the body yet: the head stands alone until the app goes on.
    expect(head.endsWith('\r\n\r\n')).toBe(true);
    proceed.open();
    const whole = await connection.until((text) => text.endsWith('0\r\n\r\n'));
    expect(whole.slice(head.length)).toBe('d\r\ndata: hello\n\n\r\n0\r\n\r\n');
    connection.socket.destroy();
  });
});

describe('a body sent in one event', () => {
  it('is framed by Content-Length instead of chunked coding when the app declared no length', async () => {
    const port = await serve(async (_scope, _receive, send) => {
      await send({ type: 'http.response.start', status: 200, headers: [['content-type', 'text/plain']] });
      await send({ type: 'http.response.body', body: encoder.encode('hello') });
    });
    const connection = await openRaw(port, 'GET / HTTP/1.1\r\nHost: x\r\n\r\n');
    const whole = await connection.until((text) => text.endsWith('\r\n\r\nhello'));
    expect(whole).toContain('content-length: 5\r\n');
    expect(whole.toLowerCase()).not.toContain('transfer-encoding');
    connection.socket.destroy();
  });

  it('keeps chunked coding when more body may follow', async () => {
    const port = await serve(async (_scope, _receive, send) => {
      await send({ type: 'http.response.start', status: 200, headers: [] });
      await send({ type: 'http.response.body', body: encoder.encode('a'), moreBody: true });
      await send({ type: 'http.response.body', body: encoder.encode('b') });
    });
    const connection = await openRaw(port, 'GET / HTTP/1.1\r\nHost: x\r\n\r\n');
    const whole = await connection.until((text) => text.endsWith('0\r\n\r\n'));
    expect(whole.toLowerCase()).toContain('transfer-encoding: chunked\r\n');
    expect(whole.slice(whole.indexOf('\r\n\r\n') + 4)).toBe('1\r\na\r\n1\r\nb\r\n0\r\n\r\n');
    connection.socket.destroy();
  });
});

describe('headers set on the response before the app (framework middleware)', () => {
  it("stay beside the app's, which keep their repeats and replace same-named ones", async () => {
    const port = await serve(
      async (_scope, _receive, send) => {
        await send({ type: 'http.response.start', status: 200, headers: [['set-cookie', 'a=1'], ['x-frame-options', 'DENY'], ['set-cookie', 'b=2'], ['content-length', '2']] });
        await send({ type: 'http.response.body', body: encoder.encode('ok') });
      },
      {},
      (res) => {
        res.setHeader('x-content-type-options', 'nosniff');
        res.setHeader('x-frame-options', 'SAMEORIGIN');
      },
    );
    const connection = await openRaw(port, 'GET / HTTP/1.1\r\nHost: x\r\n\r\n');
    const text = await connection.until((received) => received.endsWith('\r\n\r\nok'));
    const lines = text.split('\r\n');
    expect(lines.filter((line) => /^(set-cookie|x-frame-options|x-content-type-options):/i.test(line))).toEqual([
      'x-content-type-options: nosniff',
      'set-cookie: a=1',
      'set-cookie: b=2',
      'x-frame-options: DENY',
    ]);
    connection.socket.destroy();
  });
});

describe('trailers', () => {
  it('are sent with chunked coding over HTTP/1.1 even when the app also gave content-length', async () => {
    const port = await serve(async (_scope, _receive, send) => {
      await send({ type: 'http.response.start', status: 200, headers: [['content-length', '5'], ['trailer', 'x-checksum']], trailers: true });
      await send({ type: 'http.response.body', body: encoder.encode('hello') });
      await send({ type: 'http.response.trailers', headers: [['x-checksum', 'abc']] });
    });
    const connection = await openRaw(port, 'GET / HTTP/1.1\r\nHost: x\r\nTE: trailers\r\n\r\n');
    const text = await connection.until((received) => received.endsWith('\r\n\r\n') && received.includes('x-checksum: abc'));
    expect(text.toLowerCase()).not.toContain('content-length');
    expect(text).toContain('Transfer-Encoding: chunked\r\n');
    expect(text.endsWith('5\r\nhello\r\n0\r\nx-checksum: abc\r\n\r\n')).toBe(true);
    connection.socket.destroy();
  });
});

describe('a client that leaves', () => {
  it('during the last write is recorded as incomplete, not logged as an app error', async () => {
    const logged: Array<[LogLevel, string, string | undefined]> = [];
    const records: ExchangeRecord[] = [];
    const settled = gate();
    const port = await serve(
      async (_scope, _receive, send) => {
        try {
          await send({ type: 'http.response.start', status: 200, headers: [['content-length', String(64 << 20)]] });
          // One event for the whole body: the response is complete as far as the protocol goes.
          await send({ type: 'http.response.body', body: new Uint8Array(64 << 20) });
        } finally {
          settled.open();
        }
      },
      {
        log: (level, message, error) => logged.push([level, message, (error as Error | undefined)?.name]),
        onExchange: (_req, record) => records.push(record),
      },
    );
    const connection = await openRaw(port, 'GET / HTTP/1.1\r\nHost: x\r\n\r\n');
    await connection.until((text) => text.length > 0);
    connection.socket.destroy();
    await settled.wait;
    const deadline = Date.now() + 5000;
    while (records.length === 0 && Date.now() < deadline) await new Promise((resolve) => setImmediate(resolve));
    // Like uvicorn, the last send does not wait for the client to take the bytes; the exchange record says they never all arrived.
    expect(records.map(({ status, completed }) => ({ status, completed }))).toEqual([{ status: 200, completed: false }]);
    expect(logged.filter(([level]) => level === 'error')).toEqual([]);
  });
});

describe('a response from an app that never waits between chunks', () => {
  // A sync app's generator on the main thread: each chunk costs CPU time, and every send settles at once.
  const busy = (ms: number): void => {
    const end = performance.now() + ms;
    while (performance.now() < end);
  };
  function slowChunks(count: number, onChunk: (index: number) => void, onClose: (made: number) => void): SyncApp {
    return (_environ, startResponse) => {
      startResponse('200 OK', [['Content-Type', 'text/plain']]);
      let made = 0;
      const body: ResponseBody & Iterator<Uint8Array> = {
        [Symbol.iterator]: () => body,
        next: () => {
          if (made === count) return { done: true, value: undefined };
          made += 1;
          onChunk(made);
          busy(5);
          return { done: false, value: encoder.encode(`chunk ${made};`) };
        },
        close: () => onClose(made),
      };
      return body;
    };
  }

  it('reaches the client chunk by chunk, not all at the end', async () => {
    const client: { connection?: RawConnection } = {};
    let receivedBeforeLast = '';
    const closed = gate();
    const app = slowChunks(10, (index) => {
      if (index === 10) receivedBeforeLast = client.connection?.received ?? '';
    }, () => closed.open());
    const port = await serve(app, { interface: 'sync' });
    const connection = await openRaw(port, 'GET / HTTP/1.1\r\nHost: x\r\n\r\n');
    client.connection = connection;
    await closed.wait;
    expect(receivedBeforeLast).toContain('chunk 1;');
    expect(await connection.until((text) => text.includes('chunk 10;'))).toContain('chunk 10;');
    connection.socket.destroy();
  });

  it('stops, closing the iterable, soon after the client leaves', async () => {
    const closed = gate();
    let made = 0;
    const port = await serve(slowChunks(400, () => undefined, (count) => {
      made = count;
      closed.open();
    }), { interface: 'sync' });
    const connection = await openRaw(port, 'GET / HTTP/1.1\r\nHost: x\r\n\r\n');
    await connection.until((text) => text.includes('chunk 1;'));
    connection.socket.destroy();
    await closed.wait;
    // 400 chunks take two seconds; PEP 3333's close() comes within a few once the client is gone.
    expect(made).toBeLessThan(40);
  });
});
