// An HTTP contender: something that serves the five scenarios on a port. Helpers below build the three
// kinds (a Node server file, a tsgi app under the `tsgi` CLI, a Python app under gunicorn/uvicorn), so
// each contender is one entry in contenders.ts plus, for tsgi, one app file.
import { existsSync } from 'node:fs';
import type { BarKind } from '../report/svg-bar-chart.js';
import type { Command, Tools } from '../env/tools.js';
import { cliFlagPending, tsgiServe } from '../env/tsgi-cli.js';
import { pendingReason } from '../env/workspace.js';
import { PYTHON_DIR, distFile } from '../paths.js';

/** One server under test. */
export interface HttpContender {
  id: string;
  label: string;
  kind: BarKind;
  /** Null when it can run here, else why not ('not installed: gunicorn', 'pending: @tsgi/router not built'). */
  unavailable(tools: Tools): Promise<string | null>;
  /** The (unpinned) command serving the scenarios on 127.0.0.1:port. */
  command(tools: Tools, port: number): Command;
}

/** A Node server entry, given by its path under src/ without extension. */
export function nodeServer(id: string, label: string, kind: BarKind, file: string): HttpContender {
  return {
    id,
    label,
    kind,
    unavailable: () => Promise.resolve(null),
    command: () => ({ file: process.execPath, args: [distFile(file)] }),
  };
}

/** What a tsgi contender needs: packages (with exports) and CLI flags. */
export interface TsgiNeeds {
  packages?: ReadonlyArray<readonly [name: string, exports: readonly string[]]>;
  flags?: readonly string[];
}

/**
 * A tsgi app file (src/<app>.ts) served by `tsgi serve` with extra flags.
 *
 * @example
 * tsgiApp('tsgi-async', 'tsgi · raw async app', 'http/apps/raw-async');
 */
export function tsgiApp(id: string, label: string, app: string, flags: readonly string[] = [], needs: TsgiNeeds = {}): HttpContender {
  return {
    id,
    label,
    kind: 'tsgi',
    async unavailable() {
      for (const [name, exports] of [['@tsgi/server', []] as const, ...(needs.packages ?? [])]) {
        const reason = await pendingReason(name, exports);
        if (reason) return reason;
      }
      for (const flag of needs.flags ?? []) {
        const reason = await cliFlagPending(flag);
        if (reason) return reason;
      }
      return existsSync(distFile(app)) ? null : `pending: ${app}.ts not written yet`;
    },
    command: (_tools, port) => tsgiServe(distFile(app), port, flags),
  };
}

/** The raw WSGI app under gunicorn: one sync worker, as gunicorn starts by default. */
export const gunicorn: HttpContender = {
  id: 'gunicorn',
  label: 'gunicorn · raw WSGI (1 sync worker)',
  kind: 'peer',
  unavailable: (tools) => Promise.resolve(tools.gunicorn ? null : 'not installed: gunicorn (apt-get install -y gunicorn)'),
  command: (tools, port) => ({
    file: tools.gunicorn as string,
    args: ['--workers', '1', '--bind', `127.0.0.1:${port}`, '--chdir', PYTHON_DIR, '--log-level', 'warning', 'wsgi_app:app'],
  }),
};

/** The raw ASGI app under uvicorn: one process (httptools and uvloop when installed). */
export const uvicorn: HttpContender = {
  id: 'uvicorn',
  label: 'uvicorn · raw ASGI (1 process)',
  kind: 'peer',
  unavailable: (tools) => Promise.resolve(tools.uvicorn ? null : 'not installed: uvicorn (apt-get install -y python3-uvicorn)'),
  command: (tools, port) => {
    const uvicornCommand = tools.uvicorn as Command;
    return {
      file: uvicornCommand.file,
      args: [
        ...uvicornCommand.args,
        'asgi_app:app',
        '--host',
        '127.0.0.1',
        '--port',
        String(port),
        '--app-dir',
        PYTHON_DIR,
        '--log-level',
        'warning',
        '--no-access-log',
      ],
    };
  },
};
