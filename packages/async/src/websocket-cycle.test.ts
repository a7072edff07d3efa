import { describe, expect, it } from 'vitest';
import { enc, fakeWebSocket, gate, until } from '../test/fakes.js';
import { createWebSocketScope } from './create-scope.js';
import { isClientDisconnected } from './errors.js';
import { WEBSOCKET_MESSAGES } from './messages.js';
import type { AsyncApp, ReceiveEvent } from './types/app.js';
import { runWebSocket } from './websocket-cycle.js';

const scope = (protocols?: string) =>
  createWebSocketScope({ target: '/ws', headers: protocols ? [['Sec-WebSocket-Protocol', protocols]] : [] });

/** Accepts, echoes every message, and returns on disconnect. */
const echo: AsyncApp = async (_scope, receive, send) => {
  await receive();
  await send({ type: 'websocket.accept' });
  for (;;) {
    const event = await receive();
    if (event.type === 'websocket.receive') {
      await send(event.text != null ? { type: 'websocket.send', text: event.text } : { type: 'websocket.send', bytes: event.bytes ?? null });
    } else return;
  }
};

/** Runs `app`; returns the message its first rejected send carried and the transport's last call. */
async function rejection(style: 'pull' | 'push', app: AsyncApp, protocols?: string): Promise<[string | undefined, unknown]> {
  const transport = fakeWebSocket(style);
  let message: string | undefined;
  await runWebSocket(
    (s, receive, send) => app(s, receive, (event) => send(event).catch((error: Error) => {
      message ??= error.message;
      throw error;
    })),
    scope(protocols),
    transport,
  );
  return [message, transport.calls.at(-1)];
}

describe.each(['pull', 'push'] as const)('runWebSocket over a %s transport', (style) => {
  it('accepts with the chosen subprotocol and extra headers', async () => {
    const transport = fakeWebSocket(style);
    const app: AsyncApp = async (s, receive, send) => {
      expect(await receive()).toEqual({ type: 'websocket.connect' });
      expect(s.type === 'websocket' && s.subprotocols).toEqual(['v2', 'v1']);
      await send({ type: 'websocket.accept', subprotocol: 'v1', headers: [['x-server', 'tsgi']] });
      await send({ type: 'websocket.close', code: 4000, reason: 'bye' });
    };
    await runWebSocket(app, scope('v2, v1'), transport);
    expect(transport.calls).toEqual([
      ['accept', 'v1', [['x-server', 'tsgi']]],
      ['close', 4000, 'bye'],
    ]);
  });

  it('keeps the handshake fields the server owns out of the app headers', async () => {
    const transport = fakeWebSocket(style);
    await runWebSocket(
      async (_s, receive, send) => {
        await receive();
        await send({ type: 'websocket.accept', headers: [['Sec-WebSocket-Accept', 'forged'], ['set-cookie', 'a=1']] });
        await send({ type: 'websocket.close' });
      },
      scope(),
      transport,
    );
    expect(transport.calls[0]).toEqual(['accept', null, [['set-cookie', 'a=1']]]);
  });

  it('echoes text and binary messages and reports the client close code and reason', async () => {
    const transport = fakeWebSocket(style);
    const events: ReceiveEvent[] = [];
    const app: AsyncApp = async (s, receive, send) => {
      await echo(s, async () => {
        const event = await receive();
        events.push(event);
        return event;
      }, send);
    };
    const done = runWebSocket(app, scope(), transport);
    transport.inbox.push('hello');
    transport.inbox.push(enc('bin'));
    await until(() => transport.calls.length === 3);
    transport.clientClose(1001, 'going away');
    await done;
    expect(transport.calls).toEqual([['accept', null, []], ['send', 'hello'], ['send', enc('bin')]]);
    expect(events).toEqual([
      { type: 'websocket.connect' },
      { type: 'websocket.receive', text: 'hello' },
      { type: 'websocket.receive', bytes: enc('bin') },
      { type: 'websocket.disconnect', code: 1001, reason: 'going away' },
    ]);
  });

  it('denies the handshake with 403 when the app closes before accepting', async () => {
    const transport = fakeWebSocket(style);
    let after: ReceiveEvent | undefined;
    await runWebSocket(
      async (_s, receive, send) => {
        await receive();
        await send({ type: 'websocket.close' });
        after = await receive();
      },
      scope(),
      transport,
    );
    expect(transport.calls).toEqual([['deny', 403, [], '']]);
    expect(after).toEqual({ type: 'websocket.disconnect', code: 1006, reason: '' });
  });

  it('denies with 403 when the app returns without answering the handshake', async () => {
    const transport = fakeWebSocket(style);
    await runWebSocket(async () => {}, scope(), transport);
    expect(transport.calls).toEqual([['deny', 403, [], '']]);
  });

  it('denies with 500 when the app raises before accepting', async () => {
    const transport = fakeWebSocket(style);
    await runWebSocket(() => Promise.reject(new Error('boom')), scope(), transport);
    expect(transport.calls).toEqual([['deny', 500, [['content-type', 'text/plain; charset=utf-8']], 'Internal Server Error']]);
    expect(transport.logs[0]?.[0]).toBe('error');
  });

  it('sends the app’s own denial response (websocket.http.response)', async () => {
    const transport = fakeWebSocket(style);
    await runWebSocket(
      async (s, receive, send) => {
        expect(s.type === 'websocket' && s.extensions?.['websocket.http.response']).toEqual({});
        await receive();
        await send({ type: 'websocket.http.response.start', status: 401, headers: [['www-authenticate', 'Bearer']] });
        await send({ type: 'websocket.http.response.body', body: enc('log in '), moreBody: true });
        await send({ type: 'websocket.http.response.body', body: enc('first') });
      },
      scope(),
      transport,
    );
    expect(transport.calls).toEqual([['deny', 401, [['www-authenticate', 'Bearer']], 'log in first']]);
  });

  it('closes with 1011 when the app raises after accepting, and 1000 when it returns', async () => {
    const raising = fakeWebSocket(style);
    await runWebSocket(
      async (_s, receive, send) => {
        await receive();
        await send({ type: 'websocket.accept' });
        throw new Error('oops');
      },
      scope(),
      raising,
    );
    expect(raising.calls.at(-1)).toEqual(['close', 1011, '']);
    const returning = fakeWebSocket(style);
    await runWebSocket(
      async (_s, receive, send) => {
        await receive();
        await send({ type: 'websocket.accept' });
      },
      scope(),
      returning,
    );
    expect(returning.calls.at(-1)).toEqual(['close', 1000, '']);
    expect(raising.logs[0]?.[0]).toBe('error');
  });

  it('closes with 1011 and logs when the app swallows a violation after accepting', async () => {
    const transport = fakeWebSocket(style);
    const rejections: string[] = [];
    const app: AsyncApp = async (_s, receive, send) => {
      await receive();
      await send({ type: 'websocket.accept' });
      await send({ type: 'websocket.send' }).catch((error: Error) => void rejections.push(error.message));
      await send({ type: 'websocket.send', text: 'fine' }).catch((error: Error) => void rejections.push(error.message));
    };
    await runWebSocket(app, scope(), transport);
    const message = WEBSOCKET_MESSAGES.textXorBytes('websocket.send');
    expect(rejections).toEqual([message, message]);
    expect(transport.calls).toEqual([['accept', null, []], ['close', 1011, '']]);
    expect(transport.logs.map(([level, text]) => [level, text])).toEqual([['error', message]]);
  });

  it('delivers messages that arrived before the client closed', async () => {
    const transport = fakeWebSocket(style);
    const busy = gate();
    const events: ReceiveEvent[] = [];
    const done = runWebSocket(
      async (_s, receive, send) => {
        await receive();
        await send({ type: 'websocket.accept' });
        await busy.promise;
        events.push(await receive(), await receive());
      },
      scope(),
      transport,
    );
    await until(() => transport.calls.length === 1);
    transport.inbox.push('queued');
    transport.clientClose(1000, '');
    busy.resolve();
    await done;
    expect(events).toEqual([
      { type: 'websocket.receive', text: 'queued' },
      { type: 'websocket.disconnect', code: 1000, reason: '' },
    ]);
  });

  it('raises ClientDisconnected on send after the client left, and lets close pass', async () => {
    const transport = fakeWebSocket(style);
    let sendError: unknown;
    const done = runWebSocket(
      async (_s, receive, send) => {
        await receive();
        await send({ type: 'websocket.accept' });
        expect(await receive()).toEqual({ type: 'websocket.disconnect', code: 1000, reason: '' });
        sendError = await send({ type: 'websocket.send', text: 'late' }).catch((error: unknown) => error);
        await send({ type: 'websocket.close' });
      },
      scope(),
      transport,
    );
    transport.clientClose();
    await done;
    expect(isClientDisconnected(sendError) && sendError.code).toBe(1000);
    expect(transport.calls).toEqual([['accept', null, []]]);
  });

  it('hands sends the app did not await to the transport in order, each after the one before completed', async () => {
    const transport = fakeWebSocket(style);
    const accepted = gate();
    const order: string[] = [];
    transport.accept = (subprotocol, headers) => {
      transport.calls.push(['accept', subprotocol, headers]);
      order.push('accept called');
      return accepted.promise.then(() => void order.push('accept done'));
    };
    transport.send = (data) => {
      order.push(`send ${String(data)}`);
      return Promise.resolve();
    };
    const done = runWebSocket(
      async (_s, receive, send) => {
        await receive();
        const sends = [send({ type: 'websocket.accept' }), send({ type: 'websocket.send', text: 'a' }), send({ type: 'websocket.send', text: 'b' })];
        accepted.resolve();
        await Promise.all(sends);
        await send({ type: 'websocket.close' });
      },
      scope(),
      transport,
    );
    await done;
    expect(order).toEqual(['accept called', 'accept done', 'send a', 'send b']);
  });

  it('rejects a send with ClientDisconnected when the transport fails to send it', async () => {
    const transport = fakeWebSocket(style);
    transport.send = () => Promise.reject(new Error('socket hang up'));
    let sendError: unknown;
    await runWebSocket(
      async (_s, receive, send) => {
        await receive();
        await send({ type: 'websocket.accept' });
        sendError = await send({ type: 'websocket.send', text: 'lost' }).catch((error: unknown) => error);
      },
      scope(),
      transport,
    );
    expect(isClientDisconnected(sendError)).toBe(true);
    expect((sendError as Error).cause).toEqual(new Error('socket hang up'));
  });

  it('lets an app ignore a send that fails, without an unhandled rejection', async () => {
    const transport = fakeWebSocket(style);
    transport.send = () => Promise.reject(new Error('socket hang up'));
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown): void => void unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      await runWebSocket(
        async (_s, receive, send) => {
          await receive();
          await send({ type: 'websocket.accept' });
          void send({ type: 'websocket.send', text: 'ignored' });
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

  it('refuses close codes an endpoint may not send and over-long reasons, failing the connection with 1011', async () => {
    const close = (event: Record<string, unknown>) => rejection(style, async (_s, receive, send) => {
      await receive();
      await send({ type: 'websocket.accept' });
      await send({ type: 'websocket.close', ...event });
    });
    for (const code of [1005, 1006, 999, 2000, 5000]) {
      expect(await close({ code })).toEqual([WEBSOCKET_MESSAGES.badCloseCode(code), ['close', 1011, '']]);
    }
    expect(await close({ reason: 'é'.repeat(62) })).toEqual([WEBSOCKET_MESSAGES.reasonTooLong(124), ['close', 1011, '']]);
    const transport = fakeWebSocket(style);
    await runWebSocket(async (_s, receive, send) => {
      await receive();
      await send({ type: 'websocket.accept' });
      await send({ type: 'websocket.close', code: 3001, reason: 'ok' });
    }, scope(), transport);
    expect(transport.calls.at(-1)).toEqual(['close', 3001, 'ok']);
  });

  it('refuses a send before accept and a subprotocol the client did not offer, denying with 500', async () => {
    const early = await rejection(style, async (_s, receive, send) => {
      await receive();
      await send({ type: 'websocket.send', text: 'early' });
    }, 'v1');
    expect(early).toEqual([WEBSOCKET_MESSAGES.sendBeforeAccept, ['deny', 500, [['content-type', 'text/plain; charset=utf-8']], 'Internal Server Error']]);
    const offered = await rejection(style, async (_s, receive, send) => {
      await receive();
      await send({ type: 'websocket.accept', subprotocol: 'v3' });
    }, 'v1');
    expect(offered[0]).toBe(WEBSOCKET_MESSAGES.badSubprotocol('v3'));
  });
});

describe('runWebSocket over either transport', () => {
  it.each(['pull', 'push'] as const)('answers receive() calls the app makes without awaiting, in order (%s)', async (style) => {
    const transport = fakeWebSocket(style);
    let events: ReceiveEvent[] = [];
    const done = runWebSocket(
      async (_s, receive, send) => {
        await receive();
        await send({ type: 'websocket.accept' });
        events = await Promise.all([receive(), receive(), receive()]);
      },
      scope(),
      transport,
    );
    await until(() => transport.calls.length === 1);
    transport.inbox.push('one');
    transport.inbox.push('two');
    transport.clientClose(1000, 'done');
    await done;
    expect(events).toEqual([
      { type: 'websocket.receive', text: 'one' },
      { type: 'websocket.receive', text: 'two' },
      { type: 'websocket.disconnect', code: 1000, reason: 'done' },
    ]);
  });

  it('rejects a transport that offers neither listen() nor messages', async () => {
    const transport = fakeWebSocket('pull');
    delete transport.messages;
    await expect(runWebSocket(echo, scope(), transport)).rejects.toThrow('async §4.8: a WebSocketTransport needs listen() or messages');
  });
});

describe('runWebSocket over a push transport', () => {
  it('pauses the transport while 64 messages wait for a busy app, and resumes once it took half', async () => {
    const transport = fakeWebSocket('push');
    const busy = gate();
    const texts: string[] = [];
    /** How many messages the app had taken when the transport was told to resume. */
    let resumedAfter = -1;
    const done = runWebSocket(
      async (_s, receive, send) => {
        await receive();
        await send({ type: 'websocket.accept' });
        await busy.promise;
        while (texts.length < 100) {
          const event = await receive();
          texts.push(event.type === 'websocket.receive' ? (event.text ?? '') : event.type);
          if (resumedAfter < 0 && transport.flow.includes('resume')) resumedAfter = texts.length;
        }
      },
      scope(),
      transport,
    );
    await until(() => transport.calls.length === 1);
    for (let i = 0; i < 63; i++) transport.inbox.push(String(i));
    expect(transport.flow).toEqual([]);
    transport.inbox.push('63');
    expect(transport.flow).toEqual(['pause']);
    // A host may still deliver what it had already read: nothing is lost.
    transport.inbox.push('64');
    busy.resolve();
    await until(() => resumedAfter > 0);
    expect([resumedAfter, transport.flow]).toEqual([33, ['pause', 'resume']]);
    for (let i = 65; i < 100; i++) transport.inbox.push(String(i));
    await done;
    expect(texts).toEqual(Array.from({ length: 100 }, (_, i) => String(i)));
  });

  it('resolves a send the transport took at once, and rejects one it threw on as ClientDisconnected', async () => {
    const transport = fakeWebSocket('push');
    let sendError: unknown;
    const done = runWebSocket(
      async (_s, receive, send) => {
        await receive();
        await send({ type: 'websocket.accept' });
        await send({ type: 'websocket.send', text: 'taken' });
        transport.send = () => {
          throw new Error('the WebSocket is not open');
        };
        sendError = await send({ type: 'websocket.send', text: 'lost' }).catch((error: unknown) => error);
      },
      scope(),
      transport,
    );
    await done;
    // The failed send lost the client: nothing is left to close.
    expect(transport.calls).toEqual([['accept', null, []], ['send', 'taken']]);
    expect(isClientDisconnected(sendError)).toBe(true);
    expect((sendError as Error).cause).toEqual(new Error('the WebSocket is not open'));
  });
});
