// requests (Debian's python3-requests) and http.client against the real CLI, for a sync and an async
// app. requests_client.py drives them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliProcess } from '../support/cli-process.js';
import { APPS, runPython, serveFixture, stopAll } from './support.js';

type Kind = keyof typeof APPS;
type Results = Record<string, Record<string, unknown>>;

const servers: CliProcess[] = [];
const results = {} as Record<Kind, Results>;

beforeAll(async () => {
  await Promise.all(
    (Object.keys(APPS) as Kind[]).map(async (kind) => {
      const server = await serveFixture(APPS[kind]);
      servers.push(server);
      results[kind] = await runPython<Results>('requests_client.py', { http: server.url });
    }),
  );
}, 60_000);
afterAll(() => stopAll(...servers));

describe.each(Object.keys(APPS) as Kind[])('requests and a %s app', (kind) => {
  const result = (name: string): Record<string, unknown> => results[kind][name] ?? { missing: name };

  it('keeps one connection alive across a Session', () => {
    expect(result('sessionKeepAlive')).toEqual({ statuses: [200], connections: 1 });
  });

  it('uploads data=generator chunked, intact', () => {
    expect(result('chunkedUpload')).toEqual({ status: 200, transferEncoding: 'chunked', bodyLength: 24000, sha256Matches: true });
  });

  it('downloads with stream=True chunk by chunk', () => {
    expect(result('streamedDownload')).toMatchObject({ status: 200, total: 200 * 8192, transferEncoding: 'chunked' });
  });

  it('uploads a multipart form with files and fields, byte for byte', () => {
    const seen = result('multipart');
    expect(seen).toMatchObject({ status: 200, multipart: true, parts: 3, hasCsv: true, hasBlob: true, hasTitle: true });
    expect(seen.length).toBe(seen.sentLength);
  });

  it('sends 100 Continue before a body the app reads (http.client)', () => {
    expect(result('expectContinue').read).toEqual({ first: 'HTTP/1.1 100 Continue', status: 200, body: 13, connection: 'keep-alive' });
  });
});

describe('Expect: 100-continue with an app that never reads the body', () => {
  it('answers an async app final status at once and closes, so the client never sends the body', () => {
    expect(results.async.expectContinue?.refused).toEqual({ first: 'HTTP/1.1 401 Unauthorized', status: 401, body: 'no thanks', connection: 'close' });
  });

  it('invites the body of a sync app first, which reads its input before it runs, and keeps the connection', () => {
    expect(results.sync.expectContinue?.refused).toEqual({ first: 'HTTP/1.1 100 Continue', status: 401, body: 'no thanks', connection: 'keep-alive' });
  });
});
