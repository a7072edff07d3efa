// The demo's end-to-end suite: one set of tests every target runs over real HTTP on 127.0.0.1. A
// target declares what it cannot do (DemoTarget.unsupported); those tests show as skipped, titled
// with the reason, never left out silently.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MESSAGES } from '../src/errors.js';
import { joinChat } from './support/chat-client.js';
import type { DemoFeature, DemoTarget, RunningDemo } from './support/demo-target.js';
import { readSse } from './support/sse-reader.js';

export type { DemoFeature, DemoTarget, RunningDemo } from './support/demo-target.js';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

type Note = { id: string; title: string; body: string; createdAt: string; updatedAt: string };

/**
 * Registers the suite for one target: the demo starts once in beforeAll and stops in afterAll.
 * `more` registers a target's own tests inside the same block, with the running demo at hand.
 *
 * @example
 * describeDemo({ name: 'bun', start: () => startDemoProcess({ ... }) });
 * describeDemo(expressTarget, (demo) => it('serves the native route', () => fetch(demo().baseUrl)));
 */
export function describeDemo(target: DemoTarget, more?: (demo: () => RunningDemo) => void): void {
  let running: RunningDemo | undefined;
  const demo = (): RunningDemo => {
    if (running === undefined) throw new Error(`the demo on ${target.name} is not running`);
    return running;
  };
  const url = (path: string) => new URL(path, demo().baseUrl);
  // The path the app is mounted at: '' at the root, '/demo' under Express.
  const mount = () => new URL(demo().baseUrl).pathname.replace(/\/$/, '');
  const sendJson = (method: string, path: string, body: unknown) =>
    fetch(url(path), { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const needs = (feature: DemoFeature, title: string, test: () => Promise<void>) => {
    const reason = target.unsupported?.[feature];
    if (reason === undefined) it(title, test);
    else it.skip(`${title} [not on ${target.name}: ${reason}]`, () => undefined);
  };

  describe(`the demo on ${target.name}`, () => {
    beforeAll(async () => {
      running = await target.start();
    });
    afterAll(async () => {
      if (running === undefined) return;
      await running.stop();
      // Nothing may keep listening: a runtime left behind by its launcher would still answer here.
      await expect(fetch(running.baseUrl)).rejects.toThrow();
    });

    describe('the page', () => {
      it('serves the page, its script and its stylesheet with their types', async () => {
        const page = await fetch(url(''));
        expect(page.status).toBe(200);
        expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
        const html = await page.text();
        expect(html).toContain('<title>tsgi demo</title>');
        expect(html).toContain('src="app.js"');
        const script = await fetch(url('app.js'));
        expect(script.status).toBe(200);
        expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
        expect(await script.text()).toContain("new EventSource(api('api/notes/events'))");
        const style = await fetch(url('style.css'));
        expect(style.headers.get('content-type')).toMatch(/^text\/css/);
      });

      it('answers a GET with a matching ETag with 304 and no body', async () => {
        const first = await fetch(url('style.css'));
        const etag = first.headers.get('etag');
        expect(etag).toBeTruthy();
        await first.arrayBuffer();
        const again = await fetch(url('style.css'), { headers: { 'if-none-match': etag as string } });
        expect(again.status).toBe(304);
        expect(await again.text()).toBe('');
      });

      it('answers 404 for a missing file and for a path that climbs out of public/', async () => {
        const missing = await fetch(url('nope.txt'));
        expect(missing.status).toBe(404);
        await missing.arrayBuffer();
        const climbing = await fetch(url('..%2Fpackage.json'));
        expect(climbing.status).toBe(404);
        expect(await climbing.text()).not.toContain('@tsgi/demo');
      });
    });

    describe('the notes API', () => {
      it('creates, lists, reads, updates and deletes a note', async () => {
        const created = await sendJson('POST', 'api/notes', { title: '  Groceries  ', body: 'eggs' });
        expect(created.status).toBe(201);
        const note = (await created.json()) as Note;
        expect(note).toMatchObject({ title: 'Groceries', body: 'eggs' });
        expect(created.headers.get('location')).toBe(`${mount()}/api/notes/${note.id}`);

        const list = (await (await fetch(url('api/notes'))).json()) as { notes: Note[] };
        expect(list.notes).toContainEqual(note);
        expect(await (await fetch(url(`api/notes/${note.id}`))).json()).toEqual(note);

        const updated = await sendJson('PATCH', `api/notes/${note.id}`, { body: 'eggs, milk' });
        expect(updated.status).toBe(200);
        expect(await updated.json()).toMatchObject({ id: note.id, title: 'Groceries', body: 'eggs, milk' });

        const deleted = await fetch(url(`api/notes/${note.id}`), { method: 'DELETE' });
        expect(deleted.status).toBe(204);
        const gone = await fetch(url(`api/notes/${note.id}`));
        expect(gone.status).toBe(404);
        expect(await gone.json()).toEqual({ error: MESSAGES.noSuchNote(note.id) });
      });

      it('answers 422 naming every rule a new note breaks', async () => {
        const res = await sendJson('POST', 'api/notes', { titel: 'typo', body: 7 });
        expect(res.status).toBe(422);
        expect(res.headers.get('content-type')).toBe('application/json');
        const { issues } = (await res.json()) as { issues: Array<{ field: string; message: string }> };
        expect(issues).toEqual([
          { field: 'titel', message: MESSAGES.unknownField('titel') },
          { field: 'title', message: MESSAGES.titleRequired },
          { field: 'body', message: MESSAGES.bodyType },
        ]);
      });

      it('answers 400 for a body that is not JSON, and 415 for one not sent as JSON', async () => {
        const broken = await fetch(url('api/notes'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"title":' });
        expect(broken.status).toBe(400);
        expect(((await broken.json()) as { error: string }).error).toMatch(/^Request body is not valid JSON/);
        const form = await fetch(url('api/notes'), { method: 'POST', body: new URLSearchParams({ title: 'x' }) });
        expect(form.status).toBe(415);
        expect(await form.json()).toEqual({ error: MESSAGES.notJson('application/x-www-form-urlencoded;charset=UTF-8') });
      });

      it('answers 404 naming the id when a note to change does not exist', async () => {
        const res = await sendJson('PATCH', 'api/notes/no-such-id', { title: 'x' });
        expect(res.status).toBe(404);
        expect(await res.json()).toEqual({ error: MESSAGES.noSuchNote('no-such-id') });
      });

      it('answers 405 with Allow for a method the path does not take', async () => {
        const res = await fetch(url('api/notes'), { method: 'PUT' });
        expect(res.status).toBe(405);
        expect(res.headers.get('allow')).toBe('GET, HEAD, POST, OPTIONS');
        expect(await res.json()).toEqual({ error: MESSAGES.methodNotAllowed('PUT', `${mount()}/api/notes`, 'GET, HEAD, POST, OPTIONS') });
      });
    });

    describe('the upload', () => {
      it('reports the name, type, size and SHA-256 of an uploaded file', async () => {
        const bytes = new Uint8Array(300_000).map((_, i) => (i * 31) % 256);
        const form = new FormData();
        form.append('file', new Blob([bytes], { type: 'application/x-demo' }), 'pattern.bin');
        const res = await fetch(url('api/upload'), { method: 'POST', body: form });
        expect(res.status).toBe(200);
        expect(await res.json()).toEqual({
          name: 'pattern.bin',
          type: 'application/x-demo',
          size: bytes.length,
          sha256: sha256(bytes),
        });
      });

      it('answers 415 for a body that is not multipart, and 422 for a form without a file', async () => {
        const plain = await fetch(url('api/upload'), { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hi' });
        expect(plain.status).toBe(415);
        expect(await plain.json()).toEqual({ error: MESSAGES.notMultipart('text/plain') });
        const form = new FormData();
        form.append('file', 'just text, not a file');
        const noFile = await fetch(url('api/upload'), { method: 'POST', body: form });
        expect(noFile.status).toBe(422);
        expect(await noFile.json()).toMatchObject({ error: MESSAGES.noFile });
      });
    });

    describe('server-sent events', () => {
      it('sends clock ticks as events and ends the stream after ?limit of them', async () => {
        const res = await fetch(url('api/clock?limit=3&interval=10'));
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
        expect(res.headers.get('cache-control')).toBe('no-cache');
        const events = await readSse(res).rest();
        expect(events.map((e) => [e.event, e.id, (JSON.parse(e.data) as { n: number }).n])).toEqual([
          ['tick', '1', 1],
          ['tick', '2', 2],
          ['tick', '3', 3],
        ]);
      });

      it('answers 400 naming the rule for a limit that is not a whole number in range', async () => {
        const res = await fetch(url('api/clock?limit=lots'));
        expect(res.status).toBe(400);
        expect(await res.json()).toEqual({ error: MESSAGES.badInteger('limit', 1, 1000) });
      });

      needs('streaming', 'delivers each tick when it happens, not all at the end', async () => {
        const events = readSse(await fetch(url('api/clock?limit=2&interval=600')));
        expect((await events.next()).id).toBe('1');
        // The second tick is 600 ms away: had the body been buffered, both would arrive together.
        expect(events.chunks.join('')).not.toContain('id: 2');
        expect((await events.next()).id).toBe('2');
      });

      needs('live-events', 'sends note changes to a subscribed client as they happen', async () => {
        const feed = readSse(await fetch(url('api/notes/events?limit=2')));
        await feed.waitFor(': connected');
        const note = (await (await sendJson('POST', 'api/notes', { title: 'Live' })).json()) as Note;
        await fetch(url(`api/notes/${note.id}`), { method: 'DELETE' });
        const [created, deleted] = [await feed.next(), await feed.next()];
        expect(created.event).toBe('note.created');
        expect(JSON.parse(created.data)).toEqual(note);
        expect(deleted.event).toBe('note.deleted');
        expect(JSON.parse(deleted.data)).toEqual({ id: note.id });
        expect(await feed.rest()).toEqual([]);
      });
    });

    describe('the WebSocket chat', () => {
      needs('websocket', 'welcomes members, announces joins and leaves, and broadcasts to everyone', async () => {
        const ada = await joinChat(demo().baseUrl, 'Ada');
        try {
          expect(await ada.next()).toEqual({ type: 'welcome', name: 'Ada', members: ['Ada'] });
          const bob = await joinChat(demo().baseUrl, 'Bob');
          expect(await bob.next()).toEqual({ type: 'welcome', name: 'Bob', members: ['Ada', 'Bob'] });
          expect(await ada.next()).toEqual({ type: 'join', name: 'Bob', members: ['Ada', 'Bob'] });
          ada.send('hello, Bob');
          for (const member of [ada, bob]) expect(await member.next()).toMatchObject({ type: 'message', name: 'Ada', text: 'hello, Bob' });
          bob.send('hi Ada');
          for (const member of [ada, bob]) expect(await member.next()).toMatchObject({ type: 'message', name: 'Bob', text: 'hi Ada' });
          await bob.close();
          expect(await ada.next()).toEqual({ type: 'leave', name: 'Bob', members: ['Ada'] });
        } finally {
          await ada.close();
        }
      });

      needs('websocket', 'tells only the sender why a message was refused', async () => {
        const cy = await joinChat(demo().baseUrl, 'Cy');
        try {
          expect(await cy.next()).toMatchObject({ type: 'welcome' });
          cy.send(new Uint8Array([1, 2, 3]));
          expect(await cy.next()).toEqual({ type: 'error', message: MESSAGES.chatBinary });
          cy.send('   ');
          expect(await cy.next()).toEqual({ type: 'error', message: MESSAGES.chatLength(500) });
        } finally {
          await cy.close();
        }
      });
    });

    if (more) describe(`what only ${target.name} does`, () => more(demo));

    describe('the sync-interface routes', () => {
      it('serves /sync/hello through the sync interface with the mount in SCRIPT_NAME', async () => {
        const res = await fetch(url('sync/hello?name=Ada'));
        expect(res.status).toBe(200);
        expect(await res.json()).toEqual({ message: 'Hello, Ada!', interface: 'sync', scriptName: `${mount()}/sync`, pathInfo: '/hello' });
      });

      it('echoes a body read from tsgi.input byte for byte', async () => {
        const bytes = new Uint8Array(70_000).map((_, i) => (i * 7) % 256);
        const res = await fetch(url('sync/echo'), { method: 'POST', headers: { 'content-type': 'application/x-demo' }, body: bytes });
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toBe('application/x-demo');
        expect(res.headers.get('x-echo-interface')).toBe('sync');
        // Compared by digest: a deep equality over 70,000 elements takes vitest most of a second.
        const echoed = new Uint8Array(await res.arrayBuffer());
        expect(echoed.length).toBe(bytes.length);
        expect(sha256(echoed)).toBe(sha256(bytes));
      });

      it('answers a GET on the echo app with 405 and Allow: POST', async () => {
        const res = await fetch(url('sync/echo'));
        expect(res.status).toBe(405);
        expect(res.headers.get('allow')).toBe('POST');
        await res.arrayBuffer();
      });
    });
  });
}
