// A route's params object, built once per request from the values the trie captured.
//
// Storing names that differ from route to route through one `params[name] = value` site makes V8 use
// its slowest (megamorphic) store, about as costly as the whole trie walk. So where the runtime allows
// code generation (Node, Bun, Deno) each route gets an object literal with its names written in, as
// find-my-way does; then every params object of a route is built with one shape. The names are
// identifiers or '*', never '__proto__' (parsePattern refuses anything else), written between double
// quotes: no request data ever reaches the generated code. Runtimes that forbid it (Cloudflare Workers, a page whose CSP
// lacks 'unsafe-eval') throw an EvalError, and get the same object from a loop.

/** Builds a route's params object; `value(i)` is the i-th captured value. */
export type ParamsBuilder = (value: (i: number) => string) => Record<string, string>;

/**
 * The params builder for a route's param names, in capture order.
 *
 * @example
 * paramsBuilder(['owner', 'repo'])((i) => ['tsgi', 'router'][i]); // { owner: 'tsgi', repo: 'router' }
 */
export function paramsBuilder(names: readonly string[]): ParamsBuilder {
  try {
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- see the file comment: names only, quoted
    return Function('v', `return{${names.map((name, i) => `"${name}":v(${i})`).join()}}`) as ParamsBuilder;
  } catch {
    return (value) => Object.fromEntries(names.map((name, i) => [name, value(i)]));
  }
}
