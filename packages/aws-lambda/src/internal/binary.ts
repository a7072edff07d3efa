// Which responses travel base64-encoded. Lambda's JSON result carries the body as a string, so bytes
// that are not UTF-8 text must be base64 or API Gateway/ALB hand the client mangled bytes.
import type { HeaderList } from '@tsgi/async';
import { fromUtf8Strict } from './runtime.js';

/** What the `isBinary` hook sees about a response. */
export interface BinaryInfo {
  /** The Content-Type value, if any, e.g. `'image/png'`. */
  contentType: string | undefined;
  headers: HeaderList;
}

/**
 * Decides whether a response body is sent base64-encoded: true for binary, false for text,
 * undefined to fall back to the built-in allow-list.
 *
 * @example
 * const isBinary: BinaryHook = ({ contentType }) => (contentType?.startsWith('application/x-pdf') ? true : undefined);
 */
export type BinaryHook = (info: BinaryInfo) => boolean | undefined;

// Media types that are text whatever their charset parameter says (RFC 6838 §4.2.8 structured suffixes).
const TEXT_EXACT = new Set([
  'application/json',
  'application/javascript',
  'application/ecmascript',
  'application/xml',
  'application/x-www-form-urlencoded',
  'application/graphql',
  'application/x-ndjson',
  'application/yaml',
  'application/x-yaml',
  'application/sql',
  'application/toml',
  'image/svg+xml',
]);

// An app answers with a handful of media types: each is classified once, not on every response.
const TEXT_TYPES = new Map<string, boolean>();
const TEXT_TYPES_MAX = 64;

/** Whether a media type is text by the built-in allow-list (`text/*`, JSON, XML, `+json`, `+xml`, ...). */
export function isTextType(contentType: string): boolean {
  const known = TEXT_TYPES.get(contentType);
  if (known !== undefined) return known;
  const type = contentType.split(';', 1)[0]!.trim().toLowerCase();
  const text = type.startsWith('text/') || TEXT_EXACT.has(type) || type.endsWith('+json') || type.endsWith('+xml');
  if (TEXT_TYPES.size < TEXT_TYPES_MAX) TEXT_TYPES.set(contentType, text);
  return text;
}

function header(headers: HeaderList, name: string): string | undefined {
  return headers.find(([key]) => key.toLowerCase() === name)?.[1];
}

/**
 * Whether the response's headers (and the hook) make its body binary; false leaves the decision to
 * the bytes. `contentType` and `contentEncoding` are the first such headers, as the caller found them.
 */
export function isBinaryByHeaders(
  headers: HeaderList,
  contentType: string | undefined,
  contentEncoding: string | undefined,
  body: Uint8Array,
  hook: BinaryHook | undefined,
): boolean {
  const encoding = contentEncoding?.trim().toLowerCase();
  if (encoding !== undefined && encoding !== '' && encoding !== 'identity') return true;
  if (body.length === 0) return false;
  const decided = hook?.({ contentType, headers });
  if (decided === true) return true;
  return decided === undefined && contentType !== undefined && !isTextType(contentType);
}

/**
 * Whether to base64-encode a response: any Content-Encoding other than identity is binary; then the
 * hook decides; then the text allow-list. A "text" body that is not valid UTF-8 is still sent as
 * base64, since a JSON string cannot carry it.
 */
export function isBinaryBody(headers: HeaderList, body: Uint8Array, hook: BinaryHook | undefined): boolean {
  const binary = isBinaryByHeaders(headers, header(headers, 'content-type'), header(headers, 'content-encoding'), body, hook);
  return binary || fromUtf8Strict(body) === null;
}
