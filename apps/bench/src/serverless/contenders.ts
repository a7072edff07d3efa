// Every Lambda contender: how to build its handler (inside a worker) and whether it can run.
import { pathToFileURL } from 'node:url';
import type { MicroContender } from '../micro/run-micro.js';
import { pendingReason, loadPackage } from '../env/workspace.js';
import { distFile } from '../paths.js';
import { JSON_MESSAGE, PARAM_PREFIX } from '../http/payloads.js';

/** A Lambda handler as every adapter returns one. */
export type LambdaHandler = (event: unknown, context: unknown) => Promise<unknown>;

/** A contender that can build its handler. */
export interface LambdaContender extends MicroContender {
  build(): Promise<LambdaHandler>;
}

interface AwsLambdaModule {
  handler(app: unknown): LambdaHandler;
}

async function tsgiApp(file: string): Promise<unknown> {
  return ((await import(pathToFileURL(distFile(file)).href)) as { app: unknown }).app;
}

async function expressApp(): Promise<unknown> {
  const { createExpressApp } = await import('../http/servers/express-app.js');
  return createExpressApp();
}

// The ceiling: a hand-written handler for exactly these routes.
const native: LambdaHandler = (event) => {
  const path = (event as { rawPath: string }).rawPath;
  if (path === '/json') {
    return Promise.resolve({ statusCode: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(JSON_MESSAGE) });
  }
  if (path.startsWith(PARAM_PREFIX)) {
    return Promise.resolve({ statusCode: 200, headers: { 'content-type': 'text/plain' }, body: `user ${path.slice(PARAM_PREFIX.length)}` });
  }
  return Promise.resolve({ statusCode: 404, body: '' });
};

const tsgiLambda = (id: string, label: string, app: string): LambdaContender => ({
  id,
  label,
  kind: 'tsgi',
  unavailable: () => pendingReason('@tsgi/aws-lambda', ['handler']),
  build: async () => (await loadPackage<AwsLambdaModule>('@tsgi/aws-lambda')).handler(await tsgiApp(app)),
});

/** The id ratios are taken against. */
export const LAMBDA_BASELINE_ID = 'serverless-express';

/** All Lambda contenders, in report order. */
export const LAMBDA_CONTENDERS: readonly LambdaContender[] = [
  { id: 'native', label: 'hand-written handler (no framework)', kind: 'ceiling', unavailable: () => Promise.resolve(null), build: () => Promise.resolve(native) },
  tsgiLambda('tsgi-async', '@tsgi/aws-lambda · raw async app', 'http/apps/raw-async'),
  tsgiLambda('tsgi-sync', '@tsgi/aws-lambda · raw sync app', 'http/apps/raw-sync'),
  {
    id: 'serverless-express',
    label: '@codegenie/serverless-express · express',
    kind: 'peer',
    unavailable: () => Promise.resolve(null),
    async build() {
      const { configure } = await import('@codegenie/serverless-express');
      // Its published types need @types/aws-lambda, which this workspace does not install.
      const configured: unknown = configure({ app: (await expressApp()) as never });
      return configured as LambdaHandler;
    },
  },
  {
    id: 'serverless-http',
    label: 'serverless-http · express',
    kind: 'peer',
    unavailable: () => Promise.resolve(null),
    async build() {
      const { default: serverless } = await import('serverless-http');
      return serverless((await expressApp()) as never) as unknown as LambdaHandler;
    },
  },
];
