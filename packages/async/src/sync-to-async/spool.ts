// Where syncToAsync keeps a request body too big to hold in memory (async §7.2).
import { createBufferedInput, type InputStream } from '@tsgi/sync';
import { concat } from '../internal/bytes.js';

/**
 * Holds one request body while it arrives, then hands it to the sync app as `tsgi.input`.
 * A host may supply one over a temp file (the node package does).
 *
 * @example
 * const spool = await factory();
 * await spool.write(chunk);            // every chunk past the threshold
 * const input = await spool.toInput(); // read synchronously by the app
 * await spool.close();                 // after the response: delete the temp file
 */
export interface Spool {
  write(chunk: Uint8Array): void | Promise<void>;
  /** Writing is over: the body as a synchronous input stream. */
  toInput(): InputStream | Promise<InputStream>;
  /** Frees what the spool holds; called once, after the response ends or fails. */
  close(): void | Promise<void>;
}

/** Makes a spool for one request. */
export type SpoolFactory = () => Spool | Promise<Spool>;

/**
 * The default spool: keeps the body in memory (runtime-neutral, bounded by `bodyLimit`).
 *
 * @example
 * syncToAsync(app, { spool: memorySpool });
 */
export const memorySpool: SpoolFactory = () => {
  const chunks: Uint8Array[] = [];
  return {
    write: (chunk) => void chunks.push(chunk),
    toInput: () => createBufferedInput(concat(chunks)),
    close: () => void chunks.splice(0),
  };
};
