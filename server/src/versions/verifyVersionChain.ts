import { FIRST_PREVIOUS_HASH, type StoredVersion } from '../../../shared/src/versions/versionTypes';
import type { RawVersionFile } from '../storage/VersionStore';
import { headerHash, renderingHashes } from './versionHash';

/** Why a version does not match. */
export type VersionProblem =
  | 'unreadable'
  | 'wrong-number'
  | 'missing'
  | 'content'
  | 'header'
  | 'link'
  | 'not-in-audit'
  | 'audit-mismatch';

/** The verdict on a plan's versions: all good, or the first version whose content or link does not match. */
export type VersionChainVerdict = { ok: true; count: number } | { ok: false; nummer: number; problem: VersionProblem };

/**
 * Recomputes a plan's chain of versions (issue #8, "Verify"). Pure. The n-th file must be named and hold
 * version n; each rendering must hash to what its header says; each header must hash to its `hash`; each
 * `vorigeHash` must be the previous version's `hash`. The audit log is the second witness: every
 * `version.frozen` record names a number and hash that must be there, so deleting the newest version or
 * rewriting the whole chain is found too, and a version the log does not name is reported.
 *
 * @example verifyVersionChain(await store.raw(planId), frozenRecords) // { ok: false, nummer: 3, problem: 'content' }
 */
export function verifyVersionChain(files: readonly RawVersionFile[], frozen: readonly { nummer: number; hash: string }[]): VersionChainVerdict {
  let previous = FIRST_PREVIOUS_HASH;
  const hashes = new Map<number, string>();
  for (const [index, file] of files.entries()) {
    const expected = index + 1;
    if (file.nummer !== expected) return { ok: false, nummer: expected, problem: 'missing' };
    const version = parse(file.bytes);
    if (!version) return { ok: false, nummer: expected, problem: 'unreadable' };
    const { header } = version;
    if (header.nummer !== expected) return { ok: false, nummer: expected, problem: 'wrong-number' };
    const computed = renderingHashes(version.renderings);
    if (computed.familie !== header.hashes?.familie || computed.professioneel !== header.hashes?.professioneel) {
      return { ok: false, nummer: expected, problem: 'content' };
    }
    if (headerHash(header) !== header.hash) return { ok: false, nummer: expected, problem: 'header' };
    if (header.vorigeHash !== previous) return { ok: false, nummer: expected, problem: 'link' };
    previous = header.hash;
    hashes.set(expected, header.hash);
  }
  const witnessed = new Map(frozen.map((f) => [f.nummer, f.hash]));
  for (const [nummer, hash] of [...witnessed].sort((a, b) => a[0] - b[0])) {
    const stored = hashes.get(nummer);
    if (stored === undefined) return { ok: false, nummer, problem: 'missing' };
    if (stored !== hash) return { ok: false, nummer, problem: 'audit-mismatch' };
  }
  for (const nummer of hashes.keys()) if (!witnessed.has(nummer)) return { ok: false, nummer, problem: 'not-in-audit' };
  return { ok: true, count: files.length };
}

function parse(bytes: Uint8Array): StoredVersion | undefined {
  try {
    const value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as StoredVersion;
    return typeof value === 'object' && value !== null && typeof value.header === 'object' && value.header !== null && typeof value.renderings === 'object' && value.renderings !== null ? value : undefined;
  } catch {
    return undefined;
  }
}
