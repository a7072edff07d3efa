// The lifespan event state machine (async §5), shared by validate() and createLifespan.
import { AsyncSpecError } from '../errors.js';
import { COMMON_MESSAGES, LIFESPAN_MESSAGES } from '../messages.js';
import type { LifespanSendEvent } from '../types/lifespan.js';
import { eventType } from './checks.js';

/** An app answer with its defaults filled in. */
export type LifespanOutput = { type: LifespanSendEvent['type']; message: string };

type Step = 'idle' | 'asked' | 'answered';

/** Tracks one lifespan scope's events in both directions and throws on the first broken rule. */
export class LifespanProtocol {
  startup: Step = 'idle';
  shutdown: Step = 'idle';

  /** Checks a server → app event (async §5.2, §5.3). */
  receive(event: unknown): void {
    const type = eventType(event);
    if (type === 'lifespan.startup') {
      if (this.startup !== 'idle') throw new AsyncSpecError(LIFESPAN_MESSAGES.startupTwice);
      this.startup = 'asked';
    } else if (type === 'lifespan.shutdown') {
      if (this.shutdown !== 'idle') throw new AsyncSpecError(LIFESPAN_MESSAGES.shutdownTwice);
      if (this.startup !== 'answered') throw new AsyncSpecError(LIFESPAN_MESSAGES.shutdownBeforeStartup);
      this.shutdown = 'asked';
    } else {
      throw new AsyncSpecError(COMMON_MESSAGES.unknownEvent(type, 'lifespan', 'received'));
    }
  }

  /** Checks an app → server event and advances the state. */
  send(event: unknown): LifespanOutput {
    const type = eventType(event);
    const message = (event as { message?: unknown }).message ?? '';
    switch (type) {
      case 'lifespan.startup.complete':
      case 'lifespan.startup.failed':
        if (this.startup === 'idle') throw new AsyncSpecError(LIFESPAN_MESSAGES.completeBeforeStartup(type));
        if (this.startup === 'answered') throw new AsyncSpecError(LIFESPAN_MESSAGES.startupAnsweredTwice(type));
        if (typeof message !== 'string') throw new AsyncSpecError(LIFESPAN_MESSAGES.badMessage(type));
        this.startup = 'answered';
        return { type, message };
      case 'lifespan.shutdown.complete':
      case 'lifespan.shutdown.failed':
        if (this.shutdown === 'idle') throw new AsyncSpecError(LIFESPAN_MESSAGES.shutdownBeforeShutdown(type));
        if (this.shutdown === 'answered') throw new AsyncSpecError(LIFESPAN_MESSAGES.shutdownAnsweredTwice(type));
        if (typeof message !== 'string') throw new AsyncSpecError(LIFESPAN_MESSAGES.badMessage(type));
        this.shutdown = 'answered';
        return { type, message };
      default:
        throw new AsyncSpecError(COMMON_MESSAGES.unknownEvent(type, 'lifespan', 'sent'));
    }
  }
}
