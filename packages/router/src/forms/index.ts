// @tsgi/router/forms: urlencoded and multipart form bodies for `req.form()`, opt-in so the core stays
// small (docs/router.md: "Requests and bodies"). Pass it as `createRouter({ forms })`.
export { forms } from './forms.js';
