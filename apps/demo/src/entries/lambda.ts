// AWS Lambda: `pnpm --filter @tsgi/demo build` writes dist/lambda.mjs; deploy it with public/ beside
// it and DEMO_PUBLIC_DIR set (README.md). API Gateway (REST or HTTP API), an ALB or a Function URL
// in front; WebSockets are not served.
import { handler as toLambdaHandler } from '@tsgi/aws-lambda';
import { nodeFiles } from '../assets/node-files.js';
import { createDemo } from '../app.js';

/** The Lambda handler: one demo per execution environment, kept across its invocations. */
export const handler = toLambdaHandler(createDemo({ files: nodeFiles(process.env.DEMO_PUBLIC_DIR) }).async);
