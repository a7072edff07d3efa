// Shared by every Node server entry: listen on 127.0.0.1:$PORT, and exit promptly on SIGTERM so rounds
// do not wait on keep-alive connections wrk left open.
import type { Server } from 'node:http';

/** The port the harness chose, from $PORT. */
export function benchPort(): number {
  const port = Number(process.env.PORT);
  if (!Number.isInteger(port) || port <= 0) throw new Error(`PORT must be a TCP port number, got ${process.env.PORT}`);
  return port;
}

/** Listens on 127.0.0.1:$PORT and exits on SIGTERM. */
export function listenForBench(server: Server): void {
  server.listen(benchPort(), '127.0.0.1');
  process.once('SIGTERM', () => process.exit(0));
}
