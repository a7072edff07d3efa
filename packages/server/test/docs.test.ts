// docs/server.md is the reference: every option appears with its default and environment variables.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OPTIONS } from '../src/index.js';

const doc = readFileSync(join(import.meta.dirname, '..', '..', '..', 'docs', 'server.md'), 'utf8');
const rows = doc.split('\n').filter((line) => line.startsWith('| `--'));

describe('docs/server.md', () => {
  it.each(OPTIONS.map((option) => [option.flag, option] as const))('documents %s with its default and environment variables', (flag, option) => {
    const row = rows.find((line) => line.startsWith(`| \`${flag} `) || line.startsWith(`| \`${flag},`) || line.startsWith(`| \`${flag}\``));
    expect(row, `no table row for ${flag}`).toBeDefined();
    expect(row).toContain(`| \`${option.shown}\` |`);
    for (const name of option.env) expect(row).toContain(`\`${name}\``);
  });

  it('documents no option that does not exist', () => {
    const flags = new Set(OPTIONS.map((option) => option.flag));
    for (const row of rows) expect(flags.has((/^\| `(--[a-z0-9-]+)/.exec(row)?.[1] ?? '') as `--${string}`), row).toBe(true);
  });
});
