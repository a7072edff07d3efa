// Type-level parsing of route patterns: the params object a handler receives, inferred from the literal.

type Segments<P extends string> = P extends `${infer Head}/${infer Tail}` ? Head | Segments<Tail> : P;

type ParamOf<S extends string> = S extends `:${infer Name}?`
  ? { [K in Name]?: string }
  : S extends `:${infer Name}`
    ? { [K in Name]: string }
    : S extends `*${infer Name}`
      ? { [K in Name extends '' ? '*' : Name]: string }
      : Record<never, never>;

type Intersect<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
type Flatten<T> = { [K in keyof T]: T[K] };

/**
 * The params a route pattern captures, inferred from its literal type.
 *
 * @example
 * type P = Params<'/users/:id/files/:name?/*'>;
 * // { id: string; name?: string; '*': string }
 */
export type Params<Path extends string> = string extends Path
  ? Record<string, string | undefined>
  : Flatten<Intersect<ParamOf<Segments<Path>>>>;
