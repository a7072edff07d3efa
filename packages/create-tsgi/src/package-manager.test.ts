import { describe, expect, it } from 'vitest';
import { commandsFor, detectPackageManager } from './package-manager.js';

describe('detectPackageManager', () => {
  it.each([
    ['npm/11.6.0 node/v20.20.2 linux x64 workspaces/false', 'npm'],
    ['pnpm/10.18.0 npm/? node/v20.20.2 linux x64', 'pnpm'],
    ['yarn/1.22.22 npm/? node/v20.20.2 linux x64', 'yarn'],
    ['bun/1.3.0 npm/? node/v24.3.0 linux x64', 'bun'],
    [undefined, 'npm'],
    ['something-else/1.0', 'npm'],
  ])('reads %s as %s', (agent, manager) => {
    expect(detectPackageManager(agent)).toBe(manager);
  });

  it('runs scripts with "npm run" for npm and the bare name for pnpm', () => {
    expect(commandsFor('npm').run).toBe('npm run');
    expect(commandsFor('pnpm').run).toBe('pnpm');
  });
});
