// docs/wsgi-asgi.md stays complete and true: every environ key, scope key and event type the specs
// define is mapped there, every option in its tsgi column is one `tsgi serve` has, and its
// TypeScript examples compile.
import { describe, expect, it } from 'vitest';
import { codeBlocks, readDoc } from './helpers/markdown.js';
import { run } from './helpers/processes.js';
import { typeCheck } from './helpers/snippets.js';
import { TSGI_BIN } from './helpers/tsgi.js';

const page = readDoc('wsgi-asgi.md');
const syncSpec = readDoc('spec/sync.md');
const asyncSpec = readDoc('spec/async.md');

/** The text of one `## ` / `### ` section of a spec, by its heading's start. */
function section(spec: string, heading: string): string {
  const start = spec.indexOf(`\n${heading}`);
  if (start < 0) throw new Error(`the spec has no section "${heading}"`);
  const rest = spec.slice(start + 1);
  const level = heading.split(' ')[0] ?? '##';
  const next = rest.slice(heading.length).search(new RegExp(`\\n#{2,${level.length}} `));
  return next < 0 ? rest : rest.slice(0, heading.length + next);
}

/** The first-column `code` names of a section's table rows. */
const tableKeys = (text: string): string[] =>
  text
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .flatMap((line) => [...(line.split('|')[1] ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? ''));

describe('docs/wsgi-asgi.md', () => {
  it('maps every environ key of the sync spec', () => {
    const keys = [...tableKeys(section(syncSpec, '### 4.1 ')), ...tableKeys(section(syncSpec, '### 4.5 '))];
    expect(keys).toContain('REQUEST_METHOD');
    expect(keys).toContain('tsgi.file_wrapper');
    expect(keys.filter((key) => !page.includes(`\`${key}\``))).toEqual([]);
  });

  it('maps every scope key of the async spec', () => {
    const keys = ['### 2.2 ', '### 3.1 ', '### 4.1 ', '### 5.1 '].flatMap((heading) => tableKeys(section(asyncSpec, heading)));
    expect(keys).toContain('rawPath');
    expect(keys).toContain('subprotocols');
    expect([...new Set(keys)].filter((key) => !page.includes(`\`${key}\``))).toEqual([]);
  });

  it('maps every event type of the async spec', () => {
    const types = [...new Set([...asyncSpec.matchAll(/type: '([a-z._]+)'/g)].map((m) => m[1] ?? ''))].filter((type) => type.includes('.'));
    expect(types.length).toBeGreaterThan(20);
    expect(types.filter((type) => !page.includes(`| \`${type}\` |`))).toEqual([]);
  });

  it('names only options tsgi serve has in its tsgi column', async () => {
    const help = (await run(process.execPath, [TSGI_BIN, '--help'], { cwd: process.cwd(), timeoutMs: 20_000 })).stdout;
    const known = new Set([...help.matchAll(/^ {2}(-[^\n]*)$/gm)].flatMap((m) => [...(m[1] ?? '').matchAll(/--[a-z0-9-]+/g)].map((f) => f[0])));
    expect(known.has('--workers')).toBe(true);
    const table = page.slice(page.indexOf('| gunicorn | uvicorn | tsgi | notes |'));
    const tsgiFlags = table
      .split('\n')
      .filter((line) => line.startsWith('| '))
      .slice(2)
      .flatMap((line) => [...(line.split(' | ')[2] ?? '').matchAll(/--[a-z0-9-]+/g)].map((m) => m[0]));
    expect(tsgiFlags.length).toBeGreaterThan(30);
    expect(tsgiFlags.filter((flag) => !known.has(flag))).toEqual([]);
  });

  it('has TypeScript examples that compile', async () => {
    const blocks = codeBlocks(page, 'ts');
    expect(blocks).toHaveLength(2);
    expect(await typeCheck(blocks, 'wsgi-asgi')).toEqual([]);
  }, 100_000);
});
