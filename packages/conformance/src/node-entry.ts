// @tsgi/conformance/node: helpers for drivers whose host listens on a real socket in Node.
export { createHttpClient, type HttpClient } from './node/http-client.js';
