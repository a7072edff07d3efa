// The notes routes are plain functions, so they run through both interfaces (STYLE.md: Tests).
import { createTestClient } from '@tsgi/router/testing';
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../errors.js';
import { NOTES_MAX, NoteStore, type Note } from './note-store.js';
import { notesRouter } from './notes-router.js';

for (const kind of ['sync', 'async'] as const) {
  describe(`notesRouter through the ${kind} interface`, () => {
    const client = () => createTestClient(notesRouter(new NoteStore()), { interface: kind, rootPath: '/api/notes' });

    it('creates a note with a Location below the root path, and lists it', async () => {
      const notes = client();
      const created = await notes.post('/', { json: { title: 'Groceries' } });
      expect(created.status).toBe(201);
      const note = created.json<Note>();
      expect(created.headers.get('location')).toBe(`/api/notes/${note.id}`);
      expect((await notes.get('/')).json()).toEqual({ notes: [note] });
    });

    it('answers 415 naming the Content-Type when the body is not sent as JSON', async () => {
      const res = await client().post('/', { body: 'title=x', headers: { 'content-type': 'text/plain' } });
      expect(res.status).toBe(415);
      expect(res.text).toBe(MESSAGES.notJson('text/plain'));
    });

    it('takes JSON under a +json media type', async () => {
      const res = await client().post('/', { body: '{"title":"x"}', headers: { 'content-type': 'application/merge-patch+json' } });
      expect(res.status).toBe(201);
    });

    it('answers 404 naming the id for a delete of a note that does not exist', async () => {
      const res = await client().delete('/nope');
      expect(res.status).toBe(404);
      expect(res.text).toBe(MESSAGES.noSuchNote('nope'));
    });
  });
}

describe('NoteStore', () => {
  it(`refuses note ${NOTES_MAX + 1} with 507`, () => {
    const store = new NoteStore();
    for (let i = 0; i < NOTES_MAX; i++) store.create({ title: `n${i}`, body: '' });
    expect(() => store.create({ title: 'one more', body: '' })).toThrow(expect.objectContaining({ status: 507, message: MESSAGES.tooManyNotes(NOTES_MAX) }));
  });

  it('tells listeners about each change with an increasing sequence number', () => {
    const store = new NoteStore();
    const seen: string[] = [];
    const stop = store.subscribe((change) => seen.push(`${change.seq} ${change.type}`));
    const note = store.create({ title: 'a', body: '' });
    store.update(note.id, { body: 'b' });
    store.delete(note.id);
    stop();
    store.create({ title: 'unseen', body: '' });
    expect(seen).toEqual(['1 created', '2 updated', '3 deleted']);
  });
});
