// docs/architecture.md draws the packages' dependencies: the drawing must match package.json.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { codeBlocks, readDoc } from './helpers/markdown.js';

const PACKAGES = fileURLToPath(new URL('../../../packages/', import.meta.url));
const page = readDoc('architecture.md');

interface Manifest {
  name: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}
const manifests = readdirSync(PACKAGES).map((folder) => JSON.parse(readFileSync(join(PACKAGES, folder, 'package.json'), 'utf8')) as Manifest);
const ours = (deps: Record<string, string> = {}) => Object.keys(deps).filter((name) => name.startsWith('@tsgi/'));

/** The mermaid graph's edges as 'from -> to' (solid) and 'from -.-> to' (dotted), by package name. */
function drawnEdges(): { solid: string[]; dotted: string[] } {
  const [graph = ''] = codeBlocks(page, 'mermaid');
  const names = new Map([...graph.matchAll(/(\w+)\["([^"]+)"\]/g)].map((m) => [m[1] ?? '', m[2] ?? '']));
  const solid: string[] = [];
  const dotted: string[] = [];
  for (const line of graph.split('\n')) {
    const edge = /^\s*(\w+)(?:\["[^"]+"\])?\s*(-->|-\.->)\s*(\w+)/.exec(line);
    if (!edge) continue;
    const text = `${names.get(edge[1] ?? '')} -> ${names.get(edge[3] ?? '')}`;
    (edge[2] === '-->' ? solid : dotted).push(text);
  }
  return { solid: solid.sort(), dotted: dotted.sort() };
}

describe('docs/architecture.md', () => {
  it('draws every runtime dependency between packages, and no other', () => {
    const actual = manifests.flatMap((m) => ours(m.dependencies).map((dep) => `${m.name} -> ${dep}`)).sort();
    expect(drawnEdges().solid).toEqual(actual);
  });

  it('draws the conformance suite as a test-only dependency of exactly the packages that run it', () => {
    const actual = manifests.filter((m) => ours(m.devDependencies).includes('@tsgi/conformance')).map((m) => `${m.name} -> @tsgi/conformance`).sort();
    expect(drawnEdges().dotted).toEqual(actual);
  });

  it('names every package in the text drawing', () => {
    const [text = ''] = codeBlocks(page, 'text');
    expect(manifests.map((m) => m.name).filter((name) => !text.includes(name))).toEqual([]);
  });
});
