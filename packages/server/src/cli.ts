#!/usr/bin/env node
// The `tsgi` executable: wires the real process into runCli.
import { runCli } from './cli/run.js';
import { guardProcessOutput } from './logging/closed-output.js';

guardProcessOutput();

const signal = new Promise<string>((resolve) => {
  for (const name of ['SIGINT', 'SIGTERM'] as const) process.once(name, () => resolve(name));
});

const code = await runCli({
  argv: process.argv.slice(2),
  env: process.env,
  cwd: process.cwd(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  signal,
});
process.exit(code);
