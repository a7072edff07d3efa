import { describe, expect, it } from 'vitest';
import { MESSAGES, isValidationError, type Issue, type ValidationError } from '../errors.js';
import { BODY_MAX, TITLE_MAX, parseNewNote, parseNotePatch } from './note-input.js';

/** The ValidationError a call throws; anything else (or nothing) fails the test. */
function catchError(call: () => unknown): ValidationError {
  try {
    call();
  } catch (error) {
    if (isValidationError(error)) return error;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

const issuesOf = (call: () => unknown): readonly Issue[] => catchError(call).issues;

describe('parseNewNote', () => {
  it('trims the title and gives an absent body the empty string', () => {
    expect(parseNewNote({ title: '  Groceries ' })).toEqual({ title: 'Groceries', body: '' });
  });

  it('lists every rule broken at once, in field order', () => {
    expect(issuesOf(() => parseNewNote({ colour: 'red', title: 'x'.repeat(TITLE_MAX + 1), body: 'y'.repeat(BODY_MAX + 1) }))).toEqual([
      { field: 'colour', message: MESSAGES.unknownField('colour') },
      { field: 'title', message: MESSAGES.titleLength(TITLE_MAX) },
      { field: 'body', message: MESSAGES.bodyLength(BODY_MAX) },
    ]);
  });

  it('refuses a title of only spaces, and one that is not a string', () => {
    expect(issuesOf(() => parseNewNote({ title: '   ' }))).toEqual([{ field: 'title', message: MESSAGES.titleLength(TITLE_MAX) }]);
    expect(issuesOf(() => parseNewNote({ title: 42 }))).toEqual([{ field: 'title', message: MESSAGES.titleType }]);
  });

  it('refuses JSON that is not an object', () => {
    for (const value of [null, [], 'Groceries', 3]) expect(issuesOf(() => parseNewNote(value))).toEqual([{ field: '', message: MESSAGES.notObject }]);
  });

  it('turns into a 422 JSON response listing the issues', () => {
    const error = catchError(() => parseNewNote({}));
    const res = error.toResponse();
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(JSON.parse(new TextDecoder().decode(res.body as Uint8Array))).toEqual({
      error: MESSAGES.titleRequired,
      issues: [{ field: 'title', message: MESSAGES.titleRequired }],
    });
  });
});

describe('parseNotePatch', () => {
  it('keeps only the fields given', () => {
    expect(parseNotePatch({ body: 'eggs, milk' })).toEqual({ body: 'eggs, milk' });
  });

  it('refuses an empty patch, saying what to send', () => {
    expect(issuesOf(() => parseNotePatch({}))).toEqual([{ field: '', message: MESSAGES.emptyPatch }]);
  });
});
