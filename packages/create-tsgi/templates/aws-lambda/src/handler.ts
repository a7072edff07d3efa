// The Lambda handler: one function for API Gateway (REST and HTTP APIs), ALB and Function URLs.
// Bundled to dist/handler.mjs by `build`; the function's handler setting is "handler.handler".
import { handler as toHandler } from '@tsgi/aws-lambda';
import { router } from './app.ts';

export const handler = toHandler(router.async);
