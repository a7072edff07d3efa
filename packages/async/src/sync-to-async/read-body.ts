// Reads a whole request body for a sync app: memory first, then the spool, never past the limit.
import type { InputStream } from '@tsgi/sync';
import { concat } from '../internal/bytes.js';
import { BRIDGE_MESSAGES } from '../messages.js';
import type { Receive } from '../types/app.js';
import type { HeaderList } from '../types/common.js';
import type { Spool, SpoolFactory } from './spool.js';

/** What reading the body came to. */
export type BodyResult =
  | { kind: 'body'; body: Uint8Array | InputStream; spool: Spool | null }
  | { kind: 'too-large' }
  | { kind: 'disconnected' };

export interface BodyLimits {
  bodyLimit: number;
  spoolThreshold: number;
  spool: SpoolFactory;
}

/** Reads every http.request event; past `spoolThreshold` bytes the rest goes through a spool. */
export async function readBody(receive: Receive, headers: HeaderList, limits: BodyLimits): Promise<BodyResult> {
  const declared = headers.find(([name]) => name === 'content-length')?.[1];
  // async §7.2: a declared length over the limit is refused before a byte is read.
  if (declared !== undefined && Number(declared) > limits.bodyLimit) return { kind: 'too-large' };
  const memory: Uint8Array[] = [];
  let size = 0;
  let spool: Spool | null = null;
  try {
    for (;;) {
      const event = await receive();
      if (event.type !== 'http.request') {
        await spool?.close();
        return { kind: 'disconnected' };
      }
      size += event.body.byteLength;
      if (size > limits.bodyLimit) {
        await spool?.close();
        return { kind: 'too-large' };
      }
      if (spool) {
        if (event.body.byteLength > 0) await spool.write(event.body);
      } else if (size > limits.spoolThreshold) {
        spool = await openSpool(limits);
        for (const chunk of memory) await spool.write(chunk);
        memory.length = 0;
        await spool.write(event.body);
      } else if (event.body.byteLength > 0) memory.push(event.body);
      if (!event.moreBody) break;
    }
    return spool ? { kind: 'body', body: await spool.toInput(), spool } : { kind: 'body', body: concat(memory), spool: null };
  } catch (error) {
    await spool?.close();
    throw error;
  }
}

// A spool that cannot be opened (a missing or full TMPDIR) is the server's fault, not the app's:
// the error says what failed, since it surfaces as the bridged app's.
async function openSpool(limits: BodyLimits): Promise<Spool> {
  try {
    return await limits.spool();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(BRIDGE_MESSAGES.spoolFailed(limits.spoolThreshold, reason), { cause: error });
  }
}
