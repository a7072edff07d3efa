import { describe, expect, it } from 'vitest';
import { Mailbox } from './mailbox.js';

describe('Mailbox', () => {
  it('hands over items posted while the consumer waits, in order, and ends when closed', async () => {
    const box = new Mailbox<number>();
    const taken: number[] = [];
    const consumer = (async () => {
      for await (const item of box) taken.push(item);
    })();
    box.post(1);
    await Promise.resolve();
    box.post(2);
    box.post(3);
    box.close();
    await consumer;
    expect(taken).toEqual([1, 2, 3]);
  });

  it('ignores posts after close', async () => {
    const box = new Mailbox<string>();
    box.close();
    box.post('late');
    const taken: string[] = [];
    for await (const item of box) taken.push(item);
    expect(taken).toEqual([]);
  });
});
