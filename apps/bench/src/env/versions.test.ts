import { describe, expect, it } from 'vitest';
import { firstVersion } from './versions.js';

describe('firstVersion', () => {
  it('finds the version in the banners tools print', () => {
    expect(firstVersion('gunicorn (version 20.1.0)')).toBe('20.1.0');
    expect(firstVersion('wrk debian/4.1.0-3+b2 [epoll] Copyright (C) 2012 Will Glozer')).toBe('4.1.0-3+b2');
    expect(firstVersion('deno 2.5.6 (stable, release, x86_64-unknown-linux-gnu)\nv8 14.0')).toBe('2.5.6');
    expect(firstVersion('Running uvicorn 0.17.6 with CPython 3.11.2 on Linux')).toBe('0.17.6');
  });

  it('is null when there is no version', () => {
    expect(firstVersion('command not found')).toBeNull();
  });
});
