// Cold import time: a fresh Node process imports the package once; the time around the dynamic
// import() is what an app's startup pays for it.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { BENCH_DIR } from '../paths.js';
import { pinned, type Tools } from '../env/tools.js';

const run = promisify(execFile);

/** Milliseconds to import `name` in a new process (run from apps/bench so it resolves). */
export async function coldImportMs(tools: Tools, name: string): Promise<number> {
  const script = `const t = performance.now(); await import(${JSON.stringify(name)}); process.stdout.write(String(performance.now() - t));`;
  const command = pinned(tools, 'server', { file: process.execPath, args: ['--input-type=module', '-e', script] });
  const { stdout } = await run(command.file, command.args, { cwd: BENCH_DIR, timeout: 60_000 });
  const ms = Number(stdout.trim());
  if (!Number.isFinite(ms)) throw new Error(`importing ${name} printed ${JSON.stringify(stdout)}`);
  return ms;
}
