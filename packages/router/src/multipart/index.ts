// @tsgi/router/multipart: multipart/form-data for `req.form()`, opt-in so the core stays small
// (docs/router.md: "Requests and bodies"). Pass it as `createRouter({ multipart })`.
export { multipart } from './parse.js';
