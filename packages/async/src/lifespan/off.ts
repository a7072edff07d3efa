// Lifespan 'off': the same surface as 'on', doing nothing, so hosts never check a flag.
import type { State } from '../types/common.js';
import type { Lifespan, LifespanOptions } from './lifespan.js';

/** A lifespan that never calls the app (async §5.5, mode 'off'). */
export class LifespanOff implements Lifespan {
  readonly state: State;

  constructor(options: LifespanOptions) {
    this.state = options.state ?? {};
  }

  startup(): Promise<void> {
    return Promise.resolve();
  }

  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}
