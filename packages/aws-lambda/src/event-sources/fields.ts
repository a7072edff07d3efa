// Typed reads of an event's fields. A field of the wrong type makes the event malformed, named by its
// dotted key — never a TypeError deep in a runner, nor a body of "[object Object]".
import { MalformedEventError } from '../errors.js';

/** A string map after checking: names to strings. */
export type Fields = Record<string, string>;

// Each dotted path is split once: the same few paths are read on every invocation of a warm handler.
const KEYS = new Map<string, readonly string[]>();

function at(event: object, path: string): unknown {
  let keys = KEYS.get(path);
  if (keys === undefined) KEYS.set(path, (keys = path.split('.')));
  let value: unknown = event;
  for (let i = 0; i < keys.length; i++) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[keys[i]!];
  }
  return value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// Loops rather than Object.values(...).every(...): no array per check on the per-invocation path.
function isStringArray(value: unknown): boolean {
  if (!Array.isArray(value)) return false;
  for (let i = 0; i < value.length; i++) if (typeof value[i] !== 'string') return false;
  return true;
}

function isStringMap(value: unknown): boolean {
  if (!isRecord(value)) return false;
  for (const key in value) if (Object.hasOwn(value, key) && typeof value[key] !== 'string') return false;
  return true;
}

function isStringArrayMap(value: unknown): boolean {
  if (!isRecord(value)) return false;
  for (const key in value) if (Object.hasOwn(value, key) && !isStringArray(value[key])) return false;
  return true;
}

const isString = (value: unknown): boolean => typeof value === 'string';
const isBoolean = (value: unknown): boolean => typeof value === 'boolean';

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
  return read<string | undefined>(event, path, source, isString, undefined);
}

/** An optional boolean (`isBase64Encoded`); false when absent or null. */
export function optionalBoolean(event: object, path: string, source: string): boolean {
  return read(event, path, source, isBoolean, false);
}

/** An array of strings (`cookies`); `[]` when absent or null. */
export function stringArray(event: object, path: string, source: string): string[] {
  return read(event, path, source, isStringArray, []);
}

/** A map of names to strings (`headers`, `queryStringParameters`); `{}` when absent or null. */
export function stringMap(event: object, path: string, source: string): Fields {
  return read(event, path, source, isStringMap, {});
}

/** A map of names to string arrays (`multiValueHeaders`); `{}` when absent or null. */
export function multiValueMap(event: object, path: string, source: string): Record<string, string[]> {
  return read(event, path, source, isStringArrayMap, {});
}
