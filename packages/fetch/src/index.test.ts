import { describe, expect, it } from 'vitest';
import * as fetchPackage from './index.js';

describe('@tsgi/fetch', () => {
  it('exports exactly its public surface (a change here is a change to the API)', () => {
    expect(Object.keys(fetchPackage).sort()).toMatchInlineSnapshot(`
      [
        "FetchOptionsError",
        "OPTION_MESSAGES",
        "PLATFORM_ENVIRON_KEY",
        "PLATFORM_EXTENSION",
        "SERVE_MESSAGES",
        "isFetchOptionsError",
        "serveDeno",
        "toBunServe",
        "toCloudflareWorker",
        "toDenoHandler",
        "toFetchHandler",
        "toNetlifyHandler",
        "toNodeFetchHandler",
        "toVercelHandler",
      ]
    `);
  });
});
