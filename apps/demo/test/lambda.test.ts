// The demo's Lambda handler (src/entries/lambda.ts) behind a stand-in for an API Gateway HTTP API
// stage: real HTTP in, API Gateway v2 events to the handler, its results back out.
import { handler } from '../src/entries/lambda.js';
import { describeDemo } from './e2e-suite.js';
import { serveThroughApiGateway } from './support/api-gateway.js';

describeDemo({
  name: 'AWS Lambda (HTTP API)',
  start: () => serveThroughApiGateway(handler, 'live'),
  unsupported: {
    websocket:
      'API Gateway WebSocket APIs invoke Lambda once per connect, message and disconnect with their own events, not an HTTP upgrade; @tsgi/aws-lambda serves HTTP events',
    streaming: 'API Gateway HTTP APIs take a buffered result: the whole body arrives when the invocation ends',
    'live-events': 'an execution environment runs one invocation at a time, so a note feed never sees another request change a note',
  },
});
