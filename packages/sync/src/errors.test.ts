import { describe, expect, it } from 'vitest';
import { RequestError, SyncSpecError, isRequestError, isSyncSpecError } from './errors.js';
import { STATUS_FORMAT, UNDERSCORE_HEADER } from './messages.js';

describe('SyncSpecError', () => {
  it('carries the section named at the start of its message, and its cause', () => {
    const cause = new Error('inner');
    const error = new SyncSpecError(`${STATUS_FORMAT}: got '200'`, { cause });
    expect([error.name, error.section, error.cause]).toEqual(['SyncSpecError', '5.2', cause]);
  });

  it('is recognised by name, so copies from another realm or package version pass the guard', () => {
    const foreign = Object.assign(new Error('sync §6.1: x'), { name: 'SyncSpecError', section: '6.1' });
    expect(isSyncSpecError(foreign)).toBe(true);
    expect(isSyncSpecError(new Error('x'))).toBe(false);
    expect(isSyncSpecError({ name: 'SyncSpecError' })).toBe(false);
  });
});

describe('RequestError', () => {
  it('defaults to status 400 and takes another status', () => {
    expect(new RequestError(UNDERSCORE_HEADER).status).toBe(400);
    const tooLarge = new RequestError('too large', { status: 413 });
    expect([tooLarge.status, tooLarge.toResponse().status]).toEqual([413, '413 Content Too Large']);
  });

  it('is recognised by name', () => {
    expect(isRequestError(new RequestError('x'))).toBe(true);
    expect(isRequestError(new SyncSpecError('x'))).toBe(false);
  });
});
