// handler() options: documented defaults, resolved and frozen once (STYLE.md: resolve once, then run).
import type { AsyncApp } from '@tsgi/async';
import type { SyncApp } from '@tsgi/sync';
import { LambdaOptionsError, MESSAGES } from './errors.js';
import type { BinaryHook } from './internal/binary.js';
import { escapePath, normaliseBasePath } from './internal/path.js';
import { type LambdaLogFn, consoleLog } from './log.js';
import { type AppInterface, resolveInterface } from './runners/registry.js';

/** Options for `handler()`. */
export interface HandlerOptions {
  /** The app's interface; 'auto' treats an async function as async, else one declaring two parameters as sync. @default 'auto' */
  interface?: AppInterface;
  /**
   * A path prefix owned by the deployment rather than the app — a custom domain's API mapping that
   * API Gateway does not report, a CloudFront behaviour path — moved into rootPath / SCRIPT_NAME
   * when the path starts with it. @default ''
   */
  basePath?: string;
  /** Move the stage (or REST API mapping) API Gateway puts in front of the path into rootPath. @default true */
  stripStage?: boolean;
  /** Decides which responses are base64-encoded; return undefined to use the text allow-list. */
  isBinary?: BinaryHook;
  /** Lifespan for async apps: startup once per cold start, before the first event. @default 'auto' */
  lifespan?: 'auto' | 'on' | 'off';
  /**
   * Stream responses to Function URLs and REST APIs through `awslambda.streamifyResponse`. Without
   * the `awslambda` global (outside Lambda's Node.js runtime) responses are buffered. @default false
   */
  streaming?: boolean;
  /** Where messages go, each with the invocation's request id. @default warnings and errors to the console */
  log?: LambdaLogFn;
}

/** Options after defaults, validated and frozen. */
export interface ResolvedOptions {
  readonly interface: 'sync' | 'async';
  readonly basePath: string;
  readonly stripStage: boolean;
  readonly isBinary: BinaryHook | undefined;
  readonly lifespan: 'auto' | 'on' | 'off';
  readonly streaming: boolean;
  readonly log: LambdaLogFn;
}

/** Applies defaults and checks options; a mistake throws `LambdaOptionsError` here, not per request. */
export function resolveOptions(app: SyncApp | AsyncApp, options: HandlerOptions): ResolvedOptions {
  if (typeof app !== 'function') throw new LambdaOptionsError('app', 'aws-lambda: handler(app) needs a tsgi app function');
  const basePath = normaliseBasePath(options.basePath ?? '');
  if (/[?#]/.test(basePath)) throw new LambdaOptionsError('basePath', MESSAGES.badBasePath(options.basePath ?? ''));
  return Object.freeze({
    interface: resolveInterface(app, options.interface ?? 'auto'),
    basePath: escapePath(basePath),
    stripStage: options.stripStage ?? true,
    isBinary: options.isBinary,
    lifespan: options.lifespan ?? 'auto',
    streaming: options.streaming ?? false,
    log: options.log ?? consoleLog,
  });
}
