import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cases } from './cases/index.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it('lists every case with its interfaces, features and description', () => {
    for (const c of cases) {
      const row = `| \`${c.id}\` | ${c.interfaces.join(', ')} | ${c.features.join(', ')} | ${c.description.replace(/\|/g, '\\|')} |`;
      expect(readme, c.id).toContain(row);
    }
  });
});
