// The notes API: list, create, read, update, delete, and a live feed of changes.
import { HttpError, createRouter, json, type RouterRequest, type Router } from '@tsgi/router';
import { MESSAGES } from '../errors.js';
import { changeFeed } from '../events/change-feed.js';
import { parseNewNote, parseNotePatch } from './note-input.js';
import type { NoteStore } from './note-store.js';

// RFC 8259 §11 names application/json; RFC 6839 §3.1 adds the +json suffix types.
const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/** The request body as JSON: 415 for another Content-Type, 400 (the router's) when it does not parse. */
function readJson(req: RouterRequest): unknown {
  const type = req.headers.get('content-type');
  if (type === null || !JSON_TYPE.test(type)) throw new HttpError(415, MESSAGES.notJson(type));
  return req.json();
}

/**
 * The notes routes, to mount at /api/notes. All but /events (an async event stream) work through
 * either interface.
 *
 * @example
 * router.mount('/api/notes', notesRouter(new NoteStore()));
 * // POST /api/notes {"title":"Groceries"} → 201, Location: /api/notes/<id>
 */
export function notesRouter(store: NoteStore): Router {
  const notes = createRouter();
  notes.get('/', () => ({ notes: store.list() }));
  notes.post('/', (req) => {
    const note = store.create(parseNewNote(readJson(req)));
    return json(note, { status: 201, headers: { location: req.url('note', { id: note.id }) } });
  });
  notes.get('/events', changeFeed(store));
  notes.get('/:id', (req) => store.get(req.params.id), { name: 'note' });
  notes.patch('/:id', (req) => store.update(req.params.id, parseNotePatch(readJson(req))));
  notes.delete('/:id', (req) => {
    store.delete(req.params.id);
    return null;
  });
  return notes;
}
