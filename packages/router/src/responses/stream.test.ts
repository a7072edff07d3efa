import { describe, expect, it } from 'vitest';
import { formatEvent } from './stream.js';

describe('formatEvent', () => {
  it('splits multi-line fields so a newline cannot inject a field', () => {
    expect(formatEvent({ event: 'a\nretry: 1', data: 'x\r\ny' })).toBe('event: a\nevent: retry: 1\ndata: x\ndata: y\n\n');
    expect(formatEvent({ data: 0 })).toBe('data: 0\n\n');
  });
});
