// Where a new project runs. Each target is a folder in templates/ laid over templates/base/.

/** The target names, in the order the prompt lists them. */
export const TARGET_NAMES = ['server', 'express', 'aws-lambda', 'cloudflare-workers', 'deno', 'bun'] as const;

/** A deployment target: `server`, `express`, `aws-lambda`, `cloudflare-workers`, `deno` or `bun`. */
export type Target = (typeof TARGET_NAMES)[number];

/** What the prompt and the next steps say about a target. */
export interface TargetInfo {
  name: Target;
  /** One line for the prompt. */
  description: string;
  /** The script that starts the app locally (`npm run <script>`, `npm start`). */
  startScript: string;
}

/**
 * Every target, keyed by name.
 *
 * @example
 * TARGETS['aws-lambda'].description; // 'AWS Lambda behind API Gateway, an ALB or a Function URL'
 */
export const TARGETS: Readonly<Record<Target, TargetInfo>> = {
  server: { name: 'server', description: 'the tsgi server (tsgi serve): HTTP/1.1, HTTP/2, WebSocket', startScript: 'start' },
  express: { name: 'express', description: 'mounted in an Express app', startScript: 'start' },
  'aws-lambda': { name: 'aws-lambda', description: 'AWS Lambda behind API Gateway, an ALB or a Function URL', startScript: 'invoke' },
  'cloudflare-workers': { name: 'cloudflare-workers', description: 'Cloudflare Workers (wrangler)', startScript: 'start' },
  deno: { name: 'deno', description: 'Deno (Deno.serve)', startScript: 'start' },
  bun: { name: 'bun', description: 'Bun (Bun.serve)', startScript: 'start' },
};

/** True when `name` is a target. */
export function isTarget(name: string): name is Target {
  return (TARGET_NAMES as readonly string[]).includes(name);
}
