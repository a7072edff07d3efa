// The entry of each pool thread (dist/thread.js): load the app, say ready, run requests one by one.
import { parentPort, workerData } from 'node:worker_threads';
import { createErrorStream, type SyncApp } from '@tsgi/sync';
import { detectInterface } from '../detect-interface.js';
import { loadApp } from '../load-app.js';
import type { RunMessage, ThreadData, ThreadMessage } from './protocol.js';
import { lowerThreadPriority } from './thread-priority.js';
import { runRequest } from './thread-request.js';

const port = parentPort;
const data = workerData as ThreadData;
const post = (message: ThreadMessage, transfer?: ArrayBuffer[]): void => port?.postMessage(message, transfer ?? []);
const errors = createErrorStream((text) => post({ type: 'errors', text }));

// The reserve runs only cheap requests, whose latency is the point of having it.
if (!data.reserve) lowerThreadPriority();

try {
  // The pool checked on the event loop that this app is sync (or offers a sync face).
  const { app } = detectInterface(await loadApp(data.spec, data.cwd), 'sync');
  port?.on('message', (message: RunMessage) => runRequest(app as SyncApp, message, { post, errors, multiprocess: data.multiprocess }));
  post({ type: 'ready' });
} catch (error) {
  post({ type: 'boot-failed', message: error instanceof Error ? error.message : String(error) });
}
