// Lifespan (docs/spec/async.md §5): startup hooks fill the shared state, shutdown hooks clean up.
import type { LifespanScope, Receive, Send, State } from '@tsgi/async';
import type { Table } from './compile.js';

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Answers lifespan events until shutdown; a failing hook reports `*.failed` with its message. */
export async function runLifespan(table: Table, scope: LifespanScope, receive: Receive, send: Send, fallback: State): Promise<void> {
  // async §5.4: hooks write into scope.state; the server copies it into every request's scope.
  const state = scope.state ?? fallback;
  for (;;) {
    const event = await receive();
    const phase = event.type === 'lifespan.startup' ? 'startup' : 'shutdown';
    try {
      for (const hook of table[phase]) await hook(state);
    } catch (error) {
      await send({ type: `lifespan.${phase}.failed`, message: message(error) });
      return;
    }
    await send({ type: `lifespan.${phase}.complete` });
    if (phase === 'shutdown') return;
  }
}
