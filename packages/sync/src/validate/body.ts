// validate(): the body on its way to the server (docs/spec/sync.md §6.1, §6.2), including what the server
// owes it: one iteration, return() when abandoned, close() always.
import { describe, isBytes } from '../bytes.js';
import { SyncSpecError } from '../errors.js';
import { isFileWrapper } from '../file-wrapper.js';
import * as m from '../messages.js';
import type { ErrorStream, ResponseBody } from '../types.js';
import type { ResponseChecks } from './response.js';

// Like wsgiref's __del__ check: JavaScript cannot see "never closed" deterministically, so a body the
// garbage collector reclaims unclosed is reported on that request's tsgi.errors.
const unclosed = new FinalizationRegistry<{ checks: ResponseChecks; errors: ErrorStream }>(({ checks, errors }) => {
  if (!checks.closed) errors.write(`${m.BODY_NOT_CLOSED}\n`);
});

/** Wraps the app's body; a file wrapper stays recognisable (its own properties are kept). */
export function checkedBody(body: ResponseBody, checks: ResponseChecks, errors: ErrorStream): ResponseBody {
  let iterator: Iterator<unknown> | undefined;
  let finished = false; // the app's iterator is done, or threw
  let excused = false; // next() threw, so no return() is owed (ECMAScript for-of calls none)
  let returned = false;

  const pull = (): IteratorResult<Uint8Array> => {
    if (checks.closed) throw new SyncSpecError(m.BODY_AFTER_CLOSE);
    let result: IteratorResult<unknown>;
    try {
      result = (iterator ??= body[Symbol.iterator]()).next();
    } catch (error) {
      finished = true;
      throw error;
    }
    if (result.done === true) {
      finished = true;
      checks.end();
      return { value: undefined, done: true };
    }
    const chunk: unknown = result.value;
    if (!isBytes(chunk)) throw new SyncSpecError(`${m.CHUNK_NOT_BYTES}: got ${describe(chunk)}`);
    checks.chunk(chunk);
    return { value: chunk, done: false };
  };
  const next = (): IteratorResult<Uint8Array> => {
    try {
      return pull();
    } catch (error) {
      excused = true;
      throw error;
    }
  };

  const wrapper: ResponseBody = {
    ...(isFileWrapper(body) ? body : {}),
    [Symbol.iterator]: () => {
      if (iterator !== undefined) throw new SyncSpecError(m.BODY_ITERATED_TWICE);
      if (checks.closed) throw new SyncSpecError(m.BODY_AFTER_CLOSE);
      iterator = body[Symbol.iterator]();
      return {
        next,
        return: (): IteratorResult<Uint8Array> => {
          returned = true;
          if (!finished) iterator?.return?.();
          return { value: undefined, done: true };
        },
      };
    },
    close: () => {
      if (checks.closed) return;
      checks.closed = true;
      const unfinished = iterator !== undefined && !finished && !returned;
      try {
        // Run the app's cleanup anyway, then name the server's mistake.
        if (unfinished) iterator?.return?.();
      } finally {
        body.close?.();
      }
      if (unfinished && !excused) throw new SyncSpecError(m.BODY_NOT_RETURNED);
    },
  };
  unclosed.register(wrapper, { checks, errors });
  return wrapper;
}
