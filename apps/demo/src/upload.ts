// File upload: a multipart form in, what the server received out (name, size, SHA-256).
import { HttpError, UploadedFile, type RouterRequest } from '@tsgi/router';
import { MESSAGES, ValidationError } from './errors.js';

/** What POST /api/upload answers. */
export interface UploadReceipt {
  name: string;
  type: string;
  size: number;
  /** Lowercase hex. */
  sha256: string;
}

const hex = (bytes: ArrayBuffer): string => [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');

/**
 * POST /api/upload with a multipart/form-data body (RFC 7578) holding a file field `file`.
 * Async because Web Crypto digests are: the route needs the async interface.
 *
 * @example
 * // curl -F file=@notes.txt http://127.0.0.1:8000/api/upload
 * // → {"name":"notes.txt","type":"text/plain","size":12,"sha256":"…"}
 */
export async function upload(req: RouterRequest): Promise<UploadReceipt> {
  const type = req.headers.get('content-type');
  if (type === null || !/^multipart\/form-data\s*(;|$)/i.test(type)) throw new HttpError(415, MESSAGES.notMultipart(type));
  const file = req.form().get('file');
  if (!(file instanceof UploadedFile)) throw new ValidationError([{ field: 'file', message: MESSAGES.noFile }]);
  // Web Crypto is the one SHA-256 every target has (Node, workerd, Deno, Bun).
  const digest = await crypto.subtle.digest('SHA-256', file.bytes);
  return { name: file.filename, type: file.type, size: file.size, sha256: hex(digest) };
}
