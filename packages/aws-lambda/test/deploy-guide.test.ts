// docs/deploy/aws-lambda.md and the README's handler file, run as written: the TypeScript snippets are
// type-checked, bundled the way a deployment bundles them and served by aws-lambda-ric, with each
// source's sample event.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from './support/events.js';
import { bundleEntries, startRuntime, type RuntimeProcess } from './support/lambda-runtime.js';
import { type Outcome, splitPrelude, startRuntimeApi } from './support/runtime-api.js';

const PAGE = readFileSync(new URL('../../../docs/deploy/aws-lambda.md', import.meta.url), 'utf8');
const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const [README_HANDLER = ''] = [...README.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]!);
const SNIPPETS = [...PAGE.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]!);

/** The one snippet containing `marker`; a page edit that drops it fails here, loudly. */
function snippet(marker: string): string {
  const found = SNIPPETS.filter((text) => text.includes(marker));
  if (found.length !== 1) throw new Error(`docs/deploy/aws-lambda.md: expected one ts block with ${JSON.stringify(marker)}, found ${found.length}`);
  return found[0]!;
}

const HANDLER_FILE = snippet('// src/handler.ts');
const IMPORTS = HANDLER_FILE.split('\n').filter((line) => line.startsWith('import ')).join('\n');
const EXTENSION = snippet('SCOPE_EXTENSION');
const [EXTENSION_IMPORTS, EXTENSION_BODY] = [
  EXTENSION.split('\n').filter((line) => line.startsWith('import ')).join('\n'),
  EXTENSION.split('\n').filter((line) => !line.startsWith('import ')).join('\n    '),
];

// The app the guide's handler file imports from './app.js'; its request path runs the guide's
// "raw event and context" snippet and reports what it read.
const APP = `import type { AsyncApp } from '@tsgi/async';
${EXTENSION_IMPORTS}

export const app: AsyncApp = async (scope, receive, send) => {
  if (scope.type === 'lifespan') {
    for (;;) {
      const message = await receive();
      if (message.type === 'lifespan.startup') console.log('guide app: lifespan startup');
      await send({ type: message.type === 'lifespan.startup' ? 'lifespan.startup.complete' : 'lifespan.shutdown.complete' });
      if (message.type === 'lifespan.shutdown') return;
    }
  }
  if (scope.type !== 'http') return;
  {
    ${EXTENSION_BODY}
    const body = JSON.stringify({ rootPath: scope.rootPath, path: scope.path, requestId: context.awsRequestId, msLeft, authorizer: authorizer ?? null, source: Object.keys(event).length > 0 });
    await send({ type: 'http.response.start', status: 200, headers: [['content-type', scope.path === '/bin' ? 'application/vnd.my-text' : 'application/json']] });
    await send({ type: 'http.response.body', body: new TextEncoder().encode(body) });
  }
};
`;

// Each handler module a reader would write from the page: the handler file itself, then the same
// imports with each later snippet that builds a handler.
const MODULES: Record<string, string> = {
  handler: HANDLER_FILE,
  // The package README's "Use" block, the same way.
  readme: README_HANDLER,
  startup: `${IMPORTS}\n${snippet('await handler.startup()')}`,
  streaming: `${IMPORTS}\n${snippet('streaming: true })')}`,
  binary: `${IMPORTS}\nexport const handler = ${snippet('isBinary:').trim()}`,
};

const SOURCE = fileURLToPath(new URL('../src/index.ts', import.meta.url));
const ASYNC_TYPES = fileURLToPath(new URL('../node_modules/@tsgi/async', import.meta.url));

/** Type-checks the files as a reader's project would (the repo's strict settings); returns the errors. */
function typeErrors(files: string[]): string[] {
  const program = ts.createProgram(files, {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    strict: true,
    noUncheckedIndexedAccess: true,
    exactOptionalPropertyTypes: true,
    verbatimModuleSyntax: true,
    skipLibCheck: true,
    noEmit: true,
    lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
    types: [],
    paths: { '@tsgi/aws-lambda': [SOURCE], '@tsgi/async': [ASYNC_TYPES] },
  });
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

let task: { dir: string; remove(): void } | undefined;
let src: string | undefined;

beforeAll(async () => {
  src = mkdtempSync(join(tmpdir(), 'tsgi-lambda-guide-src-'));
  writeFileSync(join(src, 'app.ts'), APP);
  for (const [name, text] of Object.entries(MODULES)) writeFileSync(join(src, `${name}.ts`), text);
  const files = Object.fromEntries(Object.keys(MODULES).map((name) => [name, join(src!, `${name}.ts`)]));
  const errors = typeErrors([join(src, 'app.ts'), ...Object.values(files)]);
  if (errors.length > 0) throw new Error(`the guide's snippets do not type-check:\n${errors.join('\n')}`);
  task = await bundleEntries(files);
}, 90_000);

afterAll(() => {
  task?.remove();
  if (src) rmSync(src, { recursive: true, force: true });
});

function useRuntime(file: string) {
  const state: { api?: Awaited<ReturnType<typeof startRuntimeApi>>; runtime?: RuntimeProcess } = {};
  beforeAll(async () => {
    state.api = await startRuntimeApi();
    state.runtime = startRuntime(task!.dir, state.api.address, 'handler', file);
  });
  afterAll(async () => {
    await state.runtime?.terminate();
    await state.api?.close();
  });
  return { invoke: (event: unknown) => state.api!.invoke(event), runtime: () => state.runtime! };
}

function result(outcome: Outcome): Record<string, any> {
  if (outcome.kind !== 'response') throw new Error(`invocation failed: ${JSON.stringify(outcome)}`);
  return JSON.parse(outcome.body.toString('utf8')) as Record<string, any>;
}

describe('docs/deploy/aws-lambda.md §1: the handler file, as "handler.handler"', () => {
  const lambda = useRuntime('handler');

  it.each([
    ['api-gateway-v1', '/staging'],
    ['api-gateway-v2', ''],
    ['alb-single-value', ''],
    ['alb-multi-value', ''],
    ['function-url', ''],
  ])('answers the %s sample with what §3 and §8 say the app sees', async (name, rootPath) => {
    const outcome = await lambda.invoke(fixture(name));
    const answer = result(outcome);
    expect(answer.statusCode).toBe(200);
    expect(JSON.parse(answer.body as string)).toMatchObject({ rootPath, path: '/pets/dog', requestId: outcome.id, source: true });
    expect(typeof JSON.parse(answer.body as string).msLeft).toBe('number');
  });
});

describe('packages/aws-lambda/README.md: the "Use" handler file', () => {
  const lambda = useRuntime('readme');

  it('answers an HTTP API event', async () => {
    expect(README_HANDLER).toContain("import { handler as toHandler } from '@tsgi/aws-lambda';");
    const answer = result(await lambda.invoke(fixture('api-gateway-v2')));
    expect([answer.statusCode, JSON.parse(answer.body as string).path]).toEqual([200, '/pets/dog']);
  });
});

describe('docs/deploy/aws-lambda.md §1: lifespan startup awaited at the top level', () => {
  const lambda = useRuntime('startup');

  it('runs startup in the init phase, before any event arrives', async () => {
    await lambda.runtime().waitForOutput('guide app: lifespan startup');
    expect(result(await lambda.invoke(fixture('api-gateway-v2'))).statusCode).toBe(200);
    expect(lambda.runtime().output().match(/lifespan startup/g)).toHaveLength(1);
  });
});

describe('docs/deploy/aws-lambda.md §5: the isBinary hook', () => {
  const lambda = useRuntime('binary');

  it('sends the type the hook calls text as text', async () => {
    const event = fixture('function-url');
    event.rawPath = '/bin';
    expect(result(await lambda.invoke(event))).toMatchObject({ statusCode: 200, isBase64Encoded: false, headers: { 'content-type': 'application/vnd.my-text' } });
  });
});

describe('docs/deploy/aws-lambda.md §7: streaming', () => {
  const lambda = useRuntime('streaming');

  it('streams to a Function URL after a prelude with status and headers', async () => {
    const outcome = await lambda.invoke(fixture('function-url'));
    expect(outcome).toMatchObject({ kind: 'response', streamed: true });
    const { prelude, payload } = splitPrelude((outcome as Extract<Outcome, { kind: 'response' }>).body);
    expect(prelude).toEqual({ statusCode: 200, headers: { 'content-type': 'application/json' } });
    expect(JSON.parse(payload.toString('utf8'))).toMatchObject({ path: '/pets/dog', requestId: outcome.id });
  });

  it('writes the ordinary JSON result for an HTTP API, which cannot stream', async () => {
    expect(result(await lambda.invoke(fixture('api-gateway-v2')))).toMatchObject({ statusCode: 200, isBase64Encoded: false });
  });
});
