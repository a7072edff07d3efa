// runRequest in this thread: what a pool thread posts for each kind of outcome.
import { createErrorStream, type SyncApp } from '@tsgi/sync';
import { describe, expect, it } from 'vitest';
import { createChannel, SLOT, slots } from './channel.js';
import type { ThreadMessage } from './protocol.js';
import { runRequest } from './thread-request.js';

const text = (value: string): Uint8Array => new TextEncoder().encode(value);

function run(app: SyncApp, options: { cancelled?: boolean; refuseUnderscores?: boolean; headers?: Array<[string, string]> } = {}): ThreadMessage[] {
  const posted: ThreadMessage[] = [];
  const buffer = createChannel(false);
  if (options.cancelled) Atomics.store(slots(buffer), SLOT.cancelled, 1);
  const request = { method: 'GET', target: '/hello?x=1', headers: options.headers ?? [['host', 'example.com']], ...(options.refuseUnderscores ? { underscoreHeaders: 'refuse' as const } : {}) };
  runRequest(app, { type: 'run', id: 7, request, buffer }, { post: (message) => posted.push(message), errors: createErrorStream(() => undefined), multiprocess: true });
  return posted;
}

describe('runRequest', () => {
  it('posts an array body whole in one message, its chunks copied, with the environ a thread gives', () => {
    let environ: Record<string, unknown> = {};
    const shared = text('chunk');
    const posted = run((env, startResponse) => {
      environ = env;
      startResponse('201 Created', [['X-One', '1']]);
      return [shared, new Uint8Array(0), shared];
    });
    expect(posted).toHaveLength(1);
    const [whole] = posted as [{ type: string; id: number; status: number; headers: unknown; chunks: Uint8Array[] }];
    expect(whole).toMatchObject({ type: 'whole', id: 7, status: 201, headers: [['X-One', '1']] });
    expect(whole.chunks).toEqual([shared, shared]);
    expect(whole.chunks[0]?.buffer).not.toBe(shared.buffer);
    expect(environ).toMatchObject({ PATH_INFO: '/hello', QUERY_STRING: 'x=1', 'tsgi.multithread': true, 'tsgi.multiprocess': true });
    expect(typeof environ['tsgi.file_wrapper']).toBe('function');
  });

  it('streams a generator body chunk by chunk, so a slow stream is never held back', () => {
    const posted = run((_env, startResponse) => {
      startResponse('200 OK', []);
      return (function* () {
        yield text('a');
        yield text('b');
      })();
    });
    expect(posted.map((message) => message.type)).toEqual(['start', 'body', 'body', 'end']);
  });

  it('reports a close() that raises after the head, even for an array body', () => {
    const posted = run((_env, startResponse) => {
      startResponse('200 OK', []);
      return Object.assign([text('x')], {
        close: () => {
          throw new Error('close failed');
        },
      });
    });
    expect(posted.map((message) => message.type)).toEqual(['start', 'body', 'error']);
    expect(posted[2]).toMatchObject({ error: { message: 'close failed' } });
  });

  it('stops pulling chunks once cancelled, and still runs close()', () => {
    let closed = false;
    let pulled = 0;
    const posted = run(
      (_env, startResponse) => {
        startResponse('200 OK', []);
        return {
          *[Symbol.iterator]() {
            for (;;) {
              pulled++;
              yield text('more');
            }
          },
          close: () => void (closed = true),
        };
      },
      { cancelled: true },
    );
    expect(posted.map((message) => message.type)).toEqual(['start', 'end']);
    expect(pulled).toBe(1);
    expect(closed).toBe(true);
  });

  it('posts an error, name and stack kept, when the app raises', () => {
    const [message] = run(() => {
      throw new TypeError('boom');
    });
    expect(message).toMatchObject({ type: 'error', id: 7, error: { name: 'TypeError', message: 'boom' } });
    expect((message as { error: { stack: string } }).error.stack).toContain('thread-request.test.ts');
  });

  it('posts the refusal, and never calls the app, when the request itself is refused', () => {
    let called = false;
    const [message, ...rest] = run(
      () => {
        called = true;
        return [];
      },
      { refuseUnderscores: true, headers: [['host', 'a'], ['x_forwarded_for', '1.2.3.4']] },
    );
    expect(message).toMatchObject({ type: 'refused', id: 7, status: 400 });
    expect(rest).toEqual([]);
    expect(called).toBe(false);
  });
});
