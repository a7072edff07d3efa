// Reads a Lambda result back the way API Gateway / ALB would turn it into an HTTP response.
import type { LambdaHttpResult } from '../../src/index.js';

/** An HTTP response as the client would get it. */
export interface ClientResponse {
  status: number;
  headers: Array<[string, string]>;
  body: Buffer;
  text: string;
}

/** Decodes a buffered result: multi-value headers, single-value headers and the cookies array. */
export function readResult(result: LambdaHttpResult): ClientResponse {
  const headers: Array<[string, string]> = [];
  if ('multiValueHeaders' in result && result.multiValueHeaders) {
    for (const [name, values] of Object.entries(result.multiValueHeaders)) for (const value of values) headers.push([name, value]);
  }
  if (result.headers) for (const [name, value] of Object.entries(result.headers)) headers.push([name, value]);
  if ('cookies' in result && result.cookies) for (const cookie of result.cookies) headers.push(['set-cookie', cookie]);
  const body = result.isBase64Encoded ? Buffer.from(result.body, 'base64') : Buffer.from(result.body, 'utf8');
  return { status: result.statusCode, headers, body, text: body.toString('utf8') };
}

/** Every value of one header, by lower-case name. */
export function values(headers: Array<[string, string]>, name: string): string[] {
  return headers.filter(([key]) => key.toLowerCase() === name).map(([, value]) => value);
}
