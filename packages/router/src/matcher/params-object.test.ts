import { afterEach, describe, expect, it, vi } from 'vitest';
import { paramsBuilder } from './params-object.js';

const values = ['tsgi', 'router', 'a/b.txt'];
const value = (i: number) => values[i] as string;

describe('paramsBuilder', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('builds a plain object with the names in capture order', () => {
    const params = paramsBuilder(['owner', 'repo', '*'])(value);
    expect(params).toStrictEqual({ owner: 'tsgi', repo: 'router', '*': 'a/b.txt' });
    expect(Object.keys(params)).toEqual(['owner', 'repo', '*']);
    expect(Object.getPrototypeOf(params)).toBe(Object.prototype);
  });

  it('builds a fresh object on every call', () => {
    const build = paramsBuilder(['id']);
    const first = build(value);
    first.id = 'changed';
    expect(build(value)).toEqual({ id: 'tsgi' });
    expect(paramsBuilder([])(value)).toEqual({});
  });

  it('builds the same object where code generation is forbidden (an EvalError, as on Cloudflare Workers)', () => {
    vi.stubGlobal('Function', () => {
      throw new EvalError('Code generation from strings disallowed for this context');
    });
    const params = paramsBuilder(['owner', 'repo', '*'])(value);
    expect(params).toStrictEqual({ owner: 'tsgi', repo: 'router', '*': 'a/b.txt' });
    expect(Object.keys(params)).toEqual(['owner', 'repo', '*']);
  });
});
