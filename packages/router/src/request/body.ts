// Turning the buffered body into text, JSON or a form; every failure is a 400 saying what was wrong.
import { HttpError, RouterError, messages } from '../errors.js';
import { decodeStrict } from '../internal/bytes.js';
import { parseMediaType } from './media-type.js';
import { parseQuery } from './query.js';
import type { FormData, MultipartParser } from './uploaded-file.js';

/** The body as text in the Content-Type's charset (UTF-8 by default); 400 when it does not decode. */
export function bodyText(body: Uint8Array, contentType: string | null): string {
  const charset = parseMediaType(contentType).params.charset ?? 'utf-8';
  try {
    return decodeStrict(body, charset);
  } catch (cause) {
    throw new HttpError(400, messages.badText(charset), { cause });
  }
}

/** The body parsed as JSON; 400 naming the parse error. An empty body is an error too. */
export function bodyJson(body: Uint8Array, contentType: string | null): unknown {
  const text = bodyText(body, contentType);
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    throw new HttpError(400, messages.badJson(text === '' ? 'the body is empty' : (cause as Error).message), { cause });
  }
}

/**
 * The body parsed as a urlencoded or multipart form; 415 for any other Content-Type. A multipart
 * body without a parser is the app's mistake, not the client's: a RouterError (500) saying how to
 * opt in.
 */
export function bodyForm(body: Uint8Array, contentType: string | null, multipart: MultipartParser | undefined): FormData {
  const { type } = parseMediaType(contentType);
  if (type === 'multipart/form-data') {
    if (!multipart) throw new RouterError(messages.multipartOff, { code: 'multipart' });
    return multipart(body, contentType);
  }
  if (type === 'application/x-www-form-urlencoded' || (type === '' && body.length === 0)) {
    // WHATWG URL §5.1: urlencoded bodies are ASCII; the percent-escapes carry UTF-8.
    return parseQuery(bodyText(body, null));
  }
  throw new HttpError(415, messages.formType(type));
}
