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
