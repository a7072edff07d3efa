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

/** The error for field `path` of `event`, missing or of the wrong type. */
export function malformed(event: object, path: string, source: string): MalformedEventError {
  return new MalformedEventError(source, path, Object.keys(event));
}

/** Checks a value through `check`; absent or null gives `fallback`, a wrong type throws naming `path`. */
function checked<T>(value: unknown, event: object, path: string, source: string, check: (value: unknown) => boolean, fallback: T): T {
  if (value === undefined || value === null) return fallback;
  if (!check(value)) throw malformed(event, path, source);
  return value as T;
}

// The checks below take a value the caller already read from `event` (a hot path reads its fields
// directly, not by dotted path); `path` only names the field when it is wrong.

/** A required non-empty string. */
export function checkRequiredString(value: unknown, event: object, path: string, source: string): string {
  if (typeof value !== 'string' || value === '') throw malformed(event, path, source);
  return value;
}

/** A required object. */
export function checkRequiredObject(value: unknown, event: object, path: string, source: string): Record<string, unknown> {
  if (!isRecord(value)) throw malformed(event, path, source);
  return value;
}

/** An optional string; undefined when absent or null. */
export function checkOptionalString(value: unknown, event: object, path: string, source: string): string | undefined {
  return checked<string | undefined>(value, event, path, source, isString, undefined);
}

/** An optional boolean; false when absent or null. */
export function checkOptionalBoolean(value: unknown, event: object, path: string, source: string): boolean {
  return checked(value, event, path, source, isBoolean, false);
}

/** An array of strings; `[]` when absent or null. */
export function checkStringArray(value: unknown, event: object, path: string, source: string): string[] {
  return checked(value, event, path, source, isStringArray, []);
}

/** An optional object whose entries the caller checks as it reads them; `{}` when absent or null. */
export function checkOptionalObject(value: unknown, event: object, path: string, source: string): Record<string, unknown> {
  return checked(value, event, path, source, isRecord, {});
}

/** A map of names to strings; `{}` when absent or null. */
export function checkStringMap(value: unknown, event: object, path: string, source: string): Fields {
  return checked(value, event, path, source, isStringMap, {});
}

/** A required non-empty string, e.g. `httpMethod`. */
export function requireString(event: object, path: string, source: string): string {
  return checkRequiredString(at(event, path), event, path, source);
}

/** A required object, e.g. `requestContext.http`. */
export function requireObject(event: object, path: string, source: string): Record<string, unknown> {
  return checkRequiredObject(at(event, path), event, path, source);
}

/** An optional object; `{}` when absent or null. */
export function optionalObject(event: object, path: string, source: string): Record<string, unknown> {
  return checkOptionalObject(at(event, path), event, path, source);
}

/** An optional string (`body`, `rawQueryString`); undefined when absent or null. */
export function optionalString(event: object, path: string, source: string): string | undefined {
  return checkOptionalString(at(event, path), event, path, source);
}

/** An optional boolean (`isBase64Encoded`); false when absent or null. */
export function optionalBoolean(event: object, path: string, source: string): boolean {
  return checkOptionalBoolean(at(event, path), event, path, source);
}

/** An array of strings (`cookies`); `[]` when absent or null. */
export function stringArray(event: object, path: string, source: string): string[] {
  return checkStringArray(at(event, path), event, path, source);
}

/** A map of names to strings (`headers`, `queryStringParameters`); `{}` when absent or null. */
export function stringMap(event: object, path: string, source: string): Fields {
  return checkStringMap(at(event, path), event, path, source);
}

/** A map of names to string arrays (`multiValueHeaders`); `{}` when absent or null. */
export function multiValueMap(event: object, path: string, source: string): Record<string, string[]> {
  return checked(at(event, path), event, path, source, isStringArrayMap, {});
}
