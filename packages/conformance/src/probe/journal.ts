// What a probe app observed out of band: things a client cannot see in a response (a disconnect the
// app noticed, close() being called, lifespan events). Cases await entries with a deadline.

/** One observation, e.g. `{ name: 'http.disconnect', token: 'k3', data: undefined }`. */
export interface JournalEntry {
  name: string;
  /** The request's `token` query parameter, tying the entry to one case. */
  token: string;
  data?: unknown;
}

/** How long `Journal.waitFor` waits by default, in milliseconds. */
export const JOURNAL_WAIT_MS = 5000;

/**
 * An append-only log of what a probe app observed.
 *
 * @example
 * const entry = await journal.waitFor('http.disconnect', token); // rejects after 5 s
 */
export class Journal {
  readonly entries: JournalEntry[] = [];
  readonly #waiters = new Set<() => void>();

  /** Appends an entry and wakes waiters. */
  record(name: string, token: string, data?: unknown): void {
    this.entries.push(data === undefined ? { name, token } : { name, token, data });
    for (const wake of [...this.#waiters]) wake();
  }

  /** The entries with this name (and token, when given), oldest first. */
  find(name: string, token?: string): JournalEntry[] {
    return this.entries.filter((e) => e.name === name && (token === undefined || e.token === token));
  }

  /**
   * Resolves with the first entry for the token whose name is `name` (or one of the names); rejects
   * naming what was seen if none comes in time.
   */
  waitFor(name: string | readonly string[], token: string, timeoutMs = JOURNAL_WAIT_MS): Promise<JournalEntry> {
    const names: readonly string[] = typeof name === 'string' ? [name] : name;
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const found = this.entries.find((e) => e.token === token && names.includes(e.name));
        if (found === undefined) return false;
        cleanup();
        resolve(found);
        return true;
      };
      const timer = setTimeout(() => {
        cleanup();
        const seen = this.entries.filter((e) => e.token === token).map((e) => e.name);
        reject(new Error(`probe never recorded '${names.join("' or '")}' for token ${token} within ${timeoutMs} ms; saw [${seen.join(', ')}]`));
      }, timeoutMs);
      const wake = (): void => void check();
      const cleanup = (): void => {
        clearTimeout(timer);
        this.#waiters.delete(wake);
      };
      this.#waiters.add(wake);
      check();
    });
  }
}
