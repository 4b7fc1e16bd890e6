/**
 * The words of update inspection (issue #9), shared by the worker's reader, the nesting resolver and the main
 * thread's checks against the live doc.
 */

/** How much one update may hold (issue #9); from the configuration. */
export interface ShapeBounds {
  /** Structs plus delete ranges in one update. */
  readonly maxStructs: number;
  /** Nesting of shared types from a root (a root is 1), and of JSON values inside content. */
  readonly maxDepth: number;
}

/** Where the depth of a type the update does not carry comes from (resolved against the live doc). */
export const AnchorKind = {
  /** The item at (client, clock) is itself a type; its depth counts. */
  typeItem: 0,
  /** The item at (client, clock) sits in a type; that type's depth counts. */
  parentOf: 1,
} as const;

/**
 * What the main thread needs to know of a well-formed v1 update to check it against the live doc without
 * decoding it again. Flat number arrays, so the worker's answer is cheap to copy.
 */
export interface UpdateShape {
  /** Structs plus delete ranges. */
  readonly units: number;
  /** Root names the update writes into directly (checked against the doc type's allowlist). */
  readonly roots: string[];
  /** `[client, end]` pairs: the update carries structs of `client` up to clock `end` (exclusive). */
  readonly ends: number[];
  /** `[client, clock]` pairs: the doc must already hold every clock of `client` below `clock`. */
  readonly needs: number[];
  /** `[client, start, end]` triples: runs of structs without a gap (skips end a run). */
  readonly runs: number[];
  /** `[client, clock, length]` triples: the ranges the update deletes, sorted per client. */
  readonly deletes: number[];
  /** `[kind, client, clock, depthBelow]`: types nested `depthBelow` deep under a type that is in the doc. */
  readonly anchors: number[];
}

/** Why an update was refused before it reached the doc. */
export type ShapeFault = 'malformed' | 'v2_encoding' | 'too_many_structs' | 'too_deep' | 'subdocument';

export type ShapeResult = { ok: true; shape: UpdateShape } | { ok: false; fault: ShapeFault; detail: string };

/** Thrown while reading; `readUpdateShape` turns it into its result. */
export class ShapeError extends Error {
  constructor(
    readonly fault: ShapeFault,
    detail: string,
  ) {
    super(detail);
  }
}
