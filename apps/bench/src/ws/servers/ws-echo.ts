// The ceiling: a raw `ws` echo server on node:http (which also answers plain GETs for the readiness
// probe).
import { createServer } from 'node:http';
import { WebSocketServer } from 'ws';
import { listenForBench } from '../../http/servers/listen.js';

const server = createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'text/plain', 'content-length': 2 });
  res.end('ok');
});
const wss = new WebSocketServer({ server, perMessageDeflate: false });
wss.on('connection', (socket) => {
  socket.on('message', (data, isBinary) => socket.send(data, { binary: isBinary }));
});
listenForBench(server);
