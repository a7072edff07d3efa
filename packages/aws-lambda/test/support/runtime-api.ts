// A Lambda Runtime API on 127.0.0.1 (node:http), enough to drive aws-lambda-ric as Lambda would:
// /runtime/invocation/next, /response (buffered and streaming), /error and /init/error.
// Shapes follow the "AWS Lambda runtime API" reference (2018-06-01) in the Lambda developer guide.
import { randomUUID } from 'node:crypto';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How an invocation ended, as the runtime reported it. */
export type Outcome =
  | { kind: 'response'; streamed: boolean; contentType: string | undefined; body: Buffer; trailers: Record<string, string> }
  | { kind: 'error'; errorType: string | undefined; error: { errorType?: string; errorMessage?: string } };

interface Pending {
  id: string;
  event: unknown;
  resolve(outcome: Outcome): void;
  /** Bytes of a streamed response received so far, for the gate. */
  received: number;
}

const PREFIX = '/2018-06-01/runtime';

/** Starts the Runtime API. `invoke` queues an event and resolves with how the runtime answered. */
export async function startRuntimeApi() {
  const queue: Pending[] = [];
  const waiting: Array<(next: Pending) => void> = [];
  const inflight = new Map<string, Pending>();
  const gates: Array<{ pending: Pending; release: () => void }> = [];
  let initError: unknown;

  function dispatch(pending: Pending) {
    const taker = waiting.shift();
    if (taker) taker(pending);
    else queue.push(pending);
  }

  function checkGates() {
    for (const gate of [...gates]) {
      if (gate.pending.received > 0) {
        gates.splice(gates.indexOf(gate), 1);
        gate.release();
      }
    }
  }

  async function readBody(req: IncomingMessage, pending?: Pending): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of req as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      if (pending) {
        pending.received += chunk.length;
        checkGates();
      }
    }
    return Buffer.concat(chunks);
  }

  const server = createServer((req, res) => {
    void route(req, res).catch((error: unknown) => {
      res.statusCode = 500;
      res.end(String(error));
    });
  });

  async function route(req: IncomingMessage, res: ServerResponse) {
    const url = req.url ?? '';
    if (req.method === 'GET' && url === `${PREFIX}/invocation/next`) {
      const next = queue.shift() ?? (await new Promise<Pending>((resolve) => waiting.push(resolve)));
      inflight.set(next.id, next);
      res.writeHead(200, {
        'content-type': 'application/json',
        'lambda-runtime-aws-request-id': next.id,
        'lambda-runtime-deadline-ms': String(Date.now() + 30_000),
        'lambda-runtime-invoked-function-arn': 'arn:aws:lambda:eu-west-1:123456789012:function:tsgi-test',
        'lambda-runtime-trace-id': 'Root=1-65f0a1b2-0123456789abcdef01234567;Parent=0123456789abcdef;Sampled=0',
      });
      res.end(JSON.stringify(next.event));
      return;
    }
    const match = /^\/2018-06-01\/runtime\/invocation\/([^/]+)\/(response|error)$/.exec(url);
    if (req.method === 'POST' && match) {
      const pending = inflight.get(decodeURIComponent(match[1]!));
      if (!pending) {
        res.writeHead(400).end('{"errorMessage":"unknown request id"}');
        return;
      }
      const streamed = req.headers['lambda-runtime-function-response-mode'] === 'streaming';
      const body = await readBody(req, pending);
      inflight.delete(pending.id);
      res.writeHead(202, { 'content-type': 'application/json' }).end('{"status":"OK"}');
      if (match[2] === 'error') {
        // The header is optional in the Runtime API; the JSON body always names the type.
        const header = req.headers['lambda-runtime-function-error-type'];
        const error = JSON.parse(body.toString('utf8')) as { errorType?: string; errorMessage?: string };
        pending.resolve({ kind: 'error', errorType: typeof header === 'string' ? header : error.errorType, error });
        return;
      }
      const trailers = { ...req.trailers } as Record<string, string>;
      const streamedError = trailers['lambda-runtime-function-error-type'];
      if (streamedError) {
        const detail = trailers['lambda-runtime-function-error-body'];
        pending.resolve({ kind: 'error', errorType: streamedError, error: detail ? (JSON.parse(Buffer.from(detail, 'base64').toString('utf8')) as { errorType?: string }) : {} });
        return;
      }
      const contentType = req.headers['content-type'];
      pending.resolve({ kind: 'response', streamed, contentType, body, trailers });
      return;
    }
    if (req.method === 'POST' && url === `${PREFIX}/init/error`) {
      initError = JSON.parse((await readBody(req)).toString('utf8'));
      res.writeHead(202).end('{"status":"OK"}');
      return;
    }
    if (req.method === 'GET' && url === '/test/gate') {
      // Answers once some invocation's streamed response has delivered bytes.
      const pending = [...inflight.values()][0];
      if (!pending) {
        res.writeHead(409).end('no invocation');
        return;
      }
      await new Promise<void>((release) => {
        gates.push({ pending, release });
        checkGates();
      });
      res.writeHead(200).end(`gate opened after ${pending.received} bytes`);
      return;
    }
    res.writeHead(404).end();
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    /** host:port, for AWS_LAMBDA_RUNTIME_API. */
    address: `127.0.0.1:${port}`,
    initError: () => initError,
    invoke(event: unknown, id: string = randomUUID()): Promise<Outcome & { id: string }> {
      return new Promise((resolve) => dispatch({ id, event, received: 0, resolve: (outcome) => resolve({ ...outcome, id }) }));
    },
    close(): Promise<void> {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** Splits a streamed HTTP integration response: JSON prelude, eight NUL bytes, then the body. */
export function splitPrelude(body: Buffer): { prelude: Record<string, unknown>; payload: Buffer } {
  const delimiter = Buffer.alloc(8);
  const at = body.indexOf(delimiter);
  if (at < 0) throw new Error(`no prelude delimiter in ${JSON.stringify(body.toString('latin1').slice(0, 200))}`);
  return { prelude: JSON.parse(body.subarray(0, at).toString('utf8')) as Record<string, unknown>, payload: body.subarray(at + 8) };
}
