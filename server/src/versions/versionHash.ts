import { createHash } from 'node:crypto';
import type { PlanRenderings, VersionHeader, VersionScope } from '../../../shared/src/versions/versionTypes';
import { canonicalJson } from '../audit/auditHash';

/** SHA-256 (hex) of a value's canonical JSON (keys sorted), so the same content always gives the same hash. */
export function sha256Of(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

/** The SHA-256 of each rendering of a version. */
export function renderingHashes(renderings: PlanRenderings): { [S in VersionScope]: string } {
  return { familie: sha256Of(renderings.familie), professioneel: sha256Of(renderings.professioneel) };
}

/** The SHA-256 over a header without its own `hash`: it covers the renderings (by their hashes) and the link. */
export function headerHash(header: Omit<VersionHeader, 'hash'> | VersionHeader): string {
  const { hash: _ignored, ...rest } = header as VersionHeader;
  return sha256Of(rest);
}

/** The header with its `hash` filled in. */
export function sealHeader(header: Omit<VersionHeader, 'hash'>): VersionHeader {
  return { ...header, hash: headerHash(header) };
}

/** What the audit log records of a freeze: the number and the hash, so the log witnesses the chain's head. */
export function frozenAuditObject(header: Pick<VersionHeader, 'nummer' | 'hash'>): string {
  return `${header.nummer}:${header.hash}`;
}

/** Reads `frozenAuditObject` back; undefined for anything else. */
export function parseFrozenAuditObject(object: string | undefined): { nummer: number; hash: string } | undefined {
  const match = /^(\d{1,9}):([0-9a-f]{64})$/.exec(object ?? '');
  return match ? { nummer: Number(match[1]), hash: match[2] as string } : undefined;
}
