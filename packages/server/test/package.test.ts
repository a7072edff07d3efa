// The public surface, so a change to it shows in review (STYLE.md: Public surface).
import { expect, it } from 'vitest';
import * as entry from '../src/index.js';

it('exports exactly these names', () => {
  expect(Object.keys(entry).sort()).toMatchInlineSnapshot(`
    [
      "AppLoadError",
      "CONFIG_MESSAGES",
      "ConfigError",
      "DEFAULT_EXPORTS",
      "NOT_AN_APP",
      "OPTIONS",
      "PROTOCOL_MESSAGES",
      "createConfig",
      "detectInterface",
      "helpText",
      "isAppLoadError",
      "isConfigError",
      "loadApp",
      "resolveCommand",
      "runCli",
      "serve",
      "splitAppSpec",
      "start",
    ]
  `);
});
