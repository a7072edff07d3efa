// The contract between the end-to-end suite and each target's runner.

/** What the suite tests that some targets cannot do; each target declares those with a reason. */
export type DemoFeature =
  /** WebSocket routes (/ws/chat). */
  | 'websocket'
  /** A response body reaching the client while the app still writes it (SSE ticks one by one). */
  | 'streaming'
  /** One request seeing what another does while it runs (the note feed sees a create). */
  | 'live-events';

/** A demo listening on 127.0.0.1. */
export interface RunningDemo {
  /** Where the page is, ending in '/': 'http://127.0.0.1:41234/' or '.../demo/' under Express. */
  baseUrl: string;
  /** Stops it and waits until it is gone. */
  stop(): Promise<void>;
}

/** One target: how to start the demo on it, and what it cannot do. */
export interface DemoTarget {
  name: string;
  start(): Promise<RunningDemo>;
  unsupported?: Partial<Record<DemoFeature, string>>;
}
