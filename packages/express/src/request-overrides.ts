// What Express knows better than node:http about a request, as @tsgi/node's per-request overrides.
// Express has rewritten req.url to the part below the mount; the rest is in baseUrl/originalUrl.
import type { Address } from '@tsgi/async';
import type { RequestOverrides } from '@tsgi/node';
import type { ExpressRequest } from './express-types.js';
import { decodePath, normalizeMountPath } from './mount-path.js';

/**
 * The target, root path, scheme and client of an Express request, plus the body when a parser
 * kept its bytes.
 *
 * @example
 * // app.use('/api', tsgi(app)); GET /api/users?x=1 via a trusted proxy for 203.0.113.9 over https
 * toRequestOverrides(req); // { target: '/api/users?x=1', rootPath: '/api', scheme: 'https',
 * //                             client: ['203.0.113.9', null] }
 */
export function toRequestOverrides(req: ExpressRequest, body?: Uint8Array): RequestOverrides {
  const overrides: RequestOverrides = {
    // docs/spec/sync.md §4.4: RAW_URI is the target as the client sent it, mount point included.
    target: routedTarget(req),
    // async §3.1.1: the mount point is the root path; the router's match is still percent-encoded.
    rootPath: normalizeMountPath(decodePath(req.baseUrl ?? '')),
  };
  // 'trust proxy' decides both; without it they equal what node reads from the socket.
  const scheme = req.protocol?.toLowerCase();
  if (scheme === 'http' || scheme === 'https') overrides.scheme = scheme;
  const client = clientAddress(req);
  if (client !== undefined) overrides.client = client;
  if (body !== undefined) overrides.body = body;
  return overrides;
}

// RFC 9112 §3.2.2: an absolute-form target carries its scheme and authority before the path.
const ORIGIN = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i;

/**
 * The target Express routed: `req.originalUrl` as the client sent it, unless a middleware rewrote
 * `req.url`; then `req.baseUrl + req.url`, so rootPath stays a prefix of the path and the app sees
 * what Express routes see. Express's router adds a '/' to a rest that starts with '?' or is empty.
 *
 * @example
 * // app.use(rewrite '/old/x' → '/api/x'); app.use('/api', tsgi(app)); GET /old/x?y=1
 * routedTarget(req); // '/api/x?y=1' (originalUrl is '/old/x?y=1', baseUrl '/api', url '/x?y=1')
 */
function routedTarget(req: ExpressRequest): string {
  const url = req.url ?? '/';
  const original = req.originalUrl ?? url;
  const base = req.baseUrl ?? '';
  const sent = original.replace(ORIGIN, '');
  const rest = url.replace(ORIGIN, '');
  if (sent === base + rest) return original;
  if ((rest === '/' || rest.startsWith('/?')) && sent === base + rest.slice(1)) return original;
  return base + rest;
}

/** Express's req.ip when it names someone other than the peer (a proxy forwarded it); port unknown. */
function clientAddress(req: ExpressRequest): Address | undefined {
  const ip = req.ip;
  if (ip === undefined || ip === '' || ip === req.socket.remoteAddress) return undefined;
  return [ip, null];
}
