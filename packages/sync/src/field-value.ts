// RFC 9110 §5.5: leading and trailing SP/HTAB are not part of a field value (but 0xA0 is).
const OWS = /^[ \t]+|[ \t]+$/g;

/**
 * A request field value without the optional whitespace around it; most values have none and are
 * returned as they are, without running the pattern.
 *
 * @example
 * trimFieldValue(' text/html\t'); // 'text/html'
 */
export function trimFieldValue(value: string): string {
  const first = value.charCodeAt(0);
  const last = value.charCodeAt(value.length - 1);
  const padded = first === 0x20 || first === 0x09 || last === 0x20 || last === 0x09;
  return padded ? value.replace(OWS, '') : value;
}

/** {@link fieldValueFlaws}: a character above U+00FF (not a byte). */
export const NOT_LATIN1 = 1;
/** {@link fieldValueFlaws}: CR, LF or NUL, never allowed in a field value (RFC 9110 §5.5). */
export const CR_LF_NUL = 2;
/** {@link fieldValueFlaws}: any other control character but HTAB (RFC 9110 §5.5: not VCHAR, SP or HTAB). */
export const OTHER_CONTROL = 4;

// Any character one of the flags below is about.
const UNUSUAL = /[^\t\x20-\x7e\x80-\xff]/;

/**
 * What is wrong with a field value, as bits, found in one pass (the checks on both sides of a
 * request need several of them, for every header).
 *
 * @example
 * fieldValueFlaws('a\r\nb') & CR_LF_NUL; // 2
 */
export function fieldValueFlaws(value: string): number {
  // A long value (a user agent, a cookie) is scanned faster by a pattern, and nearly all are clean;
  // a short one faster by the loop.
  if (value.length > 24 && !UNUSUAL.test(value)) return 0;
  let flaws = 0;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code >= 0x20 && code < 0x7f) continue;
    if (code > 0xff) flaws |= NOT_LATIN1;
    else if (code === 0x0d || code === 0x0a || code === 0) flaws |= CR_LF_NUL;
    else if (code < 0x20 ? code !== 0x09 : code === 0x7f) flaws |= OTHER_CONTROL;
  }
  return flaws;
}
