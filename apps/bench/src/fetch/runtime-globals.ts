// The few members of Bun's and Deno's globals the fetch entries use, declared here (no @types/bun or
// Deno types in this workspace). The entries are bundled and run by bun or deno, never by Node.

/** A fetch handler as Bun.serve and Deno.serve take one (the second argument is runtime-specific). */
export type ServeHandler = (request: Request, second?: unknown) => Response | undefined | Promise<Response | undefined>;

interface BunGlobal {
  serve(options: { port: number; hostname: string; fetch: ServeHandler; websocket?: unknown }): unknown;
  argv: string[];
}

interface DenoGlobal {
  serve(options: { port: number; hostname: string; onListen?: () => void }, handler: ServeHandler): unknown;
  args: string[];
}

/** The runtime the entry runs on. */
export type Runtime = { name: 'bun'; bun: BunGlobal } | { name: 'deno'; deno: DenoGlobal };

/** Detects Bun or Deno; throws on anything else. */
export function detectRuntime(): Runtime {
  const g = globalThis as { Bun?: BunGlobal; Deno?: DenoGlobal };
  if (g.Bun) return { name: 'bun', bun: g.Bun };
  if (g.Deno) return { name: 'deno', deno: g.Deno };
  throw new Error('the fetch entries run on bun or deno');
}

/** The port, the entry's last command-line argument. */
export function portArgument(runtime: Runtime): number {
  const args = runtime.name === 'bun' ? runtime.bun.argv : runtime.deno.args;
  const port = Number(args.at(-1));
  if (!Number.isInteger(port) || port <= 0) throw new Error(`the last argument must be a port, got ${String(args.at(-1))}`);
  return port;
}

/** Serves a plain fetch handler on 127.0.0.1:port. */
export function serveFetch(runtime: Runtime, port: number, handler: ServeHandler): void {
  if (runtime.name === 'bun') runtime.bun.serve({ port, hostname: '127.0.0.1', fetch: handler });
  else runtime.deno.serve({ port, hostname: '127.0.0.1', onListen: () => undefined }, handler);
}
