// multipart/form-data (RFC 7578) over a body already in memory.
import { HttpError, messages } from '../errors.js';
import { decode, encode } from '../internal/bytes.js';
import { parseMediaType } from '../request/media-type.js';
import { MultiMap } from '../request/multi-map.js';
import { type FormData, UploadedFile } from '../request/uploaded-file.js';

function indexOf(haystack: Uint8Array, needle: Uint8Array, from: number): number {
  const first = needle[0];
  outer: for (let i = haystack.indexOf(first as number, from); i !== -1; i = haystack.indexOf(first as number, i + 1)) {
    if (i + needle.length > haystack.length) return -1;
    for (let j = 1; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/**
 * Parses a multipart/form-data body (RFC 7578) already in memory. A malformed body is an HttpError
 * 400 naming what is wrong: no boundary, no closing delimiter, a part without headers or a name.
 *
 * @example
 * parseMultipart(body, 'multipart/form-data; boundary=X').get('title'); // 'Hello'
 */
export function parseMultipart(body: Uint8Array, contentType: string | null): FormData {
  const bad = (why: string) => new HttpError(400, messages.badForm(why));
  const boundary = parseMediaType(contentType).params.boundary;
  if (!boundary) throw bad('multipart/form-data without a boundary parameter');
  const delimiter = encode(`--${boundary}`);
  const next = encode(`\r\n--${boundary}`);
  const entries: Array<[string, string | UploadedFile]> = [];
  // RFC 2046 §5.1.1: anything before the first delimiter is a preamble and is ignored.
  let pos = indexOf(body, delimiter, 0);
  if (pos === -1) throw bad('the boundary never appears in the body');
  pos += delimiter.length;
  for (;;) {
    // After a delimiter: '--' closes the body, CRLF starts a part.
    if (body[pos] === 45 && body[pos + 1] === 45) return new MultiMap(entries);
    if (body[pos] !== 13 || body[pos + 1] !== 10) throw bad('a boundary is not followed by CRLF');
    const headEnd = indexOf(body, encode('\r\n\r\n'), pos);
    const end = indexOf(body, next, pos);
    if (end === -1) throw bad('the closing boundary is missing');
    if (headEnd === -1 || headEnd > end) throw bad('a part has no header section');
    let name: string | undefined;
    let filename: string | undefined;
    let type = 'application/octet-stream';
    for (const line of decode(body.subarray(pos + 2, headEnd)).split('\r\n')) {
      const colon = line.indexOf(':');
      const key = line.slice(0, colon).trim().toLowerCase();
      const value = line.slice(colon + 1).trim();
      if (key === 'content-type') type = value;
      if (key === 'content-disposition') {
        const params = parseMediaType(value).params;
        name = params.name;
        filename = params.filename;
      }
    }
    if (name === undefined) throw bad('a part has no Content-Disposition name');
    const content = body.subarray(headEnd + 4, end);
    entries.push([name, filename === undefined ? decode(content) : new UploadedFile(filename, type, content.slice())]);
    pos = end + next.length;
  }
}
