import { describe, expect, it } from 'vitest';
import { parseCliArgs } from './args.js';
import { isScaffoldError, type ScaffoldError } from './errors.js';
import { MESSAGES } from './messages.js';

const failure = (argv: string[]): ScaffoldError => {
  try {
    parseCliArgs(argv);
  } catch (error) {
    if (isScaffoldError(error)) return error;
    throw error;
  }
  throw new Error('expected a ScaffoldError');
};

describe('parseCliArgs', () => {
  it('reads the folder, the template and --yes', () => {
    expect(parseCliArgs(['shop', '--template', 'deno', '--yes'])).toEqual({ directory: 'shop', template: 'deno', yes: true, help: false, version: false });
  });

  it('takes the short forms', () => {
    expect(parseCliArgs(['-t', 'bun', '-y'])).toMatchObject({ template: 'bun', yes: true });
  });

  it('reads --tsgi-tarballs', () => {
    expect(parseCliArgs(['--tsgi-tarballs', '/tmp/packs']).tsgiTarballs).toBe('/tmp/packs');
  });

  it('refuses an unknown template, naming the valid ones (exit 2)', () => {
    const error = failure(['--template', 'vercel']);
    expect(error.message).toBe(MESSAGES.unknownTarget('vercel'));
    expect(error.exitCode).toBe(2);
  });

  it('refuses an unknown option (exit 2)', () => {
    const error = failure(['--force']);
    expect(error.code).toBe('usage');
    expect(error.message).toContain("'--force'");
    expect(error.exitCode).toBe(2);
  });

  it('refuses a second folder', () => {
    expect(failure(['one', 'two']).message).toBe(MESSAGES.tooManyArguments(['two']));
  });

  it('refuses --template without a value', () => {
    expect(failure(['--template']).code).toBe('usage');
  });
});
