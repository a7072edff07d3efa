import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CONFIG_MESSAGES } from './messages.js';
import { createConfig, resolveCommand } from './resolve-config.js';

const directory = mkdtempSync(join(tmpdir(), 'tsgi-config-test-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const serve = (argv: string[], env: Record<string, string> = {}) => {
  const command = resolveCommand(['serve', 'app.ts', ...argv], env);
  if (command.command !== 'serve') throw new Error('expected serve');
  return command;
};

describe('resolveCommand', () => {
  it('fills defaults and freezes the config', () => {
    const { config } = serve([]);
    expect(config).toMatchObject({ app: 'app.ts', host: '127.0.0.1', port: 8000, limitBody: 10 * 1024 * 1024, lifespan: 'auto' });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('takes --flag value, --flag=value, --flag and --no-flag', () => {
    const { config } = serve(['--port', '9000', '--root-path=/api/', '--http2', '--no-server-header', '--limit-body', '2m']);
    expect(config).toMatchObject({ port: 9000, rootPath: '/api', http2: true, serverHeader: false, limitBody: 2 * 1024 * 1024 });
  });

  it("accepts gunicorn's --graceful-timeout as another spelling of --timeout-graceful-shutdown", () => {
    expect(serve(['--graceful-timeout', '7']).config.timeoutGracefulShutdown).toBe(7);
    expect(serve(['--graceful-timeout=3']).config.timeoutGracefulShutdown).toBe(3);
  });

  it('ranks the command line over TSGI_* over the env file over PORT-style fallbacks', () => {
    const envFile = join(directory, 'app.env');
    writeFileSync(envFile, 'TSGI_LOG_LEVEL=debug\nTSGI_HOST=0.0.0.0\nTSGI_ROOT_PATH=/file\nAPP_SECRET=s3cret\n');
    const { config, envFileVars } = serve(['--env-file', envFile, '--root-path', '/cli'], { TSGI_HOST: '::', PORT: '7000' });
    expect(config).toMatchObject({ rootPath: '/cli', host: '::', logLevel: 'debug', port: 7000 });
    expect(envFileVars.APP_SECRET).toBe('s3cret');
    expect(serve([], { TSGI_PORT: '7001', PORT: '7000' }).config.port).toBe(7001);
  });

  it('reads help and version requests', () => {
    expect(resolveCommand([], {})).toEqual({ command: 'help' });
    expect(resolveCommand(['serve', 'app.ts', '--help'], {})).toEqual({ command: 'help' });
    expect(resolveCommand(['--version'], {})).toEqual({ command: 'version' });
  });

  it('takes the app after --', () => {
    expect(resolveCommand(['serve', '--port', '1', '--', '--odd-name.ts'], {})).toMatchObject({ config: { app: '--odd-name.ts' } });
  });

  it('throws one clear message per mistake', () => {
    expect(() => serve(['--port'])).toThrow(CONFIG_MESSAGES.missingValue('--port'));
    expect(() => serve(['--no-port'])).toThrow(CONFIG_MESSAGES.unknownOption('--no-port'));
    expect(() => serve(['--env-file', join(directory, 'absent.env')])).toThrow(/--env-file cannot read .*ENOENT/);
    expect(() => resolveCommand(['serve', 'a.ts', 'b.ts'], {})).toThrow(CONFIG_MESSAGES.extraArgument('b.ts'));
  });
});

describe('createConfig', () => {
  it('completes a partial config for serve()', () => {
    expect(createConfig({ port: 0 })).toMatchObject({ port: 0, host: '127.0.0.1', app: undefined });
  });
});
