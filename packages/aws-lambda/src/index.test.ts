import { describe, expect, it } from 'vitest';
import * as entry from './index.js';

describe('@tsgi/aws-lambda entry', () => {
  it('exports exactly the public names (a change here is a change to the public surface)', () => {
    expect(Object.keys(entry).sort()).toEqual([
      'ENVIRON_CONTEXT',
      'ENVIRON_EVENT',
      'LambdaOptionsError',
      'MESSAGES',
      'MalformedEventError',
      'ResponseAbortedError',
      'SCOPE_EXTENSION',
      'UnknownEventError',
      'handler',
      'isMalformedEventError',
      'isResponseAbortedError',
      'isTextType',
      'isUnknownEventError',
    ]);
  });

  it('names the places an app finds the raw event and context', () => {
    expect([entry.SCOPE_EXTENSION, entry.ENVIRON_EVENT, entry.ENVIRON_CONTEXT]).toEqual(['aws.lambda', 'tsgi.lambda.event', 'tsgi.lambda.context']);
  });
});
