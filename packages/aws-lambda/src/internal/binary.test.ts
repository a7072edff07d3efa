import { describe, expect, it } from 'vitest';
import { isBinaryBody, isTextType } from './binary.js';

const text = new TextEncoder().encode('hello');
const png = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

describe('isTextType', () => {
  it.each(['text/html; charset=utf-8', 'application/json', 'application/problem+json', 'image/svg+xml', 'application/atom+xml', 'TEXT/CSV'])(
    'treats %s as text',
    (type) => expect(isTextType(type)).toBe(true),
  );

  it.each(['image/png', 'application/octet-stream', 'application/pdf', 'font/woff2', 'application/zip'])('treats %s as binary', (type) =>
    expect(isTextType(type)).toBe(false),
  );
});

describe('isBinaryBody', () => {
  it('sends allow-listed text types as text', () => {
    expect(isBinaryBody([['content-type', 'application/json']], text, undefined)).toBe(false);
  });

  it('sends other types as base64', () => {
    expect(isBinaryBody([['Content-Type', 'image/png']], png, undefined)).toBe(true);
  });

  it('sends any content-encoding as base64, even on a text type', () => {
    expect(isBinaryBody([['content-type', 'text/html'], ['content-encoding', 'gzip']], text, undefined)).toBe(true);
    expect(isBinaryBody([['content-type', 'text/html'], ['content-encoding', 'br']], text, () => false)).toBe(true);
    expect(isBinaryBody([['content-type', 'text/html'], ['content-encoding', 'identity']], text, undefined)).toBe(false);
  });

  it('sends a "text" body that is not valid UTF-8 as base64, since a JSON string cannot carry it', () => {
    expect(isBinaryBody([['content-type', 'text/plain; charset=latin1']], Uint8Array.of(0x63, 0x61, 0x66, 0xe9), undefined)).toBe(true);
  });

  it('decides by the bytes when there is no content-type', () => {
    expect(isBinaryBody([], text, undefined)).toBe(false);
    expect(isBinaryBody([], png, undefined)).toBe(true);
  });

  it('lets the hook decide, and falls back to the allow-list when it returns undefined', () => {
    expect(isBinaryBody([['content-type', 'application/json']], text, () => true)).toBe(true);
    expect(isBinaryBody([['content-type', 'application/x-thing']], text, ({ contentType }) => (contentType === 'application/x-thing' ? false : undefined))).toBe(false);
    expect(isBinaryBody([['content-type', 'application/x-thing']], text, () => undefined)).toBe(true);
  });

  it('sends an empty body as text', () => {
    expect(isBinaryBody([['content-type', 'image/png']], new Uint8Array(0), undefined)).toBe(false);
  });
});
