import { describe, expect, it } from 'vitest';
import { MessageQueue } from './message-queue.js';

describe('MessageQueue', () => {
  it('hands pushed messages to the reader in order, waiting when empty', async () => {
    const queue = new MessageQueue<string>(4, () => undefined, () => undefined);
    const iterator = queue[Symbol.asyncIterator]();
    const pending = iterator.next();
    queue.push('a');
    queue.push('b');
    expect(await pending).toEqual({ done: false, value: 'a' });
    expect(await iterator.next()).toEqual({ done: false, value: 'b' });
  });

  it('pauses the source at the high-water mark and resumes once the reader caught up', async () => {
    const calls: string[] = [];
    const queue = new MessageQueue<number>(4, () => calls.push('pause'), () => calls.push('resume'));
    for (let n = 0; n < 4; n++) queue.push(n);
    expect(calls).toEqual(['pause']);
    const iterator = queue[Symbol.asyncIterator]();
    await iterator.next();
    await iterator.next();
    await iterator.next();
    expect(calls).toEqual(['pause', 'resume']);
  });

  it('ends pending and later reads once ended', async () => {
    const queue = new MessageQueue<string>(4, () => undefined, () => undefined);
    const iterator = queue[Symbol.asyncIterator]();
    const pending = iterator.next();
    queue.end();
    expect(await pending).toEqual({ done: true, value: undefined });
    queue.push('late');
    expect(await iterator.next()).toEqual({ done: true, value: undefined });
  });
});
