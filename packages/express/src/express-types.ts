// The few parts of Express's request this package reads, declared here instead of importing
// @types/express: the published .d.ts then fits Express 4 and 5 users alike (srvx and Hono keep
// platform types local for the same reason).
import type { IncomingMessage, ServerResponse } from 'node:http';

/** An Express request, as far as the mount reads it (Express 4 and 5 both set these). */
export interface ExpressRequest extends IncomingMessage {
  /** The URL as the client sent it; `req.url` is only the part below the mount point. */
  originalUrl?: string | undefined;
  /** The path the router matched for this mount, still percent-encoded. */
  baseUrl?: string | undefined;
  /** The client address, honouring the app's 'trust proxy' setting. */
  ip?: string | undefined;
  /** 'http' or 'https', honouring 'trust proxy' (X-Forwarded-Proto). */
  protocol?: string | undefined;
  /** What a body parser made of the body. */
  body?: unknown;
  /** The raw body bytes, when a parser's `verify` hook kept them (a community convention). */
  rawBody?: unknown;
  /** Set to true by body-parser 1.x (Express 4) once it has read the body; 2.x reads the stream state. */
  _body?: unknown;
}

/** Express's `next`: no argument continues with the next route, an error goes to the error handlers. */
export type NextFunction = (error?: unknown) => void;

/** An Express middleware function. */
export type ExpressHandler = (req: ExpressRequest, res: ServerResponse, next: NextFunction) => void;
