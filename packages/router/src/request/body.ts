// Turning the buffered body into text or JSON; every failure is a 400 saying what was wrong.
import { HttpError, messages } from '../errors.js';
import { decodeStrict } from '../internal/bytes.js';
import { parseMediaType } from './media-type.js';

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
