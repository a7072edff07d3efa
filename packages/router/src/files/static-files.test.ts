import { describe, expect, it } from 'vitest';
import { safeSegments } from './static-files.js';
import { contentTypeFor } from './mime.js';

describe('safeSegments', () => {
  it('returns the segments of a safe path, a trailing slash aside', () => {
    expect(safeSegments('css/site.css', false)).toEqual(['css', 'site.css']);
    expect(safeSegments('docs/', false)).toEqual(['docs']);
    expect(safeSegments('', false)).toEqual([]);
  });

  it.each(['..', 'a/../b', './a', 'a//b', '/etc/passwd', 'a\\..\\b', 'a\0b', '%2e%2e/x', '%2E%2e', 'a%2fb', 'a%5cb', 'x%00', '.env', '.git/config'])(
    'refuses %j',
    (rest) => {
      expect(safeSegments(rest, false)).toBeNull();
    },
  );

  it('allows dotfiles only when asked', () => {
    expect(safeSegments('.well-known/x', true)).toEqual(['.well-known', 'x']);
    expect(safeSegments('..', true)).toBeNull();
  });
});

describe('contentTypeFor', () => {
  it('guesses from the extension, with a charset for text only', () => {
    expect(contentTypeFor('a/B.CSS')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('x.json')).toBe('application/json');
    expect(contentTypeFor('noext')).toBe('application/octet-stream');
  });
});
