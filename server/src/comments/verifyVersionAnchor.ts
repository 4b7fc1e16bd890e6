import type { VersionThreadAnchor } from '../../../shared/src/comments/threadAnchor';
import { versionSectionOwner, versionSectionScope } from '../../../shared/src/versions/versionSections';
import { Invalid } from '../errors';
import type { VersionStore } from '../storage/VersionStore';
import type { VerifiedAnchor } from './verifyAnchor';

/** Who posts, as far as a version anchor cares: the channel, and whether they may read the professional scope. */
export interface VersionPoster {
  readonly intern: boolean;
  readonly readsProfessioneel: boolean;
}

/**
 * Checks a new thread's anchor on a frozen version (issue #8): the version exists and shows the section. The
 * professional part is a place only for threads "alleen voor professionals", started by someone who may read it.
 * Throws `Invalid` with a Dutch message (400), or returns `forbidden` so the caller can refuse and audit (403).
 */
export async function verifyVersionAnchor(
  versions: VersionStore,
  planId: string,
  anchor: VersionThreadAnchor,
  poster: VersionPoster,
): Promise<VerifiedAnchor | 'forbidden'> {
  const version = await versions.get(planId, anchor.versionNumber);
  if (!version) throw new Invalid('anchor version', 'opmerking.fout.versieWeg');
  const section = anchor.blockPath[0] ?? '';
  const scope = versionSectionScope(version.renderings.familie, section);
  if (!scope) throw new Invalid('anchor section', 'opmerking.fout.versieDeelWeg');
  if (scope === 'professioneel') {
    if (!poster.readsProfessioneel) return 'forbidden';
    if (!poster.intern) throw new Invalid('kanaal', 'opmerking.fout.alleenProfessionals');
  }
  const owner = versionSectionOwner(section);
  return { anker: { ...anchor, blockPath: [...anchor.blockPath] }, over: owner ? [owner] : [] };
}
