// The ceiling: a raw node:http handler doing the least that is still correct.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { JSON_MESSAGE, PARAM_PREFIX, PLAINTEXT, STREAM_CHUNK, STREAM_CHUNKS } from '../payloads.js';
import { listenForBench } from './listen.js';

function echo(req: IncomingMessage, res: ServerResponse): void {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const body = Buffer.concat(chunks);
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': body.length });
    res.end(body);
  });
}

function handle(req: IncomingMessage, res: ServerResponse): void {
  const url = req.url ?? '/';
  if (url === '/plaintext') {
    res.writeHead(200, { 'content-type': 'text/plain', 'content-length': Buffer.byteLength(PLAINTEXT) });
    res.end(PLAINTEXT);
  } else if (url === '/json') {
    const body = JSON.stringify(JSON_MESSAGE);
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  } else if (url.startsWith(PARAM_PREFIX) && req.method === 'GET') {
    const body = `user ${url.slice(PARAM_PREFIX.length)}`;
    res.writeHead(200, { 'content-type': 'text/plain', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  } else if (url === '/echo' && req.method === 'POST') {
    echo(req, res);
  } else if (url === '/stream') {
    res.writeHead(200, { 'content-type': 'application/octet-stream' });
    for (let i = 0; i < STREAM_CHUNKS; i++) res.write(STREAM_CHUNK);
    res.end();
  } else {
    res.writeHead(404, { 'content-length': 0 });
    res.end();
  }
}

listenForBench(createServer(handle));
