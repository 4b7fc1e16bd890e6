/**
 * Returns `next`, but reuses every part of `prev` that is deeply equal to the same part of `next`; when
 * nothing changed, `prev` itself. Array elements that carry an `id` are matched by id (a moved item keeps
 * its identity), others by index. For plain data read from a doc (JSON-like values).
 *
 * @example shareStructure([{ id: 'a', t: 'x' }], [{ id: 'a', t: 'x' }]) // the first array itself
 */
export function shareStructure<T>(prev: T, next: T): T {
  if (Object.is(prev, next)) return prev;
  if (Array.isArray(prev) && Array.isArray(next)) return shareArray(prev, next) as T;
  if (isPlainObject(prev) && isPlainObject(next)) return shareObject(prev, next) as T;
  return next;
}

function shareArray(prev: readonly unknown[], next: readonly unknown[]): readonly unknown[] {
  const byId = new Map<string, unknown>();
  for (const p of prev) if (hasId(p)) byId.set(p.id, p);
  let same = prev.length === next.length;
  const out = next.map((n, i) => {
    const match = hasId(n) ? byId.get(n.id) : prev[i];
    const shared = match === undefined ? n : shareStructure(match, n);
    if (shared !== prev[i]) same = false;
    return shared;
  });
  return same ? prev : out;
}

function shareObject(prev: Record<string, unknown>, next: Record<string, unknown>): Record<string, unknown> {
  const keys = Object.keys(next);
  let same = keys.length === Object.keys(prev).length;
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const shared = key in prev ? shareStructure(prev[key], next[key]) : next[key];
    if (shared !== prev[key] || !(key in prev)) same = false;
    out[key] = shared;
  }
  return same ? prev : out;
}

function hasId(value: unknown): value is { id: string } {
  return isPlainObject(value) && typeof value.id === 'string';
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
