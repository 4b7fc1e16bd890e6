/**
 * Runtime checks for the plain values stored in the plan's Y.Maps. Reads run every stored value through
 * one of these, because any writer of a doc (or an older client) can put anything under a key.
 */

/** A type guard: true when `value` has type `T`. */
export type Guard<T> = (value: unknown) => value is T;

/** A calendar date without time or zone, `YYYY-MM-DD`; due dates and meeting dates are days, not instants. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written as `YYYY-MM-DD` (so `2026-02-30` is refused). */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

/** True for an ISO 8601 instant such as `2026-11-23T10:00:00.000Z` (attribution times). */
export function isIsoInstant(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value));
}

/** Any string (also empty). */
export function isString(value: unknown): value is string {
  return typeof value === 'string';
}

/** A string with at least one non-space character. */
export function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

export function isBoolean(value: unknown): value is boolean {
  return typeof value === 'boolean';
}

/** A guard for one of a fixed list of values. Example: `oneOf(['feit', 'mening'] as const)`. */
export function oneOf<const T extends readonly (string | number)[]>(values: T): Guard<T[number]> {
  return (value: unknown): value is T[number] => (values as readonly unknown[]).includes(value);
}

/** A guard for a whole number in `[min, max]`. */
export function intIn(min: number, max: number): Guard<number> {
  return (value: unknown): value is number => Number.isInteger(value) && (value as number) >= min && (value as number) <= max;
}

/** Accepts `null` besides what `guard` accepts. */
export function nullable<T>(guard: Guard<T>): Guard<T | null> {
  return (value: unknown): value is T | null => value === null || guard(value);
}

/** A guard for a list whose every element passes `guard`. */
export function arrayOf<T>(guard: Guard<T>): Guard<readonly T[]> {
  return (value: unknown): value is readonly T[] => Array.isArray(value) && value.every(guard);
}

/** True for a plain object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
