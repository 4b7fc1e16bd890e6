/** A seeded random source: the same seed gives the same sequence of numbers in [0, 1). */
export type Rng = () => number;

/** mulberry32: tiny, fast and good enough to drive fuzz tests from a printed seed. */
export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A whole number in [0, n). */
export function randomInt(rng: Rng, n: number): number {
  return Math.floor(rng() * n);
}

/** One element of a non-empty list. */
export function pick<T>(rng: Rng, values: readonly T[]): T {
  if (values.length === 0) throw new Error('pick from an empty list');
  return values[randomInt(rng, values.length)] as T;
}

/** A seed from an environment variable (decimal or 0x hex), or a fresh random one. */
export function seedFrom(raw: string | undefined): number {
  if (raw !== undefined && raw.trim() !== '') {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 0 || n > 0xffffffff) throw new Error(`seed must be a whole number 0…4294967295 (got "${raw}")`);
    return n;
  }
  return Math.floor(Math.random() * 0x100000000);
}
