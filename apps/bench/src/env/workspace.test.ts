import { describe, expect, it } from 'vitest';
import { pendingReason } from './workspace.js';

describe('pendingReason', () => {
  it('says a package that is not installed is not built', async () => {
    expect(await pendingReason('@tsgi/not-a-package')).toBe('pending: @tsgi/not-a-package not built');
  });

  it('names the exports a built package does not have yet', async () => {
    expect(await pendingReason('@tsgi/sync', ['noSuchExport'])).toBe('pending: @tsgi/sync does not export noSuchExport yet');
  });

  it('is null for a built package with what the contender needs', async () => {
    expect(await pendingReason('@tsgi/router', ['createRouter'])).toBeNull();
  });
});
