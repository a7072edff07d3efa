// The supervisor claims the address once, before any worker starts: port 0 becomes one real port
// that every worker — replacements and reloads included — listens on, and a port already in use is
// one clear line instead of every worker failing to boot.
import { statSync, unlinkSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { createConfig } from '../config/resolve-config.js';
import type { ServerConfig } from '../config/server-config.js';
import { PROCESS_MESSAGES } from './messages.js';

/**
 * Returns the config with a concrete port (TCP), after removing a stale socket file (unix socket).
 * Throws an Error naming the address when it cannot be listened on.
 *
 * @example
 * (await claimAddress(createConfig({ port: 0 }))).port; // 41733
 */
export async function claimAddress(config: ServerConfig): Promise<ServerConfig> {
  if (config.uds !== undefined) {
    removeStaleSocket(config.uds);
    return config;
  }
  const port = await probe(config.host, config.port);
  return port === config.port ? config : createConfig({ ...config, port });
}

function probe(host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(new Error(PROCESS_MESSAGES.cannotListen(`${host}:${port}`, error.code ?? error.message), { cause: error }));
    });
    server.listen({ host, port, exclusive: true }, () => {
      const actual = (server.address() as AddressInfo).port;
      server.close(() => resolve(actual));
    });
  });
}

/** A socket file left by a crashed run would make every worker fail with EADDRINUSE. */
function removeStaleSocket(path: string): void {
  try {
    if (statSync(path).isSocket()) unlinkSync(path);
  } catch {
    // Absent: nothing to remove.
  }
}
