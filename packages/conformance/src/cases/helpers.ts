// Small assertion helpers the cases share; every check is exact so a broken host fails.
import type { HeaderList } from '@tsgi/async';
import type { ExpectStatic } from 'vitest';
import { fromUtf8 } from '../_internal/bytes.js';
import { crc32Hex } from '../_internal/crc32.js';
import type { ConformanceRequest, ConformanceResponse, Served } from '../driver.js';
import type { ProbeReport } from '../probe/report.js';

let counter = 0;
/** A token unique to this process, tying journal entries to one case. */
export const newToken = (): string => `t${++counter}x${Math.floor(Math.random() * 1e9).toString(36)}`;

/** Every value of a header, by case-insensitive name, in order. */
export const headerValues = (headers: HeaderList, name: string): string[] =>
  headers.filter(([n]) => n.toLowerCase() === name.toLowerCase()).map(([, v]) => v);

/** A header's values joined with ', ' (RFC 9110 §5.3), or undefined when absent. */
export function headerValue(headers: HeaderList, name: string): string | undefined {
  const values = headerValues(headers, name);
  return values.length === 0 ? undefined : values.join(', ');
}

/** Sends a request and parses the probe's JSON report, insisting on a 200 JSON answer. */
export async function askReport(expect: ExpectStatic, served: Served, req: ConformanceRequest): Promise<ProbeReport> {
  return readReport(expect, await served.request(req));
}

/** Parses the probe's JSON report out of a response, insisting on a 200 JSON answer. */
export function readReport(expect: ExpectStatic, res: ConformanceResponse): ProbeReport {
  expect(res.status, fromUtf8(res.body)).toBe(200);
  expect(headerValue(res.headers, 'content-type')).toBe('application/json');
  return JSON.parse(fromUtf8(res.body)) as ProbeReport;
}

/** Compares bodies by length and CRC-32 first, so a megabyte mismatch prints two short lines. */
export function expectBytes(expect: ExpectStatic, actual: Uint8Array, expected: Uint8Array): void {
  expect({ length: actual.length, crc32: crc32Hex(actual) }).toEqual({ length: expected.length, crc32: crc32Hex(expected) });
}

/** The body as UTF-8 text. */
export const text = (res: ConformanceResponse): string => fromUtf8(res.body);
