// What `req.form()` returns. Core, so handlers can check `instanceof UploadedFile` with one import;
// the parser that builds these values is opt-in ('@tsgi/router/forms').
import { decode } from '../internal/bytes.js';
import type { MultiMap } from './multi-map.js';

/**
 * A file from a multipart form.
 *
 * @example
 * const avatar = req.form().get('avatar');
 * if (avatar instanceof UploadedFile) save(avatar.filename, avatar.bytes);
 */
export class UploadedFile {
  constructor(
    /** The name the client gave the file (may be empty). */
    readonly filename: string,
    /** The part's Content-Type. @default 'application/octet-stream' */
    readonly type: string,
    readonly bytes: Uint8Array,
  ) {}

  get size(): number {
    return this.bytes.length;
  }

  /** The contents as UTF-8 text. */
  text(): string {
    return decode(this.bytes);
  }
}

/** A parsed form: field names to strings, and to UploadedFile for file parts. */
export type FormData = MultiMap<string | UploadedFile>;

/** Parses a form body by its Content-Type: `forms` from '@tsgi/router/forms', given to `createRouter({ forms })`. */
export type FormParser = (body: Uint8Array, contentType: string | null) => FormData;
