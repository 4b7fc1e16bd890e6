import type { StoredVersion, VersionAgreement } from '../../../shared/src/versions/versionTypes';

/** One stored version file as it is on disk, for the verify command: its number by name, and its bytes. */
export interface RawVersionFile {
  /** The number the file's name gives it. */
  readonly nummer: number;
  readonly bytes: Uint8Array;
}

/**
 * Frozen versions of each plan (issue #8), beside the `Store` of DESIGN.md §6. A version is written once,
 * durably, as a new file and never rewritten: `add` refuses a number that is taken. Chaining and hashing
 * are the caller's (`versions/versionHash.ts`): the store keeps versions exactly as given.
 * Agreements are kept apart from the immutable versions, as an append-only list per plan.
 */
export interface VersionStore {
  /** Stores version `header.nummer` of its plan; resolves once durable. Throws `Invalid` when that number is taken. */
  add(version: StoredVersion): Promise<void>;
  /** Every readable version of a plan, oldest first (a file that does not parse is left out: `raw` shows it). */
  list(planId: string): Promise<StoredVersion[]>;
  /** One version, or undefined. */
  get(planId: string, nummer: number): Promise<StoredVersion | undefined>;
  /** The files of a plan's versions as they are, by number, for verification. */
  raw(planId: string): Promise<RawVersionFile[]>;
  /** Appends an answer on a version; resolves once durable. */
  addAgreement(planId: string, agreement: VersionAgreement): Promise<void>;
  /** Every answer of a plan, in the order given. */
  agreements(planId: string): Promise<VersionAgreement[]>;
}
