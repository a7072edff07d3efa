// The Python websockets library (Debian's python3-websockets) against the real CLI and an async app
// (the sync interface has no WebSocket). websockets_client.py drives it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliProcess } from '../support/cli-process.js';
import { APPS, runPython, serveFixture, stopAll } from './support.js';

type Results = Record<string, Record<string, unknown>>;

const MAX_SIZE = 65536;
let server: CliProcess | undefined;
let results: Results = {};

beforeAll(async () => {
  server = await serveFixture(APPS.async, ['--ws-max-size', String(MAX_SIZE), '--ws-ping-interval', '0.5', '--ws-ping-timeout', '0.5']);
  results = await runPython<Results>('websockets_client.py', { ws: server.url.replace(/^http/, 'ws'), maxSize: MAX_SIZE });
}, 60_000);
afterAll(() => stopAll(server));

const result = (name: string): Record<string, unknown> => results[name] ?? { missing: name };

describe('websockets and an async app', () => {
  it('echoes text, binary and fragmented messages, up to --ws-max-size', () => {
    expect(result('echo')).toEqual({ text: 'héllo ☃', binary: true, fragmented: 'fragmented ☃', atLimit: MAX_SIZE });
  });

  it('negotiates the subprotocol the app picks, and none when it picks none', () => {
    expect(result('subprotocols')).toEqual({ picked: 'chat', declined: null });
  });

  it('carries close codes and reasons both ways', () => {
    expect(result('closeCodes')).toEqual({
      clientClose: { code: 4000, reason: 'bye ☃' },
      seenByApp: { code: 4000, reason: 'bye ☃' },
      serverClose: { code: 4001, reason: 'done here' },
    });
  });

  it('closes with 1009 when a message is past --ws-max-size (RFC 6455 §7.4.1)', () => {
    expect(result('tooBig')).toMatchObject({ code: 1009 });
  });

  it('closes with 1007 when a text message is not UTF-8 (RFC 6455 §8.1)', () => {
    expect(result('invalidUtf8')).toMatchObject({ code: 1007 });
  });

  it('answers a ping with a pong', () => {
    expect(result('pingPong')).toEqual({ pong: true, echo: 'still here' });
  });

  it('drops a client that stops answering pings within interval + timeout, and keeps one that answers', () => {
    const seen = result('pingTimeout');
    expect(seen).toMatchObject({ silentClosed: true, answeringReply: 'after the other was dropped' });
    expect(seen.seconds).toBeLessThan(5);
  });

  it('refuses the handshake with 403 when the app closes before accepting', () => {
    expect(result('denied')).toEqual({ status: 403 });
  });

  it('serves 200 concurrent connections', () => {
    expect(result('concurrent')).toEqual({ ok: 200, errors: [] });
  });
});
