import type { FamilieRendering, VersionScope } from './versionTypes';
import { printFamilie } from './printVersion';

/** The section key of a version's professional part (`printProfessioneel`). */
export const PROFESSIONEEL_SECTION = 'professioneel';

/**
 * The scope a section of a version is in, by the key its page and PDF print it under (`printVersion.ts`):
 * `familie` for a block of the common plan or a member's own view that the version shows, `professioneel` for
 * the professionals' part; undefined when the version has no such section. A comment on a version may only
 * point at a section that is there (issue #8).
 *
 * @example versionSectionScope(version.renderings.familie, 'zorgen') // 'familie'
 */
export function versionSectionScope(familie: FamilieRendering, key: string): VersionScope | undefined {
  if (key === PROFESSIONEEL_SECTION) return 'professioneel';
  return printFamilie(familie).some((s) => s.key === key) ? 'familie' : undefined;
}

/** The member whose own view a section key names (`eigen-<memberId>`), or null for any other section. */
export function versionSectionOwner(key: string): string | null {
  return key.startsWith('eigen-') ? key.slice('eigen-'.length) : null;
}
