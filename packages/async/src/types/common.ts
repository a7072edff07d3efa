// docs/spec/async.md §2: what every scope shares.

/** Headers as `[name, value]` pairs; names lower-case, values latin-1, repeats kept (async §2.3). */
export type HeaderList = Array<[name: string, value: string]>;

/** `scope.tsgi`: the interface and spec versions a server implements (async §2.1). */
export interface TsgiVersion {
  /** The interface version. @default '1.0' */
  version: '1.0';
  /** The version of docs/spec/async.md the server follows. @default '1.0' */
  specVersion: '1.0';
}

/** Shared state from lifespan, shallow-copied into each connection's scope (async §5.4). */
export type State = Record<string, unknown>;

/** `[host, port]`; `port` is null for a unix socket (async §2.2). */
export type Address = [host: string, port: number | null];
