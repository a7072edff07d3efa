// Sec-WebSocket-Extensions, read before the app sees the handshake. `ws` fails the whole handshake
// (400) on a permessage-deflate offer it cannot use, and it would do so only after the app accepted;
// RFC 7692 §5 says such an offer is declined instead, and the connection goes on uncompressed.

/** One offered extension: its name and parameters (true for a bare one). */
interface Offer {
  name: string;
  params: Array<[string, string | true]>;
}

const TOKEN_CHAR = /[!#$%&'*+\-.^_`|~0-9A-Za-z]/;
// RFC 7692 §7.1.2: a window size is 8 to 15, written without leading zeros.
const WINDOW_BITS = /^(?:[89]|1[0-5])$/;

/**
 * Parses a Sec-WebSocket-Extensions value (RFC 6455 §9.1, with RFC 9110 §5.6.1 list rules: empty
 * elements are skipped). Null when it breaks the grammar.
 *
 * @example
 * parseExtensionOffers('permessage-deflate; client_max_window_bits, x-foo');
 * // [{ name: 'permessage-deflate', params: [['client_max_window_bits', true]] }, { name: 'x-foo', params: [] }]
 */
export function parseExtensionOffers(value: string): Offer[] | null {
  const offers: Offer[] = [];
  let at = 0;
  const skipSpace = (): void => {
    while (value[at] === ' ' || value[at] === '\t') at++;
  };
  const token = (): string => {
    const start = at;
    while (at < value.length && TOKEN_CHAR.test(value[at] as string)) at++;
    return value.slice(start, at);
  };
  const quoted = (): string | null => {
    let text = '';
    for (at++; at < value.length; at++) {
      const char = value[at] as string;
      if (char === '"') {
        at++;
        return text;
      }
      if (char === '\\') at++;
      text += value[at] ?? '';
    }
    return null;
  };
  while (at < value.length) {
    skipSpace();
    if (value[at] === ',') {
      at++;
      continue;
    }
    if (at >= value.length) break;
    const name = token();
    if (name === '') return null;
    const params: Offer['params'] = [];
    for (skipSpace(); value[at] === ';'; skipSpace()) {
      at++;
      skipSpace();
      const param = token();
      if (param === '') return null;
      skipSpace();
      if (value[at] !== '=') {
        params.push([param, true]);
        continue;
      }
      at++;
      skipSpace();
      // RFC 6455 §9.1: a quoted value must itself be a token once unquoted.
      const given = value[at] === '"' ? quoted() : token();
      if (given === null || given === '' || ![...given].every((char) => TOKEN_CHAR.test(char))) return null;
      params.push([param, given]);
    }
    if (at < value.length && value[at] !== ',') return null;
    offers.push({ name, params });
  }
  return offers;
}

/** RFC 7692 §7.1: only the four parameters, each at most once, window sizes 8 to 15. */
function usableDeflateOffer(offer: Offer): boolean {
  const seen = new Set<string>();
  for (const [name, value] of offer.params) {
    if (seen.has(name)) return false;
    seen.add(name);
    switch (name) {
      case 'server_no_context_takeover':
      case 'client_no_context_takeover':
        if (value !== true) return false;
        break;
      case 'server_max_window_bits':
        if (value === true || !WINDOW_BITS.test(value)) return false;
        break;
      case 'client_max_window_bits':
        if (value !== true && !WINDOW_BITS.test(value)) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

/**
 * The Sec-WebSocket-Extensions value to hand `ws`: the offers, written plainly (quotes and spacing
 * dropped, so `ws`'s stricter parser reads what this one did), minus permessage-deflate offers
 * RFC 7692 §5 says to decline. Undefined when nothing is left; null when the value breaks RFC 6455
 * §9.1's grammar.
 *
 * @example
 * usableExtensionOffers('permessage-deflate; client_max_window_bits=99, permessage-deflate');
 * // 'permessage-deflate'
 */
export function usableExtensionOffers(value: string): string | undefined | null {
  const offers = parseExtensionOffers(value);
  if (offers === null) return null;
  const kept = offers.filter((offer) => offer.name.toLowerCase() !== 'permessage-deflate' || usableDeflateOffer(offer));
  if (kept.length === 0) return undefined;
  return kept.map(({ name, params }) => [name, ...params.map(([key, given]) => (given === true ? key : `${key}=${given}`))].join('; ')).join(', ');
}
