import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { BodyReader } from './body-reader.js';
import type { HttpError } from './errors.js';

function reader(limits: { limit?: number; timeout?: number; minRate?: number } = {}) {
  const stream = new PassThrough();
  const events: string[] = [];
  let refusal: HttpError | undefined;
  const body = new BodyReader(stream, { limit: limits.limit ?? 0, timeout: limits.timeout ?? 0, minRate: limits.minRate ?? 0 }, {
    beforeFirstRead: () => events.push('first read'),
    refuse: (error) => {
      refusal = error;
    },
  });
  return { stream, body, events, refusal: () => refusal };
}

describe('BodyReader', () => {
  it('reads chunks as plain Uint8Array views, then null at the end', async () => {
    const { stream, body, events } = reader();
    stream.end(Buffer.from('abc'));
    const chunk = await body.read();
    expect(chunk?.constructor).toBe(Uint8Array);
    expect(new TextDecoder().decode(chunk ?? new Uint8Array())).toBe('abc');
    expect(await body.read()).toBeNull();
    expect(events).toEqual(['first read']);
  });

  it('refuses a body past the limit with 413 and never settles again', async () => {
    const { stream, body, refusal } = reader({ limit: 4 });
    stream.write(Buffer.from('abcdef'));
    const pending = body.read();
    await expect.poll(() => refusal()?.status).toBe(413);
    expect(await Promise.race([pending, Promise.resolve('pending')])).toBe('pending');
  });

  it('refuses a body that stalls past its allowance with 408', async () => {
    const { stream, body, refusal } = reader({ timeout: 0.05, minRate: 1000 });
    stream.write(Buffer.from('x'));
    await body.read();
    void body.read();
    await expect.poll(() => refusal()?.status, { timeout: 2000 }).toBe(408);
  });
});
