// The notes, in memory: one store per app instance, shared by every request that instance serves
// (README.md: "What each target cannot do" says where that memory lives on each platform).
import { HttpError } from '@tsgi/router';
import { MESSAGES } from '../errors.js';
import type { NewNote, NotePatch } from './note-input.js';

/** A note as the API returns it. */
export interface Note {
  id: string;
  title: string;
  body: string;
  /** ISO 8601 times. */
  createdAt: string;
  updatedAt: string;
}

/** One change, as the change feed sends it; `seq` counts changes from 1 per store. */
export type NoteChange =
  | { seq: number; type: 'created' | 'updated'; note: Note }
  | { seq: number; type: 'deleted'; note: Pick<Note, 'id'> };

/** The most notes a store keeps: a public demo must not grow without bound. */
export const NOTES_MAX = 1000;

/**
 * The notes, in creation order, with listeners for changes.
 *
 * @example
 * const store = new NoteStore();
 * const off = store.subscribe((change) => console.log(change.type));
 * store.create({ title: 'Groceries', body: '' }); // logs 'created'
 */
export class NoteStore {
  readonly #notes = new Map<string, Note>();
  readonly #listeners = new Set<(change: NoteChange) => void>();
  #seq = 0;

  list(): Note[] {
    return [...this.#notes.values()];
  }

  /** The note, or an HttpError 404 naming the id. */
  get(id: string): Note {
    const note = this.#notes.get(id);
    if (note === undefined) throw new HttpError(404, MESSAGES.noSuchNote(id));
    return note;
  }

  create(input: NewNote): Note {
    // RFC 4918 §11.5: 507, the server cannot store what the request needs stored.
    if (this.#notes.size >= NOTES_MAX) throw new HttpError(507, MESSAGES.tooManyNotes(NOTES_MAX));
    const now = new Date().toISOString();
    const note: Note = { id: crypto.randomUUID(), ...input, createdAt: now, updatedAt: now };
    this.#notes.set(note.id, note);
    this.#emit({ seq: ++this.#seq, type: 'created', note });
    return note;
  }

  update(id: string, patch: NotePatch): Note {
    const note: Note = { ...this.get(id), ...patch, updatedAt: new Date().toISOString() };
    this.#notes.set(id, note);
    this.#emit({ seq: ++this.#seq, type: 'updated', note });
    return note;
  }

  delete(id: string): void {
    this.get(id);
    this.#notes.delete(id);
    this.#emit({ seq: ++this.#seq, type: 'deleted', note: { id } });
  }

  /** Calls `listener` with every later change; returns the function that stops it. */
  subscribe(listener: (change: NoteChange) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #emit(change: NoteChange): void {
    for (const listener of this.#listeners) listener(change);
  }
}
