// The event loop's side of a threaded request, with the thread played by the test.
import { ClientDisconnected, type ReceiveEvent, type SendEvent } from '@tsgi/async';
import { describe, expect, it } from 'vitest';
import { BODY, createChannel, mailbox, MAILBOX_BYTES, SLOT, slots } from './channel.js';
import { Exchange } from './exchange.js';

const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function exchange(events: ReceiveEvent[], options: { withBody?: boolean; sendFails?: boolean } = {}) {
  const buffer = createChannel(options.withBody ?? false);
  const sent: SendEvent[] = [];
  const receive = (): Promise<ReceiveEvent> => (events.length > 0 ? Promise.resolve(events.shift() as ReceiveEvent) : new Promise(() => undefined));
  const send = (event: SendEvent): Promise<void> => {
    if (options.sendFails) return Promise.reject(new ClientDisconnected());
    sent.push(event);
    return Promise.resolve();
  };
  const hung: Exchange[] = [];
  const subject = new Exchange(1, 'GET /', buffer, receive, send, 0, (stuck) => hung.push(stuck));
  return { subject, sent, control: slots(buffer), box: mailbox(buffer), hung };
}

describe('Exchange', () => {
  it('hands the body over one mailbox at a time when the thread asks, then the end', async () => {
    const big = new Uint8Array(MAILBOX_BYTES + 10).fill(7);
    const { subject, control, box } = exchange([{ type: 'http.request', body: big, moreBody: true }, { type: 'http.request', body: new Uint8Array(0), moreBody: false }], { withBody: true });
    subject.handle({ type: 'want', id: 1 });
    await settle();
    expect(Atomics.load(control, SLOT.bodyState)).toBe(BODY.full);
    expect(Atomics.load(control, SLOT.bodyLength)).toBe(MAILBOX_BYTES);
    expect(box?.[0]).toBe(7);
    Atomics.store(control, SLOT.bodyState, BODY.idle);
    subject.handle({ type: 'want', id: 1 });
    await settle();
    expect(Atomics.load(control, SLOT.bodyLength)).toBe(10);
    Atomics.store(control, SLOT.bodyState, BODY.idle);
    subject.handle({ type: 'want', id: 1 });
    await settle();
    expect(Atomics.load(control, SLOT.bodyState)).toBe(BODY.end);
  });

  it('sends the head (names lower-cased), each chunk, the end, and gives the window back', async () => {
    const { subject, sent, control } = exchange([]);
    Atomics.store(control, SLOT.inFlight, 3);
    subject.handle({ type: 'start', id: 1, status: 200, headers: [['Content-Type', 'text/plain']] });
    subject.handle({ type: 'body', id: 1, chunk: new Uint8Array([1, 2, 3]) });
    subject.handle({ type: 'end', id: 1, ms: 1 });
    await subject.done;
    expect(sent).toEqual([
      { type: 'http.response.start', status: 200, headers: [['content-type', 'text/plain']] },
      { type: 'http.response.body', body: new Uint8Array([1, 2, 3]), moreBody: true },
      { type: 'http.response.body', body: new Uint8Array(0), moreBody: false },
    ]);
    expect(Atomics.load(control, SLOT.inFlight)).toBe(0);
  });

  it("cancels the thread's work when the client has gone, and ends quietly", async () => {
    const { subject, control } = exchange([], { sendFails: true });
    subject.handle({ type: 'start', id: 1, status: 200, headers: [] });
    await settle();
    expect(Atomics.load(control, SLOT.cancelled)).toBe(1);
    subject.handle({ type: 'end', id: 1, ms: 1 });
    await expect(subject.done).resolves.toBeUndefined();
  });

  it('rejects with the error the thread reported, or with the pool’s when the thread hung or died', async () => {
    const first = exchange([]);
    first.subject.handle({ type: 'error', id: 1, error: { name: 'SyncSpecError', message: 'sync §5.2: bad status', stack: undefined }, ms: 1 });
    await expect(first.subject.done).rejects.toMatchObject({ name: 'SyncSpecError', message: 'sync §5.2: bad status' });
    const second = exchange([]);
    second.subject.fail(new Error('a worker thread was stuck'));
    await expect(second.subject.done).rejects.toThrow('a worker thread was stuck');
    expect(Atomics.load(second.control, SLOT.cancelled)).toBe(1);
  });
});
