import { describe, expect, it } from 'vitest';
import { messages } from '../errors.js';
import type { UploadedFile } from '../request/uploaded-file.js';
import { parseMultipart } from './multipart.js';

const enc = (s: string) => new TextEncoder().encode(s);
const type = 'multipart/form-data; boundary="--b"';

describe('parseMultipart', () => {
  it('parses fields and files, with binary content and an epilogue', () => {
    const body = enc('----b\r\nContent-Disposition: form-data; name="a"\r\n\r\nx\r\n----b\r\nContent-Disposition: form-data; name="f"; filename="b.bin"\r\nContent-Type: application/x-thing\r\n\r\n\u0000\u0001\r\n----b--\r\nepilogue');
    const form = parseMultipart(body, type);
    expect(form.get('a')).toBe('x');
    const file = form.get('f') as UploadedFile;
    expect([file.filename, file.type, [...file.bytes]]).toEqual(['b.bin', 'application/x-thing', [0, 1]]);
  });

  it('accepts an empty form', () => {
    expect(parseMultipart(enc('----b--\r\n'), type).keys()).toEqual([]);
  });

  it.each([
    ['x', 'multipart/form-data', 'multipart/form-data without a boundary parameter'],
    ['nothing here', type, 'the boundary never appears in the body'],
    ['----bXX', type, 'a boundary is not followed by CRLF'],
    ['----b\r\nContent-Disposition: form-data; name="a"\r\n\r\nx', type, 'the closing boundary is missing'],
    ['----b\r\nContent-Disposition: form-data\r\n\r\nx\r\n----b--', type, 'a part has no Content-Disposition name'],
  ])('answers 400 for %j', (body, contentType, why) => {
    expect(() => parseMultipart(enc(body), contentType)).toThrow(expect.objectContaining({ status: 400, message: messages.badForm(why) }));
  });
});
