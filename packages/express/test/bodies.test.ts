// The app reads the body exactly as sent: from the stream when it comes first, from bytes a parser
// kept, and never silently empty after a parser that kept nothing.
import type { IncomingMessage } from 'node:http';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EXPRESS_MESSAGES, tsgi } from '../src/index.js';
import { REPORT_APPS, type Seen } from './support/report-apps.js';
import { EXPRESS_MAJORS, INTERFACES, serve, type Running } from './support/serve.js';

let running: Running | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

// Spaces and key order a JSON parser would not keep: only the raw bytes round-trip.
const RAW_JSON = '{ "b": 2,   "a": [1, 2] }';
const json = new TextEncoder().encode(RAW_JSON);
const jsonHeaders: Array<[string, string]> = [['content-type', 'application/json']];

const keepRaw = (req: IncomingMessage & { rawBody?: Buffer }, _res: unknown, buf: Buffer): void => {
  req.rawBody = buf;
};

async function post(body: Uint8Array, headers = jsonHeaders): Promise<{ status: number; text: string }> {
  const res = await running!.request({ method: 'POST', target: '/api/echo', headers, body });
  return { status: res.status, text: Buffer.from(res.body).toString('utf8') };
}

describe.each(EXPRESS_MAJORS)('%s', (_major, express) => {
  describe.each(INTERFACES)('a %s app', (kind) => {
    it('reads the request stream when mounted before any body parser', async () => {
      const app = express();
      app.use('/api', tsgi(REPORT_APPS[kind]));
      app.use(express.json());
      running = await serve(app);
      const res = await post(json);
      expect((JSON.parse(res.text) as Seen).body).toBe(RAW_JSON);
    });

    it("reads the bytes a parser's verify hook kept in req.rawBody", async () => {
      const app = express();
      app.use(express.json({ verify: keepRaw }));
      app.use('/api', tsgi(REPORT_APPS[kind]));
      running = await serve(app);
      const res = await post(json);
      expect((JSON.parse(res.text) as Seen).body).toBe(RAW_JSON);
    });

    it('reads the Buffer express.raw() leaves in req.body', async () => {
      const app = express();
      app.use(express.raw({ type: '*/*' }));
      app.use('/api', tsgi(REPORT_APPS[kind]));
      running = await serve(app);
      const res = await post(json);
      expect((JSON.parse(res.text) as Seen).body).toBe(RAW_JSON);
    });

    it('reads the stream when a parser skipped a body of another type', async () => {
      const app = express();
      app.use(express.json());
      app.use('/api', tsgi(REPORT_APPS[kind]));
      running = await serve(app);
      const res = await post(new TextEncoder().encode('plain words'), [['content-type', 'text/plain']]);
      expect((JSON.parse(res.text) as Seen).body).toBe('plain words');
    });

    it('serves a bodiless request after a parser ran', async () => {
      const app = express();
      app.use(express.json());
      app.use('/api', tsgi(REPORT_APPS[kind]));
      running = await serve(app);
      expect((await running.get('/api/x')).status).toBe(200);
    });

    it('answers 500 telling to mount before the parser when the bytes were not kept', async () => {
      const log = vi.fn();
      const app = express();
      app.use(express.json());
      app.use('/api', tsgi(REPORT_APPS[kind], { log }));
      running = await serve(app);
      const res = await post(json);
      expect(res.status).toBe(500);
      expect(res.text).toBe(`${EXPRESS_MESSAGES.bodyConsumed('POST', '/api/echo')}\n`);
      expect(log).toHaveBeenCalledWith('error', EXPRESS_MESSAGES.bodyConsumed('POST', '/api/echo'), expect.objectContaining({ name: 'MountError' }));
    });

    it('answers 500 when a parser inflated a compressed body, whose raw bytes are gone', async () => {
      const log = vi.fn();
      const app = express();
      app.use(express.json({ verify: keepRaw }));
      app.use('/api', tsgi(REPORT_APPS[kind], { log }));
      running = await serve(app);
      const res = await post(gzipSync(json), [...jsonHeaders, ['content-encoding', 'gzip']]);
      expect(res.status).toBe(500);
      expect(res.text).toBe(`${EXPRESS_MESSAGES.bodyDecoded('POST', '/api/echo', 'gzip')}\n`);
    });
  });
});
