// The docs pages this app owns link only to files and headings that exist.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOCS, readDoc } from './helpers/markdown.js';

const PAGES = [
  'README.md',
  'getting-started.md',
  'wsgi-asgi.md',
  'architecture.md',
  'releasing.md',
  'deploy/nginx.md',
  'deploy/systemd.md',
  'deploy/docker-kubernetes.md',
];

// GitHub's heading anchors: lower case, punctuation dropped, spaces become hyphens.
const slug = (heading: string): string =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\- ]/gu, '')
    .replace(/ /g, '-');

const anchors = (file: string): Set<string> =>
  new Set([...readFileSync(file, 'utf8').matchAll(/^#{1,6} (.+)$/gm)].map((m) => slug(m[1] ?? '')));

describe.each(PAGES)('docs/%s', (page) => {
  it('links to files and headings that exist', () => {
    const text = readDoc(page).replace(/```[\s\S]*?```/g, '');
    const broken: string[] = [];
    for (const [, target = ''] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^[a-z]+:/.test(target)) continue; // https:, mailto:
      const [path = '', anchor] = target.split('#');
      const file = path === '' ? join(DOCS, page) : join(DOCS, normalize(join(dirname(page), path)));
      if (!existsSync(file)) broken.push(target);
      else if (anchor !== undefined && file.endsWith('.md') && !anchors(file).has(anchor)) broken.push(target);
    }
    expect(broken).toEqual([]);
  });
});
