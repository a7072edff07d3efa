// The package's errors. Guards check `.name`, not instanceof (STYLE.md: Errors).
import type { HeaderList } from '@tsgi/async';

/** Message constants, so tests import them instead of copying text. */
export const MESSAGES = {
  unknownCase: (driver: string, id: string) =>
    `driver '${driver}' declares unknown case '${id}' unsupported; see CASE_IDS for the valid ids`,
  emptyReason: (driver: string, id: string) =>
    `driver '${driver}' declares case '${id}' unsupported without a reason; say why in one line`,
  noWebSocket: (driver: string) =>
    `driver '${driver}' served no websocket() but did not declare the 'ws.*' cases unsupported`,
  wrongInterface: (id: string, kind: string) => `case '${id}' does not apply to the ${kind} interface`,
  handshakeDenied: (status: number) => `WebSocket handshake denied with HTTP ${status}`,
} as const;

/**
 * The server answered a WebSocket handshake with an HTTP response instead of upgrading. Drivers
 * reject `Served.websocket()` with it, carrying the response.
 *
 * @example
 * ws.on('unexpected-response', (_req, res) => reject(new HandshakeDeniedError({ status: res.statusCode, headers, body })));
 */
export class HandshakeDeniedError extends Error {
  override readonly name = 'HandshakeDeniedError';
  readonly status: number;
  /** Names lower-cased, in order. */
  readonly headers: HeaderList;
  readonly body: Uint8Array;

  constructor(response: { status: number; headers: HeaderList; body: Uint8Array }, options?: { cause?: unknown }) {
    super(MESSAGES.handshakeDenied(response.status), options);
    this.status = response.status;
    this.headers = response.headers;
    this.body = response.body;
  }
}

/** True for a HandshakeDeniedError from any copy of this package. */
export const isHandshakeDeniedError = (error: unknown): error is HandshakeDeniedError =>
  (error as { name?: unknown } | null)?.name === 'HandshakeDeniedError';

/** A driver is set up wrongly (an unknown case id, a missing reason): fails at once, before any test. */
export class DriverConfigError extends Error {
  override readonly name = 'DriverConfigError';
  readonly driver: string;

  constructor(driver: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.driver = driver;
  }
}

/** True for a DriverConfigError from any copy of this package. */
export const isDriverConfigError = (error: unknown): error is DriverConfigError =>
  (error as { name?: unknown } | null)?.name === 'DriverConfigError';
