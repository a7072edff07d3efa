// Every template, end to end: scaffolded by the CLI, installed with npm against this workspace's
// packed packages (as they will be published), its own test and typecheck run, then started and
// asked for a page over HTTP on 127.0.0.1 (Lambda: its bundle invoked with an HTTP API event).
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/index.js';
import { TARGET_NAMES, type Target } from '../src/targets.js';
import { packWorkspacePackages } from './helpers/pack.js';
import { childEnv, expectSuccess, run, start, type Started } from './helpers/processes.js';

const PACKED = ['sync', 'async', 'router', 'node', 'server', 'express', 'aws-lambda', 'fetch'];
// Deno and Bun come from @tsgi/fetch's devDependencies (the `deno` and `bun` npm packages).
const RUNTIME_BIN = fileURLToPath(new URL('../../fetch/node_modules/.bin', import.meta.url));
const LISTENING = /listening on (http:\/\/\S+)/;

// docs/getting-started.md's commands, which the server template follows step by step.
const GETTING_STARTED = readFileSync(new URL('../../../docs/getting-started.md', import.meta.url), 'utf8');
const [quickStart = ''] = [...GETTING_STARTED.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]);
const [createLine = '', ...steps] = quickStart.trim().split('\n');
const documented = /^npm create tsgi@latest (\S+) -- (.+)$/.exec(createLine);

const root = mkdtempSync(join(tmpdir(), 'create-tsgi-templates-'));
const tarballs = join(root, 'tarballs');
const createArgs = (target: Target): string[] =>
  target === 'server' && documented ? [documented[1] ?? '', ...(documented[2] ?? '').split(' ')] : [`app-${target}`, '--template', target];
const projectOf = (target: Target): string => join(root, createArgs(target)[0] ?? '');
// wrangler keeps its settings and metrics consent under XDG_CONFIG_HOME: keep them in the temp dir.
const env = childEnv({ PATH: `${RUNTIME_BIN}${delimiter}${process.env.PATH ?? ''}`, XDG_CONFIG_HOME: join(root, 'config'), WRANGLER_SEND_METRICS: 'false' });

const installs = new Map<Target, Promise<void>>();

async function create(target: Target): Promise<void> {
  const out = new PassThrough();
  const err = new PassThrough();
  let printed = '';
  out.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  err.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  const code = await runCli({
    argv: [...createArgs(target), '--tsgi-tarballs', tarballs],
    cwd: root,
    env: { npm_config_user_agent: 'npm/11.6.0 node/v20.20.2 linux x64' },
    stdin: new PassThrough(),
    stdout: out,
    stderr: err,
  });
  if (code !== 0) throw new Error(`create-tsgi --template ${target} exited ${code}:\n${printed}`);
}

const install = async (target: Target): Promise<void> => {
  const result = await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund'], { cwd: projectOf(target), env, timeoutMs: 240_000 });
  expectSuccess(`npm install (${target})`, result);
};

beforeAll(async () => {
  if (!existsSync(join(RUNTIME_BIN, 'deno')) || !existsSync(join(RUNTIME_BIN, 'bun'))) {
    throw new Error(`deno and bun are missing from ${RUNTIME_BIN}: run pnpm install at the repository root`);
  }
  mkdirSync(tarballs);
  await packWorkspacePackages(PACKED, tarballs);
  for (const target of TARGET_NAMES) await create(target);
  // The server template first fills the npm cache with what every template shares (vitest,
  // typescript); the others then install side by side from it.
  const first = install('server');
  installs.set('server', first);
  for (const target of TARGET_NAMES.filter((name) => name !== 'server')) installs.set(target, first.then(() => install(target)));
  // Each describe awaits its own install; a failure surfaces there, not as an unhandled rejection.
  for (const promise of installs.values()) promise.catch(() => undefined);
}, 60_000);

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

async function expectHello(url: string, target: Target): Promise<void> {
  const response = await fetch(`${url}/hello/${target}`);
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ hello: target });
}

const STARTS: Record<Exclude<Target, 'aws-lambda'>, { args: string[]; ready: RegExp }> = {
  server: { args: ['start'], ready: LISTENING },
  express: { args: ['start'], ready: LISTENING },
  deno: { args: ['start'], ready: LISTENING },
  bun: { args: ['start'], ready: LISTENING },
  'cloudflare-workers': { args: ['start', '--', '--ip', '127.0.0.1', '--port', '0', '--inspector-port', '0'], ready: /Ready on (http:\/\/\S+)/ },
};

describe('docs/getting-started.md', () => {
  it('shows the commands the server template is put through here', () => {
    expect(documented?.[2]).toBe('--template server');
    expect(steps).toEqual([`cd ${documented?.[1] ?? ''}`, 'npm install', 'npm test', 'npm start']);
  });
});

describe.each(TARGET_NAMES)('the %s template', (target) => {
  const cwd = projectOf(target);

  beforeAll(async () => {
    await installs.get(target);
  }, 300_000);

  it('passes its own tests', async () => {
    const result = expectSuccess(`npm test (${target})`, await run('npm', ['test'], { cwd, env, timeoutMs: 60_000 }));
    expect(result.stdout).toMatch(/Tests\s+5 passed/);
  }, 70_000);

  it('type-checks', async () => {
    expectSuccess(`npm run typecheck (${target})`, await run('npm', ['run', 'typecheck'], { cwd, env, timeoutMs: 90_000 }));
  }, 100_000);

  if (target === 'aws-lambda') {
    it('builds a bundle that answers an HTTP API event', async () => {
      expectSuccess('npm run build', await run('npm', ['run', 'build'], { cwd, env, timeoutMs: 60_000 }));
      const result = expectSuccess('npm run invoke', await run('npm', ['run', '--silent', 'invoke'], { cwd, env, timeoutMs: 30_000 }));
      const answer = JSON.parse(result.stdout) as { statusCode: number; headers: Record<string, string>; body: string };
      expect(answer.statusCode).toBe(200);
      expect(answer.headers['content-type']).toBe('application/json');
      expect(JSON.parse(answer.body)).toEqual({ hello: 'lambda' });
    }, 100_000);
  } else {
    it('starts and answers on 127.0.0.1', async () => {
      const { args, ready } = STARTS[target];
      let server: Started | undefined;
      try {
        server = await start('npm', args, { cwd, env: { ...env, PORT: '0' }, ready, timeoutMs: 60_000 });
        expect(new URL(server.url).hostname).toBe('127.0.0.1');
        await expectHello(server.url, target);
      } finally {
        await server?.stop();
      }
    }, 90_000);
  }
});
