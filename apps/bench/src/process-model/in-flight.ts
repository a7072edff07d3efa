// Requests held open by the server, for the SIGTERM drain check: each resolves `started` once its
// headers and first byte arrived (so the app is handling it) and `finished` with the whole outcome.
import { request } from 'node:http';

/** How one request ended. */
export interface Outcome {
  status: number;
  body: string;
  /** Set when the connection failed or was cut before the body ended. */
  error: string | null;
}

/** A request in flight. */
export interface InFlight {
  started: Promise<void>;
  finished: Promise<Outcome>;
}

/** Sends GET path on its own connection. */
export function sendInFlight(port: number, path: string): InFlight {
  let markStarted: () => void = () => undefined;
  const started = new Promise<void>((resolve) => (markStarted = resolve));
  const finished = new Promise<Outcome>((resolve) => {
    const req = request({ host: '127.0.0.1', port, path, agent: false, timeout: 30_000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
        markStarted();
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, error: res.complete ? null : 'response cut short' }));
      res.on('error', (error) => resolve({ status: res.statusCode ?? 0, body, error: error.message }));
    });
    req.on('timeout', () => req.destroy(new Error('no answer within 30 s')));
    req.on('error', (error) => {
      markStarted();
      resolve({ status: 0, body: '', error: error.message });
    });
    req.end();
  });
  return { started, finished };
}

/**
 * Whether an outcome is a complete, successful /slow response.
 *
 * @example
 * completed({ status: 200, body: 'ab', error: null }, 'ab'); // true
 */
export function completed(outcome: Outcome, body: string): boolean {
  return outcome.error == null && outcome.status === 200 && outcome.body === body;
}
