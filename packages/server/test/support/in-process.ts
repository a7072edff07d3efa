// Serves an app in this process on 127.0.0.1:0 and keeps its log lines for assertions.
import { serve, type RunningServer, type ServeOptions } from '../../src/index.js';

/** A running server plus what it logged. */
export interface TestServer {
  server: RunningServer;
  port: number;
  logs: string[];
  /** Resolves once a log line matches. */
  logged(pattern: RegExp, timeoutMs?: number): Promise<string>;
}

export async function startServer(app: unknown, options: ServeOptions = {}): Promise<TestServer> {
  const logs: string[] = [];
  const watchers: Array<() => void> = [];
  const server = await serve(app, {
    port: 0,
    logLevel: 'debug',
    logSink: (line) => {
      logs.push(line);
      for (const wake of watchers.splice(0)) wake();
    },
    ...options,
  });
  return {
    server,
    port: server.port ?? 0,
    logs,
    async logged(pattern, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const line = logs.find((entry) => pattern.test(entry));
        if (line !== undefined) return line;
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`no log line matched ${pattern}; got:\n${logs.join('')}`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          watchers.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
    },
  };
}
