// Reads a text/event-stream response (HTML §9.2.6) as it arrives: events, and the raw chunks they
// came in (to tell a streamed response from one delivered whole).

/** One parsed event; comment-only blocks are skipped. */
export interface SseEvent {
  event: string;
  id: string | undefined;
  data: string;
}

/** Parses one block (the lines between blank lines); null when it holds only comments or retry. */
export function parseBlock(block: string): SseEvent | null {
  let event = 'message';
  let id: string | undefined;
  const data: string[] = [];
  for (const line of block.split(/\r\n|\r|\n/)) {
    if (line === '' || line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const name = colon === -1 ? line : line.slice(0, colon);
    const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (name === 'event') event = value;
    else if (name === 'id') id = value;
    else if (name === 'data') data.push(value);
  }
  return data.length === 0 ? null : { event, id, data: data.join('\n') };
}

/** An open event stream. */
export interface SseReader {
  /** The next event (comments skipped); rejects after `timeoutMs` or at the end of the stream. */
  next(timeoutMs?: number): Promise<SseEvent>;
  /** Every event left, until the server ends the stream. */
  rest(): Promise<SseEvent[]>;
  /** The text of each network read so far. */
  readonly chunks: string[];
  /** Resolves once the text so far contains `text` (e.g. the ': connected' comment). */
  waitFor(text: string, timeoutMs?: number): Promise<void>;
  cancel(): Promise<void>;
}

/**
 * Wraps a fetch Response holding an event stream.
 *
 * @example
 * const events = readSse(await fetch(url));
 * expect((await events.next()).event).toBe('tick');
 */
export function readSse(res: Response): SseReader {
  if (res.body === null) throw new Error('the response has no body');
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  const chunks: string[] = [];
  const ready: SseEvent[] = [];
  let text = '';
  let buffer = '';
  let ended = false;

  // One network read: parse every complete block it finishes.
  const pull = async (): Promise<void> => {
    const { value, done } = await reader.read();
    if (done) {
      ended = true;
      return;
    }
    chunks.push(value);
    text += value;
    buffer += value;
    const blocks = buffer.split(/\r\n\r\n|\n\n|\r\r/);
    buffer = blocks.pop() ?? '';
    for (const block of blocks) {
      const event = parseBlock(block);
      if (event) ready.push(event);
    }
  };
  const within = <T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${what} within ${timeoutMs} ms; received so far:\n${text}`)), timeoutMs);
      promise.then(resolve, reject).finally(() => clearTimeout(timer));
    });

  return {
    chunks,
    next: (timeoutMs = 10_000) =>
      within(
        (async () => {
          while (ready.length === 0) {
            if (ended) throw new Error(`the stream ended; received:\n${text}`);
            await pull();
          }
          return ready.shift() as SseEvent;
        })(),
        timeoutMs,
        'event',
      ),
    rest: async () => {
      while (!ended) await pull();
      return ready.splice(0);
    },
    waitFor: (wanted, timeoutMs = 10_000) =>
      within(
        (async () => {
          while (!text.includes(wanted)) {
            if (ended) throw new Error(`the stream ended without '${wanted}'`);
            await pull();
          }
        })(),
        timeoutMs,
        `'${wanted}'`,
      ),
    cancel: () => reader.cancel(),
  };
}
