import { describe, expect, it, vi } from 'vitest';
import { createConsoleErrorStream, createErrorStream } from './error-stream.js';
import { ERRORS_NOT_STRING } from './messages.js';

describe('createErrorStream', () => {
  it('passes text through as written and flushes through the callback', () => {
    const written: string[] = [];
    const flush = vi.fn();
    const errors = createErrorStream((text) => written.push(text), flush);
    errors.write('a');
    errors.writelines(['b\n', 'c']);
    errors.flush();
    expect(written).toEqual(['a', 'b\n', 'c']);
    expect(flush).toHaveBeenCalledOnce();
  });

  it('rejects anything but strings', () => {
    const errors = createErrorStream(() => undefined);
    expect(() => errors.write(42 as unknown as string)).toThrow(ERRORS_NOT_STRING);
    expect(() => errors.writelines([new Uint8Array(1)] as unknown as string[])).toThrow(ERRORS_NOT_STRING);
  });
});

describe('createConsoleErrorStream', () => {
  it('writes one console line per complete line and the rest on flush', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const errors = createConsoleErrorStream();
    errors.write('first ');
    errors.write('line\nsecond');
    expect(spy.mock.calls).toEqual([['first line']]);
    errors.flush();
    expect(spy.mock.calls).toEqual([['first line'], ['second']]);
  });
});
