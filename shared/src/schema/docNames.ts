import { isSafeId } from '../ids';

/** The doc kinds of a plan (DESIGN.md §4). Nothing outside `shared/schema` spells these names. */
export const DOC_KINDS = ['gezamenlijk', 'professioneel', 'eigen'] as const;
export type DocKind = (typeof DOC_KINDS)[number];

/** A parsed doc name: the kind, and for an `eigen-` doc the member it belongs to. */
export type ParsedDocName =
  | { kind: 'gezamenlijk' }
  | { kind: 'professioneel' }
  | { kind: 'eigen'; memberId: string };

export const GEZAMENLIJK = 'gezamenlijk';
export const PROFESSIONEEL = 'professioneel';
const EIGEN_PREFIX = 'eigen-';

/** The name of a member's own doc. Example: `eigenDocName('m1')` → `eigen-m1`. */
export function eigenDocName(memberId: string): string {
  return `${EIGEN_PREFIX}${memberId}`;
}

/** Parses a doc name, or returns null for a name that is no doc of a plan. */
export function parseDocName(docName: string): ParsedDocName | null {
  if (docName === GEZAMENLIJK) return { kind: 'gezamenlijk' };
  if (docName === PROFESSIONEEL) return { kind: 'professioneel' };
  if (docName.startsWith(EIGEN_PREFIX)) {
    const memberId = docName.slice(EIGEN_PREFIX.length);
    if (isSafeId(memberId)) return { kind: 'eigen', memberId };
  }
  return null;
}

/** All doc names of a plan with these members. */
export function planDocNames(memberIds: readonly string[]): string[] {
  return [GEZAMENLIJK, PROFESSIONEEL, ...memberIds.map(eigenDocName)];
}
