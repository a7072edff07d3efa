// The demo app: one route table, served by every target in src/entries/.
import { syncToAsync } from '@tsgi/async';
import { HttpError, createRouter, json, redirect, text, type RouterRequest, type Router } from '@tsgi/router';
import { staticFiles } from '@tsgi/router/files';
import { forms } from '@tsgi/router/forms';
import { websocket } from '@tsgi/router/websocket';
import { chatHandler } from './chat/chat-handler.js';
import { ChatRoom } from './chat/chat-room.js';
import { MESSAGES, ValidationError } from './errors.js';
import { clock } from './events/clock.js';
import type { PublicFiles } from './assets/public-files.js';
import { NoteStore } from './notes/note-store.js';
import { notesRouter } from './notes/notes-router.js';
import { syncRouter } from './sync-side/sync-router.js';
import { upload } from './upload.js';

/** The largest request body: uploads stay under AWS Lambda's 6 MB invocation payload. */
export const BODY_LIMIT = 5 * 1024 * 1024;

/** What a target supplies. */
export interface DemoOptions {
  /** Where index.html, app.js and style.css come from. */
  files: PublicFiles;
}

// API clients get errors as JSON ({ error, issues? }); the page's own paths keep plain text.
const isApi = (req: RouterRequest) => req.path.startsWith('/api/');

function httpError(error: HttpError, req: RouterRequest) {
  const init = { status: error.status, headers: error.headers };
  if (!isApi(req)) return text(error.message, init);
  // The router's own 404 and 405 say only 'Not Found' / 'Method Not Allowed': say what was asked.
  const where = `${req.rootPath}${req.path}`;
  const allow = error.headers.find(([name]) => name.toLowerCase() === 'allow')?.[1];
  let message = error.message;
  if (error.status === 405 && allow !== undefined) message = MESSAGES.methodNotAllowed(req.method, where, allow);
  else if (error.status === 404 && message === 'Not Found') message = MESSAGES.noRoute(req.method, where);
  return json({ error: message }, init);
}

/**
 * Builds the demo: the page (GET /), the notes API (/api/notes), an upload (/api/upload), two
 * server-sent event streams (/api/clock, /api/notes/events), a WebSocket chat (/ws/chat), and
 * sync-interface routes (/sync/hello, /sync/echo). Each call has its own notes and chat room.
 *
 * @example
 * export const app = createDemo({ files: nodeFiles() }); // tsgi serve src/entries/server.ts
 */
export function createDemo(options: DemoOptions): Router {
  const store = new NoteStore();
  // The router's WebSocket and form support are opt-in: the chat and the upload need both.
  const router = createRouter({ bodyLimit: BODY_LIMIT, websocket, forms });
  router.onError(ValidationError, (error) => error.toResponse());
  router.onError(HttpError, httpError);
  router.mount('/api/notes', notesRouter(store));
  router.post('/api/upload', upload);
  router.get('/api/clock', clock);
  router.ws('/ws/chat', chatHandler(new ChatRoom()));
  const sync = syncRouter().sync;
  router.mount('/sync', { sync, async: syncToAsync(sync, { bodyLimit: BODY_LIMIT }) });
  const page = staticFiles(options.files);
  router.get('/*', (req) => {
    // Mounted at /demo and asked for /demo itself: add the slash so the page's relative URLs resolve.
    if (req.path === '') return redirect(`${req.rootPath}/${req.queryString ? `?${req.queryString}` : ''}`, 308);
    return page(req);
  });
  return router;
}
