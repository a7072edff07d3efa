// What a client may send to create or change a note, checked field by field so one answer lists
// every rule broken (422), never only the first.
import { MESSAGES, ValidationError, type Issue } from '../errors.js';

/** The longest title, after trimming. */
export const TITLE_MAX = 200;
/** The longest body. */
export const BODY_MAX = 10_000;

/** A new note as the client sends it. */
export interface NewNote {
  title: string;
  body: string;
}

/** The fields a PATCH changes; absent ones stay as they are. */
export type NotePatch = Partial<NewNote>;

const FIELDS = new Set(['title', 'body']);

function checkObject(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ValidationError([{ field: '', message: MESSAGES.notObject }]);
  }
  return value as Record<string, unknown>;
}

function checkFields(input: Record<string, unknown>, required: boolean): { patch: NotePatch; issues: Issue[] } {
  const issues: Issue[] = [];
  const patch: NotePatch = {};
  for (const key of Object.keys(input)) if (!FIELDS.has(key)) issues.push({ field: key, message: MESSAGES.unknownField(key) });
  const { title, body } = input;
  if (title === undefined) {
    if (required) issues.push({ field: 'title', message: MESSAGES.titleRequired });
  } else if (typeof title !== 'string') issues.push({ field: 'title', message: MESSAGES.titleType });
  else if (title.trim().length === 0 || title.trim().length > TITLE_MAX) issues.push({ field: 'title', message: MESSAGES.titleLength(TITLE_MAX) });
  else patch.title = title.trim();
  if (body !== undefined) {
    if (typeof body !== 'string') issues.push({ field: 'body', message: MESSAGES.bodyType });
    else if (body.length > BODY_MAX) issues.push({ field: 'body', message: MESSAGES.bodyLength(BODY_MAX) });
    else patch.body = body;
  }
  return { patch, issues };
}

/**
 * Checks a create request's JSON. Throws ValidationError listing every broken rule.
 *
 * @example
 * parseNewNote({ title: ' Groceries ' }); // { title: 'Groceries', body: '' }
 * parseNewNote({ titel: 'x' });           // throws: unknown field 'titel'...; title is required
 */
export function parseNewNote(value: unknown): NewNote {
  const { patch, issues } = checkFields(checkObject(value), true);
  if (issues.length > 0) throw new ValidationError(issues);
  return { title: patch.title as string, body: patch.body ?? '' };
}

/**
 * Checks a PATCH request's JSON: the same rules, every field optional, at least one present.
 *
 * @example
 * parseNotePatch({ body: 'eggs, milk' }); // { body: 'eggs, milk' }
 */
export function parseNotePatch(value: unknown): NotePatch {
  const input = checkObject(value);
  const { patch, issues } = checkFields(input, false);
  if (issues.length === 0 && Object.keys(input).length === 0) issues.push({ field: '', message: MESSAGES.emptyPatch });
  if (issues.length > 0) throw new ValidationError(issues);
  return patch;
}
