// AWS Lambda: set the function's handler to `lambda.handler` (docs/deploy/aws-lambda.md). API Gateway
// (REST or HTTP API), an ALB or a Function URL in front; WebSockets are not served (README.md).
import { handler as toLambdaHandler } from '@tsgi/aws-lambda';
import { nodeFiles } from '../assets/node-files.js';
import { createDemo } from '../app.js';

/** The Lambda handler: one demo per execution environment, kept across its invocations. */
export const handler = toLambdaHandler(createDemo({ files: nodeFiles() }).async);
