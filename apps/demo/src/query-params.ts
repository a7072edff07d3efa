// Query parameters the demo reads, checked once with a message naming the rule (400 otherwise).
import { HttpError, type MultiMap } from '@tsgi/router';
import { MESSAGES } from './errors.js';

/**
 * A whole-number query parameter within [min, max], or `fallback` when absent.
 *
 * @example
 * integerParam(req.query, 'limit', { min: 1, max: 1000, fallback: null }); // 3 for ?limit=3
 * integerParam(req.query, 'limit', { min: 1, max: 1000, fallback: null }); // HttpError 400 for ?limit=x
 */
export function integerParam<F extends number | null>(
  query: MultiMap,
  name: string,
  range: { min: number; max: number; fallback: F },
): number | F {
  const raw = query.get(name);
  if (raw === null) return range.fallback;
  const value = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!(value >= range.min && value <= range.max)) throw new HttpError(400, MESSAGES.badInteger(name, range.min, range.max));
  return value;
}
