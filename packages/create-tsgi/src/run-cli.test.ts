import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { USAGE } from './args.js';
import { MESSAGES, NAME_RULES } from './messages.js';
import { DEFAULT_DIRECTORY, runCli } from './run-cli.js';

let cwd: string;
beforeEach(() => {
  cwd = mkdtempSync(join(tmpdir(), 'create-tsgi-cli-'));
});
afterEach(() => {
  rmSync(cwd, { recursive: true, force: true });
});

// Runs the command with `typed` as everything the user types, as a pipe would deliver it.
async function cli(argv: string[], typed = '', userAgent?: string) {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  stdin.end(typed);
  const code = await runCli({ argv, cwd, env: userAgent ? { npm_config_user_agent: userAgent } : {}, stdin, stdout, stderr });
  return { code, out, err };
}
const manifestIn = (folder: string) => JSON.parse(readFileSync(join(cwd, folder, 'package.json'), 'utf8')) as { name: string; dependencies: Record<string, string> };

describe('runCli', () => {
  it('asks for the name and the target, then writes the project and shows progress and next steps', async () => {
    const { code, out, err } = await cli([], 'shop\n3\n');
    expect({ code, err }).toEqual({ code: 0, err: '' });
    expect(out).toContain('Project name (my-tsgi-app): shop');
    expect(out).toContain('Creating shop (aws-lambda) in shop/');
    expect(out).toContain('  + src/handler.ts');
    expect(out).toMatch(/Next steps:\n {2}cd shop\n {2}npm install\n {2}npm run test\n {2}npm run invoke\n$/);
    expect(manifestIn('shop').dependencies).toHaveProperty('@tsgi/aws-lambda');
  });

  it('asks nothing with a folder and --template', async () => {
    const { code, out } = await cli(['api', '--template', 'express']);
    expect(code).toBe(0);
    expect(out).not.toContain('Project name');
    expect(out).not.toContain('Where will it run?');
    expect(manifestIn('api').dependencies).toHaveProperty('@tsgi/express');
  });

  it('takes every default with --yes', async () => {
    const { code, out } = await cli(['--yes']);
    expect(code).toBe(0);
    expect(out).toContain(`Creating ${DEFAULT_DIRECTORY} (server)`);
    expect(manifestIn(DEFAULT_DIRECTORY).name).toBe(DEFAULT_DIRECTORY);
  });

  it('asks only for the target when the folder is given', async () => {
    const { code, out } = await cli(['edge'], 'cloudflare-workers\n');
    expect(code).toBe(0);
    expect(out).not.toContain('Project name');
    expect(existsSync(join(cwd, 'edge', 'wrangler.toml'))).toBe(true);
  });

  it('writes into the current folder for "." and names the project after it', async () => {
    const here = join(cwd, 'here-app');
    mkdirSync(here);
    const stdin = new PassThrough();
    stdin.end();
    const stdout = new PassThrough();
    stdout.resume();
    const code = await runCli({ argv: ['.', '-t', 'deno'], cwd: here, env: {}, stdin, stdout, stderr: new PassThrough() });
    expect(code).toBe(0);
    expect((JSON.parse(readFileSync(join(here, 'package.json'), 'utf8')) as { name: string }).name).toBe('here-app');
  });

  it('speaks pnpm when pnpm runs it', async () => {
    const { out } = await cli(['shop', '-t', 'server'], '', 'pnpm/10.34.9 npm/? node/v20.20.2 linux x64');
    expect(out).toMatch(/pnpm install\n {2}pnpm test\n {2}pnpm start\n$/);
    expect(readFileSync(join(cwd, 'shop', 'README.md'), 'utf8')).toContain('pnpm start');
  });

  it('refuses a non-empty folder with exit 1 before asking for a target', async () => {
    mkdirSync(join(cwd, 'shop'));
    writeFileSync(join(cwd, 'shop', 'index.js'), '');
    const { code, out, err } = await cli(['shop'], 'server\n');
    expect(code).toBe(1);
    expect(err).toBe(`create-tsgi: ${MESSAGES.notEmpty('shop', ['index.js'])}\n`);
    expect(out).not.toContain('Where will it run?');
    expect(readFileSync(join(cwd, 'shop', 'index.js'), 'utf8')).toBe('');
  });

  it('refuses an invalid folder name with exit 2', async () => {
    const { code, err } = await cli(['Shop', '--yes']);
    expect(code).toBe(2);
    expect(err).toBe(`create-tsgi: ${MESSAGES.invalidName('Shop', [NAME_RULES.uppercase])}\n`);
    expect(existsSync(join(cwd, 'Shop'))).toBe(false);
  });

  it('refuses an unknown template with exit 2', async () => {
    const { code, err } = await cli(['shop', '--template', 'vercel']);
    expect(code).toBe(2);
    expect(err).toContain(MESSAGES.unknownTarget('vercel'));
  });

  it('exits 1 when stdin closes before the questions are answered', async () => {
    const { code, err } = await cli([], 'shop\n');
    expect(code).toBe(1);
    expect(err).toBe(`create-tsgi: ${MESSAGES.cancelled}\n`);
    expect(existsSync(join(cwd, 'shop'))).toBe(false);
  });

  it('prints the usage for --help', async () => {
    const { code, out } = await cli(['--help']);
    expect(code).toBe(0);
    expect(out).toBe(USAGE);
  });

  it('prints its version for --version', async () => {
    const { code, out } = await cli(['-V']);
    expect(code).toBe(0);
    expect(out).toMatch(/^\d+\.\d+\.\d+/);
  });
});
