import { describe, expect, it } from 'vitest';
import { QUEUE_ENDED } from './_internal/queue.js';
import { createSocketAdapter } from './socket-adapter.js';

const sent: Array<string | Uint8Array> = [];
const make = () =>
  createSocketAdapter({
    subprotocol: 'chat',
    headers: [['x-a', '1']],
    send: (data) => {
      sent.push(data);
      return Promise.resolve();
    },
    close: () => Promise.resolve(),
  });

describe('createSocketAdapter', () => {
  it('hands messages to receive() in order, whether they came before or after the call', async () => {
    const { socket, deliver } = make();
    deliver('one');
    expect(await socket.receive()).toBe('one');
    const second = socket.receive();
    deliver(new Uint8Array([2]));
    expect(await second).toEqual(new Uint8Array([2]));
    await socket.send('out');
    expect(sent).toContain('out');
    expect([socket.subprotocol, socket.headers]).toEqual(['chat', [['x-a', '1']]]);
  });

  it('rejects a waiting receive() when the connection closes, and resolves closed with the code and reason', async () => {
    const { socket, end } = make();
    const waiting = socket.receive();
    end(4000, 'bye');
    await expect(waiting).rejects.toThrow(QUEUE_ENDED);
    await expect(socket.closed).resolves.toEqual({ code: 4000, reason: 'bye' });
  });

  it('still delivers messages that arrived before the close', async () => {
    const { socket, deliver, end } = make();
    deliver('last words');
    end(1000, '');
    expect(await socket.receive()).toBe('last words');
    await expect(socket.receive()).rejects.toThrow(QUEUE_ENDED);
  });
});
