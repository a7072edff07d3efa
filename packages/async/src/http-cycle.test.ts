import { describe, expect, it } from 'vitest';
import { enc, fakeHttp, gate, until } from '../test/fakes.js';
import { createScope } from './create-scope.js';
import { isAsyncSpecError, isClientDisconnected } from './errors.js';
import { runHttp } from './http-cycle.js';
import { COMMON_MESSAGES, HTTP_MESSAGES } from './messages.js';
import type { AsyncApp, ReceiveEvent } from './types/app.js';
import type { Extensions } from './types/extensions.js';

const scope = (method = 'GET', extensions: Extensions = {}) => createScope({ method, target: '/', headers: [], extensions });

const ok: AsyncApp = async (_scope, _receive, send) => {
  await send({ type: 'http.response.start', status: 200, headers: [['content-type', 'text/plain']] });
  await send({ type: 'http.response.body', body: enc('ok') });
};

describe('runHttp', () => {
  it('delivers each request chunk at once with moreBody, then an empty final event', async () => {
    const seen: ReceiveEvent[] = [];
    const transport = fakeHttp();
    const app: AsyncApp = async (_scope, receive, send) => {
      for (;;) {
        const event = await receive();
        seen.push(event);
        if (event.type !== 'http.request' || !event.moreBody) break;
      }
      await ok(_scope, receive, send);
    };
    const done = runHttp(app, scope('POST'), transport);
    transport.body.push(enc('a'));
    transport.body.push(enc('b'));
    transport.body.push(null);
    await done;
    expect(seen).toEqual([
      { type: 'http.request', body: enc('a'), moreBody: true },
      { type: 'http.request', body: enc('b'), moreBody: true },
      { type: 'http.request', body: new Uint8Array(0), moreBody: false },
    ]);
  });

  it('streams the response in order and waits for the transport before the next send resolves', async () => {
    const transport = fakeHttp({ body: [] });
    transport.writeGate = gate();
    let secondSent = false;
    const app: AsyncApp = async (_scope, _receive, send) => {
      await send({ type: 'http.response.start', status: 200 });
      const first = send({ type: 'http.response.body', body: enc('1'), moreBody: true });
      void first.then(() => (secondSent = true));
      await first;
      await send({ type: 'http.response.body', body: enc('2') });
    };
    const done = runHttp(app, scope(), transport);
    await Promise.resolve();
    await Promise.resolve();
    expect(secondSent).toBe(false);
    transport.writeGate.resolve();
    await done;
    expect(transport.calls).toEqual([
      ['start', 200, [], { trailers: false }],
      ['write', '1'],
      ['write', '2'],
      ['end', undefined],
    ]);
  });

  it('flushes the head on an empty body event that leaves the body open (server-sent events)', async () => {
    const transport = fakeHttp({ body: [], flush: true });
    const later = gate();
    const done = runHttp(
      async (_s, _r, send) => {
        await send({ type: 'http.response.start', status: 200, headers: [['content-type', 'text/event-stream']] });
        await send({ type: 'http.response.body', body: new Uint8Array(0), moreBody: true });
        await later.promise;
        await send({ type: 'http.response.body', body: enc('data: x\n\n') });
      },
      scope(),
      transport,
    );
    await until(() => transport.calls.length === 2);
    expect(transport.calls).toEqual([['start', 200, [['content-type', 'text/event-stream']], { trailers: false }], ['flush']]);
    later.resolve();
    await done;
    expect(transport.calls.slice(2)).toEqual([['write', 'data: x\n\n'], ['end', undefined]]);
  });

  it('asks a transport without flush() to send the head with a zero-length write', async () => {
    const transport = fakeHttp({ body: [] });
    await runHttp(
      async (_s, _r, send) => {
        await send({ type: 'http.response.start', status: 200 });
        await send({ type: 'http.response.body', moreBody: true });
        await send({ type: 'http.response.body', moreBody: true });
        await send({ type: 'http.response.body', body: enc('x') });
      },
      scope(),
      transport,
    );
    expect(transport.calls).toEqual([['start', 200, [], { trailers: false }], ['write', ''], ['write', 'x'], ['end', undefined]]);
  });

  it('flushes the head of a HEAD response at its first body event, whose bytes it drops', async () => {
    const transport = fakeHttp({ body: [], flush: true });
    await runHttp(
      async (_s, _r, send) => {
        await send({ type: 'http.response.start', status: 200 });
        await send({ type: 'http.response.body', body: enc('abc'), moreBody: true });
        await send({ type: 'http.response.body', body: enc('def') });
      },
      scope('HEAD'),
      transport,
    );
    expect(transport.calls).toEqual([['start', 200, [], { trailers: false }], ['flush'], ['end', undefined]]);
  });

  it('answers 500 when the app raises before starting the response', async () => {
    const transport = fakeHttp({ body: [] });
    await runHttp(() => Promise.reject(new Error('boom')), scope(), transport);
    expect(transport.calls[0]).toEqual(['start', 500, expect.arrayContaining([['content-length', '21']]), { trailers: false }]);
    expect(transport.calls.slice(1)).toEqual([['write', 'Internal Server Error'], ['end', undefined]]);
    expect(transport.logs[0]?.[0]).toBe('error');
    expect((transport.logs[0]?.[2] as Error).message).toBe('boom');
  });

  it('answers 500 when the app returns without a response', async () => {
    const transport = fakeHttp({ body: [] });
    await runHttp(async () => {}, scope(), transport);
    expect(transport.calls[0]?.[1]).toBe(500);
    expect(transport.logs[0]?.[1]).toBe(HTTP_MESSAGES.returnedWithoutResponse);
  });

  it('answers 500 when the app does not return a Promise', async () => {
    const transport = fakeHttp({ body: [] });
    await runHttp((() => undefined) as unknown as AsyncApp, scope(), transport);
    expect(transport.calls[0]?.[1]).toBe(500);
    expect((transport.logs[0]?.[2] as Error).message).toBe(COMMON_MESSAGES.notAPromise);
  });

  it('aborts the connection when the app raises after starting the response', async () => {
    const transport = fakeHttp({ body: [] });
    const error = new Error('late');
    await runHttp(
      async (_s, _r, send) => {
        await send({ type: 'http.response.start', status: 200 });
        await send({ type: 'http.response.body', body: enc('part'), moreBody: true });
        throw error;
      },
      scope(),
      transport,
    );
    expect(transport.calls).toEqual([['start', 200, [], { trailers: false }], ['write', 'part'], ['abort', error]]);
  });

  it('aborts when the app returns before completing the response', async () => {
    const transport = fakeHttp({ body: [] });
    await runHttp(async (_s, _r, send) => send({ type: 'http.response.start', status: 200 }), scope(), transport);
    expect(transport.calls[1]?.[0]).toBe('abort');
    expect(transport.logs[0]?.[1]).toBe(HTTP_MESSAGES.returnedIncomplete);
  });

  it('rejects a body sent before the start, naming §3.4, and answers 500', async () => {
    const transport = fakeHttp({ body: [] });
    let caught: unknown;
    await runHttp(
      async (_s, _r, send) => {
        try {
          await send({ type: 'http.response.body', body: enc('x') });
        } catch (error) {
          caught = error;
          throw error;
        }
      },
      scope(),
      transport,
    );
    expect(isAsyncSpecError(caught) && caught.section).toBe('3.4');
    expect((caught as Error).message).toBe(HTTP_MESSAGES.bodyBeforeStart);
    expect(transport.calls[0]?.[1]).toBe(500);
  });

  it('refuses body bytes beyond content-length and aborts', async () => {
    const transport = fakeHttp({ body: [] });
    let caught: unknown;
    await runHttp(
      async (_s, _r, send) => {
        await send({ type: 'http.response.start', status: 200, headers: [['content-length', '3']] });
        await send({ type: 'http.response.body', body: enc('abcd') }).catch((error: unknown) => {
          caught = error;
          throw error;
        });
      },
      scope(),
      transport,
    );
    expect((caught as Error).message).toBe(HTTP_MESSAGES.bodyTooLong(4, 3));
    expect(transport.calls.map((call) => call[0])).toEqual(['start', 'abort']);
  });

  it('answers 500 and logs when the app swallows a rejected start and then sends a valid response', async () => {
    const transport = fakeHttp({ body: [] });
    const rejections: unknown[] = [];
    await runHttp(
      async (_s, _r, send) => {
        await send({ type: 'http.response.start', status: 99 }).catch((error: unknown) => void rejections.push(error));
        await send({ type: 'http.response.start', status: 200 }).catch((error: unknown) => void rejections.push(error));
        await send({ type: 'http.response.body', body: enc('ok') }).catch((error: unknown) => void rejections.push(error));
      },
      scope(),
      transport,
    );
    // async §2.5.1: once the app broke the spec, every later send fails with the same violation.
    expect(rejections.map((error) => (error as Error).message)).toEqual([HTTP_MESSAGES.badStatus(99), HTTP_MESSAGES.badStatus(99), HTTP_MESSAGES.badStatus(99)]);
    expect(transport.calls.map((call) => call.slice(0, 2))).toEqual([['start', 500], ['write', 'Internal Server Error'], ['end', undefined]]);
    expect(transport.logs.map(([level, message]) => [level, message])).toEqual([['error', HTTP_MESSAGES.badStatus(99)]]);
  });

  it('aborts and logs when the app swallows a content-length overrun and then completes the body', async () => {
    const transport = fakeHttp({ body: [] });
    await runHttp(
      async (_s, _r, send) => {
        await send({ type: 'http.response.start', status: 200, headers: [['content-length', '2']] });
        await send({ type: 'http.response.body', body: enc('abc') }).catch(() => undefined);
        await send({ type: 'http.response.body', body: enc('ab') }).catch(() => undefined);
      },
      scope(),
      transport,
    );
    expect(transport.calls.map((call) => call[0])).toEqual(['start', 'abort']);
    expect(transport.logs.map(([level, message]) => [level, message])).toEqual([['error', HTTP_MESSAGES.bodyTooLong(3, 2)]]);
  });

  it('refuses a body that ends short of content-length', async () => {
    const transport = fakeHttp({ body: [] });
    await runHttp(
      async (_s, _r, send) => {
        await send({ type: 'http.response.start', status: 200, headers: [['content-length', '5']] });
        await send({ type: 'http.response.body', body: enc('abc') });
      },
      scope(),
      transport,
    );
    expect((transport.logs[0]?.[2] as Error).message).toBe(HTTP_MESSAGES.bodyTooShort(3, 5));
    expect(transport.calls.map((call) => call[0])).toEqual(['start', 'abort']);
  });

  it('sends no body bytes for HEAD and does not hold them to content-length', async () => {
    const transport = fakeHttp({ body: [] });
    await runHttp(
      async (_s, _r, send) => {
        await send({ type: 'http.response.start', status: 200, headers: [['content-length', '100']] });
        await send({ type: 'http.response.body', body: enc('abc') });
      },
      scope('HEAD'),
      transport,
    );
    expect(transport.calls).toEqual([['start', 200, [['content-length', '100']], { trailers: false }], ['end', undefined]]);
  });

  it("holds a 'head' request's body to content-length: only HEAD, in upper case, is HEAD", async () => {
    const transport = fakeHttp({ body: [] });
    await runHttp(
      async (_s, _r, send) => {
        await send({ type: 'http.response.start', status: 200, headers: [['content-length', '3']] });
        await send({ type: 'http.response.body', body: enc('abc') });
      },
      scope('head'),
      transport,
    );
    expect(transport.calls.map((call) => call.slice(0, 2))).toEqual([['start', 200], ['write', 'abc'], ['end', undefined]]);
  });

  it('reports http.disconnect once the response is complete', async () => {
    const transport = fakeHttp({ body: [] });
    let after: ReceiveEvent | undefined;
    await runHttp(
      async (s, receive, send) => {
        await receive();
        await ok(s, receive, send);
        after = await receive();
      },
      scope(),
      transport,
    );
    expect(after).toEqual({ type: 'http.disconnect' });
  });

  it('reports http.disconnect to a waiting receive when the client goes away mid-response', async () => {
    const transport = fakeHttp();
    const events: ReceiveEvent[] = [];
    let sendError: unknown;
    const app: AsyncApp = async (_s, receive, send) => {
      await send({ type: 'http.response.start', status: 200 });
      await send({ type: 'http.response.body', body: enc('tick'), moreBody: true });
      events.push(await receive());
      try {
        await send({ type: 'http.response.body', body: enc('tock'), moreBody: true });
      } catch (error) {
        sendError = error;
        throw error;
      }
    };
    const done = runHttp(app, scope('POST'), transport);
    await new Promise<void>((resolve) => {
      const poll = (): void => (transport.body.waiting > 0 ? resolve() : void Promise.resolve().then(poll));
      poll();
    });
    transport.disconnect();
    await done;
    expect(events).toEqual([{ type: 'http.disconnect' }]);
    expect(isClientDisconnected(sendError)).toBe(true);
    expect(transport.calls.map((call) => call[0])).toEqual(['start', 'write']);
    expect(transport.logs).toEqual([]);
  });

  it('reports a disconnect when reading the request body fails', async () => {
    const transport = fakeHttp();
    transport.read = () => Promise.reject(new Error('ECONNRESET'));
    let event: ReceiveEvent | undefined;
    await runHttp(
      async (_s, receive) => {
        event = await receive();
      },
      scope('POST'),
      transport,
    );
    expect(event).toEqual({ type: 'http.disconnect' });
    expect(transport.calls).toEqual([]);
  });

  it('serves concurrent receive() calls one read at a time', async () => {
    const transport = fakeHttp({ body: ['a', 'b'] });
    let reading = 0;
    let overlapped = false;
    const read = transport.read;
    transport.read = async () => {
      reading++;
      overlapped ||= reading > 1;
      const chunk = await read();
      reading--;
      return chunk;
    };
    const events: ReceiveEvent[] = [];
    await runHttp(
      async (s, receive, send) => {
        events.push(...(await Promise.all([receive(), receive(), receive()])));
        await ok(s, receive, send);
      },
      scope('POST'),
      transport,
    );
    expect(overlapped).toBe(false);
    expect(events.map((e) => (e.type === 'http.request' ? e.moreBody : null))).toEqual([true, true, false]);
  });

  it('raises ClientDisconnected when a transport write fails', async () => {
    const transport = fakeHttp({ body: [] });
    transport.write = () => Promise.reject(new Error('EPIPE'));
    let sendError: unknown;
    await runHttp(
      async (_s, _r, send) => {
        await send({ type: 'http.response.start', status: 200 });
        await send({ type: 'http.response.body', body: enc('x') }).catch((error: unknown) => (sendError = error));
      },
      scope(),
      transport,
    );
    expect(isClientDisconnected(sendError)).toBe(true);
    expect(((sendError as Error).cause as Error).message).toBe('EPIPE');
  });

  it('lets an app ignore a send that fails, without an unhandled rejection', async () => {
    const transport = fakeHttp({ body: [] });
    transport.write = () => Promise.reject(new Error('EPIPE'));
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown): void => void unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      await runHttp(
        async (_s, _r, send) => {
          await send({ type: 'http.response.start', status: 200 });
          void send({ type: 'http.response.body', body: enc('x') });
          // Still running when the rejection would surface.
          await new Promise((resolve) => setTimeout(resolve, 20));
        },
        scope(),
        transport,
      );
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
    expect(unhandled).toEqual([]);
  });

  it('sends trailers after the body when the start asked for them and the host advertises them', async () => {
    const transport = fakeHttp({ body: [] });
    await runHttp(
      async (_s, _r, send) => {
        await send({ type: 'http.response.start', status: 200, trailers: true });
        await send({ type: 'http.response.body', body: enc('data') });
        await send({ type: 'http.response.trailers', headers: [['x-checksum', 'abc']], moreTrailers: true });
        await send({ type: 'http.response.trailers', headers: [['x-count', '1']] });
      },
      scope('GET', { 'http.response.trailers': {} }),
      transport,
    );
    expect(transport.calls).toEqual([
      ['start', 200, [], { trailers: true }],
      ['write', 'data'],
      ['end', [['x-checksum', 'abc'], ['x-count', '1']]],
    ]);
  });

  it('refuses trailers: true when the host does not advertise trailers', async () => {
    const transport = fakeHttp({ body: [] });
    await runHttp(async (_s, _r, send) => send({ type: 'http.response.start', status: 200, trailers: true }), scope(), transport);
    expect(transport.logs[0]?.[1]).toBe(HTTP_MESSAGES.trailersNotAdvertised);
    expect(transport.calls[0]?.[1]).toBe(500);
  });

  it('advertises pathsend and early hints only when the transport can do them', async () => {
    const seen: unknown[] = [];
    const app: AsyncApp = async (s, r, send) => {
      seen.push(s.type === 'http' ? s.extensions : null);
      await ok(s, r, send);
    };
    await runHttp(app, scope('GET', { 'http.response.pathsend': {} }), fakeHttp({ body: [] }));
    await runHttp(app, scope(), fakeHttp({ body: [], files: true, hints: true }));
    expect(seen[0]).toEqual({});
    expect(seen[1]).toEqual({ 'http.response.pathsend': {}, 'http.response.early_hint': {} });
  });

  it('sends a file through the transport for http.response.pathsend', async () => {
    const transport = fakeHttp({ body: [], files: true });
    await runHttp(
      async (_s, _r, send) => {
        await send({ type: 'http.response.start', status: 200 });
        await send({ type: 'http.response.pathsend', path: '/srv/index.html' });
      },
      scope(),
      transport,
    );
    expect(transport.calls).toEqual([['start', 200, [], { trailers: false }], ['sendFile', '/srv/index.html'], ['end', undefined]]);
  });

  it('aborts and hands the error back when the file cannot be sent', async () => {
    const transport = fakeHttp({ body: [], files: true });
    transport.sendFile = () => Promise.reject(new Error('ENOENT'));
    let sendError: unknown;
    await runHttp(
      async (_s, _r, send) => {
        await send({ type: 'http.response.start', status: 200 });
        sendError = await send({ type: 'http.response.pathsend', path: '/missing' }).catch((error: unknown) => error);
      },
      scope(),
      transport,
    );
    expect((sendError as Error).message).toBe('ENOENT');
    expect(transport.calls.map((call) => call[0])).toEqual(['start', 'abort']);
    expect(transport.logs[0]?.[0]).toBe('error');
  });

  it('advertises neither trailers nor early hints on HTTP/1.0', async () => {
    let extensions: unknown;
    const scope10 = createScope({ method: 'GET', target: '/', headers: [], httpVersion: '1.0', extensions: { 'http.response.trailers': {} } });
    await runHttp(
      async (s, r, send) => {
        extensions = s.type === 'http' ? s.extensions : null;
        await ok(s, r, send);
      },
      scope10,
      fakeHttp({ body: [], hints: true }),
    );
    expect(extensions).toEqual({});
  });

  it('sends 103 early hints before the response and refuses them after it starts', async () => {
    const transport = fakeHttp({ body: [], hints: true });
    let late: unknown;
    await runHttp(
      async (s, r, send) => {
        await send({ type: 'http.response.early_hint', links: ['</style.css>; rel=preload; as=style'] });
        await ok(s, r, send);
        late = await send({ type: 'http.response.early_hint', links: [] }).catch((error: unknown) => error);
      },
      scope(),
      transport,
    );
    expect(transport.calls[0]).toEqual(['earlyHints', ['</style.css>; rel=preload; as=style']]);
    expect((late as Error).message).toBe(HTTP_MESSAGES.earlyHintAfterStart);
  });

  it('refuses an event sent after the response completed', async () => {
    const transport = fakeHttp({ body: [] });
    let late: unknown;
    await runHttp(
      async (s, r, send) => {
        await ok(s, r, send);
        late = await send({ type: 'http.response.body', body: enc('more') }).catch((error: unknown) => error);
      },
      scope(),
      transport,
    );
    expect((late as Error).message).toBe(HTTP_MESSAGES.afterComplete('http.response.body'));
  });

  it('ends a one-piece response within the send when write and end return nothing', async () => {
    const transport = fakeHttp({ body: [] });
    transport.write = (chunk) => void transport.calls.push(['write', new TextDecoder().decode(chunk)]);
    transport.end = (trailers) => void transport.calls.push(['end', trailers]);
    let afterEnd: ReceiveEvent | undefined;
    const app: AsyncApp = async (_scope, receive, send) => {
      await send({ type: 'http.response.start', status: 200, headers: [] });
      const last = send({ type: 'http.response.body', body: enc('whole') });
      // Handed over already, before the app awaits anything.
      expect(transport.calls.map(([call]) => call)).toEqual(['start', 'write', 'end']);
      await last;
      afterEnd = await receive();
    };
    await runHttp(app, scope(), transport);
    expect(transport.calls).toEqual([
      ['start', 200, [], { trailers: false }],
      ['write', 'whole'],
      ['end', undefined],
    ]);
    // The exchange is complete: a receive() after it says so at once.
    expect(afterEnd).toEqual({ type: 'http.disconnect' });
  });

  it('settles a streamed chunk\'s send in the next turn when the transport took it at once', async () => {
    const transport = fakeHttp({ body: [] });
    const finals: Array<boolean | undefined> = [];
    transport.write = (chunk, info) => {
      finals.push(info?.final);
      transport.calls.push(['write', new TextDecoder().decode(chunk)]);
    };
    transport.end = (trailers) => void transport.calls.push(['end', trailers]);
    const app: AsyncApp = async (_scope, _receive, send) => {
      await send({ type: 'http.response.start', status: 200, headers: [] });
      let settled = false;
      void send({ type: 'http.response.body', body: enc('one '), moreBody: true }).then(() => (settled = true));
      // Handed over already, and settled one turn later: no chain of promises per chunk.
      expect(transport.calls.at(-1)).toEqual(['write', 'one ']);
      await Promise.resolve();
      expect(settled).toBe(true);
      await send({ type: 'http.response.body', body: new Uint8Array(0), moreBody: true });
      await send({ type: 'http.response.body', body: enc('two'), moreBody: true });
      await send({ type: 'http.response.body' });
    };
    await runHttp(app, scope(), transport);
    expect(transport.calls).toEqual([
      ['start', 200, [], { trailers: false }],
      ['write', 'one '],
      ['write', 'two'],
      ['end', undefined],
    ]);
    expect(finals).toEqual([false, false]);
  });

  it('sends the head for an empty streamed first chunk and keeps later sends behind a pending write', async () => {
    const transport = fakeHttp({ body: [], flush: true });
    transport.writeGate = gate();
    const order: string[] = [];
    const app: AsyncApp = async (_scope, _receive, send) => {
      await send({ type: 'http.response.start', status: 200, headers: [] });
      await send({ type: 'http.response.body', body: new Uint8Array(0), moreBody: true });
      order.push(`flushed: ${transport.calls.map(([call]) => call).join(',')}`);
      const held = send({ type: 'http.response.body', body: enc('held'), moreBody: true });
      const next = send({ type: 'http.response.body', body: enc('next') });
      void held.then(() => order.push('held sent'));
      void next.then(() => order.push('next sent'));
      transport.writeGate?.resolve();
      await next;
    };
    await runHttp(app, scope(), transport);
    expect(order).toEqual(['flushed: start,flush', 'held sent', 'next sent']);
    expect(transport.calls.filter(([call]) => call === 'write').map(([, body]) => body)).toEqual(['held', 'next']);
  });

  it('takes the disconnect from onClose instead of the closed promise when the transport offers it', async () => {
    const transport = fakeHttp();
    let listener: (() => void) | undefined;
    transport.onClose = (callback) => (listener = callback);
    Object.defineProperty(transport, 'closed', {
      get: () => {
        throw new Error('closed read although onClose was offered');
      },
    });
    const seen: ReceiveEvent[] = [];
    const done = runHttp(
      async (_scope, receive) => {
        seen.push(await receive());
      },
      scope('POST'),
      transport,
    );
    await until(() => listener !== undefined && transport.body.waiting === 1);
    listener?.();
    await done;
    expect(seen).toEqual([{ type: 'http.disconnect' }]);
  });

  it('reports a transport failure in the last write to the app as a disconnect', async () => {
    const transport = fakeHttp({ body: [] });
    transport.write = () => {
      throw new Error('socket gone');
    };
    let failure: unknown;
    await runHttp(
      async (_scope, _receive, send) => {
        await send({ type: 'http.response.start', status: 200, headers: [] });
        await send({ type: 'http.response.body', body: enc('x') }).catch((error: unknown) => (failure = error));
      },
      scope(),
      transport,
    );
    expect(isClientDisconnected(failure)).toBe(true);
    expect(transport.calls.some(([call]) => call === 'end')).toBe(false);
  });
});
