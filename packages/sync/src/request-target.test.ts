import { describe, expect, it } from 'vitest';
import { parseRequestTarget } from './request-target.js';

describe('parseRequestTarget', () => {
  it('splits origin-form into the raw path, the decoded path and the query', () => {
    expect(parseRequestTarget('/a%2Fb/caf%C3%A9?x=1&x=2')).toEqual({ ok: true, rawPath: '/a%2Fb/caf%C3%A9', path: '/a/b/café', query: 'x=1&x=2' });
  });

  it("gives '/' to an absolute-form target with no path before '?'", () => {
    expect(parseRequestTarget('http://h?q=1')).toEqual({ ok: true, rawPath: '/', path: '/', query: 'q=1', authority: 'h' });
    expect(parseRequestTarget('http://h:8080')).toEqual({ ok: true, rawPath: '/', path: '/', query: '', authority: 'h:8080' });
  });

  it('drops a fragment from the path and the query', () => {
    expect(parseRequestTarget('/a?x#f?y')).toMatchObject({ rawPath: '/a', query: 'x' });
  });

  it("keeps the asterisk form as '*'", () => {
    expect(parseRequestTarget('*')).toEqual({ ok: true, rawPath: '*', path: '*', query: '' });
  });

  it.each([
    ['foo', 'form'],
    ['', 'form'],
    ['*?x', 'form'],
    ['example.com:443', 'form'],
    ['/a b', 'whitespace'],
    ['/a\tb', 'whitespace'],
    ['/\u0100', 'not-latin1'],
  ])('reports %j as a %s problem instead of throwing', (target, problem) => {
    expect(parseRequestTarget(target)).toEqual({ ok: false, problem });
  });
});
