// @tsgi/express: mount any tsgi app in an Express application, over @tsgi/node.

// The middleware
export { toExpressMiddleware, tsgi } from './to-express-middleware.js';
export type { TsgiMiddleware } from './to-express-middleware.js';
export type { AttachOptions, ExpressOptions } from './options.js';
export type { ExpressHandler, ExpressRequest, NextFunction } from './express-types.js';

// Errors and messages
export { MountError, isMountError } from './errors.js';
export type { MountErrorCode } from './errors.js';
export { EXPRESS_MESSAGES } from './messages.js';
