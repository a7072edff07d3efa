// docs/getting-started.md shows the template's app and test verbatim: they must stay the same files.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';

const page = readFileSync(new URL('../../../docs/getting-started.md', import.meta.url), 'utf8');
const [app, test] = [...page.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
const template = (path: string) => readFileSync(new URL(`../templates/base/${path}`, import.meta.url), 'utf8');

it("shows every template's src/app.ts as it is", () => {
  expect(app).toBe(template('src/app.ts'));
});

it("shows every template's test/app.test.ts as it is", () => {
  expect(test).toBe(template('test/app.test.ts'));
});
