// The code blocks of a docs page, so tests run what the page shows rather than a copy of it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The docs folder of the repository. */
export const DOCS = fileURLToPath(new URL('../../../../docs/', import.meta.url));

/** Reads a page under docs/. */
export const readDoc = (path: string): string => readFileSync(`${DOCS}${path}`, 'utf8');

/** The bodies of the fenced blocks tagged `lang`, in page order. */
export function codeBlocks(markdown: string, lang: string): string[] {
  const blocks: string[] = [];
  const fence = /^```(\S*)\n([\s\S]*?)^```$/gm;
  for (let match = fence.exec(markdown); match; match = fence.exec(markdown)) {
    if (match[1] === lang) blocks.push(match[2] ?? '');
  }
  return blocks;
}

/** Replaces each `from` with `to`, failing loudly when the page no longer contains `from`. */
export function substitute(text: string, replacements: ReadonlyArray<readonly [string, string]>): string {
  let result = text;
  for (const [from, to] of replacements) {
    if (!result.includes(from)) throw new Error(`the docs no longer contain ${JSON.stringify(from)}: update the test with them`);
    result = result.split(from).join(to);
  }
  return result;
}
