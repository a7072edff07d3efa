// The HTTP event state machine (async §3.6), shared by validate() and runHttp so both enforce the
// same rules with the same messages.
import { AsyncSpecError } from '../errors.js';
import { COMMON_MESSAGES, HTTP_MESSAGES } from '../messages.js';
import type { HeaderList } from '../types/common.js';
import type { HTTPScope } from '../types/http.js';
import { checkBoolean, checkBytes, checkHeaders, eventType, headerValues, isFieldText } from './checks.js';

/** An app event with its defaults filled in (async §3.4, §3.5, §6). */
export type HttpOutput =
  | { type: 'http.response.start'; status: number; headers: HeaderList; trailers: boolean }
  | { type: 'http.response.body'; body: Uint8Array; moreBody: boolean }
  | { type: 'http.response.trailers'; headers: HeaderList; moreTrailers: boolean }
  | { type: 'http.response.pathsend'; path: string }
  | { type: 'http.response.zerocopysend'; file: number; offset: number | undefined; count: number | undefined; moreBody: boolean }
  | { type: 'http.response.early_hint'; links: string[] }
  | { type: 'http.response.push'; path: string; headers: HeaderList }
  | { type: 'http.response.debug'; info: Record<string, unknown> };

/** Where the response is: before start, in the body, in the trailers, or done. */
export type HttpPhase = 'start' | 'body' | 'trailers' | 'complete';

// Windows drive or UNC paths count as absolute too: pathsend names a file on the server's disk.
const ABSOLUTE = /^(?:\/|[A-Za-z]:[\\/]|\\\\)/;
const DIGITS = /^\d+$/;

/** Tracks one HTTP connection scope's events in both directions and throws on the first broken rule. */
export class HttpProtocol {
  phase: HttpPhase = 'start';
  trailers = false;
  /** Response bytes counted against content-length; null once the length cannot be known. */
  sentBytes: number | null = 0;
  declaredLength: number | null = null;
  requestEnded = false;
  disconnected = false;
  /** The response may carry no content (HEAD, 204, 304): a server discards body bytes. */
  discardBody = false;
  private readonly bodyless: boolean;

  constructor(private readonly scope: Pick<HTTPScope, 'method' | 'extensions'>) {
    // RFC 9110 §9.3.2: a HEAD response carries no content, so its content-length is not checked.
    // §9.1: methods are case-sensitive; 'head' is some other method.
    this.bodyless = scope.method === 'HEAD';
  }

  /** Checks a server → app event (async §3.2, §3.3). */
  receive(event: unknown): void {
    const type = eventType(event);
    const e = event as Record<string, unknown>;
    if (type === 'http.disconnect') {
      this.disconnected = true;
      return;
    }
    if (type !== 'http.request') throw new AsyncSpecError(COMMON_MESSAGES.unknownEvent(type, 'http', 'received'));
    if (this.disconnected) throw new AsyncSpecError(HTTP_MESSAGES.receiveAfterDisconnect(type));
    if (this.requestEnded) throw new AsyncSpecError(HTTP_MESSAGES.requestAfterEnd);
    // async §2.4.5: events a server produces carry every key; defaults are for the app's events.
    if (e.body === undefined) throw new AsyncSpecError(COMMON_MESSAGES.notBytes(type, 'body'));
    if (e.moreBody === undefined) throw new AsyncSpecError(COMMON_MESSAGES.notBoolean(type, 'moreBody'));
    checkBytes(e.body, type, 'body');
    this.requestEnded = !checkBoolean(e.moreBody, type, 'moreBody');
  }

  /** Checks an app → server event and advances the state; returns it with defaults filled. */
  send(event: unknown): HttpOutput {
    const type = eventType(event);
    const e = event as Record<string, unknown>;
    switch (type) {
      case 'http.response.start':
        return this.start(e);
      case 'http.response.body':
        return this.body(e);
      case 'http.response.trailers':
        return this.trailer(e);
      case 'http.response.pathsend':
        return this.pathsend(e);
      case 'http.response.zerocopysend':
        return this.zerocopysend(e);
      case 'http.response.early_hint':
        return this.earlyHint(e);
      case 'http.response.push':
        return this.push(e);
      case 'http.response.debug':
        if (typeof e.info !== 'object' || e.info === null) throw new AsyncSpecError(HTTP_MESSAGES.debugBadInfo);
        return { type, info: e.info as Record<string, unknown> };
      default:
        throw new AsyncSpecError(COMMON_MESSAGES.unknownEvent(type, 'http', 'sent'));
    }
  }

  /** True when `status` forbids content, so content-length describes another response. */
  private static bodylessStatus(status: number): boolean {
    // RFC 9110 §6.4.1: 204 and 304 responses never carry content.
    return status === 204 || status === 304;
  }

  private start(e: Record<string, unknown>): HttpOutput {
    if (this.phase !== 'start') throw new AsyncSpecError(this.phase === 'complete' ? HTTP_MESSAGES.afterComplete('http.response.start') : HTTP_MESSAGES.startTwice);
    const status = e.status;
    if (typeof status !== 'number' || !Number.isInteger(status) || status < 200 || status > 599) {
      throw new AsyncSpecError(HTTP_MESSAGES.badStatus(status));
    }
    const headers = checkHeaders(e.headers, "'http.response.start' headers");
    const trailers = checkBoolean(e.trailers, 'http.response.start', 'trailers');
    if (trailers && !this.advertised('http.response.trailers')) throw new AsyncSpecError(HTTP_MESSAGES.trailersNotAdvertised);
    const lengths = headerValues(headers, 'content-length');
    if (lengths.length > 0 && !this.bodyless && !HttpProtocol.bodylessStatus(status)) {
      // RFC 9110 §8.6: repeated identical values are one length; anything else is invalid.
      const first = lengths[0] ?? '';
      const value = first.trim();
      if (!DIGITS.test(value) || lengths.some((other) => other.trim() !== value)) {
        throw new AsyncSpecError(HTTP_MESSAGES.badContentLength(lengths.join(', ')));
      }
      this.declaredLength = Number(value);
    }
    this.phase = 'body';
    this.trailers = trailers;
    this.discardBody = this.bodyless || HttpProtocol.bodylessStatus(status);
    return { type: 'http.response.start', status, headers, trailers };
  }

  private body(e: Record<string, unknown>): HttpOutput {
    this.expectBody('http.response.body');
    const body = checkBytes(e.body, 'http.response.body', 'body');
    const moreBody = checkBoolean(e.moreBody, 'http.response.body', 'moreBody');
    if (this.sentBytes !== null) {
      const sent = this.sentBytes + body.byteLength;
      if (this.declaredLength !== null && sent > this.declaredLength) {
        throw new AsyncSpecError(HTTP_MESSAGES.bodyTooLong(sent, this.declaredLength));
      }
      if (!moreBody && this.declaredLength !== null && sent < this.declaredLength) {
        throw new AsyncSpecError(HTTP_MESSAGES.bodyTooShort(sent, this.declaredLength));
      }
      this.sentBytes = sent;
    }
    if (!moreBody) this.endBody();
    return { type: 'http.response.body', body, moreBody };
  }

  private trailer(e: Record<string, unknown>): HttpOutput {
    const type = 'http.response.trailers';
    if (this.phase === 'complete') throw new AsyncSpecError(HTTP_MESSAGES.afterComplete(type));
    if (this.phase === 'start') throw new AsyncSpecError(HTTP_MESSAGES.trailersNotAnnounced);
    if (!this.trailers) throw new AsyncSpecError(HTTP_MESSAGES.trailersNotAnnounced);
    if (this.phase === 'body') throw new AsyncSpecError(HTTP_MESSAGES.trailersBeforeBodyEnd);
    const headers = checkHeaders(e.headers, "'http.response.trailers' headers");
    const moreTrailers = checkBoolean(e.moreTrailers, type, 'moreTrailers');
    if (!moreTrailers) this.phase = 'complete';
    return { type, headers, moreTrailers };
  }

  private pathsend(e: Record<string, unknown>): HttpOutput {
    const type = 'http.response.pathsend';
    this.requireExtension(type, type);
    if (this.phase === 'start') throw new AsyncSpecError(HTTP_MESSAGES.pathsendBeforeStart);
    this.expectBody(type);
    if (this.sentBytes !== 0) throw new AsyncSpecError(HTTP_MESSAGES.pathsendAfterBody);
    if (typeof e.path !== 'string' || !ABSOLUTE.test(e.path)) throw new AsyncSpecError(HTTP_MESSAGES.pathsendNotAbsolute(e.path));
    this.sentBytes = null;
    this.endBody();
    return { type, path: e.path };
  }

  private zerocopysend(e: Record<string, unknown>): HttpOutput {
    const type = 'http.response.zerocopysend';
    this.requireExtension(type, type);
    this.expectBody(type);
    const { file, offset, count } = e;
    if (typeof file !== 'number' || !Number.isInteger(file) || file < 0) throw new AsyncSpecError(HTTP_MESSAGES.zerocopyBadFile);
    for (const n of [offset, count]) {
      if (n !== undefined && (typeof n !== 'number' || !Number.isInteger(n) || n < 0)) {
        throw new AsyncSpecError(HTTP_MESSAGES.zerocopyBadFile);
      }
    }
    const moreBody = checkBoolean(e.moreBody, type, 'moreBody');
    this.sentBytes = null;
    if (!moreBody) this.endBody();
    return { type, file, offset: offset as number | undefined, count: count as number | undefined, moreBody };
  }

  private earlyHint(e: Record<string, unknown>): HttpOutput {
    const type = 'http.response.early_hint';
    this.requireExtension(type, type);
    if (this.phase !== 'start') throw new AsyncSpecError(HTTP_MESSAGES.earlyHintAfterStart);
    if (!Array.isArray(e.links) || !(e.links as unknown[]).every(isFieldText)) {
      throw new AsyncSpecError(HTTP_MESSAGES.earlyHintBadLinks);
    }
    return { type, links: [...(e.links as string[])] };
  }

  private push(e: Record<string, unknown>): HttpOutput {
    const type = 'http.response.push';
    this.requireExtension(type, type);
    if (this.phase === 'complete') throw new AsyncSpecError(HTTP_MESSAGES.pushAfterComplete);
    if (typeof e.path !== 'string' || !e.path.startsWith('/')) throw new AsyncSpecError(HTTP_MESSAGES.pushBadPath);
    return { type, path: e.path, headers: checkHeaders(e.headers, "'http.response.push' headers") };
  }

  private expectBody(type: string): void {
    if (this.phase === 'start') throw new AsyncSpecError(HTTP_MESSAGES.sentBeforeStart(type));
    if (this.phase === 'trailers') throw new AsyncSpecError(HTTP_MESSAGES.bodyAfterTrailers(type));
    if (this.phase === 'complete') throw new AsyncSpecError(HTTP_MESSAGES.afterComplete(type));
  }

  private endBody(): void {
    this.phase = this.trailers ? 'trailers' : 'complete';
  }

  private advertised(extension: string): boolean {
    return this.scope.extensions?.[extension] !== undefined;
  }

  private requireExtension(type: string, extension: string): void {
    if (!this.advertised(extension)) throw new AsyncSpecError(HTTP_MESSAGES.notAdvertised(type, extension));
  }
}
