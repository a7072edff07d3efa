import { describe, expect, it } from 'vitest';
import { HeaderMap } from '../headers.js';
import { byteRange, precondition } from './conditional.js';

const h = (pairs: Record<string, string>) => new HeaderMap(Object.entries(pairs));
const v = { etag: '"abc"', modified: Date.parse('2024-05-01T12:00:00Z') / 1000 };

describe('precondition', () => {
  it('follows RFC 9110 §13.2.2: If-Match, then If-None-Match, dates only without tags', () => {
    expect(precondition('GET', h({}), v)).toBeNull();
    expect(precondition('GET', h({ 'if-match': '"x"' }), v)).toBe(412);
    expect(precondition('PUT', h({ 'if-match': '*' }), v)).toBeNull();
    expect(precondition('GET', h({ 'if-match': 'W/"abc"' }), v)).toBe(412);
    expect(precondition('GET', h({ 'if-none-match': 'W/"abc"' }), v)).toBe(304);
    expect(precondition('DELETE', h({ 'if-none-match': '*' }), v)).toBe(412);
    expect(precondition('GET', h({ 'if-unmodified-since': 'Tue, 30 Apr 2024 00:00:00 GMT' }), v)).toBe(412);
    expect(precondition('GET', h({ 'if-modified-since': 'Wed, 01 May 2024 12:00:00 GMT' }), v)).toBe(304);
    expect(precondition('POST', h({ 'if-modified-since': 'Wed, 01 May 2024 12:00:00 GMT' }), v)).toBeNull();
    expect(precondition('GET', h({ 'if-modified-since': 'not a date' }), v)).toBeNull();
  });
});

describe('byteRange', () => {
  it('parses one range, a suffix and an open end', () => {
    expect(byteRange(h({ range: 'bytes=0-0' }), 10, v)).toEqual([0, 1]);
    expect(byteRange(h({ range: 'bytes=5-' }), 10, v)).toEqual([5, 10]);
    expect(byteRange(h({ range: 'bytes=-3' }), 10, v)).toEqual([7, 10]);
    expect(byteRange(h({ range: 'bytes=-30' }), 10, v)).toEqual([0, 10]);
    expect(byteRange(h({ range: 'bytes=8-100' }), 10, v)).toEqual([8, 10]);
  });

  it('says unsatisfiable past the end, and ignores what it does not serve', () => {
    expect(byteRange(h({ range: 'bytes=10-' }), 10, v)).toBe('unsatisfiable');
    expect(byteRange(h({ range: 'bytes=-0' }), 10, v)).toBe('unsatisfiable');
    expect(byteRange(h({ range: 'bytes=0-1,4-5' }), 10, v)).toBeNull();
    expect(byteRange(h({ range: 'items=0-1' }), 10, v)).toBeNull();
    expect(byteRange(h({ range: 'bytes=5-1' }), 10, v)).toBeNull();
  });

  it('honours If-Range by tag (strong) or exact date', () => {
    expect(byteRange(h({ range: 'bytes=0-1', 'if-range': '"abc"' }), 10, v)).toEqual([0, 2]);
    expect(byteRange(h({ range: 'bytes=0-1', 'if-range': '"old"' }), 10, v)).toBeNull();
    expect(byteRange(h({ range: 'bytes=0-1', 'if-range': 'Wed, 01 May 2024 12:00:00 GMT' }), 10, v)).toEqual([0, 2]);
  });
});
