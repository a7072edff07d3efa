// One real Express server per test on 127.0.0.1:0, with the conformance client for exact targets.
import { createHttpClient, type HttpClient } from '@tsgi/conformance/node';
import type express from 'express';
import express5 from 'express';
import express4 from 'express4';
import { createServer, type RequestListener, type Server } from 'node:http';
import { closeServer, listen } from './listen.js';

/** Both Express majors, for describe.each. */
export const EXPRESS_MAJORS: Array<[string, typeof express]> = [
  ['express 5', express5],
  ['express 4', express4],
];

/** Both interfaces, for describe.each. */
export const INTERFACES = ['sync', 'async'] as const;

/** A listening server and a client for it. */
export interface Running {
  server: Server;
  url: string;
  request: HttpClient;
  /** GET `target`; resolves with status and body text. */
  get(target: string, headers?: Array<[string, string]>): Promise<{ status: number; text: string; headers: Array<[string, string]> }>;
  close(): Promise<void>;
}

/** Listens with `listener` (an Express app) and returns a client; `close()` it in finally/afterEach. */
export async function serve(listener: RequestListener | Server): Promise<Running> {
  const server = typeof listener === 'function' ? createServer(listener) : listener;
  const url = await listen(server);
  const request = createHttpClient(url);
  return {
    server,
    url,
    request,
    async get(target, headers = []) {
      const res = await request({ method: 'GET', target, headers });
      return { status: res.status, text: Buffer.from(res.body).toString('utf8'), headers: res.headers };
    },
    close: () => closeServer(server),
  };
}

/** The value of a response header, or undefined. */
export const header = (headers: Array<[string, string]>, name: string): string | undefined => headers.find(([n]) => n === name)?.[1];
