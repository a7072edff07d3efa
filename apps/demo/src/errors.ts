// Every error the demo throws on purpose, and the texts clients see (tests import them, never copy).
import { json, type RouterResponse } from '@tsgi/router';

/** One rule a request broke: which field, and what the rule is. */
export interface Issue {
  /** The JSON field or query parameter, e.g. 'title' or 'limit'. */
  field: string;
  message: string;
}

/** Texts clients see; functions where the text names a value. */
export const MESSAGES = {
  notJson: (type: string | null) => `Content-Type must be application/json (got ${type === null ? 'none' : `'${type}'`})`,
  notObject: 'the body must be a JSON object, like {"title": "Groceries"}',
  unknownField: (field: string) => `unknown field '${field}': a note has only title and body`,
  titleRequired: 'title is required',
  titleType: 'title must be a string',
  titleLength: (max: number) => `title must be 1 to ${max} characters after trimming`,
  bodyType: 'body must be a string',
  bodyLength: (max: number) => `body must be at most ${max} characters`,
  emptyPatch: 'send at least one of title and body to change',
  noRoute: (method: string, path: string) => `no API route answers ${method} ${path}`,
  methodNotAllowed: (method: string, path: string, allow: string) => `${method} is not allowed on ${path} (allowed: ${allow})`,
  noSuchNote: (id: string) => `no note has the id '${id}'`,
  tooManyNotes: (max: number) => `the demo keeps at most ${max} notes: delete some first`,
  badInteger: (name: string, min: number, max: number) => `${name} must be a whole number from ${min} to ${max}`,
  notMultipart: (type: string | null) =>
    `Content-Type must be multipart/form-data (got ${type === null ? 'none' : `'${type}'`}): send the file as a form field named 'file'`,
  noFile: "the form has no file in a field named 'file'",
  chatNameLength: (max: number) => `name must be 1 to ${max} characters`,
  chatBinary: 'chat messages are text frames, not binary ones',
  chatLength: (max: number) => `a chat message must be 1 to ${max} characters`,
} as const;

/**
 * A request whose syntax was fine but whose content broke a rule (RFC 9110 §15.5.21: 422).
 * `issues` lists every rule broken, so a client can fix them all at once.
 *
 * @example
 * throw new ValidationError([{ field: 'title', message: MESSAGES.titleRequired }]);
 */
export class ValidationError extends Error {
  override readonly name = 'ValidationError';
  readonly status = 422;
  readonly issues: readonly Issue[];

  constructor(issues: readonly Issue[], options?: { cause?: unknown }) {
    super(issues.map((issue) => issue.message).join('; '), options);
    this.issues = issues;
  }

  /** The JSON response a client gets: `{ error, issues }` with status 422. */
  toResponse(): RouterResponse {
    return json({ error: this.message, issues: this.issues }, { status: this.status });
  }
}

/** True for a ValidationError from any copy of the demo (checks `.name`, STYLE.md: Errors). */
export const isValidationError = (error: unknown): error is ValidationError =>
  (error as Error | null)?.name === 'ValidationError';
