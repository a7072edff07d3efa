import { expect, it } from 'vitest';
import * as entry from './index.js';

// STYLE.md: a change to the public surface shows up in review.
it('exports exactly the public API', () => {
  expect(Object.keys(entry).sort()).toMatchInlineSnapshot(`
    [
      "DEFAULT_DIRECTORY",
      "MESSAGES",
      "NAME_RULES",
      "ScaffoldError",
      "TARGETS",
      "TARGET_NAMES",
      "USAGE",
      "askProjectName",
      "askTarget",
      "createPrompter",
      "detectPackageManager",
      "isScaffoldError",
      "isTarget",
      "runCli",
      "scaffold",
      "validateProjectName",
    ]
  `);
});
