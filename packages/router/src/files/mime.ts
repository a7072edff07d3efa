// The types a web app serves most. Deliberately short (the bundle budget is 8 kB): pass `type` to
// file() or staticFiles() for anything else, which is sent as application/octet-stream.
const TYPES: Record<string, string> = {
  html: 'text/html',
  htm: 'text/html',
  css: 'text/css',
  js: 'text/javascript',
  mjs: 'text/javascript',
  json: 'application/json',
  map: 'application/json',
  txt: 'text/plain',
  md: 'text/markdown',
  csv: 'text/csv',
  xml: 'application/xml',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  ico: 'image/x-icon',
  woff: 'font/woff',
  woff2: 'font/woff2',
  wasm: 'application/wasm',
  pdf: 'application/pdf',
  zip: 'application/zip',
  mp4: 'video/mp4',
  webm: 'video/webm',
  mp3: 'audio/mpeg',
  webmanifest: 'application/manifest+json',
};

/**
 * The Content-Type for a file name, by extension; text/* types get `charset=utf-8`.
 *
 * @example
 * contentTypeFor('a/b.css'); // 'text/css; charset=utf-8'
 * contentTypeFor('x.bin');   // 'application/octet-stream'
 */
export function contentTypeFor(name: string): string {
  const type = TYPES[name.slice(name.lastIndexOf('.') + 1).toLowerCase()] ?? 'application/octet-stream';
  // RFC 8259 §11: JSON has no charset parameter; text types default to ASCII without one.
  return type.startsWith('text/') ? `${type}; charset=utf-8` : type;
}
