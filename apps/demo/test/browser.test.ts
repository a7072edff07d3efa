// A real browser on the real page: Chromium loads the demo from tsgi serve and from Express, creates
// a note, sees it on a second page through the live feed, uploads a file, and chats over WebSocket
// between the two pages. Screenshots go to test-results/ (kept as CI artifacts).
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/browser.js';
import { startDemoProcess } from './support/demo-process.js';
import type { RunningDemo } from './support/demo-target.js';
import { DEMO_DIR, bin } from './support/paths.js';

const RESULTS = join(DEMO_DIR, 'test-results');
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const WAIT = { timeout: 10_000 };

const TARGETS: Array<{ name: string; slug: string; start: () => Promise<RunningDemo> }> = [
  {
    name: 'tsgi serve',
    slug: 'server',
    start: () =>
      startDemoProcess({
        command: bin('tsgi'),
        args: ['serve', 'src/entries/server.ts', '--port', '0', '--host', '127.0.0.1', '--timeout-graceful-shutdown', '2'],
        cwd: DEMO_DIR,
      }),
  },
  {
    name: 'Express',
    slug: 'express',
    start: () => startDemoProcess({ command: process.execPath, args: ['--import', 'tsx', 'src/entries/express.ts'], cwd: DEMO_DIR, env: { PORT: '0' } }),
  },
];

let browser: Browser;
beforeAll(async () => {
  await mkdir(RESULTS, { recursive: true });
  browser = await launchChromium();
});
afterAll(() => browser?.close());

/** Opens the page in its own browser context (its own cookies and connections). */
async function openPage(baseUrl: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1200, height: 800 } })).newPage();
  await page.goto(baseUrl);
  await page.locator('#live-status', { hasText: 'Live:' }).waitFor(WAIT);
  return page;
}

async function enterChat(page: Page, name: string): Promise<void> {
  await page.fill('#join-form input[name=name]', name);
  await page.click('#join-form button');
  await page.locator('#chat-status', { hasText: `Connected as ${name}` }).waitFor(WAIT);
}

async function say(page: Page, text: string): Promise<void> {
  await page.fill('#chat-form input[name=text]', text);
  await page.click('#chat-form button');
}

for (const target of TARGETS) {
  describe(`the page in Chromium on ${target.name}`, () => {
    let demo: RunningDemo;
    let ada: Page;
    let bob: Page;
    const shot = (who: string) => join(RESULTS, `browser-${target.slug}-${who}.png`);

    beforeAll(async () => {
      await Promise.all(['ada', 'bob'].map((who) => rm(shot(who), { force: true })));
      demo = await target.start();
      [ada, bob] = await Promise.all([openPage(demo.baseUrl), openPage(demo.baseUrl)]);
    });
    afterAll(async () => {
      // Pages first: their event streams and sockets would hold the server's shutdown open.
      await Promise.all([ada, bob].map((page) => page?.context().close()));
      await demo?.stop();
    });

    it('creates a note that both pages list', async () => {
      await ada.fill('#note-form input[name=title]', 'Buy milk');
      await ada.fill('#note-form textarea[name=body]', 'Two litres, semi-skimmed');
      await ada.click('#note-submit');
      for (const page of [ada, bob]) await page.locator('#note-list li', { hasText: 'Buy milk' }).waitFor(WAIT);
      expect(await bob.locator('#note-list li', { hasText: 'Buy milk' }).textContent()).toContain('Two litres, semi-skimmed');
    });

    it('shows the rule a note breaks without losing what was typed', async () => {
      await ada.fill('#note-form input[name=title]', ' ');
      await ada.click('#note-submit');
      await ada.locator('#note-error', { hasText: 'title must be 1 to 200 characters' }).waitFor(WAIT);
      expect(await ada.inputValue('#note-form input[name=title]')).toBe(' ');
    });

    it('uploads a file and shows its SHA-256', async () => {
      const content = Buffer.from('tsgi demo upload\n');
      await ada.setInputFiles('#upload-form input[type=file]', { name: 'hello.txt', mimeType: 'text/plain', buffer: content });
      await ada.click('#upload-form button');
      const sha256 = createHash('sha256').update(content).digest('hex');
      await ada.locator('#upload-result', { hasText: sha256 }).waitFor(WAIT);
    });

    it('exchanges chat messages between two pages over WebSocket', async () => {
      await enterChat(ada, 'Ada');
      await enterChat(bob, 'Bob');
      await ada.locator('#chat-log li', { hasText: 'Bob joined' }).waitFor(WAIT);
      await say(ada, 'Hello Bob');
      await bob.locator('#chat-log li', { hasText: 'Ada: Hello Bob' }).waitFor(WAIT);
      await say(bob, 'Hi Ada');
      await ada.locator('#chat-log li', { hasText: 'Bob: Hi Ada' }).waitFor(WAIT);
    });

    it('writes a non-empty PNG screenshot of each page to test-results/', async () => {
      await ada.screenshot({ path: shot('ada'), fullPage: true });
      await bob.screenshot({ path: shot('bob'), fullPage: true });
      for (const who of ['ada', 'bob']) {
        const png = await readFile(shot(who));
        expect(png.length).toBeGreaterThan(1000);
        expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
      }
    });
  });
}
