import { afterEach, describe, expect, it, vi } from 'vitest';
import { Journal } from './journal.js';

describe('Journal', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('resolves waitFor with an entry recorded later, for that token only', async () => {
    const journal = new Journal();
    const waiting = journal.waitFor('http.disconnect', 't1');
    journal.record('http.disconnect', 't2');
    journal.record('http.disconnect', 't1', { at: 1 });
    await expect(waiting).resolves.toEqual({ name: 'http.disconnect', token: 't1', data: { at: 1 } });
  });

  it('resolves at once with an entry already recorded, and accepts any of several names', async () => {
    const journal = new Journal();
    journal.record('send.accepted', 'k');
    await expect(journal.waitFor(['send.raised', 'send.accepted'], 'k')).resolves.toMatchObject({ name: 'send.accepted' });
  });

  it('rejects after the deadline naming what the token did record', async () => {
    vi.useFakeTimers();
    const journal = new Journal();
    journal.record('body.finally', 'k');
    const waiting = journal.waitFor('body.close', 'k', 100);
    const assertion = expect(waiting).rejects.toThrow("probe never recorded 'body.close' for token k within 100 ms; saw [body.finally]");
    await vi.advanceTimersByTimeAsync(100);
    await assertion;
  });
});
