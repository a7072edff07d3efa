import { describe, expect, it } from 'vitest';
import { NAME_RULES } from './messages.js';
import { validateProjectName } from './validate-name.js';

describe('validateProjectName', () => {
  it.each(['my-app', 'app2', 'a.b_c-d', '@acme/my-app', 'x'.repeat(214)])('accepts %s', (name) => {
    expect(validateProjectName(name)).toEqual({ valid: true, problems: [] });
  });

  it.each([
    ['', NAME_RULES.empty],
    ['x'.repeat(215), NAME_RULES.tooLong],
    ['.hidden', NAME_RULES.leadingDot],
    ['_private', NAME_RULES.leadingUnderscore],
    [' padded', NAME_RULES.spaces],
    ['MyApp', NAME_RULES.uppercase],
    ["it's", NAME_RULES.special],
    ['wow!', NAME_RULES.special],
    ['my app', NAME_RULES.urlUnsafe],
    ['café', NAME_RULES.urlUnsafe],
    ['a/b', NAME_RULES.urlUnsafe],
    ['@scope/', NAME_RULES.urlUnsafe],
    ['node_modules', NAME_RULES.reserved('node_modules')],
    ['favicon.ico', NAME_RULES.reserved('favicon.ico')],
    ['http', NAME_RULES.builtin('http')],
    ['fs', NAME_RULES.builtin('fs')],
  ])('refuses %j: %s', (name, problem) => {
    const check = validateProjectName(name);
    expect(check.valid).toBe(false);
    expect(check.problems).toContain(problem);
  });

  it('lists every rule a name breaks', () => {
    expect(validateProjectName('My App').problems).toEqual([NAME_RULES.uppercase, NAME_RULES.urlUnsafe]);
  });
});
