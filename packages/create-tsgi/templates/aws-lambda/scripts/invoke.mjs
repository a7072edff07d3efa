// Calls the built handler once, as Lambda would, and prints the result: npm run invoke [event.json]
import { readFileSync } from 'node:fs';
import { handler } from '../dist/handler.mjs';

const file = process.argv[2] ?? 'events/http-api.json';
const event = JSON.parse(readFileSync(file, 'utf8'));
const context = { awsRequestId: 'local-invoke', functionName: 'local', getRemainingTimeInMillis: () => 30_000 };

const result = await handler(event, context);
console.log(JSON.stringify(result, null, 2));
