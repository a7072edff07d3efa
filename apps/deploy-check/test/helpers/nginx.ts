// A real nginx (Debian's /usr/sbin/nginx) in the foreground, with a temp prefix and a config built
// from docs/deploy/nginx.md, listening on free ports of 127.0.0.1.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { join } from 'node:path';
import { run, type RunResult } from './processes.js';

/** Debian's nginx; CI installs the `nginx` package. */
export const NGINX = '/usr/sbin/nginx';

/** A free TCP port on 127.0.0.1, as the kernel hands one out. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

/** The top of nginx.conf around the page's http-level config: foreground, one process, temp paths. */
export function wrapConfig(prefix: string, httpConfig: string): string {
  const temp = (name: string) => join(prefix, name);
  return `daemon off;
master_process off;
error_log stderr warn;
pid ${temp('nginx.pid')};
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${temp('client_body')};
  proxy_temp_path ${temp('proxy')};
  fastcgi_temp_path ${temp('fastcgi')};
  uwsgi_temp_path ${temp('uwsgi')};
  scgi_temp_path ${temp('scgi')};
${httpConfig}
}
`;
}

const args = (prefix: string) => ['-p', `${prefix}/`, '-c', join(prefix, 'nginx.conf'), '-e', 'stderr'];

/** `nginx -t` on the config: its exit code and what it said. */
export function testConfig(prefix: string): Promise<RunResult> {
  return run(NGINX, ['-t', ...args(prefix)], { cwd: prefix, timeoutMs: 10_000 });
}

/** A running nginx. */
export interface Nginx {
  stop(): Promise<void>;
}

/** Writes the config into `prefix` and runs nginx until `stop()`; resolves once `port` accepts. */
export async function startNginx(prefix: string, config: string, port: number): Promise<Nginx> {
  if (!existsSync(NGINX)) throw new Error(`${NGINX} is missing: install Debian's nginx package`);
  mkdirSync(prefix, { recursive: true });
  writeFileSync(join(prefix, 'nginx.conf'), config);
  const child = spawn(NGINX, args(prefix), { cwd: prefix, stdio: ['ignore', 'ignore', 'pipe'] });
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGQUIT'); // nginx: graceful shutdown
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };
  await waitForPort(child, port, () => errors);
  return { stop };
}

async function waitForPort(child: ChildProcess, port: number, errors: () => string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`nginx exited (${child.exitCode}):\n${errors()}`);
    if (await accepts(port)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  child.kill('SIGKILL');
  throw new Error(`nginx did not listen on 127.0.0.1:${port} within 10 s:\n${errors()}`);
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
