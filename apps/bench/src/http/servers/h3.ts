// h3 1.x (the line that runs on Node 20) through toNodeListener.
import { createServer } from 'node:http';
import { Readable } from 'node:stream';
import { createApp, createRouter, defineEventHandler, getRouterParam, readRawBody, sendStream, setResponseHeader, toNodeListener } from 'h3';
import { JSON_MESSAGE, PLAINTEXT, STREAM_CHUNK, STREAM_CHUNKS } from '../payloads.js';
import { listenForBench } from './listen.js';

const router = createRouter()
  .get(
    '/plaintext',
    defineEventHandler((event) => {
      setResponseHeader(event, 'content-type', 'text/plain');
      return PLAINTEXT;
    }),
  )
  .get(
    '/json',
    defineEventHandler(() => JSON_MESSAGE),
  )
  .get(
    '/users/:id',
    defineEventHandler((event) => {
      setResponseHeader(event, 'content-type', 'text/plain');
      return `user ${getRouterParam(event, 'id')}`;
    }),
  )
  .post(
    '/echo',
    defineEventHandler(async (event) => {
      const body = await readRawBody(event, false);
      setResponseHeader(event, 'content-type', 'application/octet-stream');
      return body;
    }),
  )
  .get(
    '/stream',
    defineEventHandler((event) => {
      setResponseHeader(event, 'content-type', 'application/octet-stream');
      return sendStream(event, Readable.from(Array.from({ length: STREAM_CHUNKS }, () => Buffer.from(STREAM_CHUNK))));
    }),
  );

const app = createApp();
app.use(router);
listenForBench(createServer(toNodeListener(app)));
