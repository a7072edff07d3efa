// The WebSocket load client, run as its own process on the load core:
//   node client.js echo PORT CLIENTS SECONDS  → N connections ping-pong 64-byte messages; prints
//                                               {"messages":…, "seconds":…}
//   node client.js idle PORT CONNECTIONS      → opens N idle connections, prints {"open":N}, then
//                                               waits for a line on stdin and closes them.
import { once } from 'node:events';
import WebSocket from 'ws';

const MESSAGE = 'x'.repeat(64);
const OPEN_AT_ONCE = 200;

function open(port: number): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${port}/ws`, { perMessageDeflate: false });
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
  });
}

async function openMany(port: number, count: number): Promise<WebSocket[]> {
  const sockets: WebSocket[] = [];
  // In waves, so the listen backlog never overflows and no SYN is retried after a second.
  while (sockets.length < count) {
    const wave = Math.min(OPEN_AT_ONCE, count - sockets.length);
    sockets.push(...(await Promise.all(Array.from({ length: wave }, () => open(port)))));
  }
  return sockets;
}

async function echo(port: number, clients: number, seconds: number): Promise<void> {
  const sockets = await openMany(port, clients);
  let messages = 0;
  let running = true;
  for (const socket of sockets) {
    socket.on('message', () => {
      messages++;
      if (running) socket.send(MESSAGE);
    });
  }
  // Warm both sides up for a fifth of the run before counting.
  for (const socket of sockets) socket.send(MESSAGE);
  await new Promise((resolve) => setTimeout(resolve, (seconds * 1000) / 5));
  messages = 0;
  const start = process.hrtime.bigint();
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  const counted = messages;
  const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  running = false;
  process.stdout.write(`${JSON.stringify({ messages: counted, seconds: elapsed })}\n`);
  for (const socket of sockets) socket.terminate();
}

async function idle(port: number, count: number): Promise<void> {
  const sockets = await openMany(port, count);
  process.stdout.write(`${JSON.stringify({ open: sockets.length })}\n`);
  process.stdin.resume();
  await once(process.stdin, 'data');
  for (const socket of sockets) socket.terminate();
  process.exit(0);
}

const [mode, port, count, seconds] = process.argv.slice(2);
const run = mode === 'echo' ? echo(Number(port), Number(count), Number(seconds)) : idle(Number(port), Number(count));
run.then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
