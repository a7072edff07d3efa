// Form bodies for `req.form()`: urlencoded and multipart/form-data. Opt-in, as in Starlette (whose
// form parsing needs python-multipart), so the core stays small.
import { HttpError, messages } from '../errors.js';
import { bodyText } from '../request/body.js';
import { parseMediaType } from '../request/media-type.js';
import { parseQuery } from '../request/query.js';
import type { FormData, FormParser } from '../request/uploaded-file.js';
import { parseMultipart } from './multipart.js';

/**
 * The form parser behind `req.form()`: application/x-www-form-urlencoded and multipart/form-data
 * (RFC 7578, with files as UploadedFile). A malformed body is a 400 naming the problem; any other
 * Content-Type is a 415.
 *
 * @example
 * import { forms } from '@tsgi/router/forms';
 * const router = createRouter({ forms });
 * router.post('/upload', (req) => req.form().get('title'));
 */
export const forms: FormParser = (body, contentType): FormData => {
  const { type } = parseMediaType(contentType);
  if (type === 'multipart/form-data') return parseMultipart(body, contentType);
  if (type === 'application/x-www-form-urlencoded' || (type === '' && body.length === 0)) {
    // WHATWG URL §5.1: urlencoded bodies are ASCII; the percent-escapes carry UTF-8.
    return parseQuery(bodyText(body, null));
  }
  throw new HttpError(415, messages.formType(type));
};
