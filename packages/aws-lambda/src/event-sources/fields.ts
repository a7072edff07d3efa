// Typed reads of an event's fields. A field of the wrong type makes the event malformed, named by its
// dotted key — never a TypeError deep in a runner, nor a body of "[object Object]".
import { MalformedEventError } from '../errors.js';

/** A string map after checking: names to strings. */
export type Fields = Record<string, string>;

function at(event: object, path: string): unknown {
  let value: unknown = event;
  for (const key of path.split('.')) {
    value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  }
  return value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads a field through `check`; absent or null gives `fallback`, a wrong type throws naming `path`. */
function read<T>(event: object, path: string, source: string, check: (value: unknown) => boolean, fallback: T): T {
  const value = at(event, path);
  if (value === undefined || value === null) return fallback;
  if (!check(value)) throw new MalformedEventError(source, path, Object.keys(event));
  return value as T;
}

/** A required non-empty string, e.g. `httpMethod`. */
export function requireString(event: object, path: string, source: string): string {
  const value = at(event, path);
  if (typeof value !== 'string' || value === '') throw new MalformedEventError(source, path, Object.keys(event));
  return value;
}

/** A required object, e.g. `requestContext.http`. */
export function requireObject(event: object, path: string, source: string): Record<string, unknown> {
  const value = at(event, path);
  if (!isRecord(value)) throw new MalformedEventError(source, path, Object.keys(event));
  return value;
}

/** An optional object; `{}` when absent or null. */
export function optionalObject(event: object, path: string, source: string): Record<string, unknown> {
  return read(event, path, source, isRecord, {});
}

/** An optional string (`body`, `rawQueryString`); undefined when absent or null. */
export function optionalString(event: object, path: string, source: string): string | undefined {
  return read<string | undefined>(event, path, source, (value) => typeof value === 'string', undefined);
}

/** An optional boolean (`isBase64Encoded`); false when absent or null. */
export function optionalBoolean(event: object, path: string, source: string): boolean {
  return read(event, path, source, (value) => typeof value === 'boolean', false);
}

/** An array of strings (`cookies`); `[]` when absent or null. */
export function stringArray(event: object, path: string, source: string): string[] {
  return read(event, path, source, (value) => Array.isArray(value) && value.every((item) => typeof item === 'string'), []);
}

/** A map of names to strings (`headers`, `queryStringParameters`); `{}` when absent or null. */
export function stringMap(event: object, path: string, source: string): Fields {
  const check = (value: unknown) => isRecord(value) && Object.values(value).every((item) => typeof item === 'string');
  return read(event, path, source, check, {});
}

/** A map of names to string arrays (`multiValueHeaders`); `{}` when absent or null. */
export function multiValueMap(event: object, path: string, source: string): Record<string, string[]> {
  const strings = (item: unknown) => Array.isArray(item) && item.every((value) => typeof value === 'string');
  return read(event, path, source, (value) => isRecord(value) && Object.values(value).every(strings), {});
}
