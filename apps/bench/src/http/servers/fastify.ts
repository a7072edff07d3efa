// fastify 5 with its defaults (no schemas), as most apps run it.
import { Readable } from 'node:stream';
import Fastify from 'fastify';
import { JSON_MESSAGE, PLAINTEXT, STREAM_CHUNK, STREAM_CHUNKS } from '../payloads.js';
import { benchPort } from './listen.js';

const app = Fastify({ logger: false });
// fastify parses only JSON and text by default; raw bytes need a parser.
app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
app.get('/plaintext', (_req, reply) => reply.type('text/plain').send(PLAINTEXT));
app.get('/json', () => JSON_MESSAGE);
app.get<{ Params: { id: string } }>('/users/:id', (req, reply) => reply.type('text/plain').send(`user ${req.params.id}`));
app.post('/echo', (req, reply) => reply.type('application/octet-stream').send(req.body));
app.get('/stream', (_req, reply) =>
  reply.type('application/octet-stream').send(Readable.from(Array.from({ length: STREAM_CHUNKS }, () => Buffer.from(STREAM_CHUNK)))),
);

await app.listen({ port: benchPort(), host: '127.0.0.1' });
process.once('SIGTERM', () => process.exit(0));
