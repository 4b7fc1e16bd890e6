import { isSafeId } from '../ids';

/** The doc kinds of a plan (DESIGN.md §4). Nothing outside `shared/schema` spells these names. */
export const DOC_KINDS = ['gezamenlijk', 'professioneel', 'eigen', 'opmerkingen'] as const;
export type DocKind = (typeof DOC_KINDS)[number];

/**
 * A parsed doc name: the kind, for an `eigen-` doc the member it belongs to, and for a comment doc whether it is
 * the professionals' channel (`opmerkingen-intern`, issue #7) — both comment docs share one layout.
 */
export type ParsedDocName =
  | { kind: 'gezamenlijk' }
  | { kind: 'professioneel' }
  | { kind: 'eigen'; memberId: string }
  | { kind: 'opmerkingen'; intern: boolean };

export const GEZAMENLIJK = 'gezamenlijk';
export const PROFESSIONEEL = 'professioneel';
/** Comment threads every member reads; only the server writes them (DESIGN.md §4). */
export const OPMERKINGEN = 'opmerkingen';
/** Professional-only comment threads; non-professionals never receive this doc (DESIGN.md §4). */
export const OPMERKINGEN_INTERN = 'opmerkingen-intern';
const EIGEN_PREFIX = 'eigen-';

/** The name of a member's own doc. Example: `eigenDocName('m1')` → `eigen-m1`. */
export function eigenDocName(memberId: string): string {
  return `${EIGEN_PREFIX}${memberId}`;
}

/** Parses a doc name, or returns null for a name that is no doc of a plan. */
export function parseDocName(docName: string): ParsedDocName | null {
  if (docName === GEZAMENLIJK) return { kind: 'gezamenlijk' };
  if (docName === PROFESSIONEEL) return { kind: 'professioneel' };
  if (docName === OPMERKINGEN) return { kind: 'opmerkingen', intern: false };
  if (docName === OPMERKINGEN_INTERN) return { kind: 'opmerkingen', intern: true };
  if (docName.startsWith(EIGEN_PREFIX)) {
    const memberId = docName.slice(EIGEN_PREFIX.length);
    if (isSafeId(memberId)) return { kind: 'eigen', memberId };
  }
  return null;
}

/** The comment doc of a channel. Example: `commentDocName(true)` → `opmerkingen-intern`. */
export function commentDocName(intern: boolean): string {
  return intern ? OPMERKINGEN_INTERN : OPMERKINGEN;
}

/** All doc names of a plan with these members. */
export function planDocNames(memberIds: readonly string[]): string[] {
  return [GEZAMENLIJK, PROFESSIONEEL, ...memberIds.map(eigenDocName), OPMERKINGEN, OPMERKINGEN_INTERN];
}
