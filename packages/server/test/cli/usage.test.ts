// The `tsgi` bin's usage surface: help, version, and one clear line plus exit 2 for bad input.
import { describe, expect, it } from 'vitest';
import { CONFIG_MESSAGES, OPTIONS } from '../../src/index.js';
import { runCli } from '../support/cli-process.js';

describe('tsgi --help', () => {
  it('documents every option with its default and environment variables', async () => {
    const { code, stdout } = await runCli(['--help']);
    expect(code).toBe(0);
    for (const option of OPTIONS) {
      expect(stdout).toContain(option.flag);
      expect(stdout).toContain(`[default: ${option.shown}; env: ${option.env.join(', ')}]`);
    }
    expect(stdout).toContain('Usage: tsgi serve MODULE[:EXPORT]');
  });

  it('prints the version', async () => {
    const { code, stdout } = await runCli(['--version']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^tsgi \d+\.\d+\.\d+/);
  });
});

describe.concurrent('bad input', () => {
  it.each([
    [['serve', 'echo.ts', '--port', 'eighty'], CONFIG_MESSAGES.notInteger('--port', 'eighty', 0, 65535)],
    [['serve', 'echo.ts', '--limit-body', '10 parsecs'], CONFIG_MESSAGES.notBytes('--limit-body', '10 parsecs')],
    [['serve', 'echo.ts', '--timeout-keep-alive', '-1'], CONFIG_MESSAGES.notSeconds('--timeout-keep-alive', '-1')],
    [['serve', 'echo.ts', '--lifespan', 'sometimes'], CONFIG_MESSAGES.notChoice('--lifespan', 'sometimes', ['auto', 'on', 'off'])],
    [['serve', 'echo.ts', '--forwarded-allow-ips', '10.0.0.0/99'], CONFIG_MESSAGES.notAddress('--forwarded-allow-ips', '10.0.0.0/99')],
    [['serve', 'echo.ts', '--http2=perhaps'], CONFIG_MESSAGES.notBoolean('--http2', 'perhaps')],
    [['serve', 'echo.ts', '--prot', '80'], CONFIG_MESSAGES.unknownOption('--prot', '--port')],
    [['serve', 'echo.ts', '--ssl-keyfile', 'key.pem'], CONFIG_MESSAGES.sslPair],
    [['serve'], CONFIG_MESSAGES.missingApp],
    [['start', 'echo.ts'], CONFIG_MESSAGES.unknownCommand('start')],
    [['serve', 'missing.ts'], 'missing.ts not found'],
    [['serve', 'echo.ts:nothing'], "echo.ts exports no 'nothing' (found: app)"],
  ])('tsgi %j exits 2 with one line saying why', async (args, message) => {
    const { code, stderr } = await runCli(args);
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain(message);
  });

  it('names the environment variable a bad value came from', async () => {
    const { code, stderr } = await runCli(['serve', 'echo.ts'], { env: { TSGI_PORT: 'x' } });
    expect(code).toBe(2);
    expect(stderr.trim()).toBe(`tsgi: ${CONFIG_MESSAGES.fromEnv('TSGI_PORT', CONFIG_MESSAGES.notInteger('--port', 'x', 0, 65535))}`);
  });
});
