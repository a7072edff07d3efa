// @tsgi/node: node:http and node:http2 ⇄ tsgi, shared by @tsgi/server and @tsgi/express.

// Handlers
export { toNodeHandler } from './to-node-handler.js';
export type { NodeHandler } from './to-node-handler.js';
export { toNodeUpgradeHandler } from './to-node-upgrade-handler.js';
export type { NodeUpgradeHandler } from './to-node-upgrade-handler.js';
export type { NodeHandlerOptions, NodeOptions, NodeUpgradeOptions, RequestOverrides } from './options.js';
export type { ExchangeRecord, NodeResponse } from './http-transport.js';
export type { NodeRequest } from './request-parts.js';

// Building blocks for hosts
export { onExchangeEnd } from './exchange-end.js';
export { createTempFileSpool } from './temp-file-spool.js';
export type { TempFileSpoolOptions } from './temp-file-spool.js';
export { nodeFileWrapper } from './file-wrapper.js';
export { guessInterface } from './app-interface.js';
export { writeRawResponse, writeRefusal } from './refusal.js';
export type { Refusal } from './refusal.js';
export { isWebSocketUpgrade } from './websocket/handshake.js';
export { createAddressMatcher } from './proxy/address-matcher.js';
export type { AddressMatcher } from './proxy/address-matcher.js';

// Errors and messages
export { HttpError, isHttpError } from './errors.js';
export { NODE_MESSAGES } from './messages.js';
