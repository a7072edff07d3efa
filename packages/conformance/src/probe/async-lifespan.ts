// The async probe's lifespan: fills scope.state, or fails, or raises, as ProbeOptions say.
import type { LifespanScope, Receive, Send } from '@tsgi/async';
import type { Journal } from './journal.js';
import { PROBE_RAISE_MESSAGE, PROBE_STARTUP_FAILURE, PROBE_STATE, type ProbeOptions } from './options.js';

/** Token under which lifespan events are journaled. */
export const LIFESPAN_TOKEN = 'lifespan';

/** Runs one lifespan scope for the probe (async §5). */
export async function runProbeLifespan(
  scope: LifespanScope,
  receive: Receive,
  send: Send,
  journal: Journal,
  options: ProbeOptions,
): Promise<void> {
  // async §5.2: an app that raises on the lifespan scope has no lifespan support; hosts go on without it.
  if (options.lifespan === 'raise') throw new Error(PROBE_RAISE_MESSAGE);
  for (;;) {
    const event = await receive();
    journal.record(event.type, LIFESPAN_TOKEN);
    if (event.type === 'lifespan.startup') {
      if (options.lifespan === 'fail') {
        await send({ type: 'lifespan.startup.failed', message: PROBE_STARTUP_FAILURE });
        return;
      }
      if (scope.state) Object.assign(scope.state, PROBE_STATE);
      await send({ type: 'lifespan.startup.complete' });
    } else if (event.type === 'lifespan.shutdown') {
      await send({ type: 'lifespan.shutdown.complete' });
      return;
    }
  }
}
