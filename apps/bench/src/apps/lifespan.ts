// The lifespan half of every raw async app the harness serves: start and stop with nothing to do.
import type { Receive, Send } from '@tsgi/async';

/**
 * Answers lifespan startup and shutdown (async §5) until shutdown completes.
 *
 * @example
 * if (scope.type === 'lifespan') return acceptLifespan(receive, send);
 */
export async function acceptLifespan(receive: Receive, send: Send): Promise<void> {
  for (;;) {
    const event = await receive();
    if (event.type === 'lifespan.startup') await send({ type: 'lifespan.startup.complete' });
    if (event.type === 'lifespan.shutdown') return send({ type: 'lifespan.shutdown.complete' });
  }
}
