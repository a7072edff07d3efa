#!/usr/bin/env node
// The `create-tsgi` executable (`npm create tsgi`, `pnpm create tsgi`): wires the process into runCli.
import { runCli } from './run-cli.js';

process.exitCode = await runCli({
  argv: process.argv.slice(2),
  cwd: process.cwd(),
  env: process.env,
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  interactive: process.stdin.isTTY === true && process.stdout.isTTY === true,
});
