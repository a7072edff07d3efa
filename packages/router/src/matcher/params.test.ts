import { describe, expectTypeOf, it } from 'vitest';
import type { Params } from './params.js';

describe('Params', () => {
  it('infers required, optional and wildcard params from the literal', () => {
    expectTypeOf<Params<'/users/:id'>>().toEqualTypeOf<{ id: string }>();
    expectTypeOf<Params<'/p/:year?/:slug'>>().toEqualTypeOf<{ year?: string; slug: string }>();
    expectTypeOf<Params<'/files/*'>>().toEqualTypeOf<{ '*': string }>();
    expectTypeOf<Params<'/files/*rest'>>().toEqualTypeOf<{ rest: string }>();
    expectTypeOf<Params<'/about'>>().toEqualTypeOf<Record<never, never>>();
  });

  it('falls back to a string record when the path is not a literal', () => {
    expectTypeOf<Params<string>>().toEqualTypeOf<Record<string, string | undefined>>();
  });
});
