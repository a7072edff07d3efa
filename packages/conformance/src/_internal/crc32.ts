// CRC-32 (IEEE 802.3, the zlib/PNG one): a body fingerprint the probe can compute in any runtime.

const TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** Feeds bytes into a running CRC; start with 0. */
export function crc32Update(crc: number, bytes: Uint8Array): number {
  let c = ~crc >>> 0;
  for (let i = 0; i < bytes.length; i++) c = TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

/** The CRC as 8 lower-case hex digits: crc32Hex(utf8('123456789')) === 'cbf43926'. */
export const crc32Hex = (bytes: Uint8Array): string => toHex(crc32Update(0, bytes));

/** Formats a running CRC as 8 lower-case hex digits. */
export const toHex = (crc: number): string => crc.toString(16).padStart(8, '0');
