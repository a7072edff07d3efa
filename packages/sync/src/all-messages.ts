// The public `messages` object: every constant of messages.ts under one name, so tests and hosts can
// import them without a namespace re-export from the entry file (STYLE.md: no `export *`).
import * as constants from './messages.js';

/**
 * Every message @tsgi/sync raises, by name; each starts with the section of docs/spec/sync.md it enforces.
 *
 * @example
 * expect(() => startApp(app, environ)).toThrow(messages.STATUS_FORMAT);
 */
export const messages: Readonly<typeof constants> = Object.freeze({ ...constants });
