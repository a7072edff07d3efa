import { describe, expect, it } from 'vitest';
import { checkLambdaResult, prepareServerless } from './prepare.js';

describe('checkLambdaResult', () => {
  it('accepts a 200 with the expected body, base64 or not', () => {
    expect(checkLambdaResult({ statusCode: 200, body: 'user 1' }, 'user 1')).toBeNull();
    expect(checkLambdaResult({ statusCode: 200, body: Buffer.from('user 1').toString('base64'), isBase64Encoded: true }, 'user 1')).toBeNull();
  });

  it('names a wrong status or body', () => {
    expect(checkLambdaResult({ statusCode: 404, body: '' }, 'x')).toBe('status 404, expected 200');
    expect(checkLambdaResult({ statusCode: 200, body: 'nope' }, 'x')).toBe('body "nope", expected "x"');
    expect(checkLambdaResult(undefined, 'x')).toBe('status undefined, expected 200');
  });
});

describe('prepareServerless', () => {
  it('runs the real express adapters on the shared events', async () => {
    for (const id of ['serverless-express', 'serverless-http', 'native']) {
      const prepared = await prepareServerless(id);
      expect(prepared.problem, id).toBeNull();
      if (prepared.problem === null) {
        expect(Object.keys(prepared.batches)).toEqual(['param', 'json']);
        expect(await prepared.batches.param!(3)).toBe(600);
      }
    }
  });

  it('refuses an unknown contender', async () => {
    expect(await prepareServerless('nope')).toEqual({ problem: 'unknown Lambda contender nope' });
  });
});
