import { pick, randomInt, type Rng } from './seededRng';

/**
 * Mutations of valid Yjs updates for the fuzzer (issue #9): the kinds of damage a hostile or broken client
 * could do to bytes that were valid. Each returns a new array and names itself, for the failure report.
 */
export interface Mutant {
  readonly how: string;
  readonly bytes: Uint8Array;
}

/** Values a varint is most likely to break things with: zero, one, byte edges, 32-bit and 53-bit edges. */
const EDGE_VALUES = [0, 1, 2, 127, 128, 255, 16_383, 16_384, 2 ** 31 - 1, 2 ** 31, 2 ** 32 - 1, 2 ** 32, 2 ** 53 - 1];

export function mutate(rng: Rng, update: Uint8Array, other: Uint8Array): Mutant {
  const kinds = [flipBits, insertBytes, deleteBytes, tweakVarint, splice, truncate, repeatSlice];
  const mutation = pick(rng, kinds);
  const rounds = 1 + randomInt(rng, 3);
  let bytes = update;
  const how: string[] = [];
  for (let i = 0; i < rounds; i++) {
    const m = (i === 0 ? mutation : pick(rng, kinds))(rng, bytes, other);
    bytes = m.bytes;
    how.push(m.how);
  }
  return { how: how.join(' + '), bytes };
}

function flipBits(rng: Rng, u: Uint8Array): Mutant {
  const bytes = u.slice();
  const flips = 1 + randomInt(rng, 4);
  for (let i = 0; i < flips && bytes.length > 0; i++) {
    const at = randomInt(rng, bytes.length);
    bytes[at] = (bytes[at] as number) ^ (1 << randomInt(rng, 8));
  }
  return { how: `flip ${flips} bit(s)`, bytes };
}

function insertBytes(rng: Rng, u: Uint8Array): Mutant {
  const at = randomInt(rng, u.length + 1);
  const n = 1 + randomInt(rng, 8);
  const extra = Uint8Array.from({ length: n }, () => randomInt(rng, 256));
  return { how: `insert ${n} at ${at}`, bytes: concat(u.subarray(0, at), extra, u.subarray(at)) };
}

function deleteBytes(rng: Rng, u: Uint8Array): Mutant {
  if (u.length === 0) return { how: 'delete nothing', bytes: u };
  const at = randomInt(rng, u.length);
  const n = 1 + randomInt(rng, Math.min(8, u.length - at));
  return { how: `delete ${n} at ${at}`, bytes: concat(u.subarray(0, at), u.subarray(at + n)) };
}

/** Replaces the varint starting at a random byte with an edge value, or nudges it by one. */
function tweakVarint(rng: Rng, u: Uint8Array): Mutant {
  if (u.length === 0) return { how: 'tweak nothing', bytes: u };
  const at = randomInt(rng, u.length);
  let end = at;
  let value = 0;
  let mult = 1;
  while (end < u.length) {
    const b = u[end++] as number;
    value += (b & 0x7f) * mult;
    mult *= 128;
    if (b < 0x80) break;
  }
  const next = rng() < 0.5 ? pick(rng, EDGE_VALUES) : Math.max(0, value + (rng() < 0.5 ? 1 : -1));
  return { how: `varint at ${at}: ${value} → ${next}`, bytes: concat(u.subarray(0, at), writeVarUint(next), u.subarray(end)) };
}

/** The head of one update on the tail of another. */
function splice(rng: Rng, u: Uint8Array, other: Uint8Array): Mutant {
  const a = randomInt(rng, u.length + 1);
  const b = randomInt(rng, other.length + 1);
  return { how: `splice ${a} | other from ${b}`, bytes: concat(u.subarray(0, a), other.subarray(b)) };
}

function truncate(rng: Rng, u: Uint8Array): Mutant {
  const at = randomInt(rng, u.length + 1);
  return { how: `truncate at ${at}`, bytes: u.slice(0, at) };
}

/** A slice written twice: duplicated structs, sections or lengths. */
function repeatSlice(rng: Rng, u: Uint8Array): Mutant {
  const at = randomInt(rng, u.length + 1);
  const n = randomInt(rng, Math.min(32, u.length - at) + 1);
  return { how: `repeat ${n} at ${at}`, bytes: concat(u.subarray(0, at + n), u.subarray(at)) };
}

function writeVarUint(value: number): Uint8Array {
  const out: number[] = [];
  let v = value;
  while (v > 0x7f) {
    out.push(0x80 | (v % 128));
    v = Math.floor(v / 128);
  }
  out.push(v);
  return Uint8Array.from(out);
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Bytes as hex, to paste into a regression test. */
export function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex');
}
