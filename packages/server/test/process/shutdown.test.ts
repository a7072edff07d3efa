// SIGTERM/SIGINT through the real CLI: in-flight requests complete (gunicorn#2529, #2593), keep-alive
// clients are told Connection: close, slow clients are bounded by the graceful timeout, WebSockets
// get 1001 and streams http.disconnect, and the supervisor exits 0 after lifespan shutdown.
import { request, Agent } from 'node:http';
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { fetchText, fixture, ready, start, type Reply } from './support.js';

const faults = fixture('faults.js');

/** Sends a request and resolves once its bytes are written, with the reply still to come. */
function inFlight(url: string, agent?: Agent): Promise<{ reply: Promise<Reply> }> {
  return new Promise((written, failed) => {
    const reply = new Promise<Reply>((resolve, reject) => {
      const req = request(url, { agent: agent ?? false }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
      });
      req.on('error', (error) => {
        reject(error);
        failed(error);
      });
      req.on('finish', () => written({ reply }));
      req.end();
    });
    reply.catch(() => undefined);
  });
}

describe('graceful shutdown', { timeout: 40_000 }, () => {
  it('completes all 200 requests in flight when SIGTERM arrives', async () => {
    const tsgi = start([faults, '--workers', '2']);
    const url = await ready(tsgi);
    // Every request is on the wire (many still queued in the kernel, not yet accepted) before the signal.
    const sent = await Promise.all(Array.from({ length: 200 }, () => inFlight(`${url}/slow?ms=300`)));
    tsgi.signal('SIGTERM');
    const replies = await Promise.allSettled(sent.map(({ reply }) => reply));
    const failures = replies.flatMap((result) => (result.status === 'rejected' ? [String(result.reason)] : result.value.status === 200 ? [] : [`status ${result.value.status}`]));
    expect(failures).toEqual([]);
    expect(await tsgi.exited).toBe(0);
    expect(tsgi.lines.filter((line) => line.startsWith('fixture: lifespan shutdown ran'))).toHaveLength(2);
  });

  it('answers a keep-alive client in flight with Connection: close, then refuses new connections', async () => {
    const tsgi = start([faults, '--workers', '1', '--timeout-graceful-shutdown', '5']);
    const url = await ready(tsgi);
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    expect((await fetchText(url, { agent })).headers.connection).toBe('keep-alive');
    const { reply } = await inFlight(`${url}/slow?ms=500`, agent);
    tsgi.signal('SIGTERM');
    const answered = await reply;
    expect(answered.status).toBe(200);
    expect(answered.headers.connection).toBe('close');
    expect(await tsgi.exited).toBe(0);
    await expect(fetchText(url)).rejects.toThrow(/ECONNREFUSED/);
    agent.destroy();
  });

  it('lets a slow upload finish within the graceful timeout and cuts off a client that never finishes', async () => {
    const tsgi = start([faults, '--workers', '1', '--timeout-graceful-shutdown', '2']);
    const url = new URL(await ready(tsgi));
    // A client that sends half a request and then nothing: held at most the graceful timeout.
    const stalled = connect(Number(url.port), url.hostname);
    stalled.on('error', () => undefined);
    stalled.write('POST /slow HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n12345');
    const stalledClosed = new Promise<void>((resolve) => stalled.once('close', () => resolve()));
    await new Promise<void>((resolve) => stalled.once('connect', () => resolve()));
    // A client uploading slowly, but well within the graceful timeout.
    const upload = new Promise<Reply>((resolve, reject) => {
      const req = request(`${url.origin}/slow?ms=10`, { method: 'POST', agent: false, headers: { 'content-length': '6' } }, (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
      });
      req.on('error', reject);
      req.write('abc');
      // SIGTERM only once the upload is connected: the listener closes first, so a signal sent while
      // the client is still connecting would (rightly) refuse it.
      req.once('socket', (socket) =>
        socket.once('connect', () => {
          tsgi.signal('SIGTERM');
          void tsgi.waitFor(/worker \d+: shutting down/).then(() => req.end('def'));
        }),
      );
    });
    const began = Date.now();
    expect((await upload).status).toBe(200);
    await stalledClosed;
    expect(await tsgi.exited).toBe(0);
    // The graceful timeout (2 s) bounds the wait; lifespan shutdown still ran.
    expect(Date.now() - began).toBeLessThan(8000);
    expect(tsgi.lines.join('\n')).toContain('fixture: lifespan shutdown ran');
  });

  it('closes WebSockets with 1001 and ends streams with http.disconnect', async () => {
    const tsgi = start([faults, '--workers', '1', '--timeout-graceful-shutdown', '1']);
    const url = await ready(tsgi);
    const socket = new WebSocket(`${url.replace('http', 'ws')}/socket`);
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    const stream = new Promise<string>((resolve) => {
      request(`${url}/stream`, { agent: false }, (res) => {
        res.once('data', () => resolve('streaming'));
        res.on('error', () => undefined);
        res.resume();
      }).end();
    });
    expect(await stream).toBe('streaming');
    tsgi.signal('SIGINT');
    expect(await closed).toBe(1001);
    await tsgi.waitFor(/fixture: stream ended with http\.disconnect/);
    expect(await tsgi.exited).toBe(0);
    expect(tsgi.lines.join('\n')).toContain('fixture: websocket closed with 1001');
  });
});
