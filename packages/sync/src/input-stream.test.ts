import { describe, expect, it } from 'vitest';
import { createBufferedInput } from './buffered-input.js';
import { decodeUtf8, encodeUtf8 } from './bytes.js';
import { createInputStream } from './input-stream.js';
import { INPUT_SIZE } from './messages.js';

const text = (bytes: Uint8Array) => decodeUtf8(bytes);
const texts = (list: Iterable<Uint8Array>) => [...list].map(text);

/** A source that hands out at most `step` bytes per pull and records what it was asked for. */
function trickle(body: string, step: number) {
  const bytes = encodeUtf8(body);
  const asked: number[] = [];
  let position = 0;
  const pull = (max: number) => {
    asked.push(max);
    const chunk = bytes.slice(position, position + Math.min(max, step));
    position += chunk.length;
    return chunk;
  };
  return { pull, asked, pulled: () => position };
}

describe('createBufferedInput', () => {
  it('reads everything, then empty arrays', () => {
    const input = createBufferedInput(encodeUtf8('hello'));
    expect(text(input.read())).toBe('hello');
    expect(input.read().length).toBe(0);
    expect(input.read(10).length).toBe(0);
  });

  it('reads nothing from an empty body, checks sizes all the same, and gives each caller its own stream', () => {
    const input = createBufferedInput(new Uint8Array(0), { contentLength: 5 });
    expect([input.read().length, input.read(3).length, input.readline().length, input.readlines(), [...input]]).toEqual([0, 0, 0, [], []]);
    expect(() => input.read(1.5)).toThrow(INPUT_SIZE);
    expect(() => input.readlines(Number.NaN)).toThrow(INPUT_SIZE);
    expect(createBufferedInput(new Uint8Array(0))).not.toBe(input);
  });

  it('reads exact sizes and treats negative or null sizes as everything', () => {
    const input = createBufferedInput(encodeUtf8('abcdefgh'));
    expect(text(input.read(3))).toBe('abc');
    expect(text(input.read(0))).toBe('');
    expect(text(input.read(2))).toBe('de');
    expect(text(input.read(-1))).toBe('fgh');
    expect(text(createBufferedInput(encodeUtf8('xy')).read(null as unknown as number))).toBe('xy');
  });

  it('never reads past CONTENT_LENGTH', () => {
    const input = createBufferedInput(encodeUtf8('abc\ndef\nNEXT REQUEST'), { contentLength: 8 });
    expect(texts(input.readlines())).toEqual(['abc\n', 'def\n']);
    expect(input.read().length).toBe(0);
    const again = createBufferedInput(encodeUtf8('abcdef'), { contentLength: 4 });
    expect(text(again.read(100))).toBe('abcd');
  });

  it('splits lines with readline, keeping the newline, with a size limit', () => {
    const input = createBufferedInput(encodeUtf8('first line\nsecond\nlast'));
    expect(text(input.readline(5))).toBe('first');
    expect(text(input.readline())).toBe(' line\n');
    expect(text(input.readline())).toBe('second\n');
    expect(text(input.readline())).toBe('last');
    expect(input.readline().length).toBe(0);
  });

  it('stops readlines after the line that reaches the hint', () => {
    const input = createBufferedInput(encodeUtf8('aa\nbb\ncc\ndd\n'));
    expect(texts(input.readlines(4))).toEqual(['aa\n', 'bb\n']);
    expect(texts(input.readlines(0))).toEqual(['cc\n', 'dd\n']);
  });

  it('iterates line by line', () => {
    expect(texts(createBufferedInput(encodeUtf8('a\nb\n\nc')))).toEqual(['a\n', 'b\n', '\n', 'c']);
  });

  it('mixes read and readline without losing bytes', () => {
    const input = createBufferedInput(encodeUtf8('head\nbody bytes\ntail'));
    expect(text(input.readline())).toBe('head\n');
    expect(text(input.read(4))).toBe('body');
    expect(text(input.readline())).toBe(' bytes\n');
    expect(text(input.read())).toBe('tail');
  });

  it.each([1.5, Number.NaN, '3'])('rejects the size %j with a clear error', (size) => {
    expect(() => createBufferedInput(encodeUtf8('x')).read(size as number)).toThrow(INPUT_SIZE);
  });
});

describe('createInputStream', () => {
  it('assembles lines across small pulls', () => {
    const source = trickle('one\ntwo\nthree', 2);
    expect(texts(createInputStream(source.pull))).toEqual(['one\n', 'two\n', 'three']);
  });

  it('assembles an exact read across small pulls', () => {
    const source = trickle('abcdefghij', 3);
    const input = createInputStream(source.pull);
    expect(text(input.read(7))).toBe('abcdefg');
    expect(text(input.read())).toBe('hij');
  });

  it('never asks the source for bytes past CONTENT_LENGTH', () => {
    const source = trickle('0123456789NEXT', 100);
    const input = createInputStream(source.pull, { contentLength: 10 });
    expect(text(input.read())).toBe('0123456789');
    expect(input.read().length).toBe(0);
    expect(source.pulled()).toBe(10);
    expect(Math.max(...source.asked)).toBeLessThanOrEqual(10);
  });

  it('cuts a source that returns more than it was asked for at CONTENT_LENGTH', () => {
    const input = createInputStream(() => encodeUtf8('abcdefgh'), { contentLength: 5 });
    expect(text(input.read())).toBe('abcde');
    expect(input.read().length).toBe(0);
  });

  it('asks for blockSize bytes when reading lines or everything', () => {
    const source = trickle('x'.repeat(10), 100);
    createInputStream(source.pull, { blockSize: 4 }).read();
    expect(source.asked[0]).toBe(4);
  });

  it('ends early when the source ends before CONTENT_LENGTH', () => {
    const source = trickle('abc', 10);
    const input = createInputStream(source.pull, { contentLength: 100 });
    expect(text(input.read(50))).toBe('abc');
    expect(input.read().length).toBe(0);
  });
});
