// A child Node process spoken to one message at a time over IPC (used by the router micro-benchmarks).
import { spawn, type ChildProcess } from 'node:child_process';
import { pinned, type Tools } from '../env/tools.js';

/** A worker that answers each request with one message. */
export interface IpcWorker<Request, Reply> {
  /** The first message the worker sends on its own. */
  first(): Promise<Reply>;
  request(message: Request): Promise<Reply>;
  stop(): Promise<void>;
}

/** Starts `node file ...args` with an IPC channel, pinned to the server core. */
export function startIpcWorker<Request, Reply>(tools: Tools, file: string, args: readonly string[]): IpcWorker<Request, Reply> {
  const command = pinned(tools, 'server', { file: process.execPath, args: [file, ...args] });
  const child: ChildProcess = spawn(command.file, command.args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const next = () =>
    new Promise<Reply>((resolve, reject) => {
      const onMessage = (message: Reply) => {
        child.off('exit', onExit);
        resolve(message);
      };
      const onExit = (code: number | null) => {
        child.off('message', onMessage);
        reject(new Error(`${file} exited (${code}) without answering`));
      };
      child.once('message', onMessage);
      child.once('exit', onExit);
    });
  return {
    first: next,
    request(message) {
      const reply = next();
      child.send(message as object);
      return reply;
    },
    async stop() {
      if (child.exitCode == null && child.signalCode == null) child.kill('SIGTERM');
      await exited;
    },
  };
}
