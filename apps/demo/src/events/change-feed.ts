// Note changes as server-sent events, so every open page sees every other page's edits.
import { sse, type RouterRequest, type RouterResponse, type ServerSentEvent } from '@tsgi/router';
import type { NoteChange, NoteStore } from '../notes/note-store.js';
import { integerParam } from '../query-params.js';

/** How often an idle feed sends a comment, so proxies keep it open and a gone client is noticed. */
export const HEARTBEAT_MS = 15_000;

async function* changes(store: NoteStore, limit: number | null): AsyncGenerator<ServerSentEvent> {
  // Subscribed before the first event leaves, so a client that saw `: connected` misses no change.
  const queue: NoteChange[] = [];
  let wake: (() => void) | undefined;
  const stop = store.subscribe((change) => {
    queue.push(change);
    wake?.();
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    yield { comment: 'connected', retry: 2000 };
    for (let sent = 0; limit === null || sent < limit; ) {
      const change = queue.shift();
      if (change === undefined) {
        const woken = await new Promise<boolean>((resolve) => {
          wake = () => resolve(true);
          timer = setTimeout(() => resolve(false), HEARTBEAT_MS);
        });
        clearTimeout(timer);
        wake = undefined;
        if (!woken) yield { comment: 'heartbeat' };
        continue;
      }
      yield { event: `note.${change.type}`, id: String(change.seq), data: change.note };
      sent++;
    }
  } finally {
    clearTimeout(timer);
    stop();
  }
}

/**
 * GET /api/notes/events?limit=N: `note.created`, `note.updated` and `note.deleted` events as they
 * happen, after a `: connected` comment; it ends after `limit` changes when given.
 *
 * @example
 * // event: note.created\nid: 7\ndata: {"id":"…","title":"Groceries",…}\n\n
 */
export function changeFeed(store: NoteStore): (req: RouterRequest) => RouterResponse {
  return (req) => sse(changes(store, integerParam(req.query, 'limit', { min: 1, max: 1000, fallback: null })));
}
