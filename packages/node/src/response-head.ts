// The status and fields node:http is given for an app's http.response.start.
import { CONNECTION_SPECIFIC_FIELDS, type HeaderList } from '@tsgi/async';

/** A head ready for `res.writeHead(status, fields)`, held until the first body event. */
export interface ResponseHead {
  status: number;
  /** Flat name/value pairs, as node's writeHead takes them. */
  fields: string[];
  /** The app's content-length, when it sent one that goes on the wire. */
  contentLength: number | null;
  /** A length the server works out (a file's size) may be added. */
  mayAddLength: boolean;
}


/**
 * Builds the head node sends: connection-specific fields dropped on HTTP/2, content-length dropped
 * when HTTP/1.1 trailers need chunked coding, and `server` added when the app set none.
 *
 * @example
 * toResponseHead(200, [['content-length', '5']], false, false, 'tsgi');
 * // { status: 200, fields: ['content-length', '5', 'server', 'tsgi'], contentLength: 5, mayAddLength: false }
 */
export function toResponseHead(status: number, headers: HeaderList, http2: boolean, trailers: boolean, serverHeader: string | null): ResponseHead {
  // async §6.1: on HTTP/1.1 trailers ride only on chunked coding, which content-length would rule out.
  const chunked = trailers && !http2;
  const fields: string[] = [];
  let hasServer = false;
  let contentLength: number | null = null;
  for (const [name, value] of headers) {
    const lower = name.toLowerCase();
    // RFC 9113 §8.2.2: connection-specific fields must not appear in HTTP/2.
    if (http2 && CONNECTION_SPECIFIC_FIELDS.has(lower)) continue;
    if (lower === 'content-length') {
      if (chunked) continue;
      contentLength = Number(value.trim());
    }
    if (lower === 'server') hasServer = true;
    fields.push(name, value);
  }
  if (!hasServer && serverHeader !== null) fields.push('server', serverHeader);
  return { status, fields, contentLength, mayAddLength: contentLength === null && !chunked };
}
