// @tsgi/router/cookies: setting and clearing cookies on a response, opt-in so the core stays small
// (docs/router.md: "Responses"). Reading them is core: `req.cookies`.
export { clearCookie, serializeCookie, setCookie } from './serialize.js';
export type { CookieOptions } from './serialize.js';
