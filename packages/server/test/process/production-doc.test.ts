// docs/production.md works as written: its session runs in bash against the real CLI (on a free port
// instead of 8000), and its systemd unit's ExecStart, ExecReload and KillSignal do what the page says.
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDirs } from '../support/temp-dirs.js';
import { CLI, PACKAGE, start } from './support.js';

const doc = readFileSync(join(PACKAGE, '..', '..', 'docs', 'production.md'), 'utf8');

/** The fenced blocks of one language, in page order. */
function blocks(language: string): string[] {
  return [...doc.matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g'))].map((match) => match[1] ?? '');
}

const tempDir = tempDirs();

/** A project folder with the page's app.js, and a `tsgi` on PATH that runs this package's bin. */
function project(): { dir: string; bin: string; env: Record<string, string> } {
  const dir = tempDir('tsgi-doc-');
  const app = blocks('js').find((block) => block.startsWith('// app.js'));
  if (app === undefined) throw new Error('docs/production.md has no app.js block');
  writeFileSync(join(dir, 'app.js'), app);
  const bin = join(dir, 'bin');
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  mkdirSync(bin);
  writeFileSync(join(bin, 'tsgi'), `#!/bin/sh\nexec "${process.execPath}" "${CLI}" "$@"\n`);
  chmodSync(join(bin, 'tsgi'), 0o755);
  return { dir, bin, env: { PATH: `${bin}:${process.env.PATH ?? ''}`, NODE_OPTIONS: '' } };
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

describe('docs/production.md', { timeout: 60_000 }, () => {
  it('runs the session: serve, curl, reload, resize, stop with exit 0', async () => {
    const { dir, env } = project();
    const session = blocks('sh')[0] ?? '';
    expect(session).toContain('kill -HUP');
    const port = await freePort();
    const script = session.replaceAll('8000', String(port));
    // tsgi's default port is 8000; PORT (which it honours) moves it to the free one the script now uses.
    const bash = spawn('bash', ['-e', '-c', script], { cwd: dir, env: { ...process.env, ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    bash.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    bash.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => bash.once('exit', resolve));
    const log = readFileSync(join(dir, 'tsgi.log'), 'utf8');
    expect(code, `${output}\n${log}`).toBe(0);
    expect(output).toMatch(/hello from worker \d+/);
    expect(log).toMatch(/ready: 2 workers listening on http:\/\/127\.0\.0\.1:\d+/);
    expect(log).toContain('SIGHUP: reloading the app (generation 2)');
    expect(log).toContain('supervisor stopped');
  });

  it('runs the systemd unit: ExecStart serves, ExecReload reloads, KillSignal stops it cleanly', async () => {
    const { dir, bin } = project();
    const unit = blocks('ini')[0] ?? '';
    const setting = (name: string): string[] => [...unit.matchAll(new RegExp(`^${name}=(.*)$`, 'gm'))].map((match) => match[1] ?? '');
    const [execStart = ''] = setting('ExecStart');
    const [execReload = ''] = setting('ExecReload');
    const [killSignal = ''] = setting('KillSignal');
    const [stopSeconds = '0'] = setting('TimeoutStopSec');
    const environment = Object.fromEntries(setting('Environment').map((pair) => pair.split('=') as [string, string]));
    expect(setting('WorkingDirectory')).toEqual(['/srv/app']);
    // As systemd would run it for /srv/app, in this folder; PORT picks a free port without editing the command.
    const [program = '', serve, ...args] = execStart.split(' ');
    expect(program).toBe('/srv/app/node_modules/.bin/tsgi');
    expect(serve).toBe('serve');
    const tsgi = start(args, { cwd: dir, env: { ...environment, PORT: String(await freePort()), PATH: `${bin}:${process.env.PATH ?? ''}` } });
    const [, workers] = await tsgi.waitFor(/ready: (\d+) workers listening on/, { timeoutMs: 40_000 });
    expect(Number(workers)).toBe(Number(environment.WEB_CONCURRENCY));

    execFileSync('/bin/sh', ['-c', execReload.replaceAll('$MAINPID', String(tsgi.child.pid))]);
    await tsgi.waitFor(/reload complete: 4 workers of generation 2 serving/, { timeoutMs: 40_000 });

    const began = Date.now();
    tsgi.signal(killSignal as NodeJS.Signals);
    expect(await tsgi.exited).toBe(0);
    expect(Date.now() - began).toBeLessThan(Number(stopSeconds) * 1000);
  });
});
